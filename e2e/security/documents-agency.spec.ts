// A worker registered in two agencies: staff of one agency must not read the
// documents the other agency published (single download and zip), while staff
// of that agency and the worker do.
import { expect, test, type Page } from "@playwright/test";
import { login, logout, open } from "../helpers";

const WORKER = "secu.deux@e2e.coop-emploi.fr";
const STAFF_MEDIMP_ONLY = "lea.fabre@demo.coop-emploi.fr";
const STAFF_EDUC31_ONLY = "hugo.carriere@demo.coop-emploi.fr";

async function payslipIds(page: Page): Promise<Record<string, string>> {
  await open(page, "/bulletins-de-salaire");
  const rows = page.getByTestId("document-row");
  await expect(rows).toHaveCount(2);
  const hrefs = await rows
    .locator("a[download]")
    .evaluateAll((links) => links.map((a) => [a.getAttribute("aria-label") ?? a.textContent ?? "", a.getAttribute("href")!]));
  const ids: Record<string, string> = {};
  for (const [label, href] of hrefs) {
    const id = /\/api\/documents\/([^/?]+)/.exec(href)?.[1];
    if (id && /9701_/.test(label)) ids.MEDIMP = id;
    if (id && /9702_/.test(label)) ids.EDUC31 = id;
  }
  expect(Object.keys(ids).sort()).toEqual(["EDUC31", "MEDIMP"]);
  return ids;
}

const isPdf = (b: Buffer) => b.subarray(0, 5).toString("latin1") === "%PDF-";

test("staff of one agency cannot download what another agency published for a shared worker", async ({ page }) => {
  await login(page, WORKER);
  const ids = await payslipIds(page);
  for (const id of Object.values(ids)) {
    const res = await page.request.get(`/api/documents/${id}`);
    expect(res.status()).toBe(200);
    expect(isPdf(await res.body())).toBe(true);
  }
  const both = await page.request.get(`/api/documents/archive?ids=${ids.MEDIMP},${ids.EDUC31}`);
  expect(both.status()).toBe(200);
  await logout(page);

  // Staff of MEDIMP only: their own agency's payslip yes, EDUC31's no (404, like a missing one).
  await login(page, STAFF_MEDIMP_ONLY);
  const own = await page.request.get(`/api/documents/${ids.MEDIMP}`);
  expect(own.status()).toBe(200);
  expect(isPdf(await own.body())).toBe(true);
  expect((await page.request.get(`/api/documents/${ids.EDUC31}`)).status()).toBe(404);
  expect((await page.request.get(`/api/documents/archive?ids=${ids.EDUC31}`)).status()).toBe(404);
  expect((await page.request.get(`/api/documents/archive?ids=${ids.MEDIMP},${ids.EDUC31}`)).status()).toBe(404);
  expect((await page.request.post(`/api/documents/archive`, { form: { ids: `${ids.MEDIMP},${ids.EDUC31}` } })).status()).toBe(404);
  // Nor through the route of personal documents.
  expect((await page.request.get(`/api/documents-personnels/${ids.EDUC31}`)).status()).toBe(404);
  await logout(page);

  // Staff of EDUC31 only: the mirror image.
  await login(page, STAFF_EDUC31_ONLY);
  const theirs = await page.request.get(`/api/documents/${ids.EDUC31}`);
  expect(theirs.status()).toBe(200);
  expect(isPdf(await theirs.body())).toBe(true);
  expect((await page.request.get(`/api/documents/${ids.MEDIMP}`)).status()).toBe(404);
});
