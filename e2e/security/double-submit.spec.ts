import { expect as baseExpect, test, type Locator } from "@playwright/test";
import { demo, open, outbox } from "../helpers";
import { signIn } from "../auth-state";
import { createClientWithSite, dayAfterNextMonday, fillContract, inviteWorker } from "../backoffice/bo";
import { pdf } from "../compte/compte-helpers";

// Repeated and concurrent submissions in a real browser: the same rendered
// form posted twice at once (a double click the page could not stop, a
// replayed post), and two tabs clicking at the same moment, create one row.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 300_000 });

/**
 * Posts the form's current fields twice at the same moment from the page, as
 * the browser posts a form without JavaScript; answers where each post landed.
 */
async function postTwiceAtOnce(form: Locator): Promise<{ status: number; url: string }[]> {
  return form.evaluate(async (element) => {
    const post = () =>
      fetch(window.location.href, { method: "POST", body: new FormData(element as HTMLFormElement) }).then((r) => ({
        status: r.status,
        url: r.url,
      }));
    return Promise.all([post(), post()]);
  });
}

test("Créer le contrat posted twice at once: one contract, and both posts land on it", async ({ page }) => {
  await signIn(page, demo.staff);
  const worker = await inviteWorker(page);
  const { siteId } = await createClientWithSite(page, `DOUBLE CLIC ${Date.now().toString(36).toUpperCase()}`);
  await fillContract(
    page,
    {
      workerId: worker.workerId,
      siteId,
      reference: "DOUBLE CLIC",
      startDate: dayAfterNextMonday(14),
      endDate: dayAfterNextMonday(18),
      start: "08:00",
      end: "15:00",
      weekdays: ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"],
    },
    { submit: false },
  );
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Créer le contrat" }) });
  const [first, second] = await postTwiceAtOnce(form);
  expect(first.status).toBe(200);
  expect(second.status).toBe(200);
  expect(first.url).toMatch(/\/admin\/contrats\/[^/?]+\?cree=1$/);
  expect(second.url).toBe(first.url);

  // Then a real double click on the button: still that one contract.
  await page.getByRole("button", { name: "Créer le contrat" }).dblclick();
  await expect(page).toHaveURL(first.url.replace(/^https?:\/\/[^/]+/, ""), { timeout: 30_000 });
  await expect(page.getByTestId("shift-row")).toHaveCount(5);

  await open(page, `/admin/contrats?interimaire=${encodeURIComponent(worker.lastName)}`);
  await expect(page.getByRole("row").filter({ hasText: "DOUBLE CLIC" })).toHaveCount(1);
});

test("a certificate asked from two tabs at the same moment, and double-clicked: one request, one email", async ({ browser }) => {
  const context = await browser.newContext();
  const [tabA, tabB] = [await context.newPage(), await context.newPage()];
  await signIn(tabA, "docs.lea@e2e.coop-emploi.fr");
  const marker = `Deux onglets ${Date.now().toString(36)}`;
  for (const tab of [tabA, tabB]) {
    await open(tab, "/certificats-de-travail");
    await tab.getByLabel("Message pour l'agence (facultatif)").fill(marker);
  }
  const ask = (tab: typeof tabA) => tab.getByRole("button", { name: "Demander un nouveau certificat" });
  await Promise.all([ask(tabA).dblclick(), ask(tabB).click()]);
  const answers = await Promise.all([tabA, tabB].map(async (tab) => (await tab.getByRole("status").first().innerText()).trim()));
  // One tab made the request; the other is told it is being handled.
  expect(answers.filter((a) => a.startsWith("Votre demande a bien été envoyée"))).toHaveLength(1);
  expect(answers.filter((a) => /est en cours de traitement par l'agence/.test(a))).toHaveLength(1);
  // The same form posted twice at once answers the same as the first time.
  const repeated = await postTwiceAtOnce(tabA.locator("form").filter({ has: ask(tabA) }));
  expect(repeated.map((r) => r.status)).toEqual([200, 200]);

  const toFrontDesk = async () => (await outbox(tabA.request, "accueil@coop-emploi.fr")).filter((m) => m.text.includes(marker)).length;
  await expect.poll(toFrontDesk).toBe(1);
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, demo.staff);
  await open(staff, "/admin/documents");
  const requests = staff.getByRole("table", { name: "Demandes en attente" });
  await expect(requests.getByRole("row").filter({ hasText: marker })).toHaveCount(1);
});

test("a diploma with its file posted twice at once, then double-clicked: one diploma in the list", async ({ page }) => {
  await signIn(page, "docs.marc@e2e.coop-emploi.fr");
  await open(page, "/diplomes");
  const name = `DIPLOME DOUBLE ${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel("Nom du diplôme").fill(name);
  await page.getByLabel("Date d'obtention").fill("2012-06-30");
  await page.locator("input[type=file]").setInputFiles(pdf(name));
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Ajouter le diplôme" }) });
  const posts = await postTwiceAtOnce(form);
  expect(posts.map((p) => p.status)).toEqual([200, 200]);
  // The same rendered form (same key) clicked twice more: nothing new.
  await page.getByRole("button", { name: "Ajouter le diplôme" }).dblclick();
  await expect(page.getByText("Diplôme ajouté : il est en attente de validation par l'agence.")).toBeVisible();
  await open(page, "/diplomes");
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(1);
});
