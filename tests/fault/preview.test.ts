// Deploy preview (APP_ENV=preview) end to end, on the built server and a real
// browser: an empty embedded database under the temporary folder is migrated
// and seeded at start-up; the one-click button signs the demo worker in; a
// contract is signed with the code read on the preview's outbox page; the
// staff's "Réinitialiser la démonstration" brings the contract back to
// "awaiting signature". Provider keys are set and must never be used.
import { afterAll, beforeAll, expect, test } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { assertBuilt, freePort, kill, spawnServer, waitReady, type Server } from "./server";

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

let tmp: string;
let server: Server | undefined;
let providers: HttpServer | undefined;
let browser: Browser | undefined;
const providerHits: string[] = [];

async function waitForOutput(pattern: RegExp, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(server!.output())) {
    if (server!.child.exitCode !== null) throw new Error(`server exited:\n${server!.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${server!.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  assertBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), "preview-test-"));
  // A stand-in for Resend and Brevo: any request to it is a key used.
  providers = createServer((req, res) => {
    providerHits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" }).end('{"id":"x","messageId":1}');
  });
  await new Promise<void>((resolve) => providers!.listen(0, "127.0.0.1", resolve));
  const fake = `http://127.0.0.1:${(providers.address() as { port: number }).port}`;
  const port = await freePort();
  server = spawnServer(
    {
      APP_ENV: "preview",
      DATABASE_URL: "",
      PGLITE_DIR: "",
      STORAGE_DIR: "",
      // os.tmpdir() of the server: its embedded database must be created there.
      TMPDIR: tmp,
      PREVIEW_REF: "i-preview",
      VERCEL_GIT_COMMIT_SHA: "0123456789abcdef",
      RESEND_API_KEY: "re_live_key",
      RESEND_BASE_URL: fake,
      BREVO_API_KEY: "xkeysib-live",
      BREVO_API_URL: `${fake}/v3`,
    },
    port,
  );
  await waitReady(server, "/api/health", 90_000);
  await waitForOutput(/demo data reset \(startup\)/, 240_000);
  browser = await chromium.launch({ executablePath });
}, 330_000);

afterAll(async () => {
  await browser?.close();
  await kill(server);
  await new Promise((r) => providers?.close(r));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${server!.port}`;

async function tryAs(page: Page, label: string, home: RegExp) {
  await page.goto(`${base()}/connexion`);
  await page.getByRole("button", { name: label }).click();
  await page.waitForURL(home);
}

async function awaitingCount(page: Page): Promise<number> {
  await page.goto(`${base()}/contrats?etat=a-signer`);
  const text = (await page.getByTestId("contract-count").textContent()) ?? "";
  return Number(text.match(/\d+/)?.[0] ?? NaN);
}

test("one-click demo sign-in, signature with the code from the preview outbox, demo reset by staff", async () => {
  expect(existsSync(path.join(tmp, "espace-interimaire-preview", "pglite"))).toBe(true);
  const worker = await browser!.newPage({ viewport: { width: 1280, height: 800 } });

  // The login page of a preview: banner with the commit, one button per demo account.
  await worker.goto(`${base()}/connexion`);
  const banner = worker.getByRole("note", { name: "Version de démonstration" });
  await expect(banner.textContent()).resolves.toContain("i-preview (0123456)");
  for (const label of ["Essayer en tant qu'agence", "Essayer en tant qu'entreprise cliente"]) {
    expect(await worker.getByRole("button", { name: label }).count()).toBe(1);
  }

  await tryAs(worker, "Essayer en tant qu'intérimaire", /\/$/);
  const before = await awaitingCount(worker);
  expect(before).toBeGreaterThan(0);

  await worker
    .getByRole("link", { name: /^Signer/ })
    .first()
    .click();
  await worker.getByRole("checkbox", { name: /accepte de le signer/ }).check();
  await worker.getByRole("button", { name: "Recevoir le code par SMS" }).click();
  await worker.getByText(/Un code à 6 chiffres a été envoyé par SMS/).waitFor();

  // The code, read where a visitor reads it: the outbox page linked from the banner.
  const outbox = await browser!.newPage();
  await outbox.goto(`${base()}/connexion`);
  await outbox.getByRole("link", { name: "lire les messages « envoyés »" }).click();
  await outbox.waitForURL(/\/apercu\/messages$/);
  const texts = await outbox.getByTestId("preview-message").allTextContents();
  const code = texts.map((t) => t.match(/code de signature est (\d{6})/)?.[1]).find(Boolean);
  expect(code).toMatch(/^\d{6}$/);

  await worker.getByLabel("Code reçu par SMS").fill(code!);
  await worker.getByRole("button", { name: "Valider la signature" }).click();
  await worker.getByText("Votre signature est enregistrée").waitFor();
  expect(await awaitingCount(worker)).toBe(before - 1);

  // The agency resets the demo: every session ends, the data is the seed again.
  const staff = await browser!.newPage();
  await tryAs(staff, "Essayer en tant qu'agence", /\/admin$/);
  await staff.getByRole("button", { name: "Réinitialiser la démonstration" }).click();
  await staff.waitForURL(/\/connexion\?demo-reinitialisee=1$/, { timeout: 200_000 });
  await staff.getByText("La démonstration a été réinitialisée.").waitFor();

  await tryAs(worker, "Essayer en tant qu'intérimaire", /\/$/);
  expect(await awaitingCount(worker)).toBe(before);
  await outbox.reload();
  expect((await outbox.getByTestId("preview-message").allTextContents()).join("\n")).not.toContain(code!);

  // Audited: the reset is in the agency's journal.
  await tryAs(staff, "Essayer en tant qu'agence", /\/admin$/);
  await staff.goto(`${base()}/admin/audit`);
  expect(await staff.getByText("Réinitialisation de la démonstration").count()).toBeGreaterThan(0);
  expect(providerHits).toEqual([]);
}, 330_000);
