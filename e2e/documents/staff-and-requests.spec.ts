import { expect, test, type Page } from "@playwright/test";
import JSZip from "jszip";
import { demo, open, outbox } from "../helpers";
import { signIn } from "../auth-state";
import { docsWorkers, downloadedBytes, isPdf, randomPeriod, tinyPdf } from "./documents-helpers";

async function openBulk(page: Page) {
  await signIn(page, demo.staff);
  await open(page, "/admin/documents");
  const bulk = page.getByRole("region", { name: "Publication groupée des bulletins de salaire" });
  await bulk.getByLabel("Agence").selectOption({ label: "Coop Emploi Médico-social" });
  return bulk;
}

test("staff bulk publish: preview shows an unmatched file and a non-PDF, then one email per worker", async ({ page, browser }) => {
  const period = randomPeriod();
  const good = `${docsWorkers.nina.number}_${period.yyyymmdd}.pdf`;
  const unknown = `99999_${period.yyyymmdd}.pdf`;
  const fake = `${docsWorkers.nina.number}_${Number(period.yyyymmdd.slice(0, 4)) + 1}0115.pdf`;
  const bulk = await openBulk(page);
  await bulk.getByLabel("Bulletins (PDF) ou archive ZIP").setInputFiles([
    { name: good, mimeType: "application/pdf", buffer: tinyPdf("nina") },
    { name: unknown, mimeType: "application/pdf", buffer: tinyPdf("personne") },
    { name: fake, mimeType: "application/pdf", buffer: Buffer.from("Ceci est un texte, pas un PDF.") },
    { name: "notes.pdf", mimeType: "application/pdf", buffer: tinyPdf("notes") },
  ]);
  await bulk.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(bulk.getByRole("heading", { name: /Aperçu avant publication : 1 bulletin prêt, 3 fichiers refusés/ })).toBeVisible();
  const row = (name: string) => bulk.getByTestId("bulk-row").filter({ hasText: name });
  await expect(row(good)).toContainText("Nina Lot (n° 9603)");
  await expect(row(good)).toContainText(period.label);
  await expect(row(good)).toContainText("Prêt");
  await expect(row(unknown)).toContainText("Aucun intérimaire n° 99999 dans cette agence");
  await expect(row(fake)).toContainText("Ce fichier n'est pas un PDF");
  await expect(row("notes.pdf")).toContainText("Nom de fichier non reconnu");

  await bulk.getByRole("button", { name: "Publier 1 bulletin" }).click();
  await expect(bulk.getByRole("status").filter({ hasText: "Publication terminée" })).toContainText("1 bulletin publié, 1 email envoyé");

  // The worker is emailed once and sees the payslip, which is the uploaded file.
  await expect
    .poll(
      async () =>
        (await outbox(page.request, docsWorkers.nina.email)).filter(
          (m) => m.subject === "Nouveau bulletin de salaire" && m.text.match(period.label),
        ).length,
    )
    .toBe(1);
  const worker = await (await browser.newContext()).newPage();
  await signIn(worker, docsWorkers.nina.email);
  await open(worker, "/bulletins-de-salaire");
  const number = good.replace(".pdf", "");
  await expect(worker.getByRole("cell", { name: number, exact: true })).toBeVisible();
  const [download] = await Promise.all([
    worker.waitForEvent("download"),
    worker.getByRole("link", { name: new RegExp(`Télécharger bulletin de salaire ${number}`) }).click(),
  ]);
  expect((await downloadedBytes(download)).toString("latin1")).toContain("% nina");
  await worker.context().close();

  // Re-running the same file publishes nothing twice.
  await bulk
    .getByLabel("Bulletins (PDF) ou archive ZIP")
    .setInputFiles([{ name: good, mimeType: "application/pdf", buffer: tinyPdf("nina") }]);
  await bulk.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(row(good)).toContainText(`Bulletin ${number} déjà publié`);
  await expect(bulk.getByRole("button", { name: "Publier 0 bulletin" })).toBeDisabled();
});

test("staff bulk publish from a zip: entries matched one by one; a zip bomb is refused", async ({ page }) => {
  const p1 = randomPeriod();
  let p2 = randomPeriod();
  while (p2.yyyymmdd === p1.yyyymmdd) p2 = randomPeriod();
  let p3 = randomPeriod();
  while (p3.yyyymmdd === p1.yyyymmdd || p3.yyyymmdd === p2.yyyymmdd) p3 = randomPeriod();
  const zip = new JSZip();
  zip.file(`paie/${docsWorkers.nina.number}_${p1.yyyymmdd}.pdf`, tinyPdf("zip-1"));
  zip.file(`paie/${docsWorkers.nina.number}_${p2.yyyymmdd}.pdf`, tinyPdf("zip-2"));
  zip.file(`paie/${docsWorkers.nina.number}_${p3.yyyymmdd}.pdf`, Buffer.from("PK pas un pdf"));
  const bulk = await openBulk(page);
  await bulk
    .getByLabel("Bulletins (PDF) ou archive ZIP")
    .setInputFiles([
      { name: "paie.zip", mimeType: "application/zip", buffer: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) },
    ]);
  await bulk.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(bulk.getByRole("heading", { name: /2 bulletins prêts, 1 fichier refusé/ })).toBeVisible();
  await expect(bulk.getByTestId("bulk-row").filter({ hasText: `${docsWorkers.nina.number}_${p3.yyyymmdd}` })).toContainText(
    "Ce fichier n'est pas un PDF",
  );
  await bulk.getByRole("button", { name: "Publier 2 bulletins" }).click();
  await expect(bulk.getByRole("status").filter({ hasText: "Publication terminée" })).toContainText("2 bulletins publiés, 1 email envoyé");
  // One email for the worker, naming both months.
  await expect
    .poll(
      async () =>
        (await outbox(page.request, docsWorkers.nina.email)).filter(
          (m) => m.subject === "Nouveaux bulletins de salaire" && p1.label.test(m.text) && p2.label.test(m.text),
        ).length,
    )
    .toBe(1);

  const bomb = new JSZip();
  bomb.file(`${docsWorkers.nina.number}_20100131.pdf`, Buffer.concat([Buffer.from("%PDF-1.4"), Buffer.alloc(40 * 1024 * 1024)]));
  await bulk
    .getByLabel("Bulletins (PDF) ou archive ZIP")
    .setInputFiles([
      { name: "bombe.zip", mimeType: "application/zip", buffer: await bomb.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) },
    ]);
  await bulk.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(bulk.getByRole("alert")).toContainText("Archive refusée");
  await expect(bulk.getByTestId("bulk-row")).toHaveCount(0);
});

