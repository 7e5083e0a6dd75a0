// WCAG 2.2 AA with axe-core on every page of the three areas and the public
// pages, at 1280 px and 375 px: no serious or critical violation, and no
// staff, client or public page wider than the screen (the worker pages have
// their own width spec). One browser context per role and width, signed in
// with the shared sessions (e2e/auth-state.ts). Set AXE_REPORT=<file> to
// append the per-page counts by impact (the before/after figures of issue 18).
import { appendFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { stateOf } from "../auth-state";
import { areaPages, demo, open } from "../helpers";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const IMPACTS = ["critical", "serious", "moderate", "minor"] as const;

const widths = [
  { name: "1280", viewport: { width: 1280, height: 800 } },
  { name: "375", viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
] as const;

/**
 * A page to check; `from` + `link` find a detail page's address on a list
 * page, `under` is a page below the detail page checked just before.
 */
type Target = string | { from: string; link: RegExp } | { under: string };

const areas: { role: string; email?: string; checkWidth: boolean; pages: Target[] }[] = [
  { role: "public", checkWidth: true, pages: [...areaPages.public] },
  {
    role: "worker",
    email: demo.worker,
    // Worker page widths: e2e specs of the worker pages.
    checkWidth: false,
    pages: [...areaPages.worker, { from: "/contrats", link: /^\/contrats\/[^/?]+$/ }],
  },
  {
    role: "staff",
    email: demo.staff,
    checkWidth: true,
    pages: [
      ...areaPages.staff,
      { from: "/admin/interimaires", link: /^\/admin\/interimaires\/(?!inviter)[^/?]+$/ },
      { under: "/disponibilites" },
      { from: "/admin/contrats", link: /^\/admin\/contrats\/(?!nouveau)[^/?]+$/ },
      { from: "/admin/heures", link: /^\/admin\/heures\/[^/?]+$/ },
      { from: "/admin/clients", link: /^\/admin\/clients\/(?!nouveau)[^/?]+$/ },
      { from: "/admin/ciblages", link: /^\/admin\/ciblages\/[^/?]+$/ },
    ],
  },
  {
    role: "client",
    email: demo.client,
    checkWidth: true,
    pages: [...areaPages.client, { from: "/client/contrats", link: /^\/client\/contrats\/[^/?]+$/ }],
  },
];

/** The first link of the page whose path matches (a detail page of a list). */
async function firstLink(page: Page, from: string, link: RegExp): Promise<string | null> {
  await open(page, from);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.find((href) => link.test(href)) ?? null;
}

async function newContext(browser: Browser, email: string | undefined, width: (typeof widths)[number]) {
  const { name: _name, ...options } = width;
  return browser.newContext({ ...options, ...(email ? { storageState: stateOf(email) } : {}) });
}

for (const area of areas) {
  for (const width of widths) {
    test(`axe: ${area.role} pages at ${width.name} px have no serious or critical violation`, async ({ browser }) => {
      test.setTimeout(area.pages.length * 15_000);
      const context = await newContext(browser, area.email, width);
      const page = await context.newPage();
      try {
        let previous = "";
        for (const target of area.pages) {
          const path =
            typeof target === "string"
              ? target
              : "under" in target
                ? `${previous}${target.under}`
                : await firstLink(page, target.from, target.link);
          expect(path, `the page of ${JSON.stringify(target)}`).toBeTruthy();
          if (!path) continue;
          previous = path;
          const response = await open(page, path);
          expect(response?.status(), `${path} answers`).toBeLessThan(400);
          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          const counts = Object.fromEntries(IMPACTS.map((impact) => [impact, 0]));
          for (const violation of results.violations) counts[violation.impact ?? "minor"] += violation.nodes.length;
          if (process.env.AXE_REPORT)
            appendFileSync(
              process.env.AXE_REPORT,
              `${width.name.padStart(4)} px  ${area.role.padEnd(6)} ${path.padEnd(44)} serious+critical=${counts.serious + counts.critical}  ` +
                `(${IMPACTS.map((i) => `${i} ${counts[i]}`).join(", ")})  ${results.violations
                  .filter((v) => v.impact === "serious" || v.impact === "critical")
                  .map((v) => `${v.id}×${v.nodes.length}`)
                  .join(" ")}\n`,
            );
          const blocking = results.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
          expect.soft(blocking, `${path} at ${width.name} px`).toEqual([]);
          if (area.checkWidth) {
            const { scroll, client } = await page.evaluate(() => ({
              scroll: document.documentElement.scrollWidth,
              client: document.documentElement.clientWidth,
            }));
            expect.soft(scroll, `${path} at ${width.name} px is no wider than the screen`).toBeLessThanOrEqual(client);
          }
        }
      } finally {
        await context.close();
      }
    });
  }
}
