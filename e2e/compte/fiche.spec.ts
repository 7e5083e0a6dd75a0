import { expect as baseExpect, test } from "@playwright/test";
import { DEMO_PASSWORD, open } from "../helpers";
import { accounts, emailsTo, expectEmail, fakePdf, pdf, signedIn } from "./compte-helpers";

// Slow shared machines: generous waits.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

test("a profile change waits in orange, is approved once by staff and applied; a refusal shows its reason", async ({ browser }) => {
  const worker = await signedIn(browser, accounts.fiche);
  await open(worker, "/fiche-perso");
  await expect(worker.getByRole("heading", { name: "Mes informations personnelles" })).toBeVisible();
  await expect(worker.getByText("MEDIMP : 9401")).toBeVisible();
  // Masked social security number, shown in full on request.
  await expect(worker.getByTestId("valeur-ssn")).toHaveText("2 85 07 12 *** *** 83");
  await worker.getByRole("button", { name: "Afficher" }).first().click();
  await expect(worker.getByTestId("valeur-ssn")).toHaveText("2 85 07 12 202 050 83");

  const before = (await worker.getByTestId("valeur-mobilityKm").innerText()).trim();
  let mobility = String(40 + Math.floor(Math.random() * 50));
  if (`${mobility} km` === before) mobility = String(Number(mobility) + 1);
  await worker.getByRole("button", { name: "Modifier : Mobilité" }).click();
  await worker.locator("#mobilityKm-value").fill("9999");
  await worker.getByRole("button", { name: "Enregistrer" }).click();
  await expect(worker.getByText("Indiquez un nombre entier entre 0 et 500.")).toBeVisible();
  await worker.locator("#mobilityKm-value").fill(mobility);
  await worker.getByRole("button", { name: "Enregistrer" }).click();
  const mobilityRow = worker.locator("dd", { has: worker.getByTestId("valeur-mobilityKm") });
  await expect(mobilityRow.getByText("En attente de validation par l'agence").first()).toBeVisible();
  await expect(mobilityRow.getByText(`Nouvelle valeur : ${mobility} km`)).toBeVisible();
  await expect(worker.getByTestId("valeur-mobilityKm")).toHaveText(before); // the validated value stays in force

  // A wrong IBAN key is refused next to the field.
  await worker.getByRole("button", { name: "Modifier : IBAN / BIC" }).click();
  await worker.locator("#iban-iban").fill("FR76 3000 6000 0112 3456 7890 188");
  await worker.locator("#iban-bic").fill("BNPAFRPP");
  await worker.getByRole("button", { name: "Enregistrer" }).click();
  await expect(worker.getByText(/IBAN invalide/)).toBeVisible();
  await worker.getByRole("button", { name: "Annuler" }).click();

  await worker.getByRole("button", { name: /: Situation familiale/ }).click();
  await worker.locator("#familySituation-value").selectOption("PACSE");
  await worker.getByRole("button", { name: "Enregistrer" }).click();
  await expect(worker.getByText("Nouvelle valeur : Pacsé(e)")).toBeVisible();

  // Staff: old and new values side by side; a second approval from a stale tab does nothing.
  const staff = await signedIn(browser, accounts.staff);
  const stale = await staff.context().newPage();
  await open(staff, "/admin/validations");
  await open(stale, "/admin/validations");
  // The worker is emailed each decision once; count only this run's emails.
  const since = Date.now() - 5_000;
  const decisionEmails = async (subject: RegExp) =>
    (await emailsTo(staff, accounts.fiche, subject)).filter((m) => Date.parse(m.createdAt) >= since);
  const row = staff.getByRole("row").filter({ hasText: "FICHET Fabienne" }).filter({ hasText: "Mobilité" });
  await expect(row.getByText(before)).toBeVisible();
  await expect(row.getByText(`${mobility} km`)).toBeVisible();
  await staff.getByRole("button", { name: "Valider : Mobilité de FICHET Fabienne" }).click();
  await expect(staff.getByText("Modification validée et appliquée.")).toBeVisible();
  await stale.getByRole("button", { name: "Valider : Mobilité de FICHET Fabienne" }).click();
  await expect(stale.getByText("Cette demande a déjà été traitée.")).toBeVisible();

  await staff.getByRole("button", { name: "Refuser : Situation familiale de FICHET Fabienne" }).click();
  await staff.getByLabel("Motif du refus").fill("Merci de joindre un justificatif de PACS.");
  await staff.getByRole("button", { name: "Confirmer le refus : Situation familiale de FICHET Fabienne" }).click();
  await expect(staff.getByText("Modification refusée.")).toBeVisible();

  // Both decisions reach the worker by email; the refusal with its reason.
  await expect
    .poll(async () => (await decisionEmails(/^Modification de votre fiche refusée$/)).map((m) => m.text).join("\n"))
    .toMatch(/« Situation familiale ».*refusée[\s\S]*Motif : Merci de joindre un justificatif de PACS\./);
  const approved = await decisionEmails(/^Modification de votre fiche validée$/);
  expect(approved).toHaveLength(1); // the stale second approval sent nothing
  expect(approved[0].text).toContain("« Mobilité » a été validée");
  expect(approved[0].text).toContain("/fiche-perso");

  await open(worker, "/fiche-perso");
  await expect(worker.getByTestId("valeur-mobilityKm")).toHaveText(`${mobility} km`);
  await expect(worker.getByText(`Nouvelle valeur : ${mobility} km`)).toHaveCount(0);
  await expect(worker.getByTestId("valeur-familySituation")).toHaveText("Célibataire");
  await expect(worker.getByText("Refusé - Merci de joindre un justificatif de PACS.").first()).toBeVisible();
});

