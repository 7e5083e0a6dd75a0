import { readFile } from "node:fs/promises";
import { expect as baseExpect, type Page } from "@playwright/test";
import { open, outbox, uniqueEmail, type OutboxMessage } from "../helpers";

const expect = baseExpect.configure({ timeout: 20_000 });

/** A calendar day n days after the Monday that follows today, as "YYYY-MM-DD". */
export function dayAfterNextMonday(n: number): string {
  const d = new Date();
  const base = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekday = ((new Date(base).getUTCDay() + 6) % 7) + 1;
  const monday = base + (8 - weekday) * 86_400_000;
  return new Date(monday + n * 86_400_000).toISOString().slice(0, 10);
}

export function idFromUrl(page: Page): string {
  return new URL(page.url()).pathname.split("/").filter(Boolean).at(-1)!;
}

/** Invites a worker through the back office; returns its email, name and profile id. */
export async function inviteWorker(page: Page, opts: { agency?: string; phone?: string; qualification?: string | null } = {}) {
  const email = uniqueEmail("bo-invite");
  const lastName = `Invit${Math.random().toString(36).slice(2, 7)}`;
  await open(page, "/admin/interimaires/inviter");
  await page.getByLabel("Agence").selectOption({ label: opts.agency ?? "MEDIMP" });
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Prénom").fill("Zoé");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill(lastName);
  if (opts.phone !== undefined) await page.getByLabel("Téléphone portable").fill(opts.phone);
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page).toHaveURL(/\/admin\/interimaires\/[^/?]+\?invite=1/, { timeout: 30_000 });
  await expect(page.getByRole("status")).toContainText(`Invitation envoyée à ${email}`);
  const workerId = idFromUrl(page);
  // No diploma, no qualification, no contract: the agency records the one it checked on the original.
  if (opts.qualification !== null) await recordCheckedDiploma(page, opts.qualification ?? "AGENT DE SERVICE LOGISTIQUE (525)");
  return { email, lastName, workerId };
}

/** On a worker's page: records a diploma checked on the original, granting `qualification` (its option label). */
export async function recordCheckedDiploma(page: Page, qualification: string) {
  await page.getByText("Enregistrer un diplôme vérifié sur l'original").click();
  const form = page.getByRole("form", { name: "Enregistrer un diplôme vérifié" });
  await form.getByLabel("Intitulé du diplôme").fill("CAP Agent polyvalent de restauration");
  await form.getByLabel("Obtenu le").fill("2015-06-30");
  await form.getByLabel("Qualification accordée").selectOption({ label: qualification });
  await form.getByRole("button", { name: "Enregistrer le diplôme" }).click();
  await expect(page.getByText("Diplôme enregistré : la qualification est accordée.")).toBeVisible();
}

/** Creates a client of MEDIMP through the back office and stays on its page; returns its id. */
export async function createClient(page: Page, name: string, phone = "05 36 49 00 11") {
  await open(page, "/admin/clients/nouveau");
  await page.getByLabel("Agence").selectOption({ label: "MEDIMP" });
  await page.getByLabel("Nom du client").fill(name);
  await page.getByLabel("Téléphone").fill(phone);
  await page.getByRole("button", { name: "Créer le client" }).click();
  await expect(page).toHaveURL(/\/admin\/clients\/[^/?]+\?cree=1/, { timeout: 30_000 });
  return idFromUrl(page);
}

/** Creates a client and one site through the back office; returns their ids. */
export async function createClientWithSite(page: Page, name: string) {
  const clientId = await createClient(page, name);
  const add = page.getByRole("form", { name: "Ajouter un site" });
  await add.getByLabel("Nom du site").fill(`${name} – site principal`);
  await add.getByLabel("Adresse").fill("12 Rue des Essais");
  await add.getByLabel("Code postal").fill("12000");
  await add.getByLabel("Ville").fill("Rodez");
  await add.getByLabel("Moyen d'accès").fill("Bus ligne 3");
  await add.getByRole("button", { name: "Ajouter le site" }).click();
  await expect(page.getByText(`Site « ${name} – site principal » ajouté.`)).toBeVisible();
  const siteHref = await page.getByRole("link", { name: "Nouveau contrat sur ce site" }).first().getAttribute("href");
  const siteId = new URL(siteHref!, "http://x").searchParams.get("site")!;
  return { clientId, siteId };
}

export type ContractDraft = {
  workerId: string;
  siteId: string;
  reference: string;
  startDate: string;
  endDate: string;
  start: string;
  end: string;
  weekdays: string[]; // labels: "Lundi", ...
  rate?: string;
  breakMinutes?: string;
  /** The qualification's option label; "AGENT DE SERVICE LOGISTIQUE (525)" when not given. */
  qualification?: string;
};

/**
 * Fills the new-contract form and submits it (unless `submit` is false); the caller checks the outcome.
 * The worker and the site come from the address, as the links of a worker's or a site's page give them
 * (contract-pickers.spec.ts types them in the search fields).
 */
export async function fillContract(page: Page, c: ContractDraft, { submit = true } = {}) {
  await open(page, `/admin/contrats/nouveau?interimaire=${c.workerId}&site=${c.siteId}`);
  await expect(page.getByRole("combobox", { name: "Intérimaire" })).not.toHaveValue("");
  await expect(page.getByRole("combobox", { name: "Site client" })).not.toHaveValue("");
  await fillContractTerms(page, c, { submit });
}

/** The new-contract form past the worker and the site: qualification, dates, rate, recourse, weekly pattern. */
export async function fillContractTerms(page: Page, c: Omit<ContractDraft, "workerId" | "siteId">, { submit = true } = {}) {
  await page.getByLabel("Qualification").selectOption({ label: c.qualification ?? "AGENT DE SERVICE LOGISTIQUE (525)" });
  await page.getByLabel("Référence").fill(c.reference);
  await page.getByLabel("Date de début").fill(c.startDate);
  await page.getByLabel("Date de fin").fill(c.endDate);
  await page.getByLabel("Taux horaire (€)").fill(c.rate ?? "12,45");
  await page.getByLabel("Motif de recours").selectOption({ label: "Accroissement temporaire d'activité" });
  await page.getByLabel("Justification du motif").fill("Surcroît d'activité lié à l'inventaire");
  for (const day of ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]) {
    const box = page.getByRole("checkbox", { name: day });
    if (c.weekdays.includes(day)) await box.check();
    else await box.uncheck();
  }
  await page.getByLabel("Heure de début").fill(c.start);
  await page.getByLabel("Heure de fin").fill(c.end);
  await page.getByLabel("Pause (minutes)").fill(c.breakMinutes ?? "0");
  if (submit) await page.getByRole("button", { name: "Créer le contrat" }).click();
}

/** The outbox, tolerant of a dropped connection on a loaded machine (polls call it again). */
export async function outboxOrEmpty(request: Parameters<typeof outbox>[0], to: string): Promise<OutboxMessage[]> {
  try {
    return await outbox(request, to);
  } catch {
    return [];
  }
}

/**
 * Clicks a download link and checks what arrives is a PDF: the downloaded file
 * starts with %PDF, and the same URL answers with content-type application/pdf.
 */
export async function expectPdfLink(page: Page, name: string) {
  const link = page.getByRole("link", { name, exact: true });
  const href = await link.getAttribute("href");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = await readFile(await download.path());
  expect(file.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return href!;
}
