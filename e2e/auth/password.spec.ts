import { expect, test } from "@playwright/test";
import { linkFromEmail, login, open, signUpAndConfirm, uniqueEmail } from "../helpers";

test("password reset by emailed single-use link ends every open session", async ({ browser }) => {
  const page = await browser.newPage();
  const account = await signUpAndConfirm(page);

  // A session opened elsewhere before the reset.
  const other = await browser.newPage();
  await login(other, account.email, account.password);
  await expect(other).toHaveURL(/\/$/);

  await open(page, "/connexion");
  await page.getByRole("link", { name: /J'ai oublié mon mot de passe/ }).click();
  await expect(page).toHaveURL(/\/mot-de-passe-oublie$/);
  await open(page, "/mot-de-passe-oublie");
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByRole("status")).toContainText("Si un compte existe pour cette adresse");

  const link = await linkFromEmail(page.request, account.email, /mot de passe/i, "/reinitialiser-mot-de-passe");
  await open(page, link);
  await page.getByLabel("Nouveau mot de passe").fill("nouvelle clef du grenier bleu");
  await page.getByLabel("Vérification").fill("nouvelle clef du grenier bleu");
  await page.getByRole("button", { name: "Modifier le mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe a été modifié.")).toBeVisible();

  await page.goto(link);
  await expect(page.getByText("Ce lien a déjà été utilisé.")).toBeVisible();

  await other.goto("/contrats");
  await expect(other).toHaveURL(/\/connexion/);

  await login(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "Adresse e-mail ou mot de passe incorrect." })).toBeVisible();
  await login(page, account.email, "nouvelle clef du grenier bleu");
  await expect(page).toHaveURL(/\/$/);
});

test("asking a reset for an unknown address says the same thing", async ({ page }) => {
  await open(page, "/mot-de-passe-oublie");
  await page.getByLabel("Adresse e-mail").fill(uniqueEmail("inconnu"));
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByRole("status")).toContainText("Si un compte existe pour cette adresse");
});

test("changing the password in Paramètres ends the other sessions, not this one", async ({ browser }) => {
  const page = await browser.newPage();
  const account = await signUpAndConfirm(page);
  await login(page, account.email, account.password);
  const other = await browser.newPage();
  await login(other, account.email, account.password);
  await expect(other).toHaveURL(/\/$/);

  await open(page, "/parametres");
  await page.getByLabel("Mot de passe actuel *").fill("Faux2026!!");
  await page.getByLabel("Nouveau mot de passe *").fill("le train de nuit pour Brest");
  await page.getByLabel("Vérification *").fill("le train de nuit pour Brest");
  await page.getByRole("button", { name: "Modifier le mot de passe" }).click();
  await expect(page.getByText("Mot de passe actuel incorrect.")).toBeVisible();

  // Each submission shows its own outcome: the right password with a typo in
  // the check is stopped in the browser, and the previous answer goes away.
  await page.getByLabel("Mot de passe actuel *").fill(account.password);
  await page.getByLabel("Vérification *").fill("le train de nuit pour Bres");
  await page.getByRole("button", { name: "Modifier le mot de passe" }).click();
  await expect(page.getByText("Les deux mots de passe ne correspondent pas.")).toBeVisible();
  await expect(page.getByText("Mot de passe actuel incorrect.")).toHaveCount(0);

  await page.getByLabel("Vérification *").fill("le train de nuit pour Brest");
  await page.getByRole("button", { name: "Modifier le mot de passe" }).click();
  await expect(page.getByText("Vos autres sessions ont été fermées.")).toBeVisible();
  await expect(page.getByText("Mot de passe actuel incorrect.")).toHaveCount(0);

  await page.goto("/contrats");
  await expect(page).toHaveURL(/\/contrats$/);
  await other.goto("/contrats");
  await expect(other).toHaveURL(/\/connexion/);
});

test("after five wrong passwords the account waits, whatever the address", async ({ page }) => {
  const account = await signUpAndConfirm(page);
  for (let i = 0; i < 4; i++) {
    await login(page, account.email, `Faux${i}2026!`);
    await expect(page.getByRole("alert").filter({ hasText: "Adresse e-mail ou mot de passe incorrect." })).toBeVisible();
  }
  await login(page, account.email, "Faux52026!");
  await expect(page.getByRole("alert").filter({ hasText: "Trop de tentatives de connexion. Réessayez dans 1 minute" })).toBeVisible();
  // Even the right password waits now.
  await login(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "Trop de tentatives" })).toBeVisible();
  await expect(page).toHaveURL(/\/connexion/);

  // An address with no account behaves the same, so the lock reveals nothing.
  const nobody = uniqueEmail("personne");
  for (let i = 0; i < 5; i++) await login(page, nobody, `Faux${i}2026!`);
  await expect(page.getByRole("alert").filter({ hasText: "Trop de tentatives de connexion. Réessayez dans 1 minute" })).toBeVisible();
});
