// Staff edit a worker's data directly ("Modifier les informations", issue 18):
// checks next to the fields, the unique sign-in address, one edit for a double
// submit, the worker's email, the audit log, the worker's pending requests, the
// new data on the worker's Fiche perso and sign-in with the new address; staff
// of one agency are refused another agency's worker.
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { demo, login, open, outbox, uniqueEmail } from "../helpers";
import { signIn } from "../auth-state";
import { STAFF_EDIT_E2E } from "../../prisma/fixtures/staff-edit";

const expect = baseExpect.configure({ timeout: 20_000 });
const W = STAFF_EDIT_E2E.worker;

function shot(name: string): string {
  return path.join(process.env.SHOTS_DIR ?? test.info().outputPath(), name);
}

/** The worker's page path, found by agency number as staff do. */
async function workerPath(page: Page, number: string, name: string): Promise<string> {
  await open(page, `/admin/interimaires?numero=${number}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("staff correct a worker's data: checks, one email and one audit entry, the worker sees it and signs in with the new address", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, demo.staff);
  const workerUrl = await workerPath(page, W.number, "Estelle EDITÉE");
  await page.getByRole("link", { name: "Modifier les informations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier les informations" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  // The worker's own pending requests are shown, with their values.
  await expect(page.getByText("Demandes de l'intérimaire en attente")).toBeVisible();
  await expect(page.getByText("Demande de l'intérimaire en attente : 06 39 98 51 99.")).toBeVisible();
  // Sensitive values are never in the form, only masked.
  await expect(page.getByLabel("IBAN", { exact: true })).toHaveValue("");
  await expect(
    page.getByText("Enregistré : FR76 **** **** **** **** **** 189 · BIC DEMOFRPPXXX. Laissez vide pour le conserver."),
  ).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: shot("worker-edit-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: shot("worker-edit-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A wrong phone number is refused next to its field, in the browser.
  const phone = page.getByLabel("Téléphone portable");
  await phone.fill("12");
  await page.getByLabel("Adresse (numéro et rue)").fill("8 Avenue Victor Hugo");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText("Numéro de téléphone invalide (ex. 06 12 34 56 78).")).toBeVisible();

  // An address already used by another account is refused next to the email field, the rest kept as typed.
  await phone.fill("06 39 98 51 42");
  const email = page.getByLabel("Adresse e-mail");
  await email.fill(STAFF_EDIT_E2E.takenEmail);
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText("Cette adresse e-mail est déjà utilisée par un autre compte.")).toBeVisible();
  await expect(page.getByLabel("Adresse (numéro et rue)")).toHaveValue("8 Avenue Victor Hugo");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot("worker-edit-errors-1280.png"), fullPage: true });

  // A free address, and the number of children the worker asked for; posted twice at once.
  const newEmail = uniqueEmail("staffedit");
  await email.fill(newEmail);
  await page.getByLabel("Nombre d'enfants").fill(W.pendingChildren);
  await page.locator('form[aria-label="Modifier les informations de l\'intérimaire"]').evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(page.getByRole("status")).toContainText("Informations mises à jour");

  // One email to the new address, listing what changed; the old address is warned.
  let mails: Awaited<ReturnType<typeof outbox>> = [];
  await expect
    .poll(async () => {
      mails = (await outbox(page.request, newEmail)).filter((m) => m.subject === "Vos informations ont été mises à jour");
      return mails.length;
    })
    .toBe(1);
  expect(mails[0].text).toContain("Votre agence a mis à jour vos informations : Adresse e-mail, Adresse, Téléphone, Nombre d'enfants.");
  expect(mails[0].text).toContain("Téléphone : 06 39 98 51 42");
  const old = await outbox(page.request, W.email);
  expect(old.filter((m) => m.subject === "Votre adresse e-mail a été modifiée")).toHaveLength(1);

  // One audit entry, with the old and new values.
  await open(page, "/admin/audit?action=worker.profile.updated_by_staff");
  const rows = page.getByRole("row").filter({ hasText: "Téléphone : 06 39 98 51 01 → 06 39 98 51 42" });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Informations de l'intérimaire modifiées par l'agence");

  // The worker page shows the new values; the phone request (another value) still waits in Validations.
  await open(page, workerUrl);
  await expect(page.getByText(newEmail)).toBeVisible();
  await expect(page.getByText("1 modification en attente de validation")).toBeVisible();

  // The worker signs in with the new address (the old one no longer works) and sees the new data.
  const context = await browser.newContext();
  const wp = await context.newPage();
  await login(wp, W.email);
  await expect(wp).toHaveURL(/\/connexion/);
  await login(wp, newEmail);
  await expect(wp).not.toHaveURL(/\/connexion/);
  await open(wp, "/fiche-perso");
  await expect(wp.getByTestId("valeur-email")).toHaveText(newEmail);
  await expect(wp.getByTestId("valeur-phone")).toHaveText("06 39 98 51 42");
  await expect(wp.getByTestId("valeur-address")).toHaveText("8 Avenue Victor Hugo, 12000 Rodez");
  await expect(wp.getByTestId("valeur-childrenCount")).toHaveText("2");
  // Their phone request is still pending; the one for the children, granted, is not.
  await expect(wp.getByText("Nouvelle valeur :")).toHaveCount(1);
  await expect(wp.getByText("06 39 98 51 99")).toBeVisible();
  await context.close();
});

test("staff of one agency cannot edit another agency's worker, neither by the page nor by the form", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The demo staff member belongs to both agencies: collect an EDUC31-only worker.
  await signIn(page, demo.staff);
  const other = await workerPath(page, STAFF_EDIT_E2E.otherAgency.number, "Octave AUTREAGENCE");
  const otherId = other.split("/").at(-1)!;

  const context = await browser.newContext();
  const lea = await context.newPage();
  await signIn(lea, "lea.fabre@demo.coop-emploi.fr");
  expect((await lea.goto(`${other}/modifier`))!.status()).toBe(404);

  // Her own agency's worker's form, posted with the other worker's id.
  const own = await workerPath(lea, STAFF_EDIT_E2E.unit.number, "Ulysse UNITAIRE");
  await open(lea, `${own}/modifier`);
  await lea.locator('input[type="hidden"][name="workerId"]').evaluate((input: HTMLInputElement, id) => (input.value = id), otherId);
  await lea.getByRole("textbox", { name: "Nom", exact: true }).fill("Pirate");
  await lea.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(lea.getByText("Intérimaire introuvable.")).toBeVisible();
  await context.close();

  // Nothing changed for the other agency's worker.
  await open(page, other);
  await expect(page.getByRole("heading", { level: 1, name: "Octave AUTREAGENCE" })).toBeVisible();
});
