import { expect, test } from "@playwright/test";
import { demo, open } from "../helpers";
import { signIn } from "../auth-state";
import { cutLabels, missionsWorkers } from "./missions-helpers";

// The tests share the availability worker: in order, each after the other.
test.describe.configure({ mode: "serial" });

const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
const plusDays = (key: string, n: number) => new Date(Date.parse(`${key}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test("availability: one day, a weekly pattern, change and remove; past dates refused; staff see them", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signIn(page, missionsWorkers.dispo.email);
  await open(page, "/disponibilites");
  const today = parisToday();

  // A past day is refused, next to the field.
  await page.getByRole("checkbox", { name: "Matin", exact: true }).check();
  await page.getByLabel("Jour", { exact: true }).fill(plusDays(today, -1));
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Les dates passées ne peuvent pas être modifiées.")).toBeVisible();
  await expect(page.getByTestId("availability-item")).toHaveCount(0);

  // One day, morning + night, available.
  const day = plusDays(today, 2);
  await page.getByRole("checkbox", { name: "Nuit", exact: true }).check();
  await page.getByLabel("Jour", { exact: true }).fill(day);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("2 créneaux enregistrés.")).toBeVisible();
  await expect(page.getByTestId("availability-item")).toHaveCount(2);

  // A weekly pattern: unavailable every day of the week for the full day, over 7 days starting in 3 days.
  await page.getByRole("radio", { name: "Indisponible", exact: true }).check();
  await page.getByRole("radio", { name: "Chaque semaine sur une période" }).check();
  await page.getByRole("checkbox", { name: "Journée entière", exact: true }).check();
  await page.getByRole("checkbox", { name: "Matin", exact: true }).uncheck();
  await page.getByRole("checkbox", { name: "Nuit", exact: true }).uncheck();
  await page.getByLabel("Du", { exact: true }).fill(plusDays(today, 3));
  await page.getByLabel("Au", { exact: true }).fill(plusDays(today, 16));
  for (const d of ["Lundi", "Mercredi"]) await page.getByRole("checkbox", { name: d, exact: true }).check();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText(/créneaux? enregistrés?\./)).toBeVisible();
  const items = page.getByTestId("availability-item");
  const unavailable = items.filter({ has: page.getByText("Indisponible", { exact: true }) });
  await expect(unavailable).toHaveCount(4);
  for (const text of await unavailable.allInnerTexts()) expect(text).toMatch(/^(lundi|mercredi)/i);

  // Change one, remove another.
  const first = items.filter({ hasText: "Matin" }).first();
  await first.getByRole("button", { name: /Passer en indisponible/ }).click();
  await expect(items.filter({ hasText: "Matin" }).first().getByText("Indisponible", { exact: true })).toBeVisible();
  await items
    .filter({ hasText: "Nuit" })
    .first()
    .getByRole("button", { name: /Supprimer/ })
    .click();
  await expect(items.filter({ hasText: "Nuit" })).toHaveCount(0);
  await expect(items).toHaveCount(5);

  // The calendar shows them.
  await open(page, `/disponibilites?mois=${day.slice(0, 7)}`);
  await expect(page.locator(`td[data-day="${day}"]`).getByTestId("availability-mark")).toHaveText(/Matin/);

  // The staff view is for staff only, and an unknown worker id is a 404.
  expect((await open(page, "/admin/interimaires/inconnu/disponibilites"))?.status()).toBe(404);
  const staff = await browser.newContext({ baseURL });
  const staffPage = await staff.newPage();
  await signIn(staffPage, demo.staff);
  expect((await open(staffPage, "/admin/interimaires/inconnu/disponibilites"))?.status()).toBe(404);
  await staff.close();
});

test("availability: one coherent state per day, whatever the boxes ticked, repeated or split", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, missionsWorkers.dispo.email);
  await open(page, "/disponibilites");
  const day = plusDays(parisToday(), 25);
  const items = page.locator(`[data-testid="availability-item"][data-day="${day}"]`);
  const statusOf = async () =>
    (await items.allInnerTexts()).map(
      (t) => `${t.match(/– (Journée entière|Matin|Après-midi|Nuit)/)?.[1]} ${/Indisponible/.test(t) ? "✕" : "✓"}`,
    );
  const save = async (status: "Disponible" | "Indisponible", parts: string[]) => {
    await page.getByRole("radio", { name: status, exact: true }).check();
    for (const p of ["Journée entière", "Matin", "Après-midi", "Nuit"])
      await page.getByRole("checkbox", { name: p, exact: true }).setChecked(parts.includes(p));
    await page.getByLabel("Jour", { exact: true }).fill(day);
    await page.getByRole("button", { name: "Enregistrer" }).click();
  };

  // Journée entière + matin + nuit: the whole day, one entry.
  await save("Disponible", ["Journée entière", "Matin", "Nuit"]);
  await expect(page.getByText("1 créneau enregistré.")).toBeVisible();
  await expect.poll(statusOf).toEqual(["Journée entière ✓"]);

  // The afternoon unavailable on that day splits it; the other parts keep their answer.
  await save("Indisponible", ["Après-midi"]);
  await expect(page.getByText("3 créneaux enregistrés.")).toBeVisible();
  await expect.poll(statusOf).toEqual(["Matin ✓", "Après-midi ✕", "Nuit ✓"]);

  // The same choice again (a second click, another tab): the same three entries.
  await save("Indisponible", ["Après-midi", "Après-midi"]);
  await expect.poll(statusOf).toEqual(["Matin ✓", "Après-midi ✕", "Nuit ✓"]);

  // The calendar shows the day as stored, every label whole, at 1280 px and on a phone.
  await open(page, `/disponibilites?mois=${day.slice(0, 7)}`);
  const marks = page.locator(`td[data-day="${day}"]`).getByTestId("availability-mark");
  await expect(marks).toHaveText(["Matin : disponible", "Après-midi : indisponible", "Nuit : disponible"].map((t) => new RegExp(t)));
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await cutLabels(page), `labels cut at ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Back to available: the three parts agree again and merge into the whole day.
  await items
    .filter({ hasText: "Après-midi" })
    .getByRole("button", { name: /Passer en disponible/ })
    .click();
  await expect.poll(statusOf).toEqual(["Journée entière ✓"]);

  // The whole day unavailable replaces it, one entry.
  await save("Indisponible", ["Journée entière"]);
  await expect.poll(statusOf).toEqual(["Journée entière ✕"]);
});
