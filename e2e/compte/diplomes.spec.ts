import { expect as baseExpect, test } from "@playwright/test";
import { open } from "../helpers";
import { accounts, expectEmail, fakePdf, pdf, signedIn } from "./compte-helpers";

// Slow shared machines: generous waits.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

test("a diploma is added with its file, a fake PDF is refused, staff validate it and grant a qualification", async ({ browser }) => {
  const worker = await signedIn(browser, accounts.diplome);
  await open(worker, "/diplomes");
  await expect(worker.getByText("Sans diplôme, l'agence ne pourra pas vous attribuer de qualification.", { exact: false })).toBeVisible();
  const name = `DIPLOME INFIRMIER ${Date.now().toString(36).toUpperCase()}`;

  await worker.getByLabel("Nom du diplôme").fill(name);
  await worker.getByLabel("Date d'obtention").fill("2010-03-20");
  await worker.locator("input[type=file]").setInputFiles(fakePdf());
  await worker.getByRole("button", { name: "Ajouter le diplôme" }).click();
  await expect(worker.getByText(/n'est pas un PDF, un JPEG ou un PNG valide/)).toBeVisible();
  await expect(worker.getByRole("cell", { name })).toHaveCount(0);
  await expect(worker.getByLabel("Nom du diplôme")).toHaveValue(name); // nothing typed is lost

  await worker.locator("input[type=file]").setInputFiles(pdf(name));
  await worker.getByRole("button", { name: "Ajouter le diplôme" }).click();
  await expect(worker.getByText("Diplôme ajouté : il est en attente de validation par l'agence.")).toBeVisible();
  const row = worker.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("En attente de validation")).toBeVisible();
  await expect(row.getByText("20/03/2010")).toBeVisible();

  const staff = await signedIn(browser, accounts.staff);
  await open(staff, "/admin/validations");
  const staffRow = staff.getByRole("row").filter({ hasText: name });
  await staffRow.getByLabel("INFIRMIER (301)").check();
  await staffRow.getByRole("button", { name: /^Valider/ }).click();
  await expect(staff.getByText("Diplôme validé.")).toBeVisible();

  // The worker is told, with the qualification it opens.
  await expectEmail(staff, accounts.diplome, /^Diplôme validé$/, new RegExp(`« ${name} ».*INFIRMIER \\(301\\)`, "s"));

  await open(worker, "/diplomes");
  await expect(worker.getByRole("row").filter({ hasText: name }).getByText("Validé · 301")).toBeVisible();
  await expect(worker.getByText(/Vos qualifications : .*INFIRMIER \(301\)/)).toBeVisible();

  // A second diploma is refused: the worker is emailed the reason.
  const other = `CACES ${Date.now().toString(36).toUpperCase()}`;
  await worker.getByLabel("Nom du diplôme").fill(other);
  await worker.getByLabel("Date d'obtention").fill("2012-06-01");
  await worker.locator("input[type=file]").setInputFiles(pdf(other));
  await worker.getByRole("button", { name: "Ajouter le diplôme" }).click();
  await expect(worker.getByText("Diplôme ajouté : il est en attente de validation par l'agence.")).toBeVisible();
  await open(staff, "/admin/validations");
  await staff
    .getByRole("row")
    .filter({ hasText: other })
    .getByRole("button", { name: /^Refuser/ })
    .click();
  await staff.getByLabel("Motif du refus").fill("Document illisible, merci de le scanner à nouveau.");
  await staff.getByRole("button", { name: /^Confirmer le refus/ }).click();
  await expect(staff.getByText("Diplôme refusé.")).toBeVisible();
  await expectEmail(
    staff,
    accounts.diplome,
    /^Diplôme refusé$/,
    new RegExp(`« ${other} ».*Motif : Document illisible, merci de le scanner à nouveau\\.`, "s"),
  );
});
