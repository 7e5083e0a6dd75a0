import { expect, test } from "@playwright/test";
import { demo, open } from "../helpers";
import { signIn } from "../auth-state";
import { cutLabels, missionsWorkers } from "./missions-helpers";

/** The Paris month `offset` months from now, as "YYYY-MM", with its days. */
function parisMonth(offset: number): { key: string; day: (d: number) => string; last: string } {
  const p = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number);
  const key = new Date(Date.UTC(p[0], p[1] - 1 + offset, 1)).toISOString().slice(0, 7);
  const last = new Date(Date.UTC(p[0], p[1] + offset, 0)).toISOString().slice(0, 10);
  return { key, day: (n: number) => `${key}-${String(n).padStart(2, "0")}`, last };
}

// The seeded planning worker has known shifts in the month after next (prisma/fixtures/missions.ts):
// work on the 10th, twice on the 11th, a night from the 12th, a public-holiday absence on the 13th,
// a night from the last day.
test("the availability calendar shows the worker's own missions on their days, each opening its contract", async ({ page }) => {
  const m = parisMonth(2);
  await signIn(page, missionsWorkers.planning.email);
  await open(page, `/disponibilites?mois=${m.key}`);
  const calendar = page.getByRole("table", { name: /^Disponibilités de/ });
  const missions = calendar.getByTestId("mission-mark");
  // Only this worker's work days: the absence is not a mission, and no one else's contract shows.
  await expect(missions).toHaveCount(4);
  for (const day of [m.day(10), m.day(11), m.day(12), m.last])
    await expect(page.locator(`td[data-day="${day}"]`).getByTestId("mission-mark")).toHaveCount(1);
  await expect(page.locator(`td[data-day="${m.day(13)}"]`).getByTestId("mission-mark")).toHaveCount(0);
  // One entry per contract and day, naming its hours, client and contract.
  const day11 = page.locator(`td[data-day="${m.day(11)}"]`).getByRole("link", { name: /^Mission/ });
  await expect(day11).toHaveAccessibleName(/07:30-11:30, 17:00-20:00, RESIDENCE JEAN XXIII – .+, contrat n° \S+/);
  await expect(page.getByRole("list", { name: "Légende du calendrier" })).toContainText("Mission : vous êtes déjà en mission ce jour-là");
  const href = await day11.getAttribute("href");
  expect(href).toMatch(/^\/contrats\/[^/]+$/);
  await day11.click();
  await expect(page).toHaveURL(href!);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Contrat n°");
});

test("no calendar label is cut, at 1280 px and on a 375 px phone", async ({ page }) => {
  // The demo worker: missions most days, availability marks on the others.
  await signIn(page, demo.worker);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/disponibilites", `/disponibilites?mois=${parisMonth(1).key}`]) {
      await open(page, path);
      const labels = page.locator('[data-testid="availability-mark"], [data-testid="mission-mark"]');
      expect(await labels.count(), `${path}: labels at ${width} px`).toBeGreaterThan(0);
      expect(await cutLabels(page), `${path}: labels cut at ${width} px`).toEqual([]);
    }
  }
});
