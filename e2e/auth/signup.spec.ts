import { expect, test } from "@playwright/test";
import { fillSignup, linkFromEmail, login, open, outbox, uniqueEmail, demo } from "../helpers";

test("sign-up, login refused until the emailed link is used, then the worker's space", async ({ page }) => {
  const email = uniqueEmail("inscription");
  const password = "les cerises de juin sont mûres";
  await fillSignup(page, { email, password, firstName: "Inès", lastName: "Durand" });
  await expect(page.getByRole("heading", { name: "Vérifiez vos e-mails" })).toBeVisible();

  // The account is created just after the response: its email shows it exists.
  const link = await linkFromEmail(page.request, email, /confirm/i, "/confirmer-email");
  await login(page, email, password);
  await expect(page.getByRole("alert").filter({ hasText: "pas encore confirmée" })).toBeVisible();

  const mails = await outbox(page.request, email);
  expect(mails[0].text).toContain("Inès");

  await open(page, link);
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(page.getByText("Votre adresse e-mail est confirmée.")).toBeVisible();

  // The link is single-use.
  await page.goto(link);
  await expect(page.getByText("Ce lien a déjà été utilisé.")).toBeVisible();

  await login(page, email, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Inès DURAND").first()).toBeVisible();
});

test("sign-up checks each field and keeps what was typed", async ({ page }) => {
  await open(page, "/inscription");
  await page.getByLabel("Prénom").fill("Léo");
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByLabel("Téléphone portable").fill("12345");
  await page.getByLabel("Mot de passe", { exact: true }).fill("faible");
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await expect(page.getByText("Renseignez votre nom.")).toBeVisible();
  await expect(page.getByText("Adresse e-mail invalide.")).toBeVisible();
  await expect(page.getByText(/Numéro de portable invalide/)).toBeVisible();
  await expect(page.getByText(/Le mot de passe doit faire au moins 12 caractères/)).toBeVisible();
  await expect(page.getByText("Choisissez votre agence.")).toBeVisible();
  await expect(page.getByLabel("Prénom")).toHaveValue("Léo");
});

test("signing up with a registered address reveals nothing and warns the owner", async ({ page }) => {
  await fillSignup(page, { email: demo.worker, password: "une autre phrase assez longue" });
  await expect(page.getByRole("heading", { name: "Vérifiez vos e-mails" })).toBeVisible();
  await expect.poll(async () => (await outbox(page.request, demo.worker)).some((m) => m.subject === "Vous avez déjà un compte")).toBe(true);
  // The demo password still works: nothing was changed.
  await login(page, demo.worker);
  await expect(page).toHaveURL(/\/$/);
});

test("an invalid confirmation link is refused", async ({ page }) => {
  await page.goto("/confirmer-email?token=nimportequoi-0123456789");
  await expect(page.getByText("Ce lien de confirmation est incorrect.")).toBeVisible();
});
