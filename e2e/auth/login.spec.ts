import { expect, test } from "@playwright/test";
import { demo, login, logout, open, signUpAndConfirm } from "../helpers";

test.describe("sign-in and roles", () => {
  test("the worker signs in to the Tableau de bord and signs out", async ({ page }) => {
    await login(page, demo.worker);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Mon compte" }).first()).toBeVisible();
    await logout(page);
    await page.goto("/contrats");
    await expect(page).toHaveURL(/\/connexion\?next=%2Fcontrats/);
  });

  test("staff land in the back office and the client on Saisie des heures", async ({ browser }) => {
    const staff = await browser.newPage();
    await login(staff, demo.staff);
    await expect(staff).toHaveURL(/\/admin$/);
    await logout(staff);

    const client = await browser.newPage();
    await login(client, demo.client);
    await expect(client).toHaveURL(/\/client$/);
    await expect(client.getByRole("heading", { name: /Saisie des heures/ })).toBeVisible();
    await logout(client);
  });

  test("a wrong password gets the same message as an unknown address", async ({ page }) => {
    // Not a demo account: wrong passwords count towards its lockout.
    const account = await signUpAndConfirm(page);
    await login(page, account.email, "Mauvais2026!");
    await expect(page.getByRole("alert").filter({ hasText: "Adresse e-mail ou mot de passe incorrect." })).toBeVisible();
    await login(page, "personne.inconnue@exemple.fr", "Mauvais2026!");
    await expect(page.getByRole("alert").filter({ hasText: "Adresse e-mail ou mot de passe incorrect." })).toBeVisible();
    await expect(page).toHaveURL(/\/connexion/);
  });

  test("empty fields are explained next to each field", async ({ page }) => {
    await open(page, "/connexion");
    await page.getByRole("button", { name: "Connexion" }).click();
    await expect(page.getByText("Renseignez votre adresse e-mail.")).toBeVisible();
    await expect(page.getByText("Renseignez votre mot de passe.")).toBeVisible();
  });

  test("after signing in, the worker goes back to the page asked for", async ({ page }) => {
    await open(page, "/plannings");
    await expect(page).toHaveURL(/next=%2Fplannings/);
    await page.getByLabel("Adresse e-mail").fill(demo.worker);
    await page.getByLabel("Mot de passe", { exact: true }).fill("Demo2026!");
    await page.getByRole("button", { name: "Connexion" }).click();
    await expect(page).toHaveURL(/\/plannings$/);
  });
});

test.describe("role separation on the server", () => {
  test("a worker gets nothing from /admin or /client", async ({ page }) => {
    await login(page, demo.worker);
    await expect(page).toHaveURL(/\/$/);
    for (const path of ["/admin", "/admin/outbox", "/client"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    }
  });

  test("staff get nothing from the worker's pages, the client nothing from /admin", async ({ browser }) => {
    const staff = await browser.newPage();
    await login(staff, demo.staff);
    await expect(staff).toHaveURL(/\/admin$/);
    expect((await staff.goto("/contrats"))?.status()).toBe(404);
    expect((await staff.goto("/client"))?.status()).toBe(404);

    const client = await browser.newPage();
    await login(client, demo.client);
    await expect(client).toHaveURL(/\/client$/);
    expect((await client.goto("/admin"))?.status()).toBe(404);
    expect((await client.goto("/"))?.status()).toBe(404);
  });

  test("a forged session cookie is refused", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "authjs.session-token", value: "forged.token.value", url: baseURL! }]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/connexion/);
  });
});
