import { expect, test, type Page } from "@playwright/test";
import { demo, open } from "../helpers";
import { signIn } from "../auth-state";
import { fillContract } from "../backoffice/bo";
import { addDays, cell, fr, iso, mondayOf, parisToday } from "./dates";

const HOURS_CLIENT = "heures.client@demo.coop-emploi.fr";
const OTHER_CLIENT = "glycines.client@demo.coop-emploi.fr";
const monday = mondayOf(parisToday());

// Several sign-ins in one scenario: more time than the default on a loaded machine.
test.describe.configure({ timeout: 180_000 });

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

test("the client submits a week's hours, the shifts are validated, staff correct them and the change is logged", async ({ page }) => {
  const week = addDays(monday, -7);
  await signIn(page, HOURS_CLIENT);
  await expect(page).toHaveURL(/\/client$/);
  await expect(page.getByRole("heading", { level: 1, name: "Saisie des heures" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Semaine actuelle" })).toBeVisible();

  // Previous week from the current one, then filter on Lucas's contract.
  await page.getByRole("link", { name: "‹ Semaine précédente" }).click();
  await expect(page.getByTestId("periode")).toHaveText(`${fr(week)} au ${fr(addDays(week, 6))}`);
  await page.getByLabel("Références ou contrat").fill("96001");
  await page.getByRole("button", { name: "Afficher" }).click();
  await page.waitForLoadState("networkidle");
  const lucas = "Lucas MOREL";
  await expect(page.getByRole("row", { name: lucas })).toBeVisible();
  await expect(page.getByRole("row", { name: "Emma ROUX" })).toHaveCount(0);

  // Pre-filled from the planned shifts: 7 h Monday to Friday, nothing at the weekend.
  await expect(page.getByLabel(cell(lucas, week, 0))).toHaveValue("7h00");
  await expect(page.getByLabel(cell(lucas, week, 5))).toHaveValue("");
  await expect(page.getByTestId("total-semaine")).toHaveText("35h00");
  await page.getByLabel(cell(lucas, week, 0)).fill("8,5");
  await expect(page.getByTestId("total-semaine")).toHaveText("36h30");

  await page.getByRole("button", { name: "Transmettre les heures" }).click();
  await expect(page.getByRole("status")).toContainText("Heures transmises à l'agence.");
  const row = page.getByRole("row", { name: lucas });
  await expect(row.getByText(/^Transmis le/)).toBeVisible();
  await expect(page.getByLabel(cell(lucas, week, 0))).toBeDisabled();
  await expect(row.getByText("validé", { exact: true })).toHaveCount(5);
  await expect(page.getByRole("button", { name: "Transmettre les heures" })).toHaveCount(0);

  // Staff see the submitted week, the validated shifts, and correct Tuesday.
  await switchUser(page, demo.staff);
  await open(page, `/admin/heures?semaine=${iso(week)}`);
  await page.getByRole("link", { name: lucas }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(lucas);
  const shifts = page.getByTestId("creneau");
  await expect(shifts).toHaveCount(5);
  for (const s of await shifts.all()) await expect(s).toContainText("Validé le");
  await expect(page.getByLabel(cell(lucas, week, 0))).toHaveValue("8h30");
  // The agency has no 12 h agreement: 10 h a day at most.
  await page.getByLabel(cell(lucas, week, 1)).fill("10h01");
  await page.getByRole("button", { name: "Enregistrer la correction" }).click();
  await expect(page.getByLabel(cell(lucas, week, 1))).toHaveAccessibleDescription("Pas plus de 10 heures par jour.");
  await page.getByLabel(cell(lucas, week, 1)).fill("6h30");
  await page.getByRole("button", { name: "Enregistrer la correction" }).click();
  await expect(page.getByRole("status")).toContainText("Correction enregistrée (1 jour modifié)");
  const history = page.getByTestId("historique");
  await expect(history.filter({ hasText: "Correction par l'agence" })).toContainText(`${fr(addDays(week, 1))} : 7h00 → 6h30`);
  await expect(history.filter({ hasText: "Heures transmises par le client" })).toHaveCount(1);
  await expect(page.getByTestId("total-semaine")).toHaveText("36h00");
});

test("hours outside the contract, over 10 h a day or 48 h a week are refused; a draft is kept; another client's contract is a 404", async ({
  page,
}) => {
  const emma = "Emma ROUX";
  // Emma's contract starts on the Wednesday of this week.
  const first = addDays(monday, -28);
  await signIn(page, HOURS_CLIENT);
  await open(page, `/client?semaine=${iso(first)}&ref=96002`);
  await expect(page.getByLabel(cell(emma, first, 0))).toHaveValue("");
  await expect(page.getByLabel(cell(emma, first, 2))).toHaveValue("6h30");
  await page.getByLabel(cell(emma, first, 0)).fill("7");
  await page.getByLabel(cell(emma, first, 2)).fill("10h01");
  await page.getByLabel(cell(emma, first, 3)).fill("abc");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Certaines heures sont refusées" })).toBeVisible();
  await expect(page.getByText("Ce jour est en dehors des dates du contrat.")).toBeVisible();
  await expect(page.getByText("Pas plus de 10 heures par jour.")).toBeVisible();
  await expect(page.getByText("Saisissez une durée, par exemple 7, 7,5 ou 7h30.")).toBeVisible();
  // What was typed stays on screen.
  await expect(page.getByLabel(cell(emma, first, 2))).toHaveValue("10h01");

  await page.getByLabel(cell(emma, first, 0)).fill("");
  await page.getByLabel(cell(emma, first, 2)).fill("10");
  await page.getByLabel(cell(emma, first, 3)).fill("7h15");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("status")).toContainText("Brouillon enregistré");
  await open(page, `/client?semaine=${iso(first)}&ref=96002`);
  await expect(page.getByLabel(cell(emma, first, 2))).toHaveValue("10h00");
  await expect(page.getByLabel(cell(emma, first, 3))).toHaveValue("7h15");
  await expect(page.getByRole("row", { name: emma }).getByText("Brouillon")).toBeVisible();

  // 48 h a week at most.
  const later = addDays(monday, -14);
  await open(page, `/client?semaine=${iso(later)}&ref=96002`);
  for (let i = 0; i < 5; i++) await page.getByLabel(cell(emma, later, i)).fill("10");
  await page.getByRole("button", { name: "Transmettre les heures" }).click();
  await expect(page.getByText(/Pas plus de 48 heures sur la semaine/)).toBeVisible();
  await open(page, `/client?semaine=${iso(later)}&ref=96002`);
  await expect(page.getByRole("row", { name: emma }).getByText("À saisir")).toBeVisible();

  // The other client company's contract.
  await switchUser(page, OTHER_CLIENT);
  await open(page, "/client/contrats");
  await expect(page.getByRole("cell", { name: "Inès GARRIGUES" })).toBeVisible();
  await expect(page.getByText("Lucas")).toHaveCount(0);
  await page.getByRole("link", { name: "96003" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contrat 96003" })).toBeVisible();
  const foreign = new URL(page.url()).pathname;

  await switchUser(page, HOURS_CLIENT);
  await open(page, "/client/contrats");
  await expect(page.getByRole("link", { name: "96001" })).toBeVisible();
  await expect(page.getByText("GARRIGUES")).toHaveCount(0);
  const response = await open(page, foreign);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("GARRIGUES")).toHaveCount(0);
  const filtered = await open(page, `/client?ref=96003`);
  expect(filtered?.status()).toBe(200);
  await expect(page.getByText("GARRIGUES")).toHaveCount(0);
});

test("the 48 h cap counts the hours the worker already has at another client's site that week", async ({ page }) => {
  const week = addDays(monday, -21);
  const emma = "Emma ROUX";
  // Staff give Emma a Saturday contract at the Glycines, besides her weekdays at the Tilleuls
  // (10 h that day, and 35 h of rest from Saturday 22:00 to Monday 09:00).
  await signIn(page, demo.staff);
  await open(page, "/admin/clients?q=GLYCINES");
  await page.getByRole("link", { name: "EHPAD LES GLYCINES" }).click();
  const siteHref = await page.getByRole("link", { name: "Nouveau contrat sur ce site" }).first().getAttribute("href");
  const siteId = new URL(siteHref!, "http://x").searchParams.get("site")!;
  await open(page, "/admin/interimaires?nom=Roux");
  await page.getByRole("link", { name: emma }).click();
  await expect(page.getByRole("heading", { level: 1, name: emma })).toBeVisible();
  const workerId = new URL(page.url()).pathname.split("/").at(-1)!;
  await fillContract(page, {
    workerId,
    siteId,
    reference: "SAMEDI",
    startDate: iso(addDays(week, 5)),
    endDate: iso(addDays(week, 5)),
    start: "12:00",
    end: "22:00",
    weekdays: ["Samedi"],
    qualification: "AIDE-SOIGNANT (312)",
  });
  await expect(page).toHaveURL(/\/admin\/contrats\/[^/?]+\?cree=1/, { timeout: 30_000 });
  await page.getByRole("button", { name: "Envoyer à la signature" }).click();
  await expect(page.getByText("Le contrat attend la signature de l'intérimaire.")).toBeVisible({ timeout: 20_000 });

  // The Glycines submit 10 h for her weekend.
  await switchUser(page, OTHER_CLIENT);
  await open(page, `/client?semaine=${iso(week)}`);
  await page.getByLabel(cell(emma, week, 5)).fill("10");
  await page.getByRole("button", { name: "Transmettre les heures" }).click();
  await expect(page.getByRole("status")).toContainText("Heures transmises à l'agence.");

  // The Tilleuls: 40 h alone would pass, but with the Glycines' 10 h the week is 50 h.
  await switchUser(page, HOURS_CLIENT);
  await open(page, `/client?semaine=${iso(week)}&ref=96002`);
  for (let i = 0; i < 7; i++) await page.getByLabel(cell(emma, week, i)).fill(i < 5 ? "8" : "");
  await page.getByRole("button", { name: "Transmettre les heures" }).click();
  await expect(
    page.getByText(
      "Pas plus de 48 heures sur la semaine, heures sur les autres sites comprises : 50h00 au total, dont 10h00 déjà saisies ou validées sur d'autres sites.",
    ),
  ).toBeVisible();
  await open(page, `/client?semaine=${iso(week)}&ref=96002`);
  await expect(page.getByRole("row", { name: emma }).getByText("À saisir")).toBeVisible();
  // 38 h here and 10 h there: exactly 48 h, accepted.
  for (let i = 0; i < 7; i++) await page.getByLabel(cell(emma, week, i)).fill(i === 0 ? "6" : i < 5 ? "8" : "");
  await page.getByRole("button", { name: "Transmettre les heures" }).click();
  await expect(page.getByRole("status")).toContainText("Heures transmises à l'agence.");
});
