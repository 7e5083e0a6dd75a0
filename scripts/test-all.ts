// npm test: conventions, format, lint, type check, unit tests, one production
// build, then the end-to-end suite in Chromium: all of it against a fresh
// PostgreSQL database (the production engine), and the specs that exercise the
// database layer against a fresh PGlite database (PGLITE_SPECS;
// E2E_PGLITE_ALL=1 runs all of them there too). Each database is migrated,
// seeded with the demo data like a newcomer's, plus the end-to-end fixtures
// (prisma/fixtures). Prints one closing line "N passed, N failed".
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { bin, root, run, startServer, stopServer, waitForHealth } from "./lib";

const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const engines = (process.env.E2E_ENGINES ?? "postgresql,pglite")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const baseEnv = { AUTH_SECRET: "test-secret-not-for-production-0123456789", APP_ENV: "test", NEXT_TELEMETRY_DISABLED: "1" };
// Narrower local runs: E2E_ARGS="e2e/auth e2e/documents/payslips.spec.ts" passes
// specs (or any Playwright flags) through; SKIP_UNIT=1, SKIP_BUILD=1 and SKIP_FAULT=1 skip those steps.
const e2eArgs = (process.env.E2E_ARGS ?? "").split(/\s+/).filter(Boolean);

/**
 * The specs run on PGlite as well: those whose pages write through the
 * database layer in ways the engines could answer differently (transactions,
 * unique keys, row locks, sessions, the outbox written with the change).
 * Everything else is the same SQL through the same Prisma adapter interface,
 * covered on PostgreSQL. E2E_PGLITE_ALL=1 runs the whole suite on PGlite.
 */
const PGLITE_SPECS = [
  "e2e/auth", // accounts, confirmation and reset tokens, sessions, lockout
  "e2e/missions/signing.spec.ts", // signing codes, the signature and its PDF in one transaction
  "e2e/backoffice/signing.spec.ts", // issuing writes the PDF, the version and the email together
  "e2e/compte/acomptes.spec.ts", // one open advance per payment day (unique key)
  "e2e/documents", // publishing: rows, stored files and emails together, zips per worker
  "e2e/heures", // one timesheet per contract and week, the client's week submitted at once
  "e2e/security/double-submit.spec.ts", // form keys claimed in the creating transaction
  "e2e/security/sessions.spec.ts", // session rows checked and ended on every request
];
const pgliteAll = process.env.E2E_PGLITE_ALL === "1";
const skipUnit = process.env.SKIP_UNIT === "1";
const skipBuild = process.env.SKIP_BUILD === "1";
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

