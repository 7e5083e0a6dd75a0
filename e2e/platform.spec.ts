import { expect, test } from "@playwright/test";
import { demo, open, outbox } from "./helpers";
import { signIn } from "./auth-state";

test("/api/health answers 200 with JSON once the database is reachable", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
});

test("the outbox route returns the documented JSON shape", async ({ page }) => {
  await open(page, "/mot-de-passe-oublie");
  await page.getByLabel("Adresse e-mail").fill(demo.staff);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  // The reset email is written after the response (same work whatever the address): wait for it.
  let messages: Awaited<ReturnType<typeof outbox>> = [];
  await expect
    .poll(async () => {
      messages = await outbox(page.request, demo.staff.toUpperCase());
      return messages.length;
    })
    .toBeGreaterThan(0);
  const [first] = messages;
  expect(Object.keys(first).sort()).toEqual(["channel", "createdAt", "subject", "text", "to"]);
  expect(first).toMatchObject({ channel: "email", to: demo.staff });
  expect(first.text).not.toMatch(/<[a-z]/i); // plain text, not HTML
  const latest = await (await page.request.get("/api/dev/outbox")).json();
  expect(Array.isArray(latest) && latest.length <= 50).toBe(true);
});

test("unknown pages get the French 404 page", async ({ page }) => {
  await signIn(page, demo.worker);
  const response = await page.goto("/cette-page-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
});

test("staff can read the outbox in the back office", async ({ page }) => {
  await signIn(page, demo.staff);
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { name: "Boîte d'envoi" })).toBeVisible();
});
