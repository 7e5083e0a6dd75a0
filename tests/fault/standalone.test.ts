// The production image's steps without a container engine (see the
// Dockerfile): the standalone output (.next/standalone, completed by
// scripts/standalone.mjs) is copied into an empty folder, a fresh PostgreSQL
// database is migrated and seeded, and `node server.js` runs there with Node
// alone. It must pass the health and readiness checks and a staff sign-in,
// write one JSON log line per request with its id (also in X-Request-Id and on
// the error page), keep personal data and secrets out of its logs, and stop on
// SIGTERM. Prints the folder's size, the cold start and the memory at rest.
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, kill, spawnNode, waitReady, type Server } from "./server";

const root = path.resolve(import.meta.dirname, "..", "..");
const standalone = path.join(root, ".next", "standalone");
const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `espace_standalone_${process.pid}_${Date.now()}`;
const tmp = mkdtempSync(path.join(os.tmpdir(), "espace-standalone-"));
const appDir = path.join(tmp, "app");
const storageDir = path.join(tmp, "storage");
const STAFF = "agence@demo.coop-emploi.fr";
const PASSWORD = "Demo2026!";
let databaseUrl = "";
let server: Server;
let browser: Browser | undefined;
let coldStartMs = 0;
let startRssKb = 0;

/** The server process's resident memory (kB), from /proc. */
function rssKb(): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, "utf8"))?.[1] ?? 0);
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = adminUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    const info = lstatSync(file);
    total += info.isDirectory() ? folderBytes(file) : info.size;
  }
  return total;
}

function run(command: string, args: string[], env: Record<string, string>, cwd = root): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env } });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

