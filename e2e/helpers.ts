import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo2026!";
export const demo = {
  worker: "interimaire@demo.coop-emploi.fr",
  staff: "agence@demo.coop-emploi.fr",
  client: "client@demo.coop-emploi.fr",
};

export type OutboxMessage = { channel: "email" | "sms"; to: string; subject: string | null; text: string; createdAt: string };

export async function outbox(request: APIRequestContext, to: string): Promise<OutboxMessage[]> {
  const res = await request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** The first link of the newest email to `to` whose subject matches. */
export async function linkFromEmail(request: APIRequestContext, to: string, subject: RegExp, path: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const messages = await outbox(request, to);
      const mail = messages.find((m) => m.channel === "email" && subject.test(m.subject ?? ""));
      found = mail?.text.match(new RegExp(`https?://[^\\s]*${path}\\?token=[A-Za-z0-9_%-]+`))?.[0];
      return found;
    })
    .toBeTruthy();
  const url = new URL(found!);
  return url.pathname + url.search;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@exemple.fr`;
}

/** Forms validate in the browser once hydrated; wait for that before typing. */
export async function open(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState("networkidle");
  return response;
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await open(page, "/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Connexion" }).click();
  // Either the app opens, or the form answers with a message.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/connexion")),
    page.locator("form [role=alert]").first().waitFor(),
  ]);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Déconnexion" }).first().click();
  await expect(page).toHaveURL(/\/connexion/);
}

export async function fillSignup(page: Page, data: { email: string; password: string; firstName?: string; lastName?: string }) {
  await open(page, "/inscription");
  await page.getByLabel("Prénom").fill(data.firstName ?? "Camille");
  await page.getByLabel("Nom", { exact: true }).fill(data.lastName ?? "Testeur");
  await page.getByLabel("Adresse e-mail").fill(data.email);
  await page.getByLabel("Téléphone portable").fill("06 98 76 54 32");
  await page.getByLabel("Agence", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Mot de passe", { exact: true }).fill(data.password);
  await page.getByLabel("Confirmation du mot de passe").fill(data.password);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "S'inscrire" }).click();
}

/** A new confirmed worker account, made through the real sign-up flow. */
export async function signUpAndConfirm(
  page: Page,
  password = "trois pommes vertes au marché",
): Promise<{ email: string; password: string }> {
  const email = uniqueEmail("worker");
  await fillSignup(page, { email, password });
  await expect(page.getByRole("heading", { name: "Vérifiez vos e-mails" })).toBeVisible();
  const link = await linkFromEmail(page.request, email, /confirm/i, "/confirmer-email");
  await open(page, link);
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(page).toHaveURL(/\/connexion\?confirme=1/);
  return { email, password };
}

/**
 * Every page of each area with a fixed address, for the checks that crawl them all
 * (e2e/a11y/axe.spec.ts, e2e/security/csp.spec.ts): one list, so both cover the same pages.
 * Detail pages (a contract, a worker, a client) are found by each spec on their list page.
 */
export const areaPages = {
  public: [
    "/connexion",
    "/inscription",
    "/inscription/verifiez-vos-emails",
    "/inscription/activer",
    "/mot-de-passe-oublie",
    "/reinitialiser-mot-de-passe",
    "/confirmer-email",
    "/verifier",
  ],
  worker: [
    "/",
    "/acomptes",
    "/fiche-perso",
    "/diplomes",
    "/parametres",
    "/contrats",
    "/plannings",
    "/plannings/releve",
    "/disponibilites",
    "/bulletins-de-salaire",
    "/attestations-assedic",
    "/certificats-de-travail",
    "/offres",
  ],
  staff: [
    "/admin",
    "/admin/interimaires",
    "/admin/interimaires/inviter",
    "/admin/validations",
    "/admin/contrats",
    "/admin/contrats/nouveau",
    "/admin/acomptes",
    "/admin/heures",
    "/admin/documents",
    "/admin/clients",
    "/admin/clients/nouveau",
    "/admin/ciblages",
    "/admin/remuneration",
    "/admin/blocs",
    "/admin/audit",
    "/admin/outbox",
    "/admin/securite",
  ],
  client: ["/client", "/client/contrats", "/client/securite"],
} as const;
