// Sign in once per account, reuse the session everywhere: e2e/auth.setup.ts
// signs each account below in through the form and saves its storage state
// (the session cookie) in e2e/.auth/; specs then open pages already signed
// in, with `test.use({ storageState: stateOf(...) })` or `signIn(page, ...)`.
// Specs that sign out, end sessions, change a password or an email, or test
// signing in itself use the form (`login`) with a session of their own, so
// that the shared sessions stay valid for everyone.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { demo, open } from "./helpers";

export const AUTH_DIR = fileURLToPath(new URL("./.auth/", import.meta.url));

/** The accounts signed in once by the setup project (demo accounts and e2e fixtures). */
export const SHARED_SESSIONS = [
  demo.worker,
  demo.staff,
  demo.client,
  // Staff limited to one agency (prisma/seed/data.ts).
  "lea.fabre@demo.coop-emploi.fr",
  "hugo.carriere@demo.coop-emploi.fr",
  // Fixtures (prisma/fixtures).
  "heures.client@demo.coop-emploi.fr",
  "glycines.client@demo.coop-emploi.fr",
  "heures.releve@exemple.fr",
  "docs.lea@e2e.coop-emploi.fr",
  "docs.marc@e2e.coop-emploi.fr",
  "docs.nina@e2e.coop-emploi.fr",
  "docs.hugo@e2e.coop-emploi.fr",
  "cible.aurore@exemple.fr",
  "cible.fanny@exemple.fr",
  "cible.hugo@exemple.fr",
  "missions.signature1@exemple.fr",
  "missions.signature2@exemple.fr",
  "missions.signature3@exemple.fr",
  "missions.planning@exemple.fr",
  "missions.dispo@exemple.fr",
  "e2e.compte.fiche@exemple.fr",
  "e2e.compte.diplome@exemple.fr",
  "e2e.compte.acompte@exemple.fr",
  "e2e.compte.notif@exemple.fr",
  "e2e.compte.autre@exemple.fr",
] as const;

export function hasSharedSession(email: string): boolean {
  return (SHARED_SESSIONS as readonly string[]).includes(email);
}

/** The storage state file of a shared session. */
export function stateOf(email: string): string {
  if (!hasSharedSession(email)) throw new Error(`No shared session for ${email}: add it to SHARED_SESSIONS or sign in with login()`);
  return path.join(AUTH_DIR, `${email}.json`);
}

/** A new browser context already signed in as `email`. */
export async function signedInContext(browser: Browser, email: string, options: Parameters<Browser["newContext"]>[0] = {}) {
  return browser.newContext({ ...options, storageState: stateOf(email) });
}

/**
 * Signs this page's context in with the shared session of `email` and lands
 * where signing in lands (the role's home), as `login` does without the form.
 */
export async function signIn(page: Page, email: string) {
  const { cookies } = JSON.parse(await readFile(stateOf(email), "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
  await page.context().addCookies(cookies);
  await open(page, "/connexion");
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}
