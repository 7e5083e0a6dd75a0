import { expect, test } from "@playwright/test";
import { demo, open } from "../helpers";
import { signIn } from "../auth-state";

const LEA = "docs.lea@e2e.coop-emploi.fr";

test("staff write a dashboard block with a preview, publish it, and workers see it rendered safely", async ({ page, browser }) => {
  test.setTimeout(240_000); // one scenario across two sessions: write, publish, move, edit, delete, audit (and its French rendering); 150 s was exceeded on a loaded machine
  const title = `Info e2e ${Date.now().toString(36)}`;
  await signIn(page, demo.staff);
  await open(page, "/admin/blocs?agence=MEDIMP");
  await page.getByRole("link", { name: "Ajouter un bloc" }).click();
  await page.getByLabel("Titre").fill(title);
  await page
    .getByLabel("Contenu (Markdown)")
    .fill("Fermeture **exceptionnelle** vendredi.\n\n<script>window.hacked=1</script>\n\n- [lien](javascript:alert(1))");
  const preview = page.getByTestId("block-preview");
  await expect(preview.locator("strong")).toHaveText("exceptionnelle");
  await expect(preview).toContainText("<script>window.hacked=1</script>");
  await page.getByLabel("Publié (visible des intérimaires de l'agence)").uncheck();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText(`Bloc « ${title} » créé (non publié)`);

  const worker = await (await browser.newContext()).newPage();
  await signIn(worker, LEA);
  await open(worker, "/");
  await expect(worker.getByRole("heading", { name: title })).toHaveCount(0);

  // Publish it, move it to the top: the worker sees it first, with bold text and no script.
  await open(page, "/admin/blocs?agence=MEDIMP");
  await page.getByRole("button", { name: `Publier ${title}` }).click();
  await expect(page.getByRole("button", { name: `Retirer ${title}` })).toBeVisible();
  // The block's heading reads "N. title": move it up until it is first.
  const heading = page.getByRole("heading", { name: new RegExp(`^\\d+\\. ${title}$`) });
  for (let n = Number((await heading.innerText()).split(".")[0]); n > 1; n--) {
    await page.getByRole("button", { name: `Monter ${title}` }).click();
    await expect(heading).toHaveText(new RegExp(`^${n - 1}\\. `));
  }
  await expect(page.getByRole("button", { name: `Monter ${title}` })).toBeDisabled();

  await open(worker, "/");
  const block = worker.getByRole("article", { name: title });
  await expect(block).toBeVisible();
  await expect(block.locator("strong")).toHaveText("exceptionnelle");
  await expect(block.locator("script")).toHaveCount(0);
  await expect(block.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await worker.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  const firstTitle = await worker.locator("#infos-agence ~ * article h3").first().innerText();
  expect(firstTitle.toLowerCase()).toBe(title.toLowerCase());

  // Edit, then delete: gone for the worker.
  await page.getByRole("link", { name: `Modifier ${title}` }).click();
  await page.getByLabel("Contenu (Markdown)").fill("Réouverture *lundi*.");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("enregistré");
  await open(worker, "/");
  await expect(worker.getByRole("article", { name: title }).locator("em")).toHaveText("lundi");
  await open(page, "/admin/blocs?agence=MEDIMP");
  // Deleting asks first; "Annuler" leaves the block in place.
  const confirmDelete = page.getByRole("region", { name: `Supprimer le bloc « ${title} » ?` });
  await page.getByRole("link", { name: `Supprimer ${title}` }).click();
  await expect(confirmDelete).toBeVisible();
  await expect(confirmDelete.getByRole("heading")).toBeFocused();
  await confirmDelete.getByRole("link", { name: "Annuler", exact: true }).click();
  await expect(confirmDelete).toHaveCount(0);
  await open(page, "/admin/blocs?agence=MEDIMP");
  await expect(heading).toBeVisible();
  await open(worker, "/");
  await expect(worker.getByRole("heading", { name: title })).toBeVisible();
  await page.getByRole("link", { name: `Supprimer ${title}` }).click();
  await confirmDelete.getByRole("button", { name: "Supprimer le bloc" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(title) })).toHaveCount(0);
  await open(worker, "/");
  await expect(worker.getByRole("heading", { name: title })).toHaveCount(0);
  await worker.context().close();

  // Every change is in the audit log, filterable by action and staff member.
  await open(page, "/admin/audit");
  await page.getByLabel("Action").selectOption({ label: "Bloc du tableau de bord créé" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=dashboard_block.created/);
  await expect(page.getByTestId("audit-row").filter({ hasText: title })).toHaveCount(1);
  for (const action of ["dashboard_block.published", "dashboard_block.moved", "dashboard_block.updated", "dashboard_block.deleted"]) {
    await open(page, `/admin/audit?action=${action}`);
    await expect(page.getByTestId("audit-row").filter({ hasText: title }).first()).toBeVisible();
  }
  // Deleted once: the cancelled confirmation left no trace.
  await expect(page.getByTestId("audit-row").filter({ hasText: title })).toHaveCount(1);

  // Staff read French labels and French details, never the stored codes.
  await open(page, "/admin/audit");
  const actionOptions = await page.getByLabel("Action").locator("option").allInnerTexts();
  expect(actionOptions).toContain("Bloc du tableau de bord publié");
  for (const option of actionOptions) expect(option, option).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
  const moved = page.getByTestId("audit-row").filter({ hasText: title }).filter({ hasText: "Bloc du tableau de bord déplacé" }).first();
  await expect(moved).toContainText(`Titre : ${title}`);
  await expect(moved).toContainText("Position : 1");
  await expect(moved).not.toContainText("dashboard_block");
  await expect(moved).not.toContainText("DashboardBlock");
});

test("audit log: an edit reads its old and new values in French, with the roles in French", async ({ page }) => {
  const name = `Client audit ${Date.now().toString(36)}`;
  await signIn(page, demo.staff);
  await open(page, "/admin/clients/nouveau");
  const create = page.getByRole("form", { name: "Nouveau client" });
  await create.getByLabel("Agence").selectOption({ label: "MEDIMP" });
  await create.getByLabel("Nom du client").fill(name);
  await create.getByLabel("Téléphone").fill("01 23 45 67 89");
  await create.getByRole("button", { name: "Créer le client" }).click();
  await expect(page).toHaveURL(/\/admin\/clients\/[^/?]+\?cree=1/);
  const edit = page.getByRole("form", { name: "Modifier le client" });
  await edit.getByLabel("Téléphone").fill("01 98 76 54 32");
  await edit.getByRole("button", { name: "Enregistrer le client" }).click();
  // The creation's notice is a status too: wait for the edit's own answer.
  await expect(page.getByRole("status").filter({ hasText: "Client enregistré." })).toBeVisible();

  await open(page, "/admin/audit");
  await page.getByLabel("Action").selectOption({ label: "Entreprise cliente modifiée" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=client.updated/);
  const row = page.getByTestId("audit-row").filter({ hasText: "Téléphone : 01 23 45 67 89 → 01 98 76 54 32" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Entreprise cliente modifiée");
  await expect(row).toContainText("Agence"); // the staff member's role
  await expect(row).not.toContainText("client.updated");
  await expect(row).not.toContainText("before");

  // The creation lists the fields; sign-ins show the role in French.
  await open(page, "/admin/audit?action=client.created");
  await expect(page.getByTestId("audit-row").filter({ hasText: `Nom : ${name}` })).toHaveCount(1);
  await open(page, "/admin/audit?action=auth.login");
  await expect(page.getByTestId("audit-row").first()).toContainText(/Rôle : (Intérimaire|Agence|Entreprise cliente)/);
  await expect(page.getByTestId("audit-row").first()).not.toContainText(/WORKER|STAFF|CLIENT/);
});

test("audit log: filter by worker, action and date range", async ({ page, browser }) => {
  // A login of the worker makes a fresh entry about them.
  const worker = await (await browser.newContext()).newPage();
  await signIn(worker, "docs.marc@e2e.coop-emploi.fr");
  await worker.context().close();

  await signIn(page, demo.staff);
  await open(page, "/admin/audit");
  await page.getByLabel("Intérimaire").fill("9602");
  await page.getByLabel("Action").selectOption({ label: "Connexion" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/interimaire=9602/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("Marc Autrui");
  await expect(rows.first()).toContainText("n° 9602");
  for (const text of await rows.allInnerTexts()) {
    expect(text).toContain("Marc Autrui");
    expect(text).toContain("Connexion");
  }
  // A date range in the past holds none of today's logins.
  await open(page, "/admin/audit?interimaire=9602&action=auth.login&du=2001-01-01&au=2001-12-31");
  await expect(page.getByText("Aucune action ne correspond à ces filtres.")).toBeVisible();
  // Filter by staff member: the demo staff member's own logins.
  await open(page, "/admin/audit");
  const agentOptions = await page.getByLabel("Membre de l'agence").locator("option").allInnerTexts();
  expect(agentOptions.length).toBeGreaterThan(2);
  await page.getByLabel("Membre de l'agence").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/agent=/);
  await expect(page.getByRole("button", { name: "Filtrer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Effacer les filtres" })).toBeVisible();
});
