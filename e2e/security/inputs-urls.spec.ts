import { expect as baseExpect, test } from "@playwright/test";
import { demo } from "../helpers";
import { signIn } from "../auth-state";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

// A NUL byte or year 0 used to reach PostgreSQL and answer 500: ids answer 404,
// bad dates in URLs the default view (or 400 for the export), bad typed dates
// and NUL in a field a French message next to the field.

test("worker: NUL ids answer 404 and year 0 in URL dates shows the default view", async ({ page }) => {
  await signIn(page, demo.worker);
  for (const path of ["/api/documents/%00", "/api/documents-personnels/%00", "/contrats/%00/pdf", "/contrats/%00", "/contrats/abc%00def"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
  }
  for (const path of [
    "/contrats?date=0000-01-01",
    "/contrats?date=2026-02-31",
    "/plannings?vue=jour&date=0000-01-01",
    "/plannings?vue=semaine&date=0000-01-01",
    "/plannings?date=9999-13-40",
    "/disponibilites?mois=0000-01",
  ]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
  }
});

test("staff and client: NUL ids 404, bad export date 400, bad week the current one", async ({ browser }) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, demo.staff);
  for (const path of [
    "/admin/contrats/%00",
    "/admin/interimaires/%00",
    "/admin/clients/%00",
    "/admin/heures/%00",
    "/admin/ciblages/%00",
    "/admin/interimaires/%00/disponibilites",
  ]) {
    expect((await staff.request.get(path)).status(), path).toBe(404);
  }
  expect((await staff.request.get("/admin/acomptes/export?date=0000-01-01")).status()).toBe(400);
  expect((await staff.request.get("/admin/acomptes/export?date=2026-02-31")).status()).toBe(400);
  for (const path of [
    "/admin/acomptes?date=0000-01-01",
    "/admin/heures?semaine=0000-01-01",
    "/admin/audit?du=0000-01-01&au=2026-02-31",
    "/admin/contrats?du=0000-01-01",
  ]) {
    expect((await staff.request.get(path)).status(), path).toBe(200);
  }
  const client = await (await browser.newContext()).newPage();
  await signIn(client, demo.client);
  expect((await client.request.get("/client?semaine=0000-01-01")).status()).toBe(200);
  expect((await client.request.get("/client/contrats/%00")).status()).toBe(404);
});
