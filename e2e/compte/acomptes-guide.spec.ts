// Advances as the guide describes them (issue 14): the worker asks, payroll
// validates the amount against the hours worked. Data: prisma/fixtures/advances.ts
// (May 2025 validated and not paid yet on Monday 2 June 2025; April paid by
// its payslip; 425 € available). The clock is moved with the e2e-now cookie.
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { open } from "../helpers";
import { accounts, signedIn } from "./compte-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });
// One staff list and one count: the steps run in order.
test.describe.configure({ mode: "serial", timeout: 300_000 });

const CLOCK = "2025-06-02T08:00:00.000Z"; // Monday 2 June 2025, 10:00 in Paris
const LIST = "/admin/acomptes?date=2025-06-04";
const worker = {
  second: "acomptes.deux@exemple.fr",
  over: "acomptes.plus@exemple.fr",
};
const NOTICE = /Votre demande dépasse le montant disponible \(425,00\s€\) : l'agence la vérifiera avec les heures validées\./;

async function select(staff: Page, who: RegExp) {
  await staff.getByLabel(who).and(staff.locator("input:enabled")).check();
}

test("on the 2nd of June, an advance on May's validated hours not yet paid by a payslip", async ({ browser }) => {
  const page = await signedIn(browser, worker.second, CLOCK);
  await open(page, "/acomptes");
  await expect(page.getByTestId("prochain-versement")).toHaveText("mercredi 4 juin 2025");
  await expect(page.getByTestId("montant-disponible")).toHaveText(/^425,00\s€$/);
  // May counts (its payslip comes out between the 8th and the 10th), April is paid; May's advance of 100 € is deducted.
  await expect(page.getByTestId("base-acompte")).toContainText(/\(mai 2025, juin 2025\) : 70h00, soit 875,00\s€ brut/);
  await expect(page.getByTestId("base-acompte")).toContainText(/moins 100,00\s€ d'acomptes acceptés ou versés/);
  await page.getByLabel("Montant de l'acompte souhaité (€)").fill("200");
  await expect(page.getByTestId("avis-depassement")).toHaveCount(0);
  await page.getByRole("button", { name: "Faire la demande" }).click();
  await expect(page.getByText("Votre demande d'acompte est enregistrée. Elle est en attente de validation par l'agence.")).toBeVisible();
  await expect(page.getByTestId("demande-acompte").first()).toContainText("En attente");
});

test("above the available amount: a request all the same, with the notice before and after sending; lowering it works", async ({
  browser,
}) => {
  const page = await signedIn(browser, worker.over, CLOCK);
  await open(page, "/acomptes");
  await expect(page.getByTestId("montant-disponible")).toHaveText(/^425,00\s€$/);
  await page.getByLabel("Montant de l'acompte souhaité (€)").fill("600");
  await expect(page.getByTestId("avis-depassement")).toHaveText(NOTICE);
  await page.getByRole("button", { name: "Faire la demande" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre demande d'acompte est enregistrée" })).toContainText(NOTICE);
  const row = page.getByTestId("demande-acompte").filter({ hasText: /600,00\s€/ });
  await expect(row).toContainText("En attente");
  await expect(row).toContainText("Au-delà du montant disponible : l'agence la vérifiera.");

  // Lowered, still above: saved, with the notice.
  await row.getByRole("button", { name: "Modifier" }).click();
  await page.getByLabel("Nouveau montant (€)").fill("500");
  await expect(row.getByTestId("avis-depassement")).toHaveText(NOTICE);
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText(/Votre demande a été modifiée\. Votre demande dépasse le montant disponible/)).toBeVisible();
  await open(page, "/acomptes");
  await expect(page.getByTestId("demande-acompte").filter({ hasText: /500,00\s€/ })).toContainText("En attente");
});

test("staff see the flag; accepting above the cap is refused without the confirmation, then accepted with it", async ({ browser }) => {
  const staff = await signedIn(browser, accounts.staff, CLOCK);
  await open(staff, LIST);
  await expect(staff.getByRole("heading", { name: "Versement du mercredi 4 juin 2025" })).toBeVisible();
  const row = staff.getByRole("row").filter({ hasText: "PLAFOND Paula" });
  await expect(row).toContainText("au-delà du disponible");
  await expect(row).toContainText(/Signalée à la demande \(disponible : 425,00\s€\)/);
  await expect(row.getByRole("cell", { name: /^425,00\s€$/ })).toBeVisible();
  await expect(row).toContainText("70h00");

  await select(staff, /Sélectionner PLAFOND Paula/);
  await staff.getByRole("radio", { name: "Accepter" }).check();
  await expect(staff.getByTestId("depassement")).toContainText("1 demande de la sélection dépasse le montant disponible.");
  await staff.getByRole("button", { name: "Appliquer à la sélection" }).click();
  await expect(
    staff.getByText("Une demande de la sélection dépasse le montant disponible : cochez la confirmation pour l'accepter malgré tout.", {
      exact: true,
    }),
  ).toBeVisible();
  await open(staff, LIST);
  await expect(staff.getByRole("row").filter({ hasText: "PLAFOND Paula" })).toContainText("En attente");

  await select(staff, /Sélectionner PLAFOND Paula/);
  await staff.getByRole("radio", { name: "Accepter" }).check();
  await staff.getByLabel("Je confirme accepter au-delà du montant disponible").check();
  await staff.getByRole("button", { name: "Appliquer à la sélection" }).click();
  await expect(staff.getByText("1 demande acceptée.")).toBeVisible();
  await expect(staff.getByRole("row").filter({ hasText: "PLAFOND Paula" })).toContainText("Acompte en cours de traitement");
});

test("in bulk: the form says how many are above the cap, refuses without the confirmation, accepts with it", async ({ browser }) => {
  const staff = await signedIn(browser, accounts.staff, CLOCK);
  await open(staff, LIST);
  await select(staff, /Sélectionner LOTUN Bruno/);
  await select(staff, /Sélectionner LOTDEUX Berthe/);
  await select(staff, /Sélectionner DEUXJUIN Dorian/); // within the cap
  await staff.getByRole("radio", { name: "Accepter" }).check();
  await expect(staff.getByTestId("depassement")).toContainText("2 demandes de la sélection dépassent le montant disponible.");
  await staff.getByRole("button", { name: "Appliquer à la sélection" }).click();
  await expect(
    staff.getByText("2 demandes de la sélection dépassent le montant disponible : cochez la confirmation pour les accepter malgré tout.", {
      exact: true,
    }),
  ).toBeVisible();
  // Nothing was decided, the selection is kept.
  await expect(staff.getByLabel(/Sélectionner LOTUN Bruno/)).toBeChecked();
  await staff.getByLabel("Je confirme accepter au-delà du montant disponible").check();
  await staff.getByRole("button", { name: "Appliquer à la sélection" }).click();
  await expect(staff.getByText("3 demandes acceptées.")).toBeVisible();
  for (const name of ["LOTUN Bruno", "LOTDEUX Berthe", "DEUXJUIN Dorian"])
    await expect(staff.getByRole("row").filter({ hasText: name })).toContainText("Acompte en cours de traitement");
});

test("the staff home's advances count is the list it links to", async ({ browser }) => {
  // A request waiting for the 4th, counted before and after.
  const asking = await signedIn(browser, worker.over, CLOCK);
  await open(asking, "/acomptes");
  await asking.getByLabel("Montant de l'acompte souhaité (€)").fill("50");
  await asking.getByRole("button", { name: "Faire la demande" }).click();
  await expect(asking.getByText(/Votre demande d'acompte est enregistrée/)).toBeVisible();

  const staff = await signedIn(browser, accounts.staff, CLOCK);
  await open(staff, "/admin");
  const card = staff.getByRole("link", { name: /Demandes d'acompte à traiter/ });
  await expect(card).toHaveAttribute("href", LIST);
  await expect(card).toContainText("pour le versement du mercredi 4 juin 2025");
  const count = Number((await card.getByTestId("valeur").innerText()).replace(/\D/g, ""));
  expect(count).toBeGreaterThanOrEqual(1);
  await card.click();
  await staff.waitForURL(`**${LIST}`);
  const pending = staff.getByRole("row").filter({ has: staff.getByRole("cell", { name: "En attente", exact: true }) });
  await expect(pending).toHaveCount(count);
  await expect(pending.filter({ hasText: "PLAFOND Paula" })).toHaveCount(1);
});

test('the list pages with a "Nombre par page" selector, and "Tout sélectionner" checks every open request of the page', async ({
  browser,
}) => {
  const staff = await signedIn(browser, accounts.staff, CLOCK);
  await open(staff, LIST);
  const perPage = staff.getByLabel("Nombre par page :");
  await expect(perPage).toHaveValue("50");
  await perPage.selectOption("30");
  await staff.waitForURL(/par=30/);
  await expect(staff.getByLabel("Nombre par page :")).toHaveValue("30");

  const all = staff.getByLabel("Tout sélectionner (cette page)");
  const open_ = staff.locator('input[name="sel"]:enabled');
  const closed = staff.locator('input[name="sel"]:disabled');
  expect(await open_.count()).toBeGreaterThan(1);
  await all.check();
  for (const box of await open_.all()) await expect(box).toBeChecked();
  for (const box of await closed.all()) await expect(box).not.toBeChecked();
  await all.uncheck();
  for (const box of await open_.all()) await expect(box).not.toBeChecked();
  // Checking every row by hand checks "Tout sélectionner" too.
  for (const box of await open_.all()) await box.check();
  await expect(all).toBeChecked();
  await all.uncheck();
});

test('the worker\'s own list has the same "Nombre par page" selector; the size stays in the address', async ({ browser }) => {
  const page = await signedIn(browser, worker.second, CLOCK);
  await open(page, "/acomptes");
  const perPage = page.getByLabel("Nombre par page :");
  await expect(perPage).toHaveValue("15");
  await expect(perPage.locator("option")).toHaveText(["15", "30", "50"]);
  await perPage.selectOption("30");
  await page.waitForURL(/\/acomptes\?par=30$/);
  await expect(page.getByLabel("Nombre par page :")).toHaveValue("30");
  await expect(page.getByTestId("demande-acompte").first()).toBeVisible();
  // A size that is not offered falls back to 15.
  await open(page, "/acomptes?par=1000");
  await expect(page.getByLabel("Nombre par page :")).toHaveValue("15");
});
