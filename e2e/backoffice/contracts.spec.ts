import { expect as baseExpect, test } from "@playwright/test";
import { stateOf } from "../auth-state";
import { demo, open } from "../helpers";
import { createClientWithSite, dayAfterNextMonday, fillContract, idFromUrl, inviteWorker, outboxOrEmpty } from "./bo";

// Each step waits on a server action and a re-render: allow for a loaded machine.
const expect = baseExpect.configure({ timeout: 20_000 });

// Signed in once as the demo staff member (e2e/auth.setup.ts).
test.use({ storageState: stateOf(demo.staff) });

test("staff create a client, a site and a contract with shifts, refuse an overlap, edit shifts, issue, change a date, cancel", async ({
  page,
}) => {
  test.setTimeout(420_000);
  const worker = await inviteWorker(page, { phone: "06 39 98 41 07" });
  const clientName = `CLINIQUE E2E ${Date.now().toString(36).toUpperCase()}`;
  const { siteId } = await createClientWithSite(page, clientName);

  // Week 1 (Mon-Fri), evenings: five shifts generated from the weekly pattern.
  await fillContract(page, {
    workerId: worker.workerId,
    siteId,
    reference: "B MAGALIE",
    startDate: dayAfterNextMonday(7),
    endDate: dayAfterNextMonday(11),
    start: "13:30",
    end: "20:30",
    weekdays: ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"],
  });
  await expect(page).toHaveURL(/\/admin\/contrats\/[^/?]+\?cree=1/, { timeout: 30_000 });
  const firstId = idFromUrl(page);
  const firstNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/\d+/)![0];
  await expect(page.getByText("Contrat créé avec 5 créneau(x)")).toBeVisible();
  await expect(page.getByTestId("shift-row")).toHaveCount(5);
  await expect(page.getByText("Brouillon").first()).toBeVisible();

  // A night shift on the Wednesday of that week clashes with the 13:30-20:30 one: refused, the contract named.
  await fillContract(page, {
    workerId: worker.workerId,
    siteId,
    reference: "RENFORT",
    startDate: dayAfterNextMonday(9),
    endDate: dayAfterNextMonday(9),
    start: "19:00",
    end: "07:00",
    weekdays: ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"],
  });
  await expect(page.getByRole("alert").first()).toContainText(`contrat n° ${firstNumber}`);
  await expect(page).toHaveURL(/\/admin\/contrats\/nouveau/);
  // What was typed is still there.
  await expect(page.getByLabel("Référence")).toHaveValue("RENFORT");

  // Edit shifts one by one on the first contract.
  await open(page, `/admin/contrats/${firstId}`);
  const rows = page.getByTestId("shift-row");
  // Friday becomes a sick-leave absence.
  await rows.nth(4).getByRole("button", { name: "Modifier" }).click();
  const editForm = page.getByRole("form", { name: "Enregistrer le créneau" });
  await editForm.getByLabel("Type").selectOption("ABSENCE");
  await editForm.getByLabel("Code d'absence").selectOption("MAL");
  await editForm.getByRole("button", { name: "Enregistrer le créneau" }).click();
  await expect(page.getByText("absent : MAL")).toBeVisible();
  // A Wednesday morning shift added by hand, then a shift clashing with Monday evening refused.
  const addForm = page.getByRole("form", { name: "Ajouter le créneau" });
  await addForm.getByLabel("Date").fill(dayAfterNextMonday(9));
  await addForm.getByLabel("Début").fill("08:00");
  await addForm.getByLabel("Fin").fill("11:00"); // 7 h + 3 h: the 10 h of a day
  await addForm.getByRole("button", { name: "Ajouter le créneau" }).click();
  await expect(page.getByText("Créneau ajouté.")).toBeVisible();
  await expect(rows).toHaveCount(6);
  await addForm.getByLabel("Date").fill(dayAfterNextMonday(7));
  await addForm.getByLabel("Début").fill("20:00");
  await addForm.getByLabel("Fin").fill("22:00");
  await addForm.getByRole("button", { name: "Ajouter le créneau" }).click();
  await expect(addForm.getByRole("alert").first()).toContainText("chevauche");
  await expect(rows).toHaveCount(6);
  // A shift outside the contract's dates is refused too.
  await addForm.getByLabel("Date").fill(dayAfterNextMonday(20));
  await addForm.getByRole("button", { name: "Ajouter le créneau" }).click();
  await expect(addForm.getByRole("alert").first()).toContainText("en dehors des dates du contrat");
  // Remove Thursday.
  page.once("dialog", (d) => d.accept());
  await rows.nth(3).getByRole("button", { name: "Supprimer" }).click();
  await expect(rows).toHaveCount(5);

  // Issue for signature: the worker is emailed "Nouveau contrat".
  await page.getByRole("button", { name: "Envoyer à la signature" }).click();
  await expect(page.getByText("Le contrat attend la signature de l'intérimaire.")).toBeVisible();
  await expect(page.getByText(/^[0-9a-f]{64}$/)).toBeVisible(); // the issued document's SHA-256
  await expect(page.getByText("En attente de signature").first()).toBeVisible();
  await expect.poll(async () => (await outboxOrEmpty(page.request, worker.email)).some((m) => m.subject === "Nouveau contrat")).toBe(true);

  // Change the end date: version bumped, the worker emailed, still awaiting signature.
  const terms = page.getByRole("region", { name: "Conditions du contrat" });
  const versionBefore = Number((await page.getByText(/version \d+/).textContent())!.match(/version (\d+)/)![1]);
  await terms.getByLabel("Date de fin").fill(dayAfterNextMonday(13));
  await terms.getByRole("button", { name: "Enregistrer les modifications" }).click();
  // The new weekend days get the contract's usual shift: shown first, saved once confirmed.
  const preview = terms.getByTestId("apercu-dates");
  await expect(preview).toContainText("Créneaux ajoutés (2)");
  await preview.getByRole("button", { name: "Confirmer les dates et les créneaux" }).click();
  await expect(terms.getByRole("status")).toContainText("doit le signer à nouveau");
  await expect(rows).toHaveCount(7);
  await expect
    .poll(async () => (await outboxOrEmpty(page.request, worker.email)).some((m) => m.subject === "Modification d'une date sur un contrat"))
    .toBe(true);
  await expect(page.getByText(new RegExp(`version ${versionBefore + 1}$`))).toBeVisible();
  await expect(page.getByText("En attente de signature").first()).toBeVisible();

  // Two tabs: a form left open on an old version is refused instead of overwriting.
  const stale = await page.context().newPage();
  await open(stale, `/admin/contrats/${firstId}`);
  await terms.getByLabel("Détail").fill("Unité A");
  await terms.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(terms.getByRole("status")).toContainText("Contrat enregistré.");
  const staleTerms = stale.getByRole("region", { name: "Conditions du contrat" });
  await staleTerms.getByLabel("Détail").fill("Unité B");
  await staleTerms.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(staleTerms.getByRole("alert").first()).toContainText("modifié entre-temps");
  await stale.close();

  // A second contract the week after, then cancelled.
  await fillContract(page, {
    workerId: worker.workerId,
    siteId,
    reference: "A NICOLE",
    startDate: dayAfterNextMonday(14),
    endDate: dayAfterNextMonday(15),
    start: "21:00",
    end: "07:00",
    breakMinutes: "30",
    weekdays: ["Lundi", "Mardi"],
  });
  await expect(page).toHaveURL(/\?cree=1/, { timeout: 30_000 });
  await expect(page.getByTestId("shift-row")).toHaveCount(2);
  await expect(page.getByTestId("shift-row").first()).toContainText("21:00-07:00 (pause 30 min)");
  await page.getByLabel("Motif d'annulation").fill("Mission annulée par le client");
  await page.getByRole("button", { name: "Annuler le contrat" }).click();
  await expect(page.getByText(/Contrat annulé le/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Envoyer à la signature" })).toHaveCount(0);

  // The list filters by client and state.
  await open(page, "/admin/contrats");
  await page.getByLabel("Client").selectOption({ label: clientName });
  await page.getByLabel("État").selectOption({ label: "Annulé" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("2 filtres actifs")).toBeVisible();
  await expect(page.getByText("1 contrat", { exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "A NICOLE" })).toBeVisible();
});
