// The worker and site pickers of the new-contract form (issue 16): search
// fields bounded to 20 suggestions from the server, within the staff's
// agencies, driven with the keyboard (ARIA combobox pattern).
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { stateOf } from "../auth-state";
import { demo, open } from "../helpers";
import { createClientWithSite, dayAfterNextMonday, fillContractTerms, inviteWorker } from "./bo";

const expect = baseExpect.configure({ timeout: 20_000 });
const STAFF_MEDIMP_ONLY = "lea.fabre@demo.coop-emploi.fr";
const STAFF_EDUC31_ONLY = "hugo.carriere@demo.coop-emploi.fr";

test.use({ storageState: stateOf(demo.staff) });

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: stateOf(email) });
  return context.newPage();
}

const suggestions = async (page: Page, q: string) => {
  const res = await page.request.get(`/api/admin/interimaires/suggestions?q=${encodeURIComponent(q)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { options: { value: string; label: string }[] }).options;
};

test("staff pick the worker and the site by typing, with the keyboard, and create the contract", async ({ page }) => {
  test.setTimeout(240_000);
  const worker = await inviteWorker(page);
  const clientName = `CLINIQUE PICK ${Date.now().toString(36).toUpperCase()}`;
  await createClientWithSite(page, clientName);

  await open(page, "/admin/contrats/nouveau");
  const picker = page.getByRole("combobox", { name: "Intérimaire" });
  const list = page.getByRole("listbox", { name: "Intérimaire" });
  // One character asks for more; the worker's name in lower case and without its accent finds them.
  await picker.fill("z");
  await expect(page.getByText("Tapez au moins 2 caractères.")).toBeVisible();
  await picker.fill(`zoe ${worker.lastName.toLowerCase()}`);
  const option = list.getByRole("option", { name: new RegExp(`^${worker.lastName.toUpperCase()} Zoé – MEDIMP : \\d+$`) });
  await expect(option).toBeVisible();
  await expect(picker).toHaveAttribute("aria-expanded", "true");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(picker).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  // Escape closes the list without choosing; an arrow opens it again; Enter chooses without submitting the form.
  await picker.press("Escape");
  await expect(list).toBeHidden();
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await picker.press("ArrowDown");
  await expect(option).toBeVisible();
  await picker.press("Enter");
  await expect(list).toBeHidden();
  await expect(picker).toHaveValue(new RegExp(`^${worker.lastName.toUpperCase()} Zoé – MEDIMP`));
  await expect(page).toHaveURL(/\/admin\/contrats\/nouveau$/);
  // The qualification list now puts the worker's own first.
  await expect(page.locator('optgroup[label="Qualifications de l\'intérimaire"] option')).toHaveText(["AGENT DE SERVICE LOGISTIQUE (525)"]);

  const site = page.getByRole("combobox", { name: "Site client" });
  await site.fill(clientName.toLowerCase());
  await expect(page.getByRole("listbox", { name: "Site client" }).getByRole("option")).toHaveCount(1);
  await site.press("Enter");
  await expect(site).toHaveValue(`${clientName} – site principal (RODEZ) – ${clientName} – MEDIMP`);

  await fillContractTerms(page, {
    reference: "PICKER",
    startDate: dayAfterNextMonday(7),
    endDate: dayAfterNextMonday(8),
    start: "08:00",
    end: "12:00",
    weekdays: ["Lundi", "Mardi"],
  });
  await expect(page).toHaveURL(/\/admin\/contrats\/[^/?]+\?cree=1/, { timeout: 30_000 });
  await expect(page.getByText("Contrat créé avec 2 créneau(x)")).toBeVisible();
});

test("without a worker chosen from the list the form is refused next to the field, and keeps what was typed", async ({ page }) => {
  await open(page, "/admin/contrats/nouveau");
  const picker = page.getByRole("combobox", { name: "Intérimaire" });
  await picker.fill("intérimaire qui n'existe pas");
  await expect(page.getByText("Aucun résultat.")).toBeVisible();
  await page.getByLabel("Référence").fill("SANS CHOIX");
  await page.getByRole("button", { name: "Créer le contrat" }).click();
  await expect(page.locator("#champ-workerId")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Référence")).toHaveValue("SANS CHOIX");
});

test("the picker never suggests nor preselects another agency's worker, and answers staff only", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // A worker of EDUC31 only, invited by the demo staff member (both agencies), who finds them.
  const educ = await inviteWorker(page, { agency: "EDUC31", qualification: null });
  expect((await suggestions(page, educ.lastName)).map((o) => o.value)).toEqual([educ.workerId]);

  // Staff of EDUC31 find them too; staff of MEDIMP only never do, by name, in the field, or by id in the address.
  const hugo = await pageAs(browser, STAFF_EDUC31_ONLY);
  expect((await suggestions(hugo, educ.lastName)).map((o) => o.value)).toEqual([educ.workerId]);
  const lea = await pageAs(browser, STAFF_MEDIMP_ONLY);
  expect(await suggestions(lea, educ.lastName)).toEqual([]);
  await open(lea, `/admin/contrats/nouveau?interimaire=${educ.workerId}`);
  const picker = lea.getByRole("combobox", { name: "Intérimaire" });
  await expect(picker).toHaveValue("");
  await picker.fill(educ.lastName);
  await expect(lea.getByText("Aucun résultat.")).toBeVisible();
  await expect(lea.getByRole("listbox", { name: "Intérimaire" })).toBeHidden();

  // A worker or a client company is not staff: no suggestions at all.
  for (const email of [demo.worker, demo.client]) {
    const other = await pageAs(browser, email);
    expect((await other.request.get(`/api/admin/interimaires/suggestions?q=${educ.lastName}`)).status()).toBe(401);
    expect((await other.request.get(`/api/admin/sites/suggestions?q=clinique`)).status()).toBe(401);
    await other.context().close();
  }
  await hugo.context().close();
  await lea.context().close();
});
