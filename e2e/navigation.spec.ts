import { expect, test } from "@playwright/test";
import { stateOf } from "./auth-state";
import { demo, open } from "./helpers";

// Signed in once as the demo worker (e2e/auth.setup.ts).
test.use({ storageState: stateOf(demo.worker) });

const menu = [
  { label: "Tableau de bord", path: "/" },
  { label: "Mes demandes d'acompte", path: "/acomptes" },
  { label: "Fiche perso", path: "/fiche-perso" },
  { label: "Diplômes / Certificats", path: "/diplomes" },
  { label: "Paramètres", path: "/parametres" },
  { label: "Mes contrats", path: "/contrats" },
  { label: "Mes plannings", path: "/plannings" },
  { label: "Relevé d'heures", path: "/plannings/releve" },
  { label: "Mes disponibilités", path: "/disponibilites" },
  { label: "Bulletins de salaire", path: "/bulletins-de-salaire" },
  { label: "Attestation Assedic", path: "/attestations-assedic" },
  { label: "Certificat de travail", path: "/certificats-de-travail" },
];

test.describe("worker navigation on a desktop", () => {
  test("every menu entry of the guide opens its page with breadcrumbs", async ({ page }) => {
    await open(page, "/");
    await expect(page).toHaveURL(/\/$/);
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    for (const group of ["Votre compte", "Mes missions", "Documents"]) await expect(nav.getByText(group, { exact: true })).toBeVisible();
    for (const item of menu) {
      await nav.getByRole("link", { name: item.label, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${item.path === "/" ? "/" : item.path}$`));
      await expect(nav.getByRole("link", { name: item.label, exact: true })).toHaveAttribute("aria-current", "page");
      if (item.path !== "/") await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toBeVisible();
    }
  });

  test("the header shows the worker's name, Mon compte and Déconnexion", async ({ page }) => {
    await open(page, "/");
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Mon compte" })).toBeVisible();
    await expect(header.getByRole("button", { name: "Déconnexion" })).toBeVisible();
  });

  test("the Tableau de bord shows the agency's blocks and what needs attention", async ({ page }) => {
    await open(page, "/");
    const main = page.getByRole("main");
    await expect(main.getByText(/Procédure absence/i).first()).toBeVisible();
    await expect(main.getByText(/Bulletins de salaire/i).first()).toBeVisible();
    await expect(main.getByText(/à signer/i).first()).toBeVisible();
  });
});

test.describe("worker navigation on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("the menu opens from the top bar and the page never scrolls sideways", async ({ page }) => {
    await open(page, "/");
    await expect(page).toHaveURL(/\/$/);
    const toggle = page.getByRole("button", { name: "Menu" });
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("link", { name: "Mes contrats", exact: true }).click();
    await expect(page).toHaveURL(/\/contrats$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
