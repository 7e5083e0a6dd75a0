import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { hasSharedSession, signIn } from "../auth-state";
import { demo, login, outbox, type OutboxMessage } from "../helpers";

// Dedicated fixture accounts of this area (prisma/fixtures/compte.ts).
export const accounts = {
  fiche: "e2e.compte.fiche@exemple.fr",
  diplome: "e2e.compte.diplome@exemple.fr",
  acompte: "e2e.compte.acompte@exemple.fr",
  notif: "e2e.compte.notif@exemple.fr",
  autre: "e2e.compte.autre@exemple.fr",
  email: "e2e.compte.email@exemple.fr",
  staff: demo.staff,
};

export const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

/** Moves the server's clock for this browser context (APP_ENV=test only). */
export async function setClock(context: BrowserContext, iso: string) {
  await context.addCookies([{ name: "e2e-now", value: iso, url: baseURL }]);
}

/**
 * A signed-in page in a fresh context: with the account's shared session
 * (e2e/auth-state.ts) when it has one, else through the form (the account
 * whose email a spec changes has none).
 */
export async function signedIn(browser: Browser, email: string, clock?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  if (hasSharedSession(email)) await signIn(page, email);
  else await login(page, email);
  // After signing in: the session's expiry is real time.
  if (clock) await setClock(context, clock);
  return page;
}

export const pdf = (text = "Diplôme") => ({
  name: "document.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
});
export const fakePdf = () => ({
  name: "faux.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("Ceci n'est pas un PDF, juste du texte renommé."),
});

export async function emailsTo(page: Page, to: string, subject: RegExp): Promise<OutboxMessage[]> {
  return (await outbox(page.request, to)).filter((m) => m.channel === "email" && subject.test(m.subject ?? ""));
}

export async function expectEmail(page: Page, to: string, subject: RegExp, text?: RegExp) {
  await expect
    .poll(async () => (await emailsTo(page, to, subject)).some((m) => !text || text.test(m.text)), { timeout: 30_000 })
    .toBe(true);
}
