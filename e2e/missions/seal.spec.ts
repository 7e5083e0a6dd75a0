// The sealed contract, end to end: the worker signs, the signed PDF is
// verified by poppler's pdfsig (valid, whole document), a flipped byte makes
// it invalid, /verifier recognises the original and refuses the modified
// file, and staff download the evidence file listing the contract's events.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { demo, login, open } from "../helpers";
import { signIn } from "../auth-state";
import { clickSignFor, waitForNewCode } from "./missions-helpers";

const worker = { email: "cachet.signature@exemple.fr", phone: "+33639989108", masked: "06 •• •• •• 08" };
const dir = mkdtempSync(path.join(tmpdir(), "e2e-seal-"));

function pdfsig(bytes: Buffer, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync("pdfsig", [file], { encoding: "utf8" });
  return `${r.stdout}${r.stderr}`;
}

function pdftotext(bytes: Buffer, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  // Reading order, whitespace collapsed: boxes side by side do not interleave.
  return spawnSync("pdftotext", [file, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
}

async function verify(page: Page, file: { name: string; buffer: Buffer }) {
  await page.getByLabel("Fichier PDF du contrat").setInputFiles({ ...file, mimeType: "application/pdf" });
  return page.getByTestId("verify-result");
}

test("signed contract: sealed PDF valid for pdfsig, a flipped byte invalid, /verifier and the evidence file", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await login(page, worker.email);
  await open(page, "/contrats?etat=a-signer");
  await clickSignFor(page);
  const contractUrl = new URL(page.url()).pathname;
  const contractId = contractUrl.split("/").pop()!;

  // The issued PDF is sealed by the agency already.
  const issued = await (await page.request.get(`${contractUrl}/pdf`)).body();
  const issuedSig = pdfsig(issued, "issued.pdf");
  expect(issuedSig).toContain("Signature is Valid.");
  expect(issuedSig).toContain("Total document signed");

  // One wrong code (a failed try for the evidence), then the right one.
  await page.getByRole("checkbox", { name: /accepte de le signer/ }).check();
  await page.getByRole("button", { name: "Recevoir le code par SMS" }).click();
  const code = await waitForNewCode(page.request, worker.phone, 1);
  await page.getByLabel("Code reçu par SMS").fill(String((Number(code) + 1) % 1_000_000).padStart(6, "0"));
  await page.getByRole("button", { name: "Valider la signature" }).click();
  await expect(page.getByText("Code incorrect. Il vous reste 4 essais.")).toBeVisible();
  await page.getByLabel("Code reçu par SMS").fill(code);
  await page.getByRole("button", { name: "Valider la signature" }).click();
  await expect(page).toHaveURL(/\?signe=1$/);

  const signed = await (await page.request.get(`${contractUrl}/pdf?signe=1`)).body();
  const out = pdfsig(signed, "signed.pdf");
  console.log(`pdfsig of the signed contract:\n${out}`);
  expect(out).toContain("Signature Type: ETSI.CAdES.detached");
  expect(out).toContain("Total document signed");
  expect(out).toContain("Signature Validation: Signature is Valid.");
  const text = pdftotext(signed, "signed-text.pdf");
  expect(text).toMatch(/Signé électroniquement par Camille CACHET, le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
  expect(text).toContain(`code SMS envoyé au ${worker.masked}`);
  expect(text).toContain("page 1 / 2");
  expect(text).toContain("page 2 / 2");
  expect(text).toContain("Cachet électronique");
  expect(text).not.toContain("00:00-00:00");

  // One byte of the signed content changed: pdfsig no longer says valid.
  const tampered = Buffer.from(signed);
  const at = tampered.indexOf("/MediaBox") + 2;
  tampered[at] = tampered[at] === 0x65 ? 0x66 : 0x65;
  const bad = pdfsig(tampered, "tampered.pdf");
  expect(bad).not.toContain("Signature is Valid.");

  // The public check, signed out: the original is recognised, the modified file is not.
  const anon = await browser.newContext({ baseURL });
  const pub = await anon.newPage();
  await open(pub, "/verifier");
  await expect(pub.getByRole("heading", { name: "Vérifier un contrat" })).toBeVisible();
  let result = await verify(pub, { name: "contrat-signe.pdf", buffer: signed });
  await expect(result).toContainText("contrat signé électroniquement");
  await expect(result).toContainText("C. C.");
  await expect(result).toContainText("Coop Emploi");
  await expect(result).toContainText(/Signé le\s*\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
  await expect(result).not.toContainText("Cachet");
  await expect(result).not.toContainText("Camille");
  await pub.screenshot({ path: test.info().outputPath("verifier-1280.png"), fullPage: true });
  await pub.setViewportSize({ width: 375, height: 800 });
  await pub.screenshot({ path: test.info().outputPath("verifier-375.png"), fullPage: true });
  result = await verify(pub, { name: "contrat-modifie.pdf", buffer: tampered });
  await expect(result).toContainText("Ce document ne correspond à aucun contrat émis.");
  // The issued document, by its typed hash: issued here, and signed since.
  await pub.getByLabel("Empreinte SHA-256").fill(createHash("sha256").update(issued).digest("hex"));
  await pub.getByRole("button", { name: "Vérifier" }).click();
  await expect(result).toContainText("contrat émis pour signature");
  await expect(result).toContainText("Signé");
  // A malformed hash is refused next to the field.
  await pub.getByLabel("Empreinte SHA-256").fill("abc");
  await pub.getByRole("button", { name: "Vérifier" }).click();
  await expect(pub.getByText("64 caractères de 0 à 9")).toBeVisible();
  await anon.close();

  // The worker cannot read the evidence file.
  expect((await page.request.get(`/admin/contrats/${contractId}/preuve`)).status()).toBe(404);

  // Staff: the evidence file, sealed, lists the events.
  const staff = await browser.newContext({ baseURL });
  const sp = await staff.newPage();
  await signIn(sp, demo.staff);
  await open(sp, `/admin/contrats/${contractId}`);
  const link = sp.getByRole("link", { name: "Dossier de preuve (PDF)" });
  await expect(link).toBeVisible();
  const evidence = await (await sp.request.get((await link.getAttribute("href"))!)).body();
  expect(pdfsig(evidence, "evidence.pdf")).toContain("Signature is Valid.");
  const ev = pdftotext(evidence, "evidence-text.pdf");
  expect(ev).toContain("DOSSIER DE PREUVE");
  expect(ev).toContain("Code de signature envoyé");
  expect(ev).toContain("Échec de signature");
  expect(ev).toContain("code incorrect");
  expect(ev).toContain("Contrat signé");
  expect(ev).toContain(worker.masked);
  expect(ev.replace(/\s+/g, "")).toContain(createHash("sha256").update(signed).digest("hex"));
  expect(ev.replace(/\s+/g, "")).toContain(createHash("sha256").update(issued).digest("hex"));
  await staff.close();
});
