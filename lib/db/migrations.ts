// Drives Prisma's schema engine (WebAssembly build) through a driver adapter,
// because the native migrate CLI cannot be downloaded on these machines.
// Produces the standard `_prisma_migrations` table and migration folders.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createAdapter } from "./adapter";

const require = createRequire(import.meta.url);
const root = process.cwd();
export const schemaPath = path.join(root, "prisma", "schema.prisma");
export const migrationsDir = path.join(root, "prisma", "migrations");
const filters = { externalTables: [], externalEnums: [] };

type SchemaEngine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string }>;
};

type EngineModule = { SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> } };
let engineModule: EngineModule | undefined;

function loadEngineModule(): EngineModule {
  // One WebAssembly instance per process: the glue module holds it globally.
  engineModule ??= instantiateEngine();
  return engineModule;
}

function instantiateEngine(): EngineModule {
  // The package entry imports a .wasm file, which Node 20 refuses: load the glue by hand.
  const glue = require("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue;
}

function migrationsList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") } },
    })),
    shadowDbInitScript: "",
  };
}

async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory) {
  const glue = loadEngineModule();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] },
    (log: string) => {
      if (process.env.MIGRATE_DEBUG) console.error(log);
    },
    bound,
  );
  return { engine, bound };
}

function explain(error: unknown, bound: { errorRegistry?: { consumeError(id: number): unknown } }): Error {
  const message = error instanceof Error ? error.message : String(error);
  const match = /External error id#(\d+)/.exec(message);
  if (match && bound.errorRegistry) {
    const real = bound.errorRegistry.consumeError(Number(match[1]));
    return new Error(`${message}: ${JSON.stringify(real)}`);
  }
  return error instanceof Error ? error : new Error(message);
}

/** Applies every committed migration not yet applied. Returns their names. */
export async function applyMigrations(options: { databaseUrl?: string; pgliteDir?: string | null } = {}): Promise<string[]> {
  const handle = createAdapter({ ...options, longRunning: true });
  const { engine, bound } = await openEngine(handle.factory);
  try {
    const result = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    return result.appliedMigrationNames;
  } catch (error) {
    throw explain(error, bound as never);
  } finally {
    await handle.close();
  }
}

/** SQL that brings the committed migrations to the current schema (empty when none). */
export async function diffSchema(): Promise<string> {
  // An in-memory PGlite replays the migrations: adapter-pg cannot describe a schema.
  const handle = createAdapter({ pgliteDir: null });
  const { engine, bound } = await openEngine(handle.factory);
  try {
    const list = migrationsList();
    const from = list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: null,
      filters,
    });
    return result.stdout.includes("This is an empty migration") ? "" : result.stdout;
  } catch (error) {
    throw explain(error, bound as never);
  } finally {
    await handle.close();
  }
}

export async function createMigration(name: string): Promise<string | null> {
  const sql = await diffSchema();
  if (!sql.trim()) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "migration";
  const dir = path.join(migrationsDir, `${stamp}_${slug}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) {
    writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  return dir;
}
