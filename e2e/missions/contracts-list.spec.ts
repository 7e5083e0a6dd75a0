import { expect, test } from "@playwright/test";
import { demo, open } from "../helpers";
import { signIn } from "../auth-state";

const count = async (page: import("@playwright/test").Page) =>
  Number((await page.getByTestId("contract-count").innerText()).match(/\d+/)![0]);

test("contracts list: sort, filters and pages live in the URL; details dialog; PDF download", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demo.worker);
  await open(page, "/contrats");
  const total = await count(page);
  expect(total).toBeGreaterThan(15);
  await expect(page.getByTestId("contract-row")).toHaveCount(15);
  await expect(page.getByText("0 filtre actif")).toBeVisible();

  // Sort by company, both ways, done by the server.
  await page.getByRole("link", { name: /^Entreprise/ }).click();
  await expect(page).toHaveURL(/tri=entreprise&ordre=asc/);
  const firstAsc = await page.getByTestId("contract-row").first().getByRole("cell").nth(5).innerText();
  await page.getByRole("link", { name: /^Entreprise/ }).click();
  await expect(page).toHaveURL(/tri=entreprise&ordre=desc/);
  const firstDesc = await page.getByTestId("contract-row").first().getByRole("cell").nth(5).innerText();
  expect(firstAsc.localeCompare(firstDesc, "fr")).toBeLessThan(0);
  await expect(page.getByRole("columnheader", { name: /Entreprise/ })).toHaveAttribute("aria-sort", "descending");

  // Page size and pages.
  await page.getByLabel("Nombre par page :").selectOption("30");
  await expect(page).toHaveURL(/par=30/);
  await expect(page.getByTestId("contract-row")).toHaveCount(Math.min(30, total));
  await page.getByRole("link", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("navigation", { name: "Pagination" }).getByRole("paragraph")).toHaveText(/Page 2 sur/);
  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByTestId("contract-row")).toHaveCount(Math.min(30, total));

  // Filter by state: awaiting signature.
  await page.getByLabel("Statut du contrat").selectOption("a-signer");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/etat=a-signer/);
  await expect(page.getByText("1 filtre actif")).toBeVisible();
  const toSign = await count(page);
  expect(toSign).toBeLessThan(total);
  for (const badge of await page.getByTestId("contract-row").getByText("Des éléments sont en attente de validation").all())
    await expect(badge).toBeVisible();
  await expect(page.getByTestId("contract-row").getByText("Valide", { exact: true })).toHaveCount(0);
  // The dashboard agrees.
  await open(page, "/");
  if (toSign > 0) await expect(page.getByText(`${toSign} contrat${toSign > 1 ? "s" : ""} à signer`)).toBeVisible();
  await page.goBack();
  await expect(page.getByText("1 filtre actif")).toBeVisible();

  // In force today + state: 2 filters, cleared in one click.
  await page.getByLabel("Contrats en cours à ce jour").check();
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("2 filtres actifs")).toBeVisible();
  await page.getByRole("link", { name: /2 filtres actifs/ }).click();
  await expect(page.getByText("0 filtre actif")).toBeVisible();
  expect(await count(page)).toBe(total);

  // In force on a date far in the past: none.
  await page.getByLabel("Contrats à la date du").fill("2001-01-01");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByTestId("contract-count")).toHaveText("0 contrat");
  await page.getByRole("link", { name: /1 filtre actif/ }).click();

  // Mission details with a tap-to-call link.
  const row = page.getByTestId("contract-row").first();
  await row.getByRole("button", { name: "Afficher les détails de la mission" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /Détail du contrat \d+/ })).toBeVisible();
  await expect(dialog.getByText("Lieu de mission")).toBeVisible();
  await expect(dialog.getByText("Code postal")).toBeVisible();
  await expect(dialog.getByRole("link", { name: /\d/ })).toHaveAttribute("href", /^tel:\+33\d{9}$/);
  await dialog.getByRole("button", { name: "Fermer" }).last().click();
  await expect(dialog).toBeHidden();

  // The PDF.
  const href = await row.getByRole("link", { name: /^Télécharger/ }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect((await page.request.get("/contrats/inexistant/pdf")).status()).toBe(404);
});

test("contracts list on a phone: cards with the same information and actions", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, demo.worker);
  await open(page, "/contrats");
  const row = page.getByTestId("contract-row").first();
  await expect(row).toBeVisible();
  expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe("block");
  const box = await row.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  // No sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(row.locator('[data-label="Date de mission"]')).toBeVisible();
  expect(await row.locator('[data-label="Date de mission"]').evaluate((el) => getComputedStyle(el, "::before").content)).toBe(
    '"Date de mission"',
  );
  await expect(row.getByRole("button", { name: "Afficher les détails de la mission" })).toBeVisible();
  await page.screenshot({ path: "test-results/missions-contracts-phone.png", fullPage: false });
  await context.close();
});
