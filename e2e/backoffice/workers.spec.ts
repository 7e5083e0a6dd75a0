import { expect as baseExpect, test } from "@playwright/test";
import { demo, linkFromEmail, login, open } from "../helpers";
import { signIn } from "../auth-state";
import { idFromUrl, inviteWorker } from "./bo";

const expect = baseExpect.configure({ timeout: 20_000 });

test("invite a worker: email link, password chosen, login; deactivation ends the session, reactivation lets them back", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, demo.staff);
  const worker = await inviteWorker(page, { phone: "06 39 98 41 08" });
  // The new worker got a number in the agency and appears as invited.
  await expect(page.getByText(/N° MEDIMP :\s*\d+/)).toBeVisible();
  await expect(page.getByText("Invitation envoyée", { exact: true })).toBeVisible();

  // Inviting the same address again is refused.
  await open(page, "/admin/interimaires/inviter");
  await page.getByLabel("Agence").selectOption({ label: "MEDIMP" });
  await page.getByLabel("Adresse e-mail").fill(worker.email);
  await page.getByLabel("Prénom").fill("Zoé");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Doublon");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Un compte existe déjà avec cette adresse e-mail.").first()).toBeVisible();

  // The worker follows the link, chooses a password and signs in.
  const workerContext = await browser.newContext();
  const wp = await workerContext.newPage();
  const link = await linkFromEmail(wp.request, worker.email, /accès/i, "/inscription/activer");
  await open(wp, link);
  await wp.getByLabel("Mot de passe", { exact: true }).fill("invitation au bord du lac");
  await wp.getByLabel("Vérification").fill("invitation au bord du lac");
  await wp.getByRole("button", { name: "Activer mon espace" }).click();
  await expect(wp).toHaveURL(/\/connexion\?confirme=1/);
  // The link works once.
  await open(wp, link);
  await expect(wp.getByText("Ce lien a déjà été utilisé")).toBeVisible();
  await login(wp, worker.email, "invitation au bord du lac");
  await expect(wp).toHaveURL(/\/$/);

  // Staff deactivate the account: the worker's open session ends at the next request.
  await open(page, `/admin/interimaires/${worker.workerId}`);
  await expect(page.getByText("Compte actif")).toBeVisible();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(page.getByText("Compte désactivé : ses sessions ont été fermées.")).toBeVisible();
  await open(wp, "/fiche-perso");
  await expect(wp).toHaveURL(/\/connexion/);
  await login(wp, worker.email, "invitation au bord du lac");
  await expect(wp.locator("form [role=alert]").first()).toContainText("désactivé");

  // Reactivated, they can sign in again.
  await page.getByRole("button", { name: "Réactiver le compte" }).click();
  await expect(page.getByText("Compte réactivé.")).toBeVisible();
  await login(wp, worker.email, "invitation au bord du lac");
  await expect(wp).toHaveURL(/\/$/);
  await workerContext.close();
});

test("search workers by name, number, qualification and city", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.staff);
  await open(page, "/admin/interimaires?nom=couderc");
  await expect(page.getByRole("link", { name: "Amandine COUDERC" })).toBeVisible();
  await expect(page.getByText("1 intérimaire", { exact: true })).toBeVisible();

  // The demo worker by number.
  await open(page, "/admin/interimaires");
  await page.getByLabel("N° intérimaire").fill("3985");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("link", { name: "Majid BENALI" })).toBeVisible();
  await expect(page.getByText("1 intérimaire", { exact: true })).toBeVisible();

  // Qualification and city together: educators (615) around Auch.
  await open(page, "/admin/interimaires");
  await page.getByLabel("Qualification").selectOption({ label: "ÉDUCATEUR SPÉCIALISÉ (615)" });
  await page.getByLabel("Ville ou code postal").fill("Auch");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByText("2 filtres actifs")).toBeVisible();
  await expect(page.getByRole("link", { name: "Rachid OUALI" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Justine LAMOTHE" })).toHaveCount(0); // 615 but in Toulouse

  // The worker's page: sections and links to the pages other parts of the back office own.
  await page.getByRole("link", { name: "Rachid OUALI" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rachid OUALI" })).toBeVisible();
  for (const section of ["Profil", "Documents", "Diplômes / Certificats", "Contrats", "Disponibilités", "Demandes d'acompte"]) {
    await expect(page.getByRole("heading", { name: section, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Voir toutes ses disponibilités" })).toHaveAttribute(
    "href",
    `/admin/interimaires/${idFromUrl(page)}/disponibilites`,
  );
  await expect(page.getByRole("link", { name: "Traiter les acomptes" })).toHaveAttribute("href", "/admin/acomptes");
});

test("staff of one agency get 404 on a worker, a contract or a client of another agency", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The demo staff member belongs to both agencies: collect a MEDIMP worker, contract and client.
  await signIn(page, demo.staff);
  await open(page, "/admin/interimaires?numero=3985");
  await page.getByRole("link", { name: "Majid BENALI" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Majid BENALI" })).toBeVisible();
  const workerPath = new URL(page.url()).pathname;
  const contractHref = await page
    .getByRole("region", { name: "Contrats" })
    .getByRole("link")
    .filter({ hasText: /^\d+$/ })
    .first()
    .getAttribute("href");
  // A signed one has a document: its PDF must be refused too, not merely missing.
  const signedHref = await page
    .getByRole("region", { name: "Contrats" })
    .getByRole("row")
    .filter({ hasText: "Valide (signé)" })
    .first()
    .getByRole("link")
    .filter({ hasText: /^\d+$/ })
    .getAttribute("href");
  const pdfPath = `${signedHref!.replace(/^\/admin/, "")}/pdf`;
  const ownPdf = await page.request.get(pdfPath);
  expect(ownPdf.headers()["content-type"]).toBe("application/pdf");
  expect((await ownPdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await open(page, contractHref!);
  await expect(page.getByRole("heading", { level: 1, name: /Contrat n° \d+/ })).toBeVisible();
  const clientHref = await page.locator(`main a[href^="/admin/clients/"]`).first().getAttribute("href");

  // Hugo Carrière works for EDUC31 only.
  const other = await browser.newContext();
  const op = await other.newPage();
  await signIn(op, "hugo.carriere@demo.coop-emploi.fr");
  await expect(op).toHaveURL(/\/admin$/);
  for (const path of [workerPath, contractHref!, clientHref!]) {
    const response = await open(op, path);
    expect(response?.status(), path).toBe(404);
  }
  // Nor can he download a MEDIMP contract's PDF, issued or signed.
  for (const path of [pdfPath, `${pdfPath}?signe=1`]) {
    expect((await op.request.get(path)).status(), path).toBe(404);
  }
  // Nor does the MEDIMP worker show up in his searches or lists.
  await open(op, "/admin/interimaires?numero=3985");
  await expect(op.getByText("0 intérimaire", { exact: true })).toBeVisible();
  await open(op, "/admin/clients?q=jean");
  await expect(op.getByRole("link", { name: "RESIDENCE JEAN XXIII" })).toHaveCount(0);
  await other.close();
});
