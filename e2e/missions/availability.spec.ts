import { expect, test } from "@playwright/test";
import { demo, open } from "../helpers";
import { signIn } from "../auth-state";
import { missionsWorkers } from "./missions-helpers";

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
