// The staff outbox never shows a secret, and only messages of the staff
// member's own agencies; the dev route (APP_ENV=test) keeps the full text.
import { expect, test, type Browser } from "@playwright/test";
import { demo, linkFromEmail, open } from "../helpers";
import { signIn } from "../auth-state";

async function outboxHtml(browser: Browser, staffEmail: string, to: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, staffEmail);
  await page.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
  await expect(page.getByRole("heading", { name: "Boîte d'envoi" })).toBeVisible();
  const html = await page.content();
  await context.close();
  return html;
}

test("a password-reset link is masked for staff, full on the dev route, unseen by another agency", async ({ page, browser }) => {
  await open(page, "/mot-de-passe-oublie");
  await page.getByLabel("Adresse e-mail").fill(demo.worker);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByRole("status")).toContainText("Si un compte existe pour cette adresse");
  const link = await linkFromEmail(page.request, demo.worker, /mot de passe/i, "/reinitialiser-mot-de-passe");
  const token = new URL(link, "http://x").searchParams.get("token")!;
  expect(token.length).toBeGreaterThan(10);

  // Staff of both agencies see the message, with the token masked.
  const html = await outboxHtml(browser, demo.staff, demo.worker);
  expect(html).toContain("reinitialiser-mot-de-passe?token=••••••");
  expect(html).not.toContain(token);

  // Of two staff members limited to one agency each, only the worker's agency's sees it.
  const lea = await outboxHtml(browser, "lea.fabre@demo.coop-emploi.fr", demo.worker); // MEDIMP only
  const hugo = await outboxHtml(browser, "hugo.carriere@demo.coop-emploi.fr", demo.worker); // EDUC31 only
  const sees = [lea, hugo].map((h) => h.includes("reinitialiser-mot-de-passe?token=••••••"));
  expect(sees.filter(Boolean)).toHaveLength(1);
  for (const h of [lea, hugo]) expect(h).not.toContain(token);
});