/** The JSON lines the server wrote so far (its plain "›" lines left out). */
function logLines(): Record<string, unknown>[] {
  return server
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function waitFor<T>(probe: () => T | undefined, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not seen within ${ms} ms:\n${server.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const requestLine = (id: string) => () => logLines().find((l) => l.event === "request" && l.requestId === id);
const base = () => `http://127.0.0.1:${server.port}`;

beforeAll(async () => {
  if (!existsSync(path.join(standalone, "next-server.js"))) {
    throw new Error("No completed standalone output: run `npm run build` first (npm test does).");
  }
  // An empty folder with the standalone output only: no repository, no node_modules around it.
  cpSync(standalone, appDir, { recursive: true });
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
  // The image's migrate step, from the copy itself, then the demo data.
  await run(process.execPath, ["migrate.mjs", "deploy"], { DATABASE_URL: databaseUrl }, appDir);
  mkdirSync(storageDir, { recursive: true });
  await run(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "prisma", "seed.ts")], {
    DATABASE_URL: databaseUrl,
    STORAGE_DIR: storageDir,
  });

  const port = await freePort();
  const spawnedAt = Date.now();
  // Only what the image sets: no variable of this shell or of the repository leaks in.
  server = spawnNode(
    ["--max-old-space-size=320", "server.js"],
    appDir,
    {
      PATH: process.env.PATH ?? "",
      HOME: tmp,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_ENV: "test",
      AUTH_SECRET: "standalone-secret-not-for-production-0123456789",
      DATABASE_URL: databaseUrl,
      STORAGE_DIR: storageDir,
    },
    port,
  );
  await waitReady(server, "/api/health", 60_000, 50);
  coldStartMs = Date.now() - spawnedAt;
  startRssKb = rssKb();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await kill(server);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
});

describe("standalone server from an empty folder", () => {
  it("runs without the repository: health as PRODUCT.md says, readiness, the request id header and its log line", async () => {
    expect(existsSync(path.join(appDir, "node_modules", "next"))).toBe(true);
    // No local secret (data/.encryption-key, data/.seal.json) nor stored file was traced in.
    expect(existsSync(path.join(standalone, "data"))).toBe(false);
    expect(existsSync(path.join(standalone, "storage"))).toBe(false);
    expect(existsSync(path.join(tmp, "node_modules"))).toBe(false);
    const res = await fetch(`${base()}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok", engine: "postgresql" });
    const id = res.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const line = await waitFor(requestLine(id));
    expect(line).toMatchObject({ level: 30, event: "request", method: "GET", path: "/api/health", status: 200 });
    expect(typeof line.durationMs).toBe("number");

    const ready = await fetch(`${base()}/api/ready`);
    expect(await ready.json()).toEqual({ status: "ready", database: "ok", migrations: "ok", storage: "ok" });
    expect(ready.status).toBe(200);
    // A forged id is replaced; a well-formed one from a proxy in front is kept.
    const forged = await fetch(`${base()}/api/health`, { headers: { "X-Request-Id": "<script>" } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f]{12}$/);
    const relayed = await fetch(`${base()}/api/health`, { headers: { "X-Request-Id": "0123456789abcdef" } });
    expect(relayed.headers.get("x-request-id")).toBe("0123456789abcdef");
  });

  it("signs the demo staff account in through the form, and the logs hold no email, password, cookie or token", async () => {
    browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined });
    const page = await browser.newPage();
    await page.goto(`${base()}/connexion`);
    await page.getByLabel("Adresse e-mail").fill(STAFF);
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Connexion" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/admin"));
    await page.getByRole("heading", { level: 1 }).first().waitFor();

    // A secret in the path and in the query string.
    const feed = await fetch(`${base()}/calendrier/s3cr3t-feed-token-abcdef?token=qs-secret-999&email=${encodeURIComponent(STAFF)}`);
    const feedLine = await waitFor(requestLine(feed.headers.get("x-request-id")!));
    expect(feedLine.path).toBe("/calendrier/[redacted]");

    const out = server.output();
    for (const secret of [STAFF, PASSWORD, "s3cr3t-feed-token", "qs-secret-999", "authjs.session-token", "csrf"]) {
      expect(out, secret).not.toContain(secret);
    }
    const posted = logLines().filter((l) => l.event === "request" && l.method === "POST");
    expect(posted.length).toBeGreaterThan(0);
    await page.close();
  });

  it("a page that fails shows its « code d'erreur », found in the error line and in the request's line (same id as the header)", async () => {
    const page = await browser!.newPage();
    await page.goto(`${base()}/connexion`);
    await page.getByLabel("Adresse e-mail").fill(STAFF);
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Connexion" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/admin"));
    // The contracts table goes missing: the list's query fails.
    await admin((c) => c.query(`ALTER TABLE "Contract" RENAME TO "Contract_away"`), databaseUrl);
    try {
      const response = await page.goto(`${base()}/admin/contrats`);
      const headerId = response!.headers()["x-request-id"];
      expect(headerId).toMatch(/^[0-9a-f]{12}$/);
      await page.getByText("Une erreur est survenue").first().waitFor();
      const code = (await page.getByTestId("error-code").textContent())!.trim();
      expect(code).toMatch(/^\d+$/);
      const errorLine = await waitFor(() => logLines().find((l) => l.event === "error" && (l.err as { digest?: string })?.digest === code));
      expect(errorLine).toMatchObject({ level: 50, source: "render", requestId: headerId, route: "/admin/contrats" });
      const line = await waitFor(requestLine(headerId));
      expect(line).toMatchObject({ path: "/admin/contrats", status: 500, errorCodes: [code] });
      // The error line keeps the database's message, not the staff member's email.
      expect(JSON.stringify(errorLine)).not.toContain(STAFF);
    } finally {
      await admin((c) => c.query(`ALTER TABLE "Contract_away" RENAME TO "Contract"`), databaseUrl);
      await page.close();
    }
  });

  it("readiness answers 503 with the reason when a migration of the build is not applied, and when the storage fails", async () => {
    const extra = path.join(appDir, "prisma", "migrations", "29991231000000_not_applied");
    mkdirSync(extra, { recursive: true });
    try {
      const res = await fetch(`${base()}/api/ready`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { check: string; reason: string };
      expect(body.check).toBe("migrations");
      expect(body.reason).toContain("29991231000000_not_applied");
    } finally {
      rmSync(extra, { recursive: true, force: true });
    }
    expect((await fetch(`${base()}/api/ready`)).status).toBe(200);
    // The storage folder replaced by a plain file: no write can succeed (even as root).
    renameSync(storageDir, `${storageDir}-away`);
    writeFileSync(storageDir, "not a folder");
    try {
      const res = await fetch(`${base()}/api/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "not-ready", check: "storage", reason: expect.stringContaining("stockage") });
      // /api/health does not depend on the storage or migrations.
      expect((await fetch(`${base()}/api/health`)).status).toBe(200);
    } finally {
      rmSync(storageDir, { force: true });
      renameSync(`${storageDir}-away`, storageDir);
    }
    expect((await fetch(`${base()}/api/ready`)).status).toBe(200);
  });

  it("reports its size, cold start and memory at rest, then stops on SIGTERM with exit code 0", async () => {
    const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    await new Promise((r) => setTimeout(r, 2_000));
    const restKb = rssKb();
    console.log(
      `[standalone] folder ${mib(folderBytes(appDir))} MiB (node_modules ${mib(folderBytes(path.join(appDir, "node_modules")))} MiB), ` +
        `cold start ${coldStartMs} ms (spawn to first 200 on /api/health), RSS at rest ${(startRssKb / 1024).toFixed(1)} MiB after start, ${(restKb / 1024).toFixed(1)} MiB after the pages above`,
    );
    expect(statSync(path.join(appDir, "server.js")).isFile()).toBe(true);
    expect(restKb).toBeGreaterThan(0);
    server.child.kill("SIGTERM");
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(server.output()).toMatch(/Arrêté en \d+ ms/);
  });
});
