import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demo, open, outbox } from "../helpers";
import { signIn } from "../auth-state";
import { clickSignFor, missionsWorkers, pdfText, setClock, smsCodes, waitForNewCode } from "./missions-helpers";

const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

test("sign a contract: consent, wrong code then the right one, signed PDF with its certificate, other users get 404", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const w = missionsWorkers.sign1;
  await signIn(page, w.email);
  await open(page, "/contrats?etat=a-signer");
  await expect(page.getByTestId("contract-count")).toHaveText("1 contrat");
  await clickSignFor(page);
  const contractUrl = new URL(page.url()).pathname;

  // The issued PDF, whose hash the certificate must quote.
  const issued = await page.request.get(`${contractUrl}/pdf`);
  expect(issued.status()).toBe(200);
  expect(issued.headers()["content-type"]).toBe("application/pdf");
  const issuedBytes = await issued.body();
  expect(issuedBytes.subarray(0, 5).toString()).toBe("%PDF-");
  const issuedHash = createHash("sha256").update(issuedBytes).digest("hex");

  // No consent, no code.
  await page.getByRole("button", { name: "Recevoir le code par SMS" }).click();
  await expect(page.getByText("Cochez la case pour accepter")).toBeVisible();
  expect(await smsCodes(page.request, w.phone)).toHaveLength(0);

  await page.getByRole("checkbox", { name: /accepte de le signer/ }).check();
  await page.getByRole("button", { name: "Recevoir le code par SMS" }).click();
  await expect(page.getByText(`Un code à 6 chiffres a été envoyé par SMS au ${w.masked}`)).toBeVisible();
  const code = await waitForNewCode(page.request, w.phone, 1);

  await page.getByLabel("Code reçu par SMS").fill(wrongOf(code));
  await page.getByRole("button", { name: "Valider la signature" }).click();
  await expect(page.getByText("Code incorrect. Il vous reste 4 essais.")).toBeVisible();

  // A second tab at the code step, to submit the same code after the first one.
  const tab2 = await page.context().newPage();
  await open(tab2, contractUrl);
  await expect(tab2.getByLabel("Code reçu par SMS")).toBeVisible();

  await page.getByLabel("Code reçu par SMS").fill(code);
  await page.getByRole("button", { name: "Valider la signature" }).click();
  await expect(page).toHaveURL(/\?signe=1$/);
  await expect(page.getByText("Votre signature est enregistrée")).toBeVisible();
  await expect(page.getByText("Valide", { exact: true })).toBeVisible();

  await tab2.getByLabel("Code reçu par SMS").fill(code);
  await tab2.getByRole("button", { name: "Valider la signature" }).click();
  await expect(tab2.getByText("Valide", { exact: true })).toBeVisible();
  await expect(tab2.getByText("Votre signature est enregistrée")).toHaveCount(0);
  await expect(tab2.getByRole("button", { name: "Valider la signature" })).toHaveCount(0);

  // The signed PDF: issued pages plus the certificate page.
  const signed = await page.request.get(`${contractUrl}/pdf?signe=1`);
  expect(signed.status()).toBe(200);
  const signedBytes = await signed.body();
  expect(signedBytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(signedBytes);
  expect(text).toContain("CERTIFICAT DE SIGNATURE");
  expect(text.replace(/\n/g, "")).toContain(issuedHash);
  expect(text).toContain("Code à usage unique envoyé par SMS, vérifié");
  expect(text).toContain("06 \x95\x95 \x95\x95 \x95\x95 01");
  expect(text).toMatch(/Inès SIGNATURE/);

  // Confirmation email (the "Nouveau contrat" notification is on by default).
  await expect.poll(async () => (await outbox(page.request, w.email)).some((m) => /est signé/.test(m.subject ?? ""))).toBe(true);

  // The list shows it signed; nothing is left to sign.
  await open(page, "/contrats?etat=a-signer");
  await expect(page.getByTestId("contract-count")).toHaveText("0 contrat");

  // Another worker and a client get a 404 on the page and on the file.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, demo.worker);
  expect((await open(otherPage, contractUrl))?.status()).toBe(404);
  expect((await otherPage.request.get(`${contractUrl}/pdf`)).status()).toBe(404);
  expect((await otherPage.request.get(`${contractUrl}/pdf?signe=1`)).status()).toBe(404);
  await other.close();
  const client = await browser.newContext({ baseURL });
  const clientPage = await client.newPage();
  await signIn(clientPage, demo.client);
  expect((await clientPage.request.get(`${contractUrl}/pdf`)).status()).toBe(404);
  await client.close();
});

