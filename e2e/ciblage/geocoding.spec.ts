import { expect, test, type Page } from "@playwright/test";
import { demo, open } from "../helpers";
import { signIn } from "../auth-state";
import { createClient } from "../backoffice/bo";
import { addDays, iso, parisToday } from "../heures/dates";

// Several sign-ins in one scenario: more time than the default on a loaded machine.
test.describe.configure({ timeout: 180_000 });

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

test("addresses are located from the register of communes: a new site and a worker's new home give the ciblage its distances", async ({
  page,
}) => {
  const tag = Date.now().toString(36).toUpperCase();
  const clientName = `Clinique Géo ${tag}`;
  const siteName = `Site Blagnac ${tag}`;
  await signIn(page, demo.staff);

  // A client and its site; a postal code and city that do not go together are refused next to the field.
  await createClient(page, clientName, "05 61 00 00 00");
  const add = page.getByRole("form", { name: "Ajouter un site" });
  await add.getByLabel("Nom du site").fill(siteName);
  await add.getByLabel("Adresse").fill("1 Avenue du Général de Gaulle");
  await add.getByLabel("Code postal").fill("31999");
  await add.getByLabel("Ville").fill("Blagnac");
  await add.getByRole("button", { name: "Ajouter le site" }).click();
  await expect(add.getByText("Le code postal 31999 n'existe pas.")).toBeVisible();
  await add.getByLabel("Code postal").fill("31700");
  await add.getByLabel("Ville").fill("Rodez");
  await add.getByRole("button", { name: "Ajouter le site" }).click();
  await expect(add.getByText(/^Cette ville ne correspond pas au code postal 31700 \(.*Blagnac.*\)\.$/)).toBeVisible();
  await add.getByLabel("Ville").fill("blagnac");
  await add.getByRole("button", { name: "Ajouter le site" }).click();
  await expect(page.getByText(`Site « ${siteName} » ajouté.`)).toBeVisible();
  await expect(page.getByText(/Localisé : commune INSEE 31069/)).toBeVisible();

  // A need on that site: Aurore lives in Blagnac; Hugo's address is not located yet.
  const today = parisToday();
  await open(page, "/admin/ciblages");
  const siteSelect = page.getByLabel("Site du client");
  const option = siteSelect.locator("option", { hasText: siteName });
  await siteSelect.selectOption((await option.getAttribute("value"))!);
  await page.getByLabel("Qualification").selectOption({ label: "INFIRMIER (301)" });
  await page.getByLabel("Date de début").fill(iso(addDays(today, 40)));
  await page.getByLabel("Date de fin").fill(iso(addDays(today, 41)));
  await page.getByLabel("Horaires").fill("08:00-15:00");
  await page.getByLabel("Nombre d'intérimaires recherchés").fill("1");
  await page.getByLabel("Description").fill(`Géolocalisation ${tag}`);
  await page.getByRole("button", { name: "Créer le ciblage" }).click();
  await expect(page).toHaveURL(/\/admin\/ciblages\/[^/?]+$/);
  const needUrl = new URL(page.url()).pathname;
  const matches = page.getByRole("table", { name: "Intérimaires correspondants" });
  await expect(matches.getByRole("row", { name: "Aurore CIBLAT" })).toContainText(/\b[0-4](,\d)? km/);
  await expect(page.getByRole("list", { name: "À vérifier" }).getByText(/Hugo CIBLAT .*Adresse non localisée/)).toBeVisible();

  // Hugo moves to Toulouse: the city must belong to the postal code.
  await switchUser(page, "cible.hugo@exemple.fr");
  await open(page, "/fiche-perso");
  await page.getByRole("button", { name: "Modifier : Adresse" }).click();
  await page.locator("#address-address").fill("5 Place du Capitole");
  await page.locator("#address-postalCode").fill("31000");
  await page.locator("#address-city").fill("Lyon");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText(/Cette ville ne correspond pas au code postal 31000 \(.*Toulouse.*\)\./)).toBeVisible();
  await page.locator("#address-city").fill("TOULOUSE");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Nouvelle valeur : 5 Place du Capitole, 31000 TOULOUSE")).toBeVisible();

  // Approved by the agency: his home is located and he now matches, about 8 km from the site.
  await switchUser(page, demo.staff);
  await open(page, "/admin/validations");
  await page.getByRole("button", { name: "Valider : Adresse de CIBLAT Hugo" }).click();
  await expect(page.getByText("Modification validée et appliquée.")).toBeVisible();
  await open(page, needUrl);
  await expect(matches.getByRole("row", { name: "Hugo CIBLAT" })).toContainText(/\b([5-9]|1[0-2])(,\d)? km/);
  await expect(page.getByRole("list", { name: "À vérifier" }).getByText(/Hugo CIBLAT/)).toHaveCount(0);
});
