import { expect as baseExpect, test } from "@playwright/test";
import { demo, linkFromEmail, login, open } from "../helpers";
import { signIn } from "../auth-state";
import { createClientWithSite, dayAfterNextMonday, expectPdfLink, fillContract, idFromUrl, inviteWorker, outboxOrEmpty } from "./bo";

const expect = baseExpect.configure({ timeout: 20_000 });

test("staff issue a contract, the worker signs it by SMS code, staff change a date: the worker is emailed and must sign again", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  // Staff: a fresh worker (invited, activated), a client, a site and a contract with shifts.
  await signIn(page, demo.staff);
  const worker = await inviteWorker(page, { phone: "06 39 98 41 09" });
  const wctx = await browser.newContext();
  const wp = await wctx.newPage();
  await open(wp, await linkFromEmail(wp.request, worker.email, /accès/i, "/inscription/activer"));
  await wp.getByLabel("Mot de passe", { exact: true }).fill("signature du contrat de mai");
  await wp.getByLabel("Vérification").fill("signature du contrat de mai");
  await wp.getByRole("button", { name: "Activer mon espace" }).click();
  await expect(wp).toHaveURL(/\/connexion\?confirme=1/);

  const { siteId } = await createClientWithSite(page, `EHPAD SIGNATURE ${Date.now().toString(36).toUpperCase()}`);
  await fillContract(page, {
    workerId: worker.workerId,
    siteId,
    reference: "S LAURENT",
    startDate: dayAfterNextMonday(21),
    endDate: dayAfterNextMonday(23),
    start: "07:30",
    end: "14:30",
    weekdays: ["Lundi", "Mardi", "Mercredi"],
  });
  await expect(page).toHaveURL(/\/admin\/contrats\/[^/?]+\?cree=1/, { timeout: 30_000 });
  const contractId = idFromUrl(page);
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/\d+/)![0];
  await expect(page.getByTestId("shift-row")).toHaveCount(3);
  // A draft has no document to download yet.
  await expect(page.getByRole("link", { name: "Télécharger le contrat (PDF)" })).toHaveCount(0);

  // A draft is not shown to the worker.
  await login(wp, worker.email, "signature du contrat de mai");
  expect((await open(wp, `/contrats/${contractId}`))?.status()).toBe(404);

  await page.getByRole("button", { name: "Envoyer à la signature" }).click();
  await expect(page.getByText("Le contrat attend la signature de l'intérimaire.")).toBeVisible();
  // Staff download the issued contract; no signed version yet.
  expect(await expectPdfLink(page, "Télécharger le contrat (PDF)")).toBe(`/contrats/${contractId}/pdf`);
  await expect(page.getByRole("link", { name: "Télécharger le contrat signé (PDF)" })).toHaveCount(0);

  // Worker: sees it in Mes contrats and signs it with the code received by SMS.
  await open(wp, "/contrats");
  await expect(wp.getByText("S LAURENT").first()).toBeVisible();
  await open(wp, `/contrats/${contractId}`);
  await expect(wp.getByRole("heading", { level: 1, name: `Contrat n° ${number}` })).toBeVisible();
  await wp.getByRole("checkbox").check();
  await wp.getByRole("button", { name: "Recevoir le code par SMS" }).click();
  let code = "";
  await expect
    .poll(async () => {
      const sms = (await outboxOrEmpty(wp.request, worker.email)).find((m) => m.channel === "sms" && /code de signature/.test(m.text));
      code = sms?.text.match(/\b(\d{6})\b/)?.[1] ?? "";
      return code;
    })
    .toMatch(/^\d{6}$/);
  await wp.getByLabel("Code reçu par SMS").fill(code);
  await wp.getByRole("button", { name: "Valider la signature" }).click();
  await expect(wp).toHaveURL(/\?signe=1/, { timeout: 30_000 });
  await expect(wp.getByText("Contrat signé").first()).toBeVisible();

  // Staff: the contract is signed; moving its start date sends it back for signature.
  await open(page, `/admin/contrats/${contractId}`);
  await expect(page.getByText("Valide (signé)").first()).toBeVisible();
  expect(await expectPdfLink(page, "Télécharger le contrat signé (PDF)")).toBe(`/contrats/${contractId}/pdf?signe=1`);
  const terms = page.getByRole("region", { name: "Conditions du contrat" });
  await terms.getByLabel("Date de début").fill(dayAfterNextMonday(22));
  await terms.getByRole("button", { name: "Enregistrer les modifications" }).click();
  // The Monday shift would fall outside the new dates: listed, removed once confirmed.
  const preview = terms.getByTestId("apercu-dates");
  await expect(preview).toContainText("Créneaux supprimés (1)");
  await preview.getByRole("button", { name: "Confirmer les dates et les créneaux" }).click();
  await expect(terms.getByRole("status")).toContainText("doit le signer à nouveau");
  await expect(page.getByText("En attente de signature").first()).toBeVisible();
  // The Monday shift fell outside the new dates and was removed.
  await expect(page.getByTestId("shift-row")).toHaveCount(2);
  await expect
    .poll(
      async () =>
        (await outboxOrEmpty(page.request, worker.email)).find((m) => m.subject === "Modification d'une date sur un contrat")?.text ?? "",
    )
    .toContain(`contrat n° ${number}`);

  // Worker: the contract asks for a signature again.
  await open(wp, `/contrats/${contractId}`);
  await expect(wp.getByRole("button", { name: "Recevoir le code par SMS" })).toBeVisible();
  await wctx.close();
});
