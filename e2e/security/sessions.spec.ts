// One's open sessions (Paramètres for workers, "Sécurité du compte" for staff
// and clients): each device listed, "Déconnecter" for one and for all others,
// scoped to the caller; and the password asked before changing the sign-in
// email or the signing phone.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demo, login, open, signUpAndConfirm } from "../helpers";

test.describe.configure({ timeout: 180_000 });

const UA = {
  android: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36",
  windows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
};
const PHONE = { width: 375, height: 740 };

async function device(
  browser: Browser,
  userAgent: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ userAgent, viewport: PHONE, ...options });
  return { context, page: await context.newPage() };
}

/** A new worker account signed in on a phone (Chrome on Android). */
async function newWorkerOnPhone(browser: Browser) {
  const phone = await device(browser, UA.android);
  const account = await signUpAndConfirm(phone.page);
  await login(phone.page, account.email, account.password);
  await expect(phone.page).toHaveURL(/\/$/);
  return { ...phone, account };
}

const sessionItems = (page: Page) => page.getByTestId("session");
const signedOutOnNextRequest = async (page: Page) => {
  await page.goto("/contrats");
  await expect(page).toHaveURL(/\/connexion/);
};

test("two devices: both listed, the phone disconnects the computer, which is signed out on its next request; audited", async ({
  browser,
}) => {
  const phone = await newWorkerOnPhone(browser);
  const computer = await device(browser, UA.windows);
  await login(computer.page, phone.account.email, phone.account.password);
  await expect(computer.page).toHaveURL(/\/$/);

  await open(phone.page, "/parametres");
  const list = sessionItems(phone.page);
  await expect(list).toHaveCount(2);
  await expect(list.first()).toContainText("Chrome sur Android");
  await expect(list.first()).toContainText("Cette session");
  const other = list.filter({ hasText: "Firefox sur Windows" });
  await expect(other).toContainText(/Dernière activité : (à l'instant|il y a \d+ min)/);
  await expect(other).toContainText(/Adresse IP [\d.:a-f]+(•|…)/);
  await expect(other.getByText("Cette session")).toHaveCount(0);
  // Fits a 375 px phone: nothing wider than the screen.
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  await phone.page.getByRole("button", { name: "Déconnecter : Firefox sur Windows" }).click();
  await expect(phone.page.getByRole("status").filter({ hasText: "La session a été déconnectée." })).toBeVisible();
  await expect(sessionItems(phone.page)).toHaveCount(1);
  await signedOutOnNextRequest(computer.page);
  // The phone itself is still signed in.
  await open(phone.page, "/parametres");
  await expect(sessionItems(phone.page)).toHaveCount(1);

  // Staff of the worker's agency find it in the audit log.
  const staff = await device(browser, UA.mac);
  await login(staff.page, demo.staff);
  await open(staff.page, "/admin/audit?action=auth.session_ended");
  await expect(staff.page.getByTestId("audit-row").filter({ hasText: "Firefox sur Windows" }).first()).toBeVisible();

  for (const d of [phone, computer, staff]) await d.context.close();
});

test("« Déconnecter les autres sessions » works without JavaScript and keeps this one", async ({ browser }) => {
  const phone = await newWorkerOnPhone(browser);
  const others = [await device(browser, UA.windows), await device(browser, UA.mac)];
  for (const o of others) await login(o.page, phone.account.email, phone.account.password);

  // The same session as the phone, in a browser without JavaScript.
  const noScript = await device(browser, UA.android, { javaScriptEnabled: false });
  await noScript.context.addCookies(await phone.context.cookies());
  await noScript.page.goto("/parametres");
  await expect(sessionItems(noScript.page)).toHaveCount(3);
  await noScript.page.getByRole("button", { name: "Déconnecter les autres sessions" }).click();
  await expect(noScript.page.getByText("Vos autres sessions ont été déconnectées.")).toBeVisible();
  await expect(sessionItems(noScript.page)).toHaveCount(1);
  await expect(noScript.page.getByText("Aucune autre session ouverte.")).toBeVisible();

  for (const o of others) await signedOutOnNextRequest(o.page);
  await phone.page.goto("/parametres");
  await expect(phone.page).toHaveURL(/\/parametres/);

  for (const d of [phone, noScript, ...others]) await d.context.close();
});

test("a forged « Déconnecter » with another user's session id does nothing", async ({ browser }) => {
  const alice = await newWorkerOnPhone(browser);
  const aliceComputer = await device(browser, UA.windows);
  await login(aliceComputer.page, alice.account.email, alice.account.password);
  const bob = await newWorkerOnPhone(browser);
  const bobComputer = await device(browser, UA.mac);
  await login(bobComputer.page, bob.account.email, bob.account.password);

  // Bob's computer session id, as Bob's phone sees it.
  await open(bob.page, "/parametres");
  const bobsOther = await bob.page
    .getByTestId("session")
    .filter({ hasText: "Safari sur Mac" })
    .locator('input[name="sessionId"]')
    .inputValue();

  // Alice submits her own form with Bob's id in it.
  await open(alice.page, "/parametres");
  const form = alice.page.getByTestId("session").filter({ hasText: "Firefox sur Windows" });
  await form.locator('input[name="sessionId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), bobsOther);
  await form.getByRole("button", { name: "Déconnecter" }).click();
  await expect(alice.page.getByRole("alert").filter({ hasText: "Session introuvable" })).toBeVisible();

  // Nobody was signed out.
  for (const p of [bobComputer.page, aliceComputer.page]) {
    await p.goto("/parametres");
    await expect(p).toHaveURL(/\/parametres/);
  }
  await expect(sessionItems(alice.page)).toHaveCount(2);

  for (const d of [alice, aliceComputer, bob, bobComputer]) await d.context.close();
});

test("staff and clients see their sessions on « Sécurité du compte », reachable from their menu", async ({ browser }) => {
  for (const [email, home, path] of [
    [demo.staff, "/admin", "/admin/securite"],
    [demo.client, "/client", "/client/securite"],
  ] as const) {
    const d = await device(browser, UA.mac);
    await login(d.page, email);
    await open(d.page, home);
    await expect(d.page.locator(`nav a[href="${path}"]`).first()).toBeAttached();
    await open(d.page, path);
    await expect(d.page.getByRole("heading", { name: "Sécurité du compte", level: 1 })).toBeVisible();
    const current = sessionItems(d.page).filter({ hasText: "Cette session" });
    await expect(current).toHaveCount(1);
    await expect(current).toContainText("Safari sur Mac");
    await expect(d.page.getByRole("heading", { name: "Changer le mot de passe" })).toBeVisible();
    await d.context.close();
  }
  // Another role's page is not theirs.
  const worker = await newWorkerOnPhone(browser);
  expect((await worker.page.goto("/admin/securite"))?.status()).toBe(404);
  await worker.context.close();
});

test("changing the email or phone in Fiche perso asks for the current password; other fields do not", async ({ browser }) => {
  const { page, context, account } = await newWorkerOnPhone(browser);
  await open(page, "/fiche-perso");
  const newEmail = `nouvelle.${Date.now().toString(36)}@exemple.fr`;
  const emailRow = page.locator("dd", { has: page.getByTestId("valeur-email") });

  await page.getByRole("button", { name: "Modifier : Email" }).click();
  await page.locator("#email-value").fill(newEmail);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(emailRow.getByText("Saisissez votre mot de passe actuel pour confirmer ce changement.")).toBeVisible();
  await expect(page.locator("#email-value")).toHaveValue(newEmail);
  await expect(page.locator("#email-currentPassword")).toHaveAttribute("aria-invalid", "true");

  await page.locator("#email-currentPassword").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(emailRow.getByText("Mot de passe actuel incorrect.")).toBeVisible();
  await expect(page.locator("#email-value")).toHaveValue(newEmail);
  await expect(emailRow.getByText("En attente de validation par l'agence")).toHaveCount(0);

  await page.locator("#email-currentPassword").fill(account.password);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(emailRow.getByText(`Nouvelle valeur : ${newEmail}`)).toBeVisible();

  const phoneRow = page.locator("dd", { has: page.getByTestId("valeur-phone") });
  await page.getByRole("button", { name: "Modifier : Téléphone" }).click();
  await page.locator("#phone-value").fill("06 11 22 33 44");
  await page.locator("#phone-currentPassword").fill("toujours pas le bon");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(phoneRow.getByText("Mot de passe actuel incorrect.")).toBeVisible();
  await expect(page.locator("#phone-value")).toHaveValue("06 11 22 33 44");
  await page.locator("#phone-currentPassword").fill(account.password);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(phoneRow.getByText("Nouvelle valeur : 06 11 22 33 44")).toBeVisible();

  // Another field: no password asked.
  await page.getByRole("button", { name: /^(Modifier|Ajouter) : Nom de naissance$/ }).click();
  await expect(page.locator("#birthName-currentPassword")).toHaveCount(0);
  await page.locator("#birthName-value").fill("Durand");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  const birthRow = page.locator("dd", { has: page.getByTestId("valeur-birthName") });
  await expect(birthRow.getByText("Nouvelle valeur : Durand")).toBeVisible();

  // Wrong passwords here count toward the sign-in lockout (5 in a row):
  // two here, three at the sign-in form, and then even the right one is refused.
  await page.getByRole("button", { name: "Modifier : Email" }).click();
  for (let i = 0; i < 2; i += 1) {
    await page.locator("#email-currentPassword").fill(`faux ${i} mot de passe`);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(emailRow.getByText("Mot de passe actuel incorrect.")).toBeVisible();
  }
  const other = await device(browser, UA.windows);
  for (let i = 0; i < 3; i += 1) await login(other.page, account.email, `encore faux ${i}`);
  await expect(other.page.getByText(/Trop de tentatives de connexion/)).toBeVisible();
  await page.locator("#email-currentPassword").fill(account.password);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(emailRow.getByText(/Trop de mots de passe incorrects\. Réessayez dans 1 minute/)).toBeVisible();

  await context.close();
  await other.context.close();
});
