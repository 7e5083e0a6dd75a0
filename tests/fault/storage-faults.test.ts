// Storage faults in a real browser against the real built server
// (scripts/serve.mjs) whose STORAGE_DIR is a regular file, so that every file
// write fails with ENOTDIR: the diploma form and the bulk zip check show the
// French message next to the file field and keep what was typed and chosen;
// nothing is written to the database. The same server, at start-up, removes
// the temporary spools a crashed process left behind.
// Chromium through Playwright's library API (Debian's /usr/bin/chromium, or
// CHROMIUM_PATH), so that only this file pays for the broken server.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import { createAdapter } from "@/lib/db/adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/storage/errors";
import { buildZip, pdfBytes } from "../unit/zip-builder";
import { assertBuilt, freePort, kill, spawnServer, waitReady, type Server } from "./server";

const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `espace_storagefault_${process.pid}_${Date.now()}`;
const tmp = mkdtempSync(path.join(os.tmpdir(), "espace-storage-fault-"));
const notAFolder = path.join(tmp, "storage-is-a-file");
const serverTmp = path.join(tmp, "server-tmp");
const PASSWORD = "panne de stockage 2026";
const WORKER = { email: "diplome@panne.example.fr", number: "7301" };
const STAFF = { email: "agence@panne.example.fr" };
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

let server: Server;
let browser: Browser;
let prisma: PrismaClient;
let crashedSpool = "";
let liveSpool = "";

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  assertBuilt();
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  await applyMigrations({ databaseUrl: url.toString() });
  prisma = new PrismaClient({ adapter: createAdapter({ databaseUrl: url.toString() }).factory });
  const passwordHash = await hashPassword(PASSWORD);
  const agency = await prisma.agency.create({ data: { code: "PANNE", name: "Agence Panne" } });
  const verified = new Date();
  await prisma.user.create({
    data: {
      email: STAFF.email,
      passwordHash,
      emailVerifiedAt: verified,
      role: "STAFF",
      firstName: "Sam",
      lastName: "AGENCE",
      staffMemberships: { create: { agencyId: agency.id } },
    },
  });
  await prisma.user.create({
    data: {
      email: WORKER.email,
      passwordHash,
      emailVerifiedAt: verified,
      role: "WORKER",
      firstName: "Dina",
      lastName: "PANNE",
      workerProfile: { create: { phone: "+33612340000", agencies: { create: { agencyId: agency.id, workerNumber: WORKER.number } } } },
    },
  });

  writeFileSync(notAFolder, "pas un dossier\n");
  mkdirSync(serverTmp);
  const deadPid = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
  crashedSpool = path.join(serverTmp, `espace-spool-${deadPid}-${crypto.randomUUID()}.zip`);
  liveSpool = path.join(serverTmp, `espace-spool-${process.pid}-${crypto.randomUUID()}.zip`);
  writeFileSync(crashedSpool, "left by a crash");
  writeFileSync(liveSpool, "in use by a live process");

  server = spawnServer({ DATABASE_URL: url.toString(), STORAGE_DIR: notAFolder, TMPDIR: serverTmp }, await freePort());
  await waitReady(server);
  browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await kill(server);
  await prisma?.$disconnect();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
});

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${server.port}`, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await page.goto("/connexion");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Connexion" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/connexion"), { timeout: 30_000 });
  return page;
}

const storageLogLines = () =>
  server
    .output()
    .split("\n")
    .filter((l) => l.includes("[storage] unavailable"));

describe("storage broken (STORAGE_DIR is a regular file), real server and browser", () => {
  it("at start-up the spool of a dead process is removed, the spool of a live one kept", () => {
    expect(existsSync(crashedSpool)).toBe(false);
    expect(readFileSync(liveSpool, "utf8")).toBe("in use by a live process");
    expect(server.output()).toContain("Removed 1 temporary spool file(s)");
  });

  it("diploma upload: the message is next to the file field, the typed title and date and the chosen file stay, no diploma is saved", async () => {
    const logged = storageLogLines().length;
    const page = await signedIn(WORKER.email);
    await page.goto("/diplomes");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Nom du diplôme").fill("DIPLOME AIDE-SOIGNANT");
    await page.getByLabel("Date d'obtention").fill("2018-07-02");
    const file = page.locator("input[type=file][name=file]");
    await file.setInputFiles({ name: "diplome.pdf", mimeType: "application/pdf", buffer: pdfBytes("diplome", 3000) });
    await page.getByRole("button", { name: "Ajouter le diplôme" }).click();

    await expect(file).toHaveAttribute("aria-invalid", "true", { timeout: 30_000 });
    await expect(file).toHaveAccessibleDescription(new RegExp(STORAGE_UNAVAILABLE_MESSAGE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await expect(page.getByText("Le diplôme n'a pas été ajouté.")).toBeVisible();
    await expect(page.getByLabel("Nom du diplôme")).toHaveValue("DIPLOME AIDE-SOIGNANT");
    await expect(page.getByLabel("Date d'obtention")).toHaveValue("2018-07-02");
    expect(await file.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("diplome.pdf");
    expect(await prisma.diploma.count()).toBe(0);
    expect(await prisma.document.count()).toBe(0);
    expect(storageLogLines()).toHaveLength(logged + 1); // the cause, logged once
    await page.context().close();
  });

  it("bulk zip check: the message is next to the file field (JSON 503, not an empty 500), the zip stays chosen, nothing is kept", async () => {
    const logged = storageLogLines().length;
    const page = await signedIn(STAFF.email);
    await page.goto("/admin/documents");
    await page.waitForLoadState("networkidle");
    const bulk = page.getByRole("region", { name: "Publication groupée des bulletins de salaire" });
    const files = bulk.getByLabel("Bulletins (PDF) ou archive ZIP");
    await files.setInputFiles({
      name: "paie-novembre.zip",
      mimeType: "application/zip",
      buffer: buildZip([{ name: `${WORKER.number}_20261130.pdf`, data: pdfBytes("paie", 3000) }]),
    });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/admin/documents/bulk/zip")),
      bulk.getByRole("button", { name: "Vérifier les fichiers" }).click(),
    ]);
    expect(answer.status()).toBe(503);
    expect(await answer.json()).toEqual({ error: STORAGE_UNAVAILABLE_MESSAGE, code: "storage_unavailable" });

    await expect(files).toHaveAttribute("aria-invalid", "true");
    await expect(files).toHaveAccessibleDescription(new RegExp(STORAGE_UNAVAILABLE_MESSAGE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    expect(await files.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("paie-novembre.zip");
    await expect(bulk.getByRole("heading", { name: /Aperçu avant publication/ })).toHaveCount(0);
    expect(await prisma.auditLog.count({ where: { action: "document.bulk_uploaded" } })).toBe(0);
    expect(storageLogLines()).toHaveLength(logged + 1);
    // The spool of the upload went with its request.
    expect(readdirSync(serverTmp).filter((n) => n.startsWith("espace-"))).toEqual([path.basename(liveSpool)]);
    await page.context().close();
  });
});
