// Real databases for DB-backed tests: a migrated PGlite in a temporary folder,
// and also a throwaway migrated PostgreSQL database when a server is
// configured (TEST_POSTGRES_ADMIN_URL, or DATABASE_URL).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/migrations";

/** `url` is set on PostgreSQL, for tests that open a second connection. */
export type TestDb = { prisma: PrismaClient; cleanup: () => Promise<void>; url?: string };

export const postgresServerUrl = process.env.TEST_POSTGRES_ADMIN_URL || process.env.DATABASE_URL || "";

async function pgliteDb(prefix: string): Promise<TestDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-pglite-`));
  await applyMigrations({ pgliteDir: dir });
  const handle = createAdapter({ pgliteDir: dir });
  const prisma = new PrismaClient({ adapter: handle.factory });
  return {
    prisma,
    cleanup: async () => {
      await prisma.$disconnect();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDb(prefix: string): Promise<TestDb> {
  const name = `espace_${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  await applyMigrations({ databaseUrl: url.toString() });
  const prisma = new PrismaClient({ adapter: createAdapter({ databaseUrl: url.toString() }).factory });
  return {
    prisma,
    url: url.toString(),
    cleanup: async () => {
      await prisma.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function postgresReachable(): Promise<boolean> {
  if (!postgresServerUrl) return false;
  const client = new pg.Client({ connectionString: postgresServerUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** PGlite always, PostgreSQL when a server answers; `prefix` names the folders and databases. */
export async function testEngines(prefix: string): Promise<{ name: string; open: () => Promise<TestDb> }[]> {
  const engines = [{ name: "PGlite", open: () => pgliteDb(prefix) }];
  if (await postgresReachable()) engines.push({ name: "PostgreSQL", open: () => postgresDb(prefix) });
  return engines;
}
