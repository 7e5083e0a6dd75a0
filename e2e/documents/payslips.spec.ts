import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { open } from "../helpers";
import { signIn } from "../auth-state";
import { docsWorkers, downloadedBytes, isPdf, listedNumbers } from "./documents-helpers";

test("a worker sorts payslips, downloads one, then a selection as a zip of the right PDFs", async ({ page }) => {
  await signIn(page, docsWorkers.lea.email);
  await open(page, "/bulletins-de-salaire");
  await expect(page.getByRole("heading", { level: 1, name: "Bulletins de salaire" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "6 bulletins de salaire" })).toBeVisible();
  // The payroll note comes from the agency's settings.
  await expect(page.getByText("entre le 8 et le 10 du mois")).toBeVisible();
  await expect(page.getByRole("link", { name: "servicepaie@coop-emploi.fr" })).toBeVisible();

  // Newest first by default.
  const byDefault = await listedNumbers(page);
  expect(byDefault).toHaveLength(6);
  expect(byDefault.every((n) => n.startsWith("9601_"))).toBe(true);
  expect([...byDefault].sort().reverse()).toEqual(byDefault);

  // Sort by number (ascending first), then back descending.
  await page.getByRole("link", { name: /^n° : trier/ }).click();
  await expect(page).toHaveURL(/tri=numero&ordre=asc/);
  await expect.poll(() => listedNumbers(page)).toEqual([...byDefault].reverse());
  await page.getByRole("link", { name: /^n° : trier/ }).click();
  await expect(page).toHaveURL(/tri=numero(?!.*ordre=asc)/);
  await expect.poll(() => listedNumbers(page)).toEqual(byDefault);

  // Page size in the URL: 15 → everything on one page, no pagination.
  await expect(page.getByLabel("Nombre par page :")).toHaveValue("15");

  // One payslip by its icon: a PDF with a clean name.
  const newest = byDefault[0];
  const [single] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: new RegExp(`Télécharger bulletin de salaire ${newest}`) }).click(),
  ]);
  expect(single.suggestedFilename()).toMatch(/^bulletin_\d{4}-\d{2}\.pdf$/);
  const singleBytes = await downloadedBytes(single);
  expect(isPdf(singleBytes)).toBe(true);
  const month = `${newest.slice(5, 9)}-${newest.slice(9, 11)}`;
  expect(single.suggestedFilename()).toBe(`bulletin_${month}.pdf`);

  // Tick three payslips, download them as one zip.
  const picked = [byDefault[0], byDefault[2], byDefault[4]];
  for (const n of picked) await page.getByRole("checkbox", { name: `Sélectionner ${n}` }).check();
  await expect(page.getByText("Pour la sélection (3) :")).toBeVisible();
  const [zipDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger" }).click()]);
  expect(zipDownload.suggestedFilename()).toBe("bulletins_de_salaire.zip");
  await expect(page.getByRole("status").filter({ hasText: "3 documents téléchargés" })).toBeVisible();
  const zip = await JSZip.loadAsync(await downloadedBytes(zipDownload));
  const names = Object.keys(zip.files).sort();
  const expected = picked.map((n) => `bulletin_${n.slice(5, 9)}-${n.slice(9, 11)}.pdf`).sort();
  expect(names).toEqual(expected);
  // Each entry is the very PDF of that payslip.
  const hrefs = await page
    .getByTestId("document-row")
    .locator("a[download]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const n of picked) {
    const entry = await zip.file(`bulletin_${n.slice(5, 9)}-${n.slice(9, 11)}.pdf`)!.async("nodebuffer");
    expect(isPdf(entry)).toBe(true);
    const href = hrefs[byDefault.indexOf(n)];
    const direct = await page.request.get(href);
    expect(direct.status()).toBe(200);
    expect(direct.headers()["content-disposition"]).toContain(`filename*=UTF-8''bulletin_${n.slice(5, 9)}-${n.slice(9, 11)}.pdf`);
    expect(Buffer.compare(entry, await direct.body())).toBe(0);
  }

  // The header box selects the whole page.
  await page.getByRole("checkbox", { name: "Sélectionner toutes les lignes" }).check();
  for (const n of byDefault) await expect(page.getByRole("checkbox", { name: `Sélectionner ${n}` })).toBeChecked();
  const [allDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger" }).click()]);
  const all = await JSZip.loadAsync(await downloadedBytes(allDownload));
  expect(Object.keys(all.files)).toHaveLength(6);
});

test("another worker's document gives 404 on the single and the zip routes", async ({ page, browser }) => {
  // Marc's payslip id, seen from his own list.
  const other = await browser.newContext();
  const marc = await other.newPage();
  await signIn(marc, docsWorkers.marc.email);
  await open(marc, "/bulletins-de-salaire");
  await expect(marc.getByRole("heading", { name: "2 bulletins de salaire" })).toBeVisible();
  const marcHref = (await marc.getByTestId("document-row").first().locator("a[download]").getAttribute("href"))!;
  const marcId = marcHref.split("/").pop()!;
  expect((await marc.request.get(marcHref)).status()).toBe(200);
  await other.close();

  await signIn(page, docsWorkers.lea.email);
  await open(page, "/bulletins-de-salaire");
  const leaId = (await page.getByTestId("document-row").first().locator("a[download]").getAttribute("href"))!.split("/").pop()!;

  expect((await page.request.get(`/api/documents/${marcId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/documents/not-an-id`)).status()).toBe(404);
  expect((await page.request.get(`/api/documents/archive?ids=${marcId}`)).status()).toBe(404);
  // Mixing someone else's id with one's own: no partial zip, a 404.
  const mixed = await page.request.get(`/api/documents/archive?ids=${leaId},${marcId}`);
  expect(mixed.status()).toBe(404);
  expect(mixed.headers()["content-type"]).not.toContain("zip");
  const mine = await page.request.get(`/api/documents/archive?ids=${leaId}`);
  expect(mine.status()).toBe(200);
  expect(mine.headers()["content-type"]).toBe("application/zip");

  // Without a session: nothing.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`http://127.0.0.1:${new URL(page.url()).port}/api/documents/${leaId}`)).status()).toBe(401);
  await anonymous.close();
});
