import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/db/adapter";
import { healthTimeoutMs, probePool, withDeadline } from "@/lib/db/health";
import type { ResilientPool } from "@/lib/db/pool";

// One client per process, kept on globalThis so hot reloads and route bundles
// share it (PGlite must never be opened twice). Built on first use, so that
// importing this module during `next build` opens no database.
// __espaceDbShutdown is called by the server wrapper (scripts/serve.mjs) once
// the last request is done: it disconnects Prisma and closes PGlite (lock released).
// __espacePool is the PostgreSQL pool behind the client (unset on PGlite).
const holder = globalThis as unknown as {
  __espacePrisma?: PrismaClient;
  __espacePool?: ResilientPool;
  __espaceDbShutdown?: () => Promise<void>;
};

function client(): PrismaClient {
  if (!holder.__espacePrisma) {
    const handle = createAdapter();
    const prisma = new PrismaClient({ adapter: handle.factory });
    holder.__espacePrisma = prisma;
    holder.__espacePool = handle.pool;
    holder.__espaceDbShutdown = async () => {
      // Disconnected while PGlite is still opening its folder (a SIGTERM during the
      // boot's first query), the process spun forever, timers included: the engine's
      // start is let finish first (serve.mjs bounds the whole wait).
      await handle.ready;
      await prisma.$disconnect().catch(() => {});
      await handle.close();
    };
  }
  return holder.__espacePrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export type Db = PrismaClient;

/**
 * Health probe: resolves when the database answers `SELECT 1` within
 * DATABASE_HEALTH_TIMEOUT_MS (default 2 s), rejects otherwise. On PostgreSQL
 * a probe past its deadline is abandoned and its connection destroyed.
 */
export async function probeDatabase(timeoutMs = healthTimeoutMs()): Promise<void> {
  const prisma = client();
  if (holder.__espacePool) return probePool(holder.__espacePool, timeoutMs);
  await withDeadline(prisma.$queryRaw`SELECT 1`, timeoutMs);
}
