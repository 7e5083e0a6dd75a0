// The worker's main journey with the keyboard only (Tab, Enter, Space, typing;
// no mouse click): sign in, move through the menu (focus lands on the new
// page's heading), sign a contract with the SMS code read from the outbox,
// then ask for an advance. Its own fixture account (prisma/fixtures/missions.ts).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, open } from "../helpers";
import { waitForNewCode } from "../missions/missions-helpers";

const worker = { email: "a11y.clavier@exemple.fr", phone: "+33639989106" };

/** Presses Tab until `target` has the focus (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `reached with Tab within ${max} presses`).toBeFocused();
}

test("keyboard only: sign in, menu, contract signing with the SMS code, advance request", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, "/connexion");

  // Sign in.
  await tabTo(page, page.getByLabel("Adresse e-mail"));
  await page.keyboard.type(worker.email);
  await tabTo(page, page.getByLabel("Mot de passe", { exact: true }));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/$/);
  await page.waitForLoadState("networkidle");

  // The menu: Enter on "Mes contrats" opens it and focus moves to its heading.
  const menu = page.getByRole("navigation", { name: "Menu principal" });
  await tabTo(page, menu.getByRole("link", { name: "Mes contrats", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/contrats$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

  // Sign the contract: consent with Space, ask for the code, type it.
  await tabTo(
    page,
    page
      .getByRole("main")
      .getByRole("link", { name: /^Signer/ })
      .first(),
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/contrats\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await page.waitForLoadState("networkidle");
  await tabTo(page, page.getByRole("checkbox", { name: /accepte de le signer/ }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: /accepte de le signer/ })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Recevoir le code par SMS" }));
  await page.keyboard.press("Enter");
  const code = await waitForNewCode(page.request, worker.phone, 1);
  await tabTo(page, page.getByLabel("Code reçu par SMS"));
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Votre signature est enregistrée")).toBeVisible();
  await expect(page.getByText("Valide", { exact: true })).toBeVisible();

  // An advance request from the menu.
  await tabTo(page, menu.getByRole("link", { name: "Mes demandes d'acompte", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/acomptes$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await page.waitForLoadState("networkidle");
  await tabTo(page, page.getByLabel("Montant de l'acompte souhaité (€)"));
  await page.keyboard.type("60");
  await tabTo(page, page.getByRole("button", { name: "Faire la demande" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Votre demande d'acompte est enregistrée/)).toBeVisible();
  await expect(page.getByTestId("demande-acompte").getByText("En attente", { exact: true })).toBeVisible();
});
