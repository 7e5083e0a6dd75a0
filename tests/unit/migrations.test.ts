// The committed migrations must bring an empty PostgreSQL and an empty PGlite
// to the same schema, and that schema must be the one in prisma/schema.prisma.
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { readFileSync } from "node:fs";
import { applyMigrations, diffSchema } from "@/lib/db/migrations";
import { schemaEngineVersion } from "@/lib/db/schema-engine";

const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const introspection = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
          JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY 1, e.enumsortorder`,
  migrations: `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NULL AS kept
               FROM _prisma_migrations ORDER BY 1`,
};

type Snapshot = Record<keyof typeof introspection, unknown[]>;

async function snapshot(query: (sql: string) => Promise<unknown[]>): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const [name, sql] of Object.entries(introspection)) out[name as keyof Snapshot] = await query(sql);
  return out;
}

const hasPostgres = await postgresReachable();

describe("migrations", () => {
  // The schema engine runs in WebAssembly: slow on a loaded machine.
  it("run on the WebAssembly schema engine its package names, on the engines line of the Prisma CLI", () => {
    const pkg = (name: string) =>
      JSON.parse(readFileSync(path.join(process.cwd(), "node_modules", name, "package.json"), "utf8")) as { version: string };
    const wasm = pkg("@prisma/schema-engine-wasm").version; // "8.1.0-2.59be4fda…"
    const cli = pkg("@prisma/engines-version").version; // the CLI's engines, "8.1.0-1.d1b3f377…"
    expect(schemaEngineVersion()).toBe(wasm.split(".").at(-1));
    // No WebAssembly build is published for the CLI's own engines commit: the
    // next build of the same engines release (8.1.0) is used.
    expect(wasm.split("-")[0]).toBe(cli.split("-")[0]);
  });

  it("match prisma/schema.prisma (no migration is missing)", async () => {
    expect((await diffSchema()).trim()).toBe("");
  }, 120_000);

  it.skipIf(!hasPostgres && !process.env.CI)(
    "bring an empty PostgreSQL and an empty PGlite to the same schema",
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-mig-"));
      const dbName = `espace_mig_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${dbName}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      try {
        const appliedPg = await applyMigrations({ databaseUrl: url.toString() });
        const appliedLite = await applyMigrations({ pgliteDir: dir });
        expect(appliedPg.length).toBeGreaterThan(0);
        expect(appliedLite).toEqual(appliedPg);

        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        const fromPg = await snapshot(async (sql) => (await client.query(sql)).rows);
        await client.end();

        const lite = new PGlite(dir);
        const fromLite = await snapshot(async (sql) => (await lite.query(sql)).rows);
        await lite.close();

        expect(fromPg.columns.length).toBeGreaterThan(100);
        expect(fromLite).toEqual(fromPg);
        // Re-applying is a no-op on both engines.
        expect(await applyMigrations({ databaseUrl: url.toString() })).toEqual([]);
        expect(await applyMigrations({ pgliteDir: dir })).toEqual([]);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
        await admin.end();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
