// The future cannot be validated; the validated hours reach the worker's
// planning, relevé d'heures and the staff's payroll CSV. Paul RELEVE works
// weekdays 08:00-15:00 at the Clinique des Tilleuls (prisma/fixtures/hours-statement.ts).
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { demo, open } from "../helpers";
import { signIn } from "../auth-state";
import { addDays, cell, dayMonth, iso, mondayOf, parisToday, WEEKDAYS } from "./dates";

const HOURS_CLIENT = "heures.client@demo.coop-emploi.fr";
const WORKER = "heures.releve@exemple.fr";
const PAUL = "Paul RELEVE";
const monday = mondayOf(parisToday());
const start = addDays(monday, -14);
const end = addDays(monday, 18);

test.describe.configure({ timeout: 240_000 });

/** The instant of a Paris wall-clock time on a calendar day (winter or summer offset). */
function parisAt(day: Date, hh: number, mm: number): Date {
  for (const offset of [60, 120]) {
    const at = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hh, mm) - offset * 60_000);
    const text = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(at);
    if (text === `${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}`) return at;
  }
  throw new Error("no such Paris time");
}

async function as(page: Page, email: string, at: Date) {
  await page.context().clearCookies();
  await signIn(page, email);
  await page.context().addCookies([{ name: "e2e-now", value: at.toISOString(), url: new URL(page.url()).origin }]);
}

const extra = (label: string, index: number) => `${PAUL}, ${label}, ${WEEKDAYS[index]} ${dayMonth(addDays(monday, index))}`;

