// The Content-Security-Policy in the browser: every page of the three areas
// and the public ones loads and hydrates with no violation, the nonce changes
// per request, and a script injected without the nonce does not run.
import { expect, test, type Page } from "@playwright/test";
import { areaPages, demo, login, open } from "../helpers";
import { signIn } from "../auth-state";

const { public: publicPages, worker: workerPages, staff: staffPages, client: clientPages } = areaPages;

/** Records CSP violations, as events and as console errors. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleViolations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) consoleViolations.push(`${page.url()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [
    ...consoleViolations,
    ...(await page
      .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
      .then((list) => list.map((v) => `${page.url()}: ${v}`))),
  ];
}

/** Visits each page and checks it answers, carries a CSP with a nonce, and hydrates without violation. */
async function visitAll(page: Page, paths: readonly string[]) {
  const violations = await watchViolations(page);
  const seen: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await page.waitForLoadState("networkidle");
    seen.push(...(await violations()));
  }
  expect(seen).toEqual([]);
}

/** The first link on a list page whose path matches (pages with ids use seeded rows). */
async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string> {
  await open(page, listPath);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const found = hrefs.find((h) => pattern.test(h));
  expect(found, `a link like ${pattern} on ${listPath}`).toBeDefined();
  return found!;
}

test.describe("Content-Security-Policy", () => {
  test("the header carries a nonce that differs between two requests, and the usual security headers", async ({ request }) => {
    const a = await request.get("/connexion");
    const b = await request.get("/connexion");
    const nonce = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const csp = a.headers()["content-security-policy"];
    expect(nonce(csp)).toBeTruthy();
    expect(nonce(csp)).not.toBe(nonce(b.headers()["content-security-policy"]));
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "img-src 'self' data: blob:",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-eval");
    // The nonce is on the page's scripts.
    expect(await a.text()).toContain(`nonce="${nonce(csp)}"`);
    expect(a.headers()["x-content-type-options"]).toBe("nosniff");
    expect(a.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(a.headers()["permissions-policy"]).toContain("camera=()");
    // Plain http here: no HSTS; behind an https proxy, HSTS.
    expect(a.headers()["strict-transport-security"]).toBeUndefined();
    const https = await request.get("/connexion", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test("public pages load and hydrate with no violation; an injected inline script without the nonce does not run", async ({ page }) => {
    await visitAll(page, publicPages);
    // As if stored markup reached the HTML: the server's answer, with its CSP header, plus an inline script without the nonce.
    await page.route("**/connexion", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
      await route.fulfill({ response, body: html });
    });
    await open(page, "/connexion");
    const ran = await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true);
    expect(ran).toBe(false);
    await page.unroute("**/connexion");
    // Markup injected with an inline handler does not run either.
    const handler = await page.evaluate(async () => {
      document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.__handler = true">');
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __handler?: boolean }).__handler === true;
    });
    expect(handler).toBe(false);
  });

  test("every worker page works under the policy, forms hydrate and a client-side interaction works", async ({ page }) => {
    const violations = await watchViolations(page);
    // Signing in goes through the hydrated form.
    await login(page, demo.worker);
    await expect(page).toHaveURL(/\/$/);
    expect(await violations()).toEqual([]);
    const contract = await firstLink(page, "/contrats", /^\/contrats\/[^/]+$/);
    await visitAll(page, [...workerPages, contract]);
    // A client-side interaction: the mission details dialog opens (React is hydrated).
    await open(page, contract);
    await page.getByRole("button", { name: "Afficher les détails de la mission" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await violations()).toEqual([]);
    // The contract PDF still downloads.
    // The newest contract may be one without a document to download (cancelled): no wait for a link then.
    const pdfLink = page.locator("a[href*='/pdf']").first();
    const pdfPath = (await pdfLink.count()) ? await pdfLink.getAttribute("href") : null;
    if (pdfPath) {
      const pdf = await page.request.get(pdfPath);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");
    }
  });

  test("every staff page works under the policy", async ({ page }) => {
    // A crawl of some twenty pages: on a loaded CI machine it can pass 90 s.
    test.slow();
    await signIn(page, demo.staff);
    const ids = [
      await firstLink(page, "/admin/contrats", /^\/admin\/contrats\/(?!nouveau)[^/]+$/),
      await firstLink(page, "/admin/clients", /^\/admin\/clients\/(?!nouveau)[^/]+$/),
      await firstLink(page, "/admin/interimaires", /^\/admin\/interimaires\/(?!inviter)[^/]+$/),
    ];
    const worker = ids[2];
    await visitAll(page, [...staffPages, ...ids, `${worker}/disponibilites`]);
  });

  test("every client page works under the policy", async ({ page }) => {
    await signIn(page, demo.client);
    const contract = await firstLink(page, "/client/contrats", /^\/client\/contrats\/[^/]+$/);
    await visitAll(page, [...clientPages, contract]);
  });
});