test("expired code and too many wrong tries end a code", async ({ page, context, baseURL }) => {
  test.setTimeout(150_000);
  const w = missionsWorkers.sign2;
  const t0 = new Date();
  await setClock(context, baseURL!, t0);
  await signIn(page, w.email);
  await open(page, "/contrats?etat=a-signer");
  await clickSignFor(page);
  await page.getByRole("checkbox", { name: /accepte de le signer/ }).check();
  await page.getByRole("button", { name: "Recevoir le code par SMS" }).click();
  await expect(page.getByText(`envoyé par SMS au ${w.masked}`)).toBeVisible();
  const first = await waitForNewCode(page.request, w.phone, 1);

  // Eleven minutes later the right code is refused.
  await setClock(context, baseURL!, new Date(t0.getTime() + 11 * 60_000));
  await page.getByLabel("Code reçu par SMS").fill(first);
  await page.getByRole("button", { name: "Valider la signature" }).click();
  await expect(page.getByText("Ce code a expiré. Demandez un nouveau code.")).toBeVisible();

  await page.getByRole("button", { name: "Renvoyer un code" }).click();
  const second = await waitForNewCode(page.request, w.phone, 2);
  expect(second).not.toBe(first);
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("Code reçu par SMS").fill(wrongOf(second));
    await page.getByRole("button", { name: "Valider la signature" }).click();
    await expect(page.getByText(i < 5 ? `Il vous reste ${5 - i} essai` : "Trop d'essais erronés")).toBeVisible();
  }
  // Even the right code no longer works.
  await page.getByLabel("Code reçu par SMS").fill(second);
  await page.getByRole("button", { name: "Valider la signature" }).click();
  await expect(page.getByText(/n'est plus valable|Aucun code valable/)).toBeVisible();
  await open(page, "/contrats?etat=a-signer");
  await expect(page.getByTestId("contract-count")).toHaveText("1 contrat");
});

test("resending is limited to one a minute and five an hour, and invalidates the previous code", async ({ page, context, baseURL }) => {
  test.setTimeout(150_000);
  const w = missionsWorkers.sign3;
  const t0 = new Date();
  await setClock(context, baseURL!, t0);
  await signIn(page, w.email);
  await open(page, "/contrats?etat=a-signer");
  await clickSignFor(page);
  await page.getByRole("checkbox", { name: /accepte de le signer/ }).check();
  await page.getByRole("button", { name: "Recevoir le code par SMS" }).click();
  const first = await waitForNewCode(page.request, w.phone, 1);

  await page.getByRole("button", { name: "Renvoyer un code" }).click();
  await expect(page.getByText(/Un code vient d'être envoyé\. Vous pourrez en demander un nouveau dans \d+ secondes/)).toBeVisible();
  expect(await smsCodes(page.request, w.phone)).toHaveLength(1);

  for (let i = 1; i <= 4; i++) {
    await setClock(context, baseURL!, new Date(t0.getTime() + i * 61_000));
    await page.getByRole("button", { name: "Renvoyer un code" }).click();
    await waitForNewCode(page.request, w.phone, i + 1);
  }
  await setClock(context, baseURL!, new Date(t0.getTime() + 5 * 61_000));
  await page.getByRole("button", { name: "Renvoyer un code" }).click();
  await expect(page.getByText(/Trop de codes demandés pour ce contrat/)).toBeVisible();
  expect(await smsCodes(page.request, w.phone)).toHaveLength(5);

  // The first code was replaced: refused. The latest one signs.
  const latest = (await smsCodes(page.request, w.phone))[0];
  await page.getByLabel("Code reçu par SMS").fill(first);
  await page.getByRole("button", { name: "Valider la signature" }).click();
  await expect(page.getByText("Code incorrect.", { exact: false })).toBeVisible();
  await page.getByLabel("Code reçu par SMS").fill(latest);
  await page.getByRole("button", { name: "Valider la signature" }).click();
  await expect(page).toHaveURL(/\?signe=1$/);
});
