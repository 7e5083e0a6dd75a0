import { expect, test } from "@playwright/test";
import { open } from "../helpers";
import { signIn } from "../auth-state";
import { missionsWorkers } from "./missions-helpers";

// The seeded planning worker has known shifts in the month after next (prisma/fixtures/missions.ts).
function monthAfterNext(): { key: string; day: (d: number) => string } {
  const p = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number);
  const d = new Date(Date.UTC(p[0], p[1] - 1 + 2, 1));
  const key = d.toISOString().slice(0, 7);
  return { key, day: (n: number) => `${key}-${String(n).padStart(2, "0")}` };
}

test("planning: month total, navigation, week and day views, slots open the contract, iCal feed", async ({ page, request }) => {
  test.setTimeout(180_000);
  const m = monthAfterNext();
  await signIn(page, missionsWorkers.planning.email);
  await open(page, "/plannings");
  await expect(page.getByRole("link", { name: "Mois", exact: true })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: /Suivant/ }).click();
  await expect(page).toHaveURL(/vue=mois&date=/);
  await expect(page.getByTestId("planning-title")).not.toHaveText(/^$/);
  const once = page.url();
  await page.getByRole("link", { name: /Suivant/ }).click();
  await expect(page).not.toHaveURL(once);
  await expect(page).toHaveURL(new RegExp(`vue=mois&date=${m.key}`));
  await expect(page.getByTestId("month-total")).toHaveText("31 h 30 calculées pour ce mois");
  const day10 = page.locator(`td[data-day="${m.day(10)}"]`);
  await expect(day10.getByTestId("planning-slot")).toHaveText("13:30 (07h00) - RESIDENCE JEAN XXIII (en attente de validation)");
  const day11 = page.locator(`td[data-day="${m.day(11)}"]`).getByTestId("planning-slot");
  await expect(day11).toHaveText([
    "07:30 (04h00) - RESIDENCE JEAN XXIII (en attente de validation)",
    "17:00 (03h00) - RESIDENCE JEAN XXIII (en attente de validation)",
  ]);
  await expect(day11.first()).toHaveAttribute("data-validated", "0");
  await expect(page.locator(`td[data-day="${m.day(12)}"]`).getByTestId("planning-slot")).toHaveText(
    "21:00 (09h30) - RESIDENCE JEAN XXIII (en attente de validation)",
  );
  await expect(page.locator(`td[data-day="${m.day(13)}"]`).getByTestId("planning-slot")).toHaveText(
    "21:00 (10h00) - absent : FER (en attente de validation)",
  );

  // Week view of the 12th, then the day view; previous/next move by a week/day.
  await open(page, `/plannings?vue=semaine&date=${m.day(12)}`);
  await expect(page.getByTestId("planning-title")).toContainText("Semaine du");
  await expect(page.getByTestId("month-total")).toHaveText("31 h 30 calculées pour ce mois");
  await expect(page.locator(`li[data-day="${m.day(12)}"]`).getByTestId("planning-slot")).toHaveText(
    "21:00 (09h30) - RESIDENCE JEAN XXIII (en attente de validation)",
  );
  await page.getByRole("link", { name: "Jour", exact: true }).click();
  await expect(page.locator(`li[data-day]`)).toHaveCount(1);
  await page.getByRole("link", { name: /Suivant/ }).click();
  await expect(page).toHaveURL(new RegExp(`vue=jour&date=${m.day(13)}`));
  await expect(page.getByTestId("planning-slot")).toHaveText("21:00 (10h00) - absent : FER (en attente de validation)");

  // A slot opens its contract.
  await page.getByTestId("planning-slot").click();
  await expect(page.getByRole("heading", { name: /Contrat n° \d+/ })).toBeVisible();

  // "Aujourd'hui" comes back to the current month.
  await open(page, `/plannings?vue=mois&date=${m.day(1)}`);
  await page.getByRole("link", { name: "Aujourd'hui" }).click();
  await expect(page).not.toHaveURL(new RegExp(m.key));

  // The iCal feed: created, readable without a session, renewable (old address dead).
  await page.getByRole("button", { name: /Créer mon adresse d'agenda|Renouveler l'adresse/ }).click();
  const url = new URL((await page.getByTestId("feed-url").innerText()).trim());
  const feed = await request.get(url.pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toMatch(/SUMMARY:RESIDENCE JEAN XXIII - AGENT DE SERVICE LOGISTIQUE/);
  expect(ics).toContain("SUMMARY:Absent : FER - RESIDENCE JEAN XXIII");
  expect(ics).toContain("STATUS:TENTATIVE");
  await page.getByRole("button", { name: "Renouveler l'adresse" }).click();
  await expect(page.getByTestId("feed-url")).not.toHaveText(url.toString());
  expect((await request.get(url.pathname)).status()).toBe(404);
});

test("planning on a phone: the month becomes a list of days", async ({ browser, baseURL }) => {
  const m = monthAfterNext();
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, missionsWorkers.planning.email);
  await open(page, `/plannings?date=${m.day(1)}`);
  await expect(page.locator(`li[data-day="${m.day(11)}"]`).getByTestId("planning-slot")).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/missions-planning-phone.png", fullPage: true });
  await context.close();
});
