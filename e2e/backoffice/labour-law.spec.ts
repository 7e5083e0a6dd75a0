// Issue 14 through the back office: every booking path refuses what breaks the
// rules (a worker booked elsewhere, a qualification not held, a rate under the
// SMIC, a 10 h 01 day, a week without 35 h of rest), next to the field, with
// nothing typed or saved lost; then the accepted case. And the SMIC screen.
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { stateOf } from "../auth-state";
import { demo, open } from "../helpers";
import { addDays, fr, iso, parisToday } from "../heures/dates";
import { dayAfterNextMonday, fillContract } from "./bo";

const expect = baseExpect.configure({ timeout: 20_000 });
test.use({ storageState: stateOf(demo.staff) });
test.describe.configure({ timeout: 240_000 });

// prisma/fixtures/labour-law.ts
const NEED = "Ciblage droit du travail";
const BOOKED = "97001";
const DRAFT = "97002";
const BOOKED_SINCE = "97003";

async function profileId(page: Page, lastName: string, name: string) {
  await open(page, `/admin/interimaires?nom=${lastName}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

test("ciblage « Retenir » of a worker already booked on those hours is refused in her row; another worker is retained", async ({
  page,
}) => {
  await open(page, "/admin/ciblages");
  await page.getByRole("row").filter({ hasText: NEED }).getByRole("link").click();
  const offers = page.getByRole("table", { name: "Propositions envoyées" });
  const alice = offers.getByRole("row", { name: "Alice Droitier" });
  await alice.getByRole("button", { name: "Retenir" }).click();
  await expect(alice.getByRole("alert")).toContainText(`déjà réservé(e) sur le contrat n° ${BOOKED}`);
  // Nothing lost: still accepted, still to retain, no contract made.
  await expect(alice.getByText("Acceptée")).toBeVisible();
  await expect(alice.getByRole("button", { name: "Retenir" })).toBeVisible();
  await expect(page.getByTestId("retenus")).toHaveText(/^0 \/ 1/);
  // Bruno is free: retained, his draft contract made.
  await offers.getByRole("row", { name: "Bruno Droitier" }).getByRole("button", { name: "Retenir" }).click();
  await expect(page.getByRole("status")).toContainText("Intérimaire retenu");
  await expect(page.getByTestId("retenus")).toHaveText(/^1 \/ 1/);
});

test("« Envoyer à la signature » of a draft overlapping a contract booked since is refused; the draft stays a draft", async ({ page }) => {
  await open(page, `/admin/contrats?interimaire=Droitier`);
  await page.getByRole("link", { name: DRAFT, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DRAFT);
  await page.getByRole("button", { name: "Envoyer à la signature" }).click();
  await expect(page.getByRole("alert").first()).toContainText(`déjà réservé(e) sur le contrat n° ${BOOKED_SINCE}`);
  await open(page, page.url());
  await expect(page.getByText("Brouillon").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Envoyer à la signature" })).toBeVisible();
});

test("« Nouveau contrat » refuses a qualification not held, 5,00 €, a 10 h 01 day and a week without 35 h of rest; then creates", async ({
  page,
}) => {
  const workerId = await profileId(page, "Droitier", "Alice DROITIER");
  await open(page, "/admin/clients?q=JEAN");
  await page.getByRole("link", { name: "RESIDENCE JEAN XXIII" }).click();
  const siteHref = await page.getByRole("link", { name: "Nouveau contrat sur ce site" }).first().getAttribute("href");
  const siteId = new URL(siteHref!, "http://x").searchParams.get("site")!;
  const week = (n: number) => ({ startDate: dayAfterNextMonday(7 * n), endDate: dayAfterNextMonday(7 * n + 4) });
  const base = {
    workerId,
    siteId,
    reference: "DROIT",
    start: "08:00",
    end: "15:00",
    weekdays: ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"],
  };

  // Alice holds 525 and 520 only (validated diplomas): not ANIMATEUR.
  await fillContract(page, { ...base, ...week(8), qualification: "ANIMATEUR (610)" });
  const qualification = page.getByLabel("Qualification");
  await expect(qualification).toHaveAccessibleDescription(/n'a pas la qualification ANIMATEUR \(610\)/);
  await expect(page.getByLabel("Référence")).toHaveValue("DROIT");
  await expect(page).toHaveURL(/\/admin\/contrats\/nouveau/);

  // 5,00 € an hour: the SMIC in force on the first day, named.
  await fillContract(page, { ...base, ...week(8), rate: "5,00" });
  const rate = page.getByLabel("Taux horaire (€)");
  await expect(rate).toHaveAccessibleDescription(/Le taux horaire doit être d'au moins 12,02\s€ \(SMIC en vigueur le \d\d\/\d\d\/\d{4}\)/);
  await expect(rate).toHaveValue("5,00");

  // 08:00-18:01 without a break: 10 h 01 of work that Monday.
  await fillContract(page, {
    ...base,
    startDate: dayAfterNextMonday(63),
    endDate: dayAfterNextMonday(63),
    end: "18:01",
    weekdays: ["Lundi"],
  });
  const days = page.getByRole("group", { name: "Jours travaillés chaque semaine" });
  await expect(days).toHaveAccessibleDescription(
    `La journée du ${fr(new Date(`${dayAfterNextMonday(63)}T00:00:00Z`))} compterait 10 h 01 de travail : au plus 10 h par jour.`,
  );
  await expect(page.getByLabel("Heure de fin")).toHaveValue("18:01");

  // Seven days of 14:00-20:00 (42 h): no day of rest that week.
  await fillContract(page, {
    ...base,
    startDate: dayAfterNextMonday(70),
    endDate: dayAfterNextMonday(76),
    start: "14:00",
    end: "20:00",
    weekdays: ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"],
  });
  await expect(days).toHaveAccessibleDescription(/n'aurait pas de repos de 35 h d'affilée/);
  await expect(page.getByRole("checkbox", { name: "Dimanche" })).toBeChecked();

  // The same week Monday to Saturday (the contract ends on its last shift's day): accepted.
  await fillContract(page, {
    ...base,
    startDate: dayAfterNextMonday(70),
    endDate: dayAfterNextMonday(75),
    start: "14:00",
    end: "20:00",
    weekdays: ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi"],
  });
  await expect(page).toHaveURL(/\/admin\/contrats\/[^/?]+\?cree=1/, { timeout: 30_000 });
  await expect(page.getByTestId("shift-row")).toHaveCount(6);
});

test("the SMIC table is extended from a date, never rewritten", async ({ page }) => {
  await open(page, "/admin/remuneration");
  await expect(page.getByRole("heading", { level: 1, name: "SMIC et minima" })).toBeVisible();
  const rows = page.getByTestId("smic-row");
  await expect(rows.first()).toContainText("01/01/2026");
  await expect(rows.first()).toContainText("12,02");
  const form = page.getByRole("form", { name: "Ajouter une valeur du SMIC" });
  // A past date would rewrite history: refused next to the field, what was typed kept.
  await form.getByLabel("En vigueur à partir du").fill("2025-06-01");
  await form.getByLabel("Taux horaire brut (€)").fill("12,30");
  await form.getByLabel("Source").fill("Décret de test");
  await form.getByRole("button", { name: "Ajouter cette valeur" }).click();
  await expect(form.getByLabel("En vigueur à partir du")).toHaveAccessibleDescription(
    /doit suivre celle de la dernière valeur \(01\/01\/2026\)/,
  );
  await expect(form.getByLabel("Taux horaire brut (€)")).toHaveValue("12,30");
  // Far ahead, so that no other spec's contract is concerned.
  const from = addDays(parisToday(), 900);
  await form.getByLabel("En vigueur à partir du").fill(iso(from));
  await form.getByRole("button", { name: "Ajouter cette valeur" }).click();
  await expect(form.getByRole("status")).toContainText(
    new RegExp(`SMIC de 12,30\\s€ ajouté, en vigueur à partir du ${fr(from).replaceAll("/", "\\/")}\\.`),
  );
  await expect(rows.first()).toContainText(fr(from));
  await expect(rows.first()).toContainText("Décret de test");
  await expect(rows.first()).toContainText("par ");
});
