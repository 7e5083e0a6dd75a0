import { expect as baseExpect, test, type Page } from "@playwright/test";
import { open } from "../helpers";
import { accounts, emailsTo, expectEmail, signedIn } from "./compte-helpers";

// Slow shared machines: generous waits.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

// The test accounts have validated hours in March 2025: 15 days x 7 h at 12,50 €/h = 1 312,50 €,
// 60 % of which may be advanced (787 €). Monday 24 March 2025, 10:00 in Paris:
const MONDAY = "2025-03-24T09:00:00.000Z";

async function decide(
  staff: Page,
  who: RegExp,
  decision: "Accepter" | "Refuser" | "Marquer comme versé",
  fill?: (page: Page) => Promise<unknown>,
) {
  await open(staff, "/admin/acomptes");
  await expect(staff.getByRole("heading", { name: "Versement du mercredi 26 mars 2025" })).toBeVisible();
  // Rows already paid or refused (earlier runs on the same database) cannot be selected.
  await staff.getByLabel(who).and(staff.locator("input:enabled")).first().check();
  await staff.getByRole("radio", { name: decision }).check();
  if (fill) await fill(staff);
  await staff.getByRole("button", { name: "Appliquer à la sélection" }).click();
}

test("full advance cycle: request, double submission, staff accept, export, pay, refuse, with the emails", async ({ browser }) => {
  const worker = await signedIn(browser, accounts.acompte, MONDAY);
  await open(worker, "/acomptes");
  await expect(worker.getByTestId("prochain-versement")).toHaveText("mercredi 26 mars 2025");
  await expect(worker.getByText("lundi 25 mars à 23h59".replace("lundi", "mardi"))).toBeVisible();
  await expect(worker.getByTestId("montant-disponible")).toHaveText(/787,00\s€/);

  // Above the available amount: the notice shows while typing (a request all the same, see acomptes-guide.spec.ts).
  await worker.getByLabel("Montant de l'acompte souhaité (€)").fill("900");
  await expect(worker.getByTestId("avis-depassement")).toHaveText(
    /Votre demande dépasse le montant disponible \(787,00\s€\) : l'agence la vérifiera avec les heures validées\./,
  );
  await worker.getByLabel("Montant de l'acompte souhaité (€)").fill("700");
  await expect(worker.getByTestId("avis-depassement")).toHaveCount(0);
  await worker.getByLabel("Montant de l'acompte souhaité (€)").fill("40");
  await worker.getByRole("button", { name: "Faire la demande" }).click();
  await expect(worker.getByText(/montant minimum d'un acompte est de 50/)).toBeVisible();

  // Two tabs submit at the same moment: one request, the second an edit of it.
  const tab = await worker.context().newPage();
  await open(tab, "/acomptes");
  await worker.getByLabel("Montant de l'acompte souhaité (€)").fill("200");
  await tab.getByLabel("Montant de l'acompte souhaité (€)").fill("250");
  await Promise.all([
    worker.getByRole("button", { name: "Faire la demande" }).click(),
    tab.getByRole("button", { name: "Faire la demande" }).click(),
  ]);
  await expect(
    worker
      .getByRole("status")
      .or(worker.getByText(/Votre demande d'acompte est enregistrée|son montant a été modifié/))
      .first(),
  ).toBeVisible();
  await expect(tab.getByText(/Votre demande d'acompte est enregistrée|son montant a été modifié/)).toBeVisible();
  await open(worker, "/acomptes");
  await expect(worker.getByText("1 demande d'acompte")).toBeVisible();
  const row = worker.getByTestId("demande-acompte");
  await expect(row).toHaveCount(1);
  await expect(row.getByText("En attente", { exact: true })).toBeVisible();
  const amount = (await row.getByRole("cell").first().innerText()).trim();
  expect(["200,00 €", "250,00 €"]).toContain(amount.replace(/\s/g, " "));
  const euros = amount.replace(/,00.*$/, "").replace(/\D/g, "");

  // Editing someone else's request by changing the id in the page gets nowhere.
  const other = await signedIn(browser, accounts.autre, MONDAY);
  await open(other, "/acomptes");
  // "Annuler la demande" asks first; "Non, la garder" leaves the request as it was.
  await other.getByRole("button", { name: "Annuler la demande" }).click();
  await expect(other.getByText("Annuler cette demande d'acompte ?")).toBeFocused();
  const otherId = await other.locator("input[name=id]").first().inputValue();
  await other.getByRole("button", { name: "Non, la garder" }).click();
  await expect(other.getByRole("button", { name: "Oui, annuler la demande" })).toHaveCount(0);
  await expect(other.getByTestId("demande-acompte").getByText("En attente", { exact: true })).toBeVisible();
  await worker.getByRole("button", { name: "Annuler la demande" }).click();
  await worker
    .locator("form:has(button:text('Oui, annuler la demande')) input[name=id]")
    .evaluate((el, id) => ((el as HTMLInputElement).value = id), otherId);
  await worker.getByRole("button", { name: "Oui, annuler la demande" }).click();
  await expect(worker.getByText("Demande introuvable.")).toBeVisible();
  await open(other, "/acomptes");
  await expect(other.getByTestId("demande-acompte").getByText("En attente", { exact: true })).toBeVisible();

  // Staff accept: the worker is emailed.
  const staff = await signedIn(browser, accounts.staff, MONDAY);
  await open(staff, "/admin/acomptes");
  const staffRow = staff.getByRole("row").filter({ hasText: "ACOMPTEAU Agathe" });
  await expect(staffRow.getByText("105h00")).toBeVisible();
  await expect(staffRow.getByText(/787,00\s€/)).toBeVisible();
  await decide(staff, /Sélectionner ACOMPTEAU Agathe/, "Accepter");
  await expect(staff.getByText("1 demande acceptée.")).toBeVisible();
  await expectEmail(worker, accounts.acompte, /Demande d'acompte acceptée/, new RegExp(`${euros},00`));
  await open(worker, "/acomptes");
  await expect(worker.getByText("Acompte en cours de traitement")).toBeVisible();
  await expect(worker.getByTestId("montant-disponible")).toHaveText(new RegExp(`${787 - Number(euros)},00\\s€`));

  // CSV of the accepted batch, IBAN in clear for the transfer.
  const csv = await (await staff.request.get("/admin/acomptes/export?date=2025-03-26")).text();
  expect(csv).toContain(`MEDIMP;9403;ACOMPTEAU;Agathe;FR7630006000011234567890189;DEMOFRPPXXX;${euros},00;26/03/2025`);
  expect(csv).not.toContain("AUTREMENT"); // still pending: not in the batch
  expect((await worker.request.get("/admin/acomptes/export?date=2025-03-26")).status()).toBe(404);

  await decide(staff, /Sélectionner ACOMPTEAU Agathe/, "Marquer comme versé", (p) => p.getByLabel("Date du virement").fill("2025-03-24"));
  await expect(staff.getByText("1 demande marquée comme versée.")).toBeVisible();
  await expectEmail(worker, accounts.acompte, /Acompte versé/, /versé le 24-03-2025/);
  await open(worker, "/acomptes");
  await expect(worker.getByText("Acompte versé le 24-03-2025")).toBeVisible();

  // A second request, refused with a reason from the list: always emailed.
  await worker.getByLabel("Montant de l'acompte souhaité (€)").fill("100");
  await worker.getByRole("button", { name: "Faire la demande" }).click();
  await expect(worker.getByText("Votre demande d'acompte est enregistrée. Elle est en attente de validation par l'agence.")).toBeVisible();
  await decide(staff, /Sélectionner ACOMPTEAU Agathe \(100,00/, "Refuser", (p) =>
    p.getByLabel("Motif du refus").selectOption("Pas d'acomptes cette semaine"),
  );
  await expect(staff.getByText("1 demande refusée.")).toBeVisible();
  await expectEmail(worker, accounts.acompte, /Demande d'acompte refusée/, /Motif : Pas d'acomptes cette semaine/);
  await open(worker, "/acomptes");
  await expect(worker.getByText("Refusé - Pas d'acomptes cette semaine")).toBeVisible();
});

test("cut-off edges, and a notification turned off is not sent while the others are", async ({ browser }) => {
  // Tuesday 25 March 2025 23:59 Paris: still for Wednesday 26, the last Wednesday of March.
  const late = await signedIn(browser, accounts.notif, "2025-03-25T22:59:00.000Z");
  await open(late, "/acomptes");
  await expect(late.getByTestId("prochain-versement")).toHaveText("mercredi 26 mars 2025");
  // Wednesday 00:00: March is closed, next payment in April, on the hours no payslip has paid yet (March's).
  const closed = await signedIn(browser, accounts.notif, "2025-03-25T23:00:00.000Z");
  await open(closed, "/acomptes");
  await expect(closed.getByTestId("prochain-versement")).toHaveText("mercredi 2 avril 2025");
  await expect(closed.getByText(/Aucun acompte ne peut être versé après le dernier mercredi du mois \(mercredi 26 mars\)/)).toBeVisible();
  await expect(closed.getByTestId("base-acompte")).toContainText(/\(janvier 2025, février 2025, mars 2025\) : 105h00, soit 1\s312,50/);

  const worker = await signedIn(browser, accounts.notif, MONDAY);
  await open(worker, "/parametres");
  const accepted = worker.getByRole("switch", { name: /Demande d'acompte acceptée/ });
  if (!(await accepted.isChecked())) {
    // A previous run on the same database left it off.
    await accepted.check();
    await expect(worker.getByText("« Demande d'acompte acceptée » : activée. Enregistré.")).toBeVisible();
  }
  await accepted.uncheck();
  await expect(worker.getByText("« Demande d'acompte acceptée » : désactivée. Enregistré.")).toBeVisible();
  await open(worker, "/parametres");
  await expect(worker.getByRole("switch", { name: /Demande d'acompte acceptée/ })).not.toBeChecked();
  await expect(worker.getByRole("switch", { name: /Demande d'acompte versée/ })).toBeChecked();

  await open(worker, "/acomptes");
  await worker.getByLabel("Montant de l'acompte souhaité (€)").fill("120");
  await worker.getByRole("button", { name: "Faire la demande" }).click();
  await expect(worker.getByText(/Votre demande d'acompte est enregistrée|son montant a été modifié/)).toBeVisible();

  const staff = await signedIn(browser, accounts.staff, MONDAY);
  await decide(staff, /Sélectionner NOTIFIÉ Noé/, "Accepter");
  await expect(staff.getByText("1 demande acceptée.")).toBeVisible();
  await decide(staff, /Sélectionner NOTIFIÉ Noé/, "Marquer comme versé", (p) => p.getByLabel("Date du virement").fill("2025-03-24"));
  await expect(staff.getByText("1 demande marquée comme versée.")).toBeVisible();
  await expectEmail(worker, accounts.notif, /Acompte versé/);
  expect(await emailsTo(worker, accounts.notif, /Demande d'acompte acceptée/)).toHaveLength(0);
  await open(worker, "/parametres");
  await worker.getByRole("switch", { name: /Demande d'acompte acceptée/ }).check();
  await expect(worker.getByText("« Demande d'acompte acceptée » : activée. Enregistré.")).toBeVisible();
});