test("a worker asks for a new attestation: staff see the request and the front desk is emailed; publishing closes it", async ({
  page,
  browser,
}) => {
  const marker = `Fin de mission ${Date.now().toString(36)}, merci.`;
  const countOf = async () =>
    Number((await page.getByRole("heading", { name: /attestations? Assedic$/ }).innerText()).match(/^\d+/)?.[0] ?? 0);
  await signIn(page, docsWorkers.hugo.email);
  await open(page, "/attestations-assedic");
  const before = await countOf();
  await page.getByLabel("Message pour l'agence (facultatif)").fill(marker);
  await page.getByRole("button", { name: "Demander une nouvelle attestation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre demande a bien été envoyée" })).toBeVisible();
  const toFrontDesk = async () =>
    (await outbox(page.request, "accueil@coop-emploi.fr")).filter((m) => m.subject?.includes("Hugo Demande") && m.text.includes(marker))
      .length;
  await expect.poll(toFrontDesk).toBe(1);
  // Asking again while the first is open creates nothing new.
  await page.reload();
  await expect(page.getByText(/Une demande envoyée le .* est en cours de traitement/)).toBeVisible();
  await page.getByRole("button", { name: "Demander une nouvelle attestation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "est en cours de traitement par l'agence" })).toBeVisible();
  expect(
    (await outbox(page.request, "accueil@coop-emploi.fr")).filter(
      (m) => m.subject?.includes("Hugo Demande") && m.createdAt > new Date(Date.now() - 60_000).toISOString(),
    ).length,
  ).toBe(1);

  // Staff see it and publish the attestation; the worker gets it and is emailed.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, demo.staff);
  await open(staff, "/admin/documents");
  const requests = staff.getByRole("region", { name: /Demandes en attente/ });
  await expect(requests.getByRole("row").filter({ hasText: marker })).toContainText("Attestation Assedic");
  const form = staff.getByRole("form", { name: "Publier un document" });
  await form.getByLabel("Agence").selectOption({ label: "Coop Emploi Médico-social" });
  await form.getByLabel("N° intérimaire").fill(docsWorkers.hugo.number);
  await form.getByLabel("Type de document").selectOption("ASSEDIC_CERTIFICATE");
  await form.getByLabel("Période du").fill("2026-01-05");
  await form.getByLabel("au").fill("2026-03-31");
  await form.getByLabel("Fichier PDF").setInputFiles({ name: "scan.txt", mimeType: "application/pdf", buffer: Buffer.from("pas un pdf") });
  await form.getByRole("button", { name: "Publier le document" }).click();
  await expect(form.getByText("Ce fichier n'est pas un PDF")).toBeVisible();
  await form
    .getByLabel("Fichier PDF")
    .setInputFiles({ name: "attestation.pdf", mimeType: "application/pdf", buffer: tinyPdf("attestation-hugo") });
  await form.getByRole("button", { name: "Publier le document" }).click();
  await expect(form.getByRole("status")).toContainText("Document publié pour Hugo Demande (n° 9604)");
  // The pending requests refresh with the publish, without a reload (issue 18), and the answer stays.
  await expect(
    staff
      .getByRole("region", { name: /Demandes en attente/ })
      .getByRole("row")
      .filter({ hasText: marker }),
  ).toHaveCount(0);
  await expect(form.getByRole("status")).toContainText("Document publié pour Hugo Demande (n° 9604)");
  await staff.context().close();

  await expect
    .poll(async () => (await outbox(page.request, docsWorkers.hugo.email)).some((m) => m.subject === "Nouvelle attestation ASSEDIC"))
    .toBe(true);
  await open(page, "/attestations-assedic");
  expect(await countOf()).toBe(before + 1);
  const row = page.getByTestId("document-row").first();
  await expect(row.getByRole("cell", { name: "Du 05/01/2026 au 31/03/2026", exact: true })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: /Télécharger attestation Assedic/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("attestation_assedic_2026-03-31.pdf");
  expect((await downloadedBytes(download)).toString("latin1")).toContain("% attestation-hugo");
});

test("certificates list: the seeded certificate downloads as a PDF, and works on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, docsWorkers.lea.email);
  await open(page, "/certificats-de-travail");
  await expect(page.getByRole("heading", { name: "1 certificat de travail" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Demander un nouveau certificat" })).toBeVisible();
  await page.getByText("Tout sélectionner").click();
  const [zipDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger" }).click()]);
  const zip = await JSZip.loadAsync(await downloadedBytes(zipDownload));
  const names = Object.keys(zip.files);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^certificat_de_travail_\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(isPdf(await zip.file(names[0])!.async("nodebuffer"))).toBe(true);
  // Nothing scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
