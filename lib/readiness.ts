// Readiness (GET /api/ready): is this instance fit to take traffic? The
// database answers, every committed migration is applied, and the file
// storage takes a write, a read and a delete. Liveness stays /api/health.
import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { db, probeDatabase } from "@/lib/db";
import { getStorage } from "@/lib/storage";

export type Readiness = { ready: true } | { ready: false; check: "database" | "migrations" | "storage"; reason: string };

const DEADLINE_MS = Number(process.env.READINESS_TIMEOUT_MS ?? 3_000);

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The migration folders shipped with this build (prisma/migrations, traced into the standalone output). */
export function committedMigrations(dir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Committed migrations the database has not applied (or whose run failed or was rolled back). */
export async function pendingMigrations(): Promise<string[]> {
  let applied: { migration_name: string }[];
  try {
    applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch {
    applied = []; // no migrations table: nothing applied
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return committedMigrations().filter((name) => !done.has(name));
}

/** Writes, reads back and deletes a small probe object. */
async function probeStorage(): Promise<void> {
  const storage = getStorage();
  const payload = Buffer.from(`readiness ${process.pid} ${Date.now()}`);
  const { key } = await storage.putObject(payload, { contentType: "text/plain" });
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.openObjectStream(key)) chunks.push(Buffer.from(chunk as Buffer));
    if (!Buffer.concat(chunks).equals(payload)) throw new Error("read back differs");
  } finally {
    await storage.deleteObject(key);
  }
}

export async function readiness(): Promise<Readiness> {
  try {
    await probeDatabase();
  } catch {
    return { ready: false, check: "database", reason: "La base de données ne répond pas." };
  }
  try {
    const pending = await within(pendingMigrations(), DEADLINE_MS);
    if (pending.length)
      return {
        ready: false,
        check: "migrations",
        reason: `${pending.length} migration(s) non appliquée(s) : ${pending.join(", ")}. Lancez npm run db:migrate.`,
      };
  } catch {
    return { ready: false, check: "migrations", reason: "L'état des migrations n'a pas pu être lu." };
  }
  try {
    await within(probeStorage(), DEADLINE_MS);
  } catch {
    return { ready: false, check: "storage", reason: "Le stockage des fichiers ne répond pas (écriture, lecture ou suppression)." };
  }
  return { ready: true };
}