async function step(name: string, fn: () => Promise<void>) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  try {
    await fn();
    console.log(`=== ${name}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures.push(name);
    console.error(`=== ${name}: FAILED: ${(error as Error).message}`);
  }
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "espace-test-"));
  const pgAvailable = await withAdmin(async () => true).catch(() => false);

  // The rules the type checker cannot see (scripts/check-conventions.ts); lists file:line.
  if (!skipUnit) await step("Conventions", () => run(bin("tsx"), [path.join(root, "scripts/check-conventions.ts")]));
  if (!skipUnit) await step("Format (Prettier)", () => run(bin("prettier"), ["--check", "--log-level", "warn", "."]));
  if (!skipUnit) await step("Lint (ESLint)", () => run(bin("eslint"), [".", "--max-warnings", "0"]));
  if (!skipUnit) await step("Type check", () => run(bin("tsc"), ["--noEmit", "-p", "."]));

  if (!skipUnit)
    await step("Unit tests (Vitest)", async () => {
      const out = path.join(tmp, "vitest.json");
      try {
        await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {
          TEST_POSTGRES_ADMIN_URL: pgAvailable ? adminUrl : "",
        });
      } finally {
        const report = readJson(out) as { numPassedTests: number; numFailedTests: number; numPendingTests: number } | null;
        if (report) {
          tally.passed += report.numPassedTests;
          tally.failed += report.numFailedTests;
          tally.skipped += report.numPendingTests;
        } else tally.failed += 1;
      }
    });

  let built = skipBuild;
  if (!skipBuild)
    await step("Production build", async () => {
      await run(bin("next"), ["build"], baseEnv);
      // The standalone folder (.next/standalone) the Dockerfile ships.
      await run(process.execPath, [path.join(root, "scripts", "standalone.mjs")]);
      built = true;
    });

  // Fault tests against the built server (database black hole through a TCP
  // proxy, SIGTERM under keep-alive, one server per PGlite folder): about 1 min.
  if (built && process.env.SKIP_FAULT !== "1") {
    if (!pgAvailable) failures.push(`Fault tests: no PostgreSQL at ${adminUrl} (set TEST_POSTGRES_ADMIN_URL, or SKIP_FAULT=1)`);
    else
      await step("Fault tests (built server)", async () => {
        const out = path.join(tmp, "vitest-fault.json");
        try {
          await run(
            bin("vitest"),
            ["run", "-c", "vitest.fault.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
            {
              TEST_POSTGRES_ADMIN_URL: adminUrl,
            },
          );
        } finally {
          const report = readJson(out) as { numPassedTests: number; numFailedTests: number; numPendingTests: number } | null;
          if (report) {
            tally.passed += report.numPassedTests;
            tally.failed += report.numFailedTests;
            tally.skipped += report.numPendingTests;
          } else tally.failed += 1;
        }
      });
  }

  for (const [index, engine] of engines.entries()) {
    if (!built) break;
    if (engine === "postgresql" && !pgAvailable) {
      failures.push(`E2E on PostgreSQL: no server at ${adminUrl} (set TEST_POSTGRES_ADMIN_URL, or E2E_ENGINES=pglite)`);
      continue;
    }
    // Specs given in E2E_ARGS run on both engines; otherwise PGlite runs its subset.
    const subset = engine === "pglite" && !pgliteAll && !e2eArgs.some((arg) => !arg.startsWith("-"));
    await step(`End-to-end tests on ${engine}${subset ? " (database-layer specs, E2E_PGLITE_ALL=1 for all)" : ""}`, async () => {
      const dbName = `espace_e2e_${process.pid}_${Date.now()}`;
      const env: Record<string, string | undefined> = { ...baseEnv };
      if (engine === "pglite") {
        env.PGLITE_DIR = path.join(tmp, "pglite");
        env.DATABASE_URL = "";
        delete process.env.DATABASE_URL;
      } else {
        await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
        env.DATABASE_URL = databaseUrl(dbName);
      }
      env.STORAGE_DIR = path.join(tmp, `storage-${engine}`);
      const port = Number(process.env.E2E_PORT ?? 3100) + index;
      let server: ReturnType<typeof startServer> | undefined;
      try {
        await run(bin("tsx"), [path.join(root, "scripts", "migrate.ts")], env);
        await run(bin("tsx"), [path.join(root, "prisma", "fixtures", "seed.ts")], env);
        // One JSON line per request would bury the test output: errors and 5xx lines only.
        server = startServer(port, { LOG_LEVEL: "warn", ...env });
        await waitForHealth(`http://127.0.0.1:${port}/api/health`);
        const out = path.join(tmp, `playwright-${engine}.json`);
        try {
          await run(bin("playwright"), ["test", "--reporter=list,json", ...(subset ? PGLITE_SPECS : []), ...e2eArgs], {
            ...env,
            E2E_BASE_URL: `http://127.0.0.1:${port}`,
            E2E_ENGINE: engine,
            PLAYWRIGHT_JSON_OUTPUT_NAME: out,
          });
        } finally {
          const report = readJson(out) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
          if (report) {
            tally.passed += report.stats.expected + report.stats.flaky;
            tally.failed += report.stats.unexpected;
            tally.skipped += report.stats.skipped;
          } else tally.failed += 1;
        }
      } finally {
        if (server) await stopServer(server);
        if (engine === "postgresql")
          await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => undefined);
      }
    });
  }

  rmSync(tmp, { recursive: true, force: true });
  if (failures.length) console.error(`\nFailed steps:\n- ${failures.join("\n- ")}`);
  if (failures.length && tally.failed === 0) tally.failed = failures.length;
  console.log(`\n${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
  process.exit(failures.length || tally.failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
