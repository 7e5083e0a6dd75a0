import { expect, test, type Page } from "@playwright/test";
import { demo, open, outbox } from "../helpers";
import { signIn } from "../auth-state";
import { addDays, iso, parisToday } from "../heures/dates";

// Several sign-ins in one scenario: more time than the default on a loaded machine.
test.describe.configure({ timeout: 180_000 });

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

test("a ciblage from the need to a DRAFT contract: matching workers, offer, yes, pick, close and the others emailed", async ({ page }) => {
  const today = parisToday();
  const description = `Remplacement infirmier de nuit ${Date.now().toString(36)}`;
  await signIn(page, demo.staff);
  await open(page, "/admin/ciblages");
  await page.getByLabel("Site du client").selectOption({ label: "CLINIQUE DES TILLEULS – Clinique des Tilleuls (TOULOUSE)" });
  await page.getByLabel("Qualification").selectOption({ label: "INFIRMIER (301)" });
  await page.getByLabel("Date de début").fill(iso(addDays(today, 20)));
  await page.getByLabel("Date de fin").fill(iso(addDays(today, 22)));
  await page.getByLabel("Horaires").fill("8h-15h");
  await page.getByLabel("Nombre d'intérimaires recherchés").fill("0");
  await page.getByLabel("Description").fill(description);
  await page.getByRole("button", { name: "Créer le ciblage" }).click();
  await expect(page.getByText(/Horaires au format 08:00-15:00/)).toBeVisible();
  await expect(page.getByText("Au moins 1 intérimaire.")).toBeVisible();
  await page.getByLabel("Horaires").fill("08:00-15:00");
  await page.getByLabel("Nombre d'intérimaires recherchés").fill("1");
  await page.getByRole("button", { name: "Créer le ciblage" }).click();
  await expect(page).toHaveURL(/\/admin\/ciblages\/[^/?]+$/);
  const needUrl = new URL(page.url()).pathname;

  // Qualified, available, within their radius: listed with their distance.
  const matches = page.getByRole("table", { name: "Intérimaires correspondants" });
  for (const name of ["Aurore CIBLAT", "Bruno CIBLAT", "Fanny CIBLAT"]) await expect(matches.getByRole("row", { name })).toBeVisible();
  await expect(matches.getByRole("row", { name: "Aurore CIBLAT" })).toContainText(/\d+(,\d)? km/);
  // Too far, unavailable, booked, or not located: never silently matched.
  for (const name of ["Carla CIBLAT", "Elsa CIBLAT", "Gael CIBLAT", "Denis CIBLAT"])
    await expect(matches.getByRole("row", { name })).toHaveCount(0);
  const excluded = page.getByRole("list", { name: "Écartés" });
  await expect(excluded.getByText(/Carla CIBLAT \(Albi, \d+ km\) : Hors de son rayon de mobilité \(20 km\)/)).toBeVisible();
  await expect(excluded.getByText(/Elsa CIBLAT .*Indisponible le/)).toBeVisible();
  await expect(excluded.getByText(/Gael CIBLAT .*Déjà en mission \(contrat \d+\)/)).toBeVisible();
  await expect(page.getByRole("list", { name: "À vérifier" }).getByText(/Denis CIBLAT .*Adresse non localisée/)).toBeVisible();

  for (const name of ["Aurore CIBLAT", "Bruno CIBLAT", "Fanny CIBLAT"]) await page.getByLabel(`Proposer à ${name}`).check();
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(page.getByRole("status")).toContainText("Proposition envoyée à 3 intérimaires.");
  const mails = await outbox(page.request, "cible.aurore@exemple.fr");
  expect(mails.find((m) => m.subject === "Nouvelle proposition de mission" && m.text.includes("Clinique des Tilleuls"))).toBeTruthy();

  // Fanny and Aurore say yes from their space; one worker is wanted.
  await switchUser(page, "cible.fanny@exemple.fr");
  await open(page, "/offres");
  await page.getByRole("article").filter({ hasText: description }).getByRole("button", { name: "Oui, je suis intéressé(e)" }).click();
  await expect(page.getByRole("article").filter({ hasText: description }).getByText("Intéressé(e)", { exact: true })).toBeVisible();
  await switchUser(page, "cible.aurore@exemple.fr");
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Mes propositions de mission" }).click();
  await expect(page).toHaveURL(/\/offres$/);
  const offer = page.getByRole("article").filter({ hasText: description });
  await expect(offer.getByText("En attente de votre réponse")).toBeVisible();
  await offer.getByRole("button", { name: "Oui, je suis intéressé(e)" }).click();
  await expect(page.getByRole("status")).toContainText("Merci");
  await expect(page.getByRole("article").filter({ hasText: description }).getByText("Intéressé(e)", { exact: true })).toBeVisible();

  // Staff pick her: a DRAFT contract with the need's shifts.
  await switchUser(page, demo.staff);
  await open(page, needUrl);
  const offers = page.getByRole("table", { name: "Propositions envoyées" });
  await expect(offers.getByRole("row", { name: "Aurore Ciblat" })).toContainText("Acceptée");
  await expect(page.getByTestId("retenus")).toHaveText("0 / 1 intérimaire retenu");
  await expect(offers.getByRole("row", { name: "Bruno Ciblat" })).toContainText("En attente");
  await expect(offers.getByRole("row", { name: "Bruno Ciblat" }).getByRole("button", { name: "Retenir" })).toHaveCount(0);
  await offers.getByRole("row", { name: "Aurore Ciblat" }).getByRole("button", { name: "Retenir" }).click();
  await expect(page.getByRole("status")).toContainText("son contrat a été créé en brouillon");
  await expect(page.getByText(/Aurore CIBLAT : contrat n° \d+ créé en brouillon/)).toBeVisible();
  await expect(page.getByTestId("retenus")).toHaveText("1 / 1 intérimaire retenu");
  // The one worker wanted is found: Fanny, who also said yes, can no longer be retained.
  await expect(offers.getByRole("row", { name: "Fanny Ciblat" })).toContainText("Acceptée");
  await expect(offers.getByRole("row", { name: "Fanny Ciblat" }).getByRole("button", { name: "Retenir" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Compléter et émettre le contrat" })).toHaveAttribute("href", /\/admin\/contrats\/[^/]+$/);
  await expect(offers.getByRole("row", { name: "Aurore Ciblat" })).toContainText("Retenu");

  // Closing: Fanny is emailed, Bruno turned that email off, Aurore was retained.
  // Closing asks first; "Annuler" closes nothing and emails no one.
  const confirmClose = page.getByRole("region", { name: "Confirmer la clôture ?" });
  await page.getByRole("link", { name: "Clôturer", exact: true }).click();
  await expect(confirmClose).toBeVisible();
  await expect(confirmClose.getByRole("heading")).toBeFocused();
  await confirmClose.getByRole("link", { name: "Annuler", exact: true }).click();
  await expect(confirmClose).toHaveCount(0);
  await expect(page.getByText(/^Ciblage clôturé/)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("link", { name: "Clôturer", exact: true })).toBeVisible();
  expect(
    (await outbox(page.request, "cible.fanny@exemple.fr")).filter(
      (m) => m.subject === "Fermeture d'un ciblage" && m.text.includes("Clinique des Tilleuls"),
    ),
  ).toHaveLength(0);
  await page.getByRole("link", { name: "Clôturer", exact: true }).click();
  await confirmClose.getByRole("button", { name: "Clôturer le ciblage" }).click();
  await expect(page.getByRole("status")).toContainText("Ciblage clôturé. 1 intérimaire a été prévenu par e-mail.");
  const closing = (m: { subject: string | null; text: string }) =>
    m.subject === "Fermeture d'un ciblage" && m.text.includes("Clinique des Tilleuls");
  expect((await outbox(page.request, "cible.fanny@exemple.fr")).filter(closing)).toHaveLength(1);
  expect((await outbox(page.request, "cible.bruno@exemple.fr")).filter(closing)).toHaveLength(0);
  expect((await outbox(page.request, "cible.aurore@exemple.fr")).filter(closing)).toHaveLength(0);

  // The offer is no longer open for the worker.
  await switchUser(page, "cible.fanny@exemple.fr");
  await open(page, "/offres");
  const closed = page.getByRole("article").filter({ hasText: description });
  await expect(closed.getByText("Mission pourvue ou fermée")).toBeVisible();
  await expect(closed.getByRole("button", { name: "Oui, je suis intéressé(e)" })).toHaveCount(0);
});