test("personal documents are checked by content, and nobody reads another worker's documents", async ({ browser }) => {
  const worker = await signedIn(browser, accounts.fiche);
  await open(worker, "/fiche-perso");
  await worker.getByRole("button", { name: /^(Ajouter|Remplacer) : Justificatif de domicile$/ }).click();
  await worker.locator("#doc-PROOF_OF_ADDRESS").setInputFiles(fakePdf());
  await worker.getByRole("button", { name: "Déposer", exact: true }).click();
  await expect(worker.getByText(/n'est pas un PDF, un JPEG ou un PNG valide/)).toBeVisible();
  await worker.locator("#doc-PROOF_OF_ADDRESS").setInputFiles(pdf("justificatif"));
  await worker.getByRole("button", { name: "Déposer", exact: true }).click();
  await expect(worker.getByText("Document déposé : il est en attente de validation par l'agence.")).toBeVisible();
  const ownLink = worker.getByRole("link", { name: "justificatif-de-domicile.pdf" });
  const ownHref = (await ownLink.getAttribute("href"))!;
  expect((await worker.request.get(ownHref)).status()).toBe(200);

  // The other worker's ID card and diploma.
  const other = await signedIn(browser, accounts.autre);
  await open(other, "/fiche-perso");
  const idHref = (await other.getByRole("link", { name: "piece-d-identite.pdf" }).getAttribute("href"))!;
  await open(other, "/diplomes");
  const diplomaHref = (await other.getByRole("link", { name: "Télécharger" }).first().getAttribute("href"))!;
  expect((await other.request.get(idHref)).status()).toBe(200);
  expect((await other.request.get(ownHref)).status()).toBe(404);
  expect((await worker.request.get(idHref)).status()).toBe(404);
  expect((await worker.request.get(diplomaHref)).status()).toBe(404);

  // Staff of the agency may read them.
  const staff = await signedIn(browser, accounts.staff);
  const res = await staff.request.get(ownHref);
  expect(res.status()).toBe(200);
  expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("a new sign-in address is applied once approved, and the old address is warned", async ({ browser }) => {
  const worker = await signedIn(browser, accounts.email);
  const newEmail = `melanie.${Date.now().toString(36)}@exemple.fr`;
  await open(worker, "/fiche-perso");
  await worker.getByRole("button", { name: "Modifier : Email" }).click();
  await worker.locator("#email-value").fill("pas-une-adresse");
  await worker.getByRole("button", { name: "Enregistrer" }).click();
  await expect(worker.getByText("Adresse e-mail invalide.")).toBeVisible();
  await worker.locator("#email-value").fill(newEmail);
  await worker.locator("#email-currentPassword").fill(DEMO_PASSWORD); // the sign-in address: confirmed with the password
  await worker.getByRole("button", { name: "Enregistrer" }).click();
  await expect(worker.getByText(`Nouvelle valeur : ${newEmail}`)).toBeVisible();

  const staff = await signedIn(browser, accounts.staff);
  await open(staff, "/admin/validations");
  await staff.getByRole("button", { name: "Valider : Email de MAILHOT Mélanie" }).click();
  await expect(staff.getByText("Modification validée et appliquée.")).toBeVisible();

  // The old address learns of it (masked new address); the approval goes to the new one.
  await expectEmail(staff, accounts.email, /^Votre adresse e-mail a été modifiée$/, /m••••@exemple\.fr.*contactez votre agence/s);
  await expectEmail(staff, newEmail, /Modification de votre fiche validée/, /« Email »/);
  const old = await emailsTo(staff, accounts.email, /^Votre adresse e-mail a été modifiée$/);
  expect(old.some((m) => m.text.includes(newEmail))).toBe(false);

  // She now signs in with the new address.
  const again = await signedIn(browser, newEmail);
  await open(again, "/fiche-perso");
  await expect(again.getByTestId("valeur-email")).toHaveText(newEmail);
});