/** "141 h", "7 h 30" and the plural of the planning's month line. */
const short = (m: number) => (m % 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")}` : `${m / 60} h`);
const split = (validated: number, planned: number) =>
  `${short(validated)} validée${validated >= 120 ? "s" : ""}, ${short(planned)} prévue${planned >= 120 ? "s" : ""}`;

test("tomorrow is refused, today's past hours accepted; the validated hours reach the planning, the relevé and the payroll CSV", async ({
  page,
}) => {
  const wednesday1546 = parisAt(addDays(monday, 2), 15, 46);
  const nextMonday = parisAt(addDays(monday, 7), 9, 0);

  // A page opened later (next Monday) is submitted on Wednesday at 15:46: Thursday is refused, Wednesday capped at 7h46.
  await as(page, HOURS_CLIENT, nextMonday);
  await open(page, `/client?semaine=${iso(monday)}&ref=96101`);
  await expect(page.getByLabel(cell(PAUL, monday, 3))).toBeEnabled();
  await page.getByLabel(cell(PAUL, monday, 2)).fill("8");
  await page.getByLabel(cell(PAUL, monday, 3)).fill("7");
  await page.context().addCookies([{ name: "e2e-now", value: wednesday1546.toISOString(), url: new URL(page.url()).origin }]);
  await page.getByRole("button", { name: "Transmettre les heures" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Certaines heures sont refusées" })).toBeVisible();
  await expect(page.getByLabel(cell(PAUL, monday, 3))).toHaveAccessibleDescription(
    "Ce jour n'est pas encore travaillé : ses heures se saisissent une fois faites.",
  );
  await expect(page.getByLabel(cell(PAUL, monday, 2))).toHaveAccessibleDescription(
    "Aujourd'hui, pas plus de 7h46 : le temps écoulé depuis 08:00.",
  );
  await expect(page.getByLabel(cell(PAUL, monday, 3))).toHaveValue("7");

  // On Wednesday the grid shows Thursday and Friday read-only and today pre-filled with its planned hours.
  await open(page, `/client?semaine=${iso(monday)}&ref=96101`);
  const row = page.getByRole("row", { name: PAUL });
  await expect(row.getByText("À saisir")).toBeVisible();
  await expect(page.getByLabel(cell(PAUL, monday, 3))).toBeDisabled();
  await expect(page.getByLabel(cell(PAUL, monday, 4))).toBeDisabled();
  await expect(page.getByLabel(cell(PAUL, monday, 2))).toHaveValue("7h00");
  await page.getByLabel(cell(PAUL, monday, 0)).fill("7,5");

  // The day's accessoires: night hours beyond the hours worked are refused next to the field.
  await page.getByRole("button", { name: /^Détail du jour/ }).click();
  await page.getByLabel(extra("paniers repas", 0)).fill("1");
  await page.getByLabel(extra("indemnités de déplacement", 0)).fill("1");
  await page.getByLabel(extra("heures de nuit (21 h – 6 h)", 0)).fill("8");
  await page.getByRole("button", { name: "Transmettre les heures" }).click();
  await expect(page.getByLabel(extra("heures de nuit (21 h – 6 h)", 0))).toHaveAccessibleDescription(
    "Pas plus d'heures de nuit que d'heures travaillées (7h30).",
  );
  await expect(page.getByLabel(extra("paniers repas", 0))).toHaveValue("1");
  await page.getByLabel(extra("heures de nuit (21 h – 6 h)", 0)).fill("1");
  await expect(page.getByTestId(/^total-meals-/)).toHaveText("1");
  await page.getByRole("button", { name: "Transmettre les heures" }).click();
  await expect(page.getByRole("status")).toContainText("Heures transmises à l'agence.");
  await expect(row.getByText("validé", { exact: true })).toHaveCount(3);

  // Staff correct Tuesday: 6h30 instead of 7h.
  await as(page, demo.staff, nextMonday);
  await open(page, `/admin/heures?semaine=${iso(monday)}`);
  await page.getByRole("link", { name: PAUL }).click();
  await expect(page.getByLabel(cell(PAUL, monday, 0))).toHaveValue("7h30");
  await page.getByLabel(cell(PAUL, monday, 1)).fill("6h30");
  await page.getByRole("button", { name: "Enregistrer la correction" }).click();
  await expect(page.getByRole("status")).toContainText("Correction enregistrée (1 jour modifié)");

  // The worker's planning shows the validated hours against the planned ones, and the month's split.
  await as(page, WORKER, nextMonday);
  await open(page, `/plannings?vue=semaine&date=${iso(monday)}`);
  const slot = (i: number) => page.locator(`li[data-day="${iso(addDays(monday, i))}"]`).getByTestId("planning-slot");
  await expect(slot(0)).toHaveText("08:00 (07h30 validées, 07h00 prévues) - CLINIQUE DES TILLEULS");
  await expect(slot(1)).toHaveText("08:00 (06h30 validées, 07h00 prévues) - CLINIQUE DES TILLEULS");
  await expect(slot(2)).toHaveText("08:00 (07h00) - CLINIQUE DES TILLEULS");
  await expect(slot(2)).toHaveAttribute("data-validated", "1");
  await expect(slot(3)).toHaveAttribute("data-validated", "0");
  // The month of this Monday: its weekdays of the contract, validated (7,5 + 6,5 + 7 h) or only planned.
  const validated = new Map([
    [iso(monday), 450],
    [iso(addDays(monday, 1)), 390],
    [iso(addDays(monday, 2)), 420],
  ]);
  let v = 0;
  let p = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) {
    if (d.getUTCMonth() !== monday.getUTCMonth() || d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    if (validated.has(iso(d))) v += validated.get(iso(d))!;
    else p += 420;
  }
  await expect(page.getByTestId("month-split")).toContainText(split(v, p));

  // The relevé d'heures: planned, the client's, the agency's, the difference.
  await page.getByRole("link", { name: "Relevé d'heures" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Relevé d'heures" })).toBeVisible();
  await open(page, `/plannings/releve?vue=semaine&date=${iso(monday)}`);
  const day = (i: number) => page.locator(`tr[data-day="${iso(addDays(monday, i))}"] td`);
  await expect(day(0)).toHaveText(["7h00", "7h30", "–", "+0h30"]);
  await expect(day(1)).toHaveText(["7h00", "7h00", "6h30", "−0h30"]);
  await expect(day(2)).toHaveText(["7h00", "7h00", "–", "0h00"]);
  await expect(day(3)).toHaveText(["7h00", "–", "–", "en attente"]);
  await expect(page.getByTestId("releve-retenu")).toHaveText("Heures retenues : 21h00 · en attente de validation : 14h00");
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: test.info().outputPath("releve-375.png"), fullPage: true });

  // Staff: a reversed period is refused next to the field; then the week's CSV holds the hours and accessoires.
  await as(page, demo.staff, nextMonday);
  await open(page, "/admin/heures");
  const agency = await page.locator("#paie-agence option", { hasText: "MEDIMP" }).getAttribute("value");
  await page.getByLabel("Agence").selectOption(agency!);
  await page.getByLabel("Du", { exact: true }).fill(iso(addDays(monday, 6)));
  await page.getByLabel("Au", { exact: true }).fill(iso(monday));
  await page.getByRole("button", { name: "Télécharger le CSV de paie" }).click();
  await expect(page.getByLabel("Au", { exact: true })).toHaveAccessibleDescription("La fin de la période doit suivre son début.");
  await expect(page.getByLabel("Du", { exact: true })).toHaveValue(iso(addDays(monday, 6)));
  await page.getByLabel("Du", { exact: true }).fill(iso(monday));
  await page.getByLabel("Au", { exact: true }).fill(iso(addDays(monday, 6)));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger le CSV de paie" }).click(),
  ]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFAgence;Matricule;Nom;Prénom;Contrat;")).toBe(true);
  const line = csv.split("\r\n").find((l) => l.includes(";96101;"))!;
  expect(line.split(";").slice(1, 5)).toEqual(["6950", "RELEVE", "Paul", "96101"]);
  // 7,5 + 6,5 + 7 h; night 1 h; one meal, one travel allowance.
  expect(line.split(";").slice(7, 15)).toEqual(["21,00", "1,00", "0,00", "0,00", "0,00", "1", "1", ""]);
});
