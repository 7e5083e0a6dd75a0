import { expect, test } from "@playwright/test";
import { fillSignup, linkFromEmail, login, signUpAndConfirm, uniqueEmail } from "../helpers";

test("sign-up refuses Password1! next to the field and accepts a 28-character passphrase", async ({ page }) => {
  const email = uniqueEmail("phrase");
  await fillSignup(page, { email, password: "Password1!", firstName: "Léa" });
  await expect(page.getByText("Le mot de passe doit faire au moins 12 caractères.")).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);

  // Long enough but one of the most used: refused by the server.
  await page.getByLabel("Mot de passe", { exact: true }).fill("123456789012");
  await page.getByLabel("Confirmation du mot de passe").fill("123456789012");
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await expect(page.getByText(/plus utilisés|trop facile à deviner/)).toBeVisible();
  await expect(page.getByLabel("Prénom")).toHaveValue("Léa");

  const passphrase = "soleil levant sur la garonne";
  await page.getByLabel("Mot de passe", { exact: true }).fill(passphrase);
  await page.getByLabel("Confirmation du mot de passe").fill(passphrase);
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos e-mails" })).toBeVisible();
  await linkFromEmail(page.request, email, /confirm/i, "/confirmer-email");
});

test("next-auth's own /api/auth/signout ends the session: a copy of the old cookie no longer works", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = await signUpAndConfirm(page);
  await login(page, account.email, account.password);
  await expect(page).toHaveURL(/\/$/);
  const oldCookies = await context.cookies();

  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(res.status()).toBeLessThan(400);

  const thief = await browser.newContext();
  await thief.addCookies(oldCookies);
  const stolen = await thief.newPage();
  await stolen.goto("/contrats");
  await expect(stolen).toHaveURL(/\/connexion/);
  await thief.close();
  await context.close();
});
