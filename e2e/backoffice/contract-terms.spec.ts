import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { demo, linkFromEmail, login, open } from "../helpers";
import { signIn } from "../auth-state";
import { createClientWithSite, dayAfterNextMonday, fillContract, idFromUrl, inviteWorker, outboxOrEmpty } from "./bo";

// Each step waits on a server action and a re-render: allow for a loaded machine.
const expect = baseExpect.configure({ timeout: 20_000 });

/** The text of a PDF as poppler's pdftotext reads it, whitespace collapsed. */
function pdfToText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "terms-pdf-"));
  try {
    const file = path.join(dir, "contrat.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "2026-12-16" -> "16/12/2026", as the pages print it. */
const fr = (iso: string) => iso.split("-").reverse().join("/");

async function signAsWorker(wp: Page, email: string, contractId: string) {
  await open(wp, `/contrats/${contractId}`);
  await wp.getByRole("checkbox").check();
  await wp.getByRole("button", { name: "Recevoir le code par SMS" }).click();
  let code = "";
  await expect
    .poll(async () => {
      const sms = (await outboxOrEmpty(wp.request, email)).find((m) => m.channel === "sms" && /code de signature/.test(m.text));
      code = sms?.text.match(/\b(\d{6})\b/)?.[1] ?? "";
      return code;
    })
    .toMatch(/^\d{6}$/);
  await wp.getByLabel("Code reçu par SMS").fill(code);
  await wp.getByRole("button", { name: "Valider la signature" }).click();
  await expect(wp).toHaveURL(/\?signe=1/, { timeout: 30_000 });
}

test("contract terms: motif de recours per legal case on the PDF, dates and shifts together, the worker's unavailability, drafts kept from the worker", async ({
  page,
  browser,
}) => {
  test.setTimeout(480_000);
  await signIn(page, demo.staff);
  const worker = await inviteWorker(page, { phone: "06 39 98 41 21" });
  const wctx = await browser.newContext();
  const wp = await wctx.newPage();
  await open(wp, await linkFromEmail(wp.request, worker.email, /accès/i, "/inscription/activer"));
  await wp.getByLabel("Mot de passe", { exact: true }).fill("les termes du contrat de mission");
  await wp.getByLabel("Vérification").fill("les termes du contrat de mission");
  await wp.getByRole("button", { name: "Activer mon espace" }).click();
  await expect(wp).toHaveURL(/\/connexion\?confirme=1/);
  await login(wp, worker.email, "les termes du contrat de mission");
  const { siteId } = await createClientWithSite(page, `EHPAD TERMES ${Date.now().toString(36).toUpperCase()}`);

  // A replacement without the person replaced: refused next to the field, what was typed kept.
  const monday = dayAfterNextMonday(28);
  const wednesday = dayAfterNextMonday(30);
  await fillContract(
    page,
    {
      workerId: worker.workerId,
      siteId,
      reference: "B MAGALIE",
      startDate: monday,
      endDate: wednesday,
      start: "13:30",
      end: "20:30",
      weekdays: ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"],
    },
    { submit: false },
  );
  await page.getByLabel("Motif de recours").selectOption({ label: "Remplacement d'un salarié absent" });
  await page.getByRole("button", { name: "Créer le contrat" }).click();
  const nameField = page.getByLabel("Nom de la personne remplacée");
  await expect(page.locator("#champ-replacedName-erreur")).toHaveText("Renseignez le nom de la personne remplacée.");
  await expect(page.locator("#champ-replacedPosition-erreur")).toContainText("Renseignez le poste");
  await expect(page).toHaveURL(/\/admin\/contrats\/nouveau/);
  await expect(page.getByLabel("Référence")).toHaveValue("B MAGALIE");
  await nameField.fill("Mme Magalie Bonnafous");
  await page.getByLabel("Poste de la personne remplacée").fill("Aide-soignante");
  await page.getByRole("button", { name: "Créer le contrat" }).click();
  await expect(page).toHaveURL(/\/admin\/contrats\/[^/?]+\?cree=1/, { timeout: 30_000 });
  const contractId = idFromUrl(page);
  await expect(page.getByTestId("shift-row")).toHaveCount(3);

  // Issued: the PDF names the legal case, the person replaced and their position.
  await page.getByRole("button", { name: "Envoyer à la signature" }).click();
  await expect(page.getByText("Le contrat attend la signature de l'intérimaire.")).toBeVisible();
  const pdf = await page.request.get(`/contrats/${contractId}/pdf`);
  expect(pdf.status()).toBe(200);
  const text = pdfToText(Buffer.from(await pdf.body()));
  expect(text).toContain("Motif de recours");
  expect(text).toContain("Remplacement d'un salarié absent");
  expect(text).toContain("Personne remplacée");
  expect(text).toContain("Mme Magalie Bonnafous");
  expect(text).toContain("Aide-soignante");

  // The end date moved by one day: the shift it adds is shown first, then saved with the date.
  const thursday = dayAfterNextMonday(31);
  const terms = page.getByRole("region", { name: "Conditions du contrat" });
  await terms.getByLabel("Date de fin").fill(thursday);
  await terms.getByRole("button", { name: "Enregistrer les modifications" }).click();
  const preview = terms.getByTestId("apercu-dates");
  await expect(preview).toContainText("Créneaux ajoutés (1)");
  await expect(preview).toContainText(`le ${fr(thursday)} de 13:30 à 20:30`);
  await expect(page.getByTestId("shift-row")).toHaveCount(3); // nothing saved yet
  await preview.getByRole("button", { name: "Confirmer les dates et les créneaux" }).click();
  await expect(terms.getByRole("status")).toContainText("doit le signer à nouveau");
  await expect(page.getByTestId("shift-row")).toHaveCount(4);
  await expect
    .poll(
      async () =>
        (await outboxOrEmpty(page.request, worker.email)).find((m) => m.subject === "Modification d'une date sur un contrat")?.text ?? "",
    )
    .toContain(`créneau ajouté le ${fr(thursday)} de 13:30 à 20:30`);

  // The worker signs; their planning shows the new day.
  await signAsWorker(wp, worker.email, contractId);
  await open(wp, `/plannings?vue=jour&date=${thursday}`);
  await expect(wp.getByTestId("planning-slot")).toHaveCount(1);
  await expect(wp.getByTestId("planning-slot").first()).toContainText("13:30");

  // The worker cannot mark a day of the signed mission unavailable; another day is fine.
  await open(wp, "/disponibilites");
  await wp.getByRole("radio", { name: "Indisponible", exact: true }).check();
  await wp.getByRole("checkbox", { name: "Journée entière", exact: true }).check();
  await wp.getByLabel("Jour", { exact: true }).fill(monday);
  await wp.getByRole("button", { name: "Enregistrer" }).click();
  await expect(wp.locator("#err-jour")).toContainText("Vous avez une mission signée");
  await expect(wp.getByTestId("availability-item")).toHaveCount(0);
  const free = dayAfterNextMonday(35);
  await wp.getByLabel("Jour", { exact: true }).fill(free);
  await wp.getByRole("button", { name: "Enregistrer" }).click();
  await expect(wp.getByText("1 créneau enregistré.")).toBeVisible();

  // Staff booking that worker on that day see the warning on the contract form.
  await fillContract(
    page,
    {
      workerId: worker.workerId,
      siteId,
      reference: "RENFORT",
      startDate: free,
      endDate: free,
      start: "07:30",
      end: "14:30",
      weekdays: ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"],
    },
    { submit: false },
  );
  await expect(page.getByTestId("avertissement-indisponibilite")).toContainText(
    `L'intérimaire s'est déclaré(e) indisponible le ${fr(free)} (journée entière)`,
  );

  // A draft, cancelled before it was ever sent: the worker sees nothing of it and gets no email.
  await page.getByRole("button", { name: "Créer le contrat" }).click();
  await expect(page).toHaveURL(/\/admin\/contrats\/[^/?]+\?cree=1/, { timeout: 30_000 });
  const draftId = idFromUrl(page);
  await expect(page.getByTestId("avertissement-indisponibilite")).toBeVisible();
  const mailsBefore = (await outboxOrEmpty(page.request, worker.email)).length;
  await page.getByLabel("Motif d'annulation").fill("Besoin annulé par le client");
  await page.getByRole("button", { name: "Annuler le contrat" }).click();
  await expect(page.getByText(/Contrat annulé le/)).toBeVisible();
  await open(wp, "/contrats");
  await expect(wp.getByText("B MAGALIE").first()).toBeVisible();
  await expect(wp.getByText("RENFORT")).toHaveCount(0);
  await open(wp, "/contrats?etat=annule");
  await expect(wp.getByText("RENFORT")).toHaveCount(0);
  expect((await open(wp, `/contrats/${draftId}`))?.status()).toBe(404);
  expect((await wp.request.get(`/contrats/${draftId}/pdf`)).status()).toBe(404);
  expect((await outboxOrEmpty(page.request, worker.email)).length).toBe(mailsBefore);
  await wctx.close();
});
