import { expect, test, type Page } from "@playwright/test";
import { demo, open } from "../helpers";
import { stateOf } from "../auth-state";

// Every worker page fits a 375 px phone (nothing wider than the screen, nothing
// sticking out of it) and Mes contrats fits 1280 px with all its columns.
test.use({ storageState: stateOf(demo.worker) });

const WORKER_PAGES = [
  "/",
  "/contrats",
  "/plannings",
  "/plannings/releve",
  "/disponibilites",
  "/offres",
  "/acomptes",
  "/fiche-perso",
  "/diplomes",
  "/parametres",
  "/bulletins-de-salaire",
  "/attestations-assedic",
  "/certificats-de-travail",
];

/** The page's width and the visible elements whose box leaves the viewport (outside any scrolling frame). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o !== "visible") return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // empty, or visually hidden (sr-only)
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (r.right <= width + 0.5 && r.left >= -0.5) continue;
      if (clipped(el)) continue;
      out.push(
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(r.left)}..${Math.round(r.right)}`,
      );
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, out };
  });
}

test("every worker page fits a 375 px phone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 375, height: 800 });
  // One contract's own page too.
  await open(page, "/contrats");
  const contract = await page
    .getByTestId("contract-row")
    .first()
    .getByRole("link", { name: /Voir|Signer/ })
    .getAttribute("href");
  for (const path of [...WORKER_PAGES, contract!]) {
    await open(page, path);
    const { scrollWidth, width, out } = await overflow(page);
    expect.soft(out, `${path}: elements sticking out`).toEqual([]);
    expect.soft(scrollWidth, `${path}: page width`).toBeLessThanOrEqual(width);
  }
});

test("Mes contrats on a phone: sorting reachable, main actions 44 px tall", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, "/contrats?etat=a-signer");
  const sign = page
    .getByTestId("contract-row")
    .first()
    .getByRole("link", { name: /^Signer/ });
  await expect(sign).toBeVisible();
  expect((await sign.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  const details = page
    .getByTestId("contract-row")
    .first()
    .getByRole("button", { name: /Afficher les détails de la mission/ });
  expect((await details.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  // The column headers are hidden on cards: the sort select replaces them.
  await page.getByLabel("Trier par", { exact: true }).selectOption("entreprise");
  await expect(page).toHaveURL(/tri=entreprise&ordre=desc/);
  await expect(page).toHaveURL(/etat=a-signer/);
  await page.getByLabel("Ordre", { exact: true }).selectOption("asc");
  await expect(page).toHaveURL(/tri=entreprise&ordre=asc/);
  await expect(page.getByLabel("Trier par", { exact: true })).toHaveValue("entreprise");
});

test("Mes contrats at 1280 px: every column and Signer visible, rows one or two lines, no sideways scroll", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, "/contrats?etat=a-signer");
  const { scrollWidth, width, out } = await overflow(page);
  expect(out).toEqual([]);
  expect(scrollWidth).toBeLessThanOrEqual(width);
  const frame = page.getByRole("table", { name: "Vos contrats" }).locator("xpath=..");
  const [inner, outer] = await frame.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(inner, "the table scrolls inside its frame").toBeLessThanOrEqual(outer);
  for (const header of [
    "Référence",
    "Qualification",
    "Date de mission",
    "Détail",
    "Horaires",
    "Entreprise",
    "Contrat de mission",
    "Date de création",
    "État",
    "Action",
  ])
    await expect(page.getByRole("columnheader", { name: new RegExp(`^${header}`) })).toBeInViewport();
  await expect(
    page
      .getByTestId("contract-row")
      .first()
      .getByRole("link", { name: /^Signer/ }),
  ).toBeInViewport();
  // Two lines of text; a row to sign holds the compact "Signer" above "Détails".
  for (const row of await page.getByTestId("contract-row").all()) expect((await row.boundingBox())!.height).toBeLessThanOrEqual(72);
  // Without a contract to sign, every row is at most two lines of text.
  await open(page, "/contrats?etat=valide");
  const valid = await page.getByTestId("contract-row").all();
  expect(valid.length).toBeGreaterThan(0);
  for (const row of valid) expect((await row.boundingBox())!.height).toBeLessThanOrEqual(56);
  await open(page, "/contrats?etat=a-signer");
  // The sort links say what a click does.
  await expect(page.getByRole("link", { name: "Référence, trier par ordre croissant" })).toBeVisible();
  await page.getByRole("link", { name: "Référence, trier par ordre croissant" }).click();
  await expect(page).toHaveURL(/tri=reference&ordre=asc/);
  await expect(page.getByRole("link", { name: "Référence, trier par ordre décroissant" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^Référence/ })).toHaveAttribute("aria-sort", "ascending");
});
