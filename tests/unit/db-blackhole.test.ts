// Database black hole, then recovery without restart: the app's real pool and
// Prisma client talk to PostgreSQL through a TCP proxy that drops every byte
// for a while, then lets new connections through again (the old ones stay
// silent, as after a failover). PostgreSQL only: PGlite has no network.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter, type AdapterHandle } from "@/lib/db/adapter";
import { isConnectionFailure, type ResilientPool } from "@/lib/db/pool";
import { GET } from "@/app/api/health/route";
import pg from "pg";
import { postgresServerUrl } from "./test-databases";
import { startBlackholeProxy, type BlackholeProxy } from "../helpers/blackhole-proxy";

const QUERY_TIMEOUT = 2_500;
const HEALTH_TIMEOUT = 800;
const settings: Record<string, string> = {
  DATABASE_CONNECT_TIMEOUT_MS: "2000",
  DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT),
  DATABASE_STATEMENT_TIMEOUT_MS: "1000",
  DATABASE_HEALTH_TIMEOUT_MS: String(HEALTH_TIMEOUT),
  DATABASE_POOL_SIZE: "4",
};
const saved: Record<string, string | undefined> = {};
const slot = globalThis as unknown as { __espacePrisma?: PrismaClient; __espacePool?: ResilientPool };
// The local server the suite uses (npm test and .ci/run start it); this file
// fails rather than skips when it is not there.
const serverUrl = postgresServerUrl || "postgresql://postgres@127.0.0.1:5432/postgres";

let proxy: BlackholeProxy;
let handle: AdapterHandle;
let prisma: PrismaClient;
let pool: ResilientPool;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = Date.now();
  try {
    const value = await fn();
    return { ms: Date.now() - started, value };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

/** Polls `fn` until it returns true; the time it took, or throws after `limitMs`. */
async function timeUntil(fn: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await fn().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not recovered within ${limitMs} ms`);
}

const healthStatus = async () => (await GET()).status;

/** Parallel queries and transactions all answer quickly: no stale connection is left to hang a request. */
async function expectPoolHealthy() {
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      timed(() =>
        i % 2 ? prisma.$transaction(async (t) => t.$executeRaw`SELECT pg_sleep(0.02)`) : prisma.$executeRaw`SELECT pg_sleep(0.02)`,
      ),
    ),
  );
  for (const result of results) {
    expect(result.error).toBeUndefined();
    expect(result.ms).toBeLessThan(1_000);
  }
}

describe("PostgreSQL black hole through a TCP proxy", () => {
  beforeAll(async () => {
    for (const [key, value] of Object.entries(settings)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    const check = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
    await check.connect().catch((error: Error) => {
      throw new Error(`PostgreSQL is needed for the black-hole test (${serverUrl}): ${error.message}`);
    });
    await check.end();
    const server = new URL(serverUrl);
    proxy = await startBlackholeProxy(
      { host: server.hostname, port: Number(server.port || 5432) },
      decodeURIComponent(server.username || "postgres"),
    );
    handle = createAdapter({ databaseUrl: proxy.url(server.pathname.slice(1) || "postgres") });
    prisma = new PrismaClient({ adapter: handle.factory });
    pool = handle.pool!;
    slot.__espacePrisma = prisma;
    slot.__espacePool = pool;
  });

  afterAll(async () => {
    delete slot.__espacePrisma;
    delete slot.__espacePool;
    await prisma?.$disconnect().catch(() => undefined);
    await proxy?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  afterEach(() => proxy.resume());

  it("answers health 503 within its probe deadline during the black hole, fails queries within the query timeout, then recovers by itself", async () => {
    // A warm pool: four idle connections that will go silent.
    await Promise.all([1, 2, 3, 4].map(() => prisma.$executeRaw`SELECT pg_sleep(0.05)`));
    expect(pool.idleCount).toBe(4);
    expect(await healthStatus()).toBe(200);

    proxy.blackhole();

    // Health answers 503 within about its own deadline, not the query or connect timeout.
    const health = await timed(healthStatus);
    expect(health.value).toBe(503);
    expect(health.ms).toBeLessThan(HEALTH_TIMEOUT + 400);
    // The abandoned probe's connection is destroyed, and the idle ones that
    // went through the same cut are dropped: none is handed out again.
    expect(pool.idleCount).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(proxy.openSockets()).toBe(pool.totalCount);

    // A query fails within the query timeout (no hang)...
    const query = await timed(() => prisma.$queryRaw`SELECT 1`);
    expect(query.error).toBeDefined();
    expect(query.ms).toBeLessThan(QUERY_TIMEOUT + 1_000);
    // ...and so does an interactive transaction.
    const tx = await timed(() => prisma.$transaction(async (t) => t.$queryRaw`SELECT 1`));
    expect(tx.error).toBeDefined();
    expect(tx.ms).toBeLessThan(2 * QUERY_TIMEOUT + 1_000);

    proxy.resume();

    // Recovery: health is 200 again within a few seconds, with no restart.
    const recoveryMs = await timeUntil(async () => (await healthStatus()) === 200, 8_000);
    expect(recoveryMs).toBeLessThan(3_000);
    await expectPoolHealthy();
  });

  it("drops the connections of failed queries and transactions, and the idle ones cut with them, with no health probe in between", async () => {
    await Promise.all([1, 2, 3, 4].map(() => prisma.$executeRaw`SELECT pg_sleep(0.05)`));
    expect(pool.idleCount).toBe(4);
    proxy.blackhole();
    const tx = await timed(() => prisma.$transaction(async (t) => t.$queryRaw`SELECT 1`));
    expect(tx.error).toBeDefined();
    expect(tx.ms).toBeLessThan(2 * QUERY_TIMEOUT + 1_000);
    // Prisma may give up waiting for BEGIN (maxWait) before the query timeout fires.
    await new Promise((r) => setTimeout(r, Math.max(0, QUERY_TIMEOUT + 200 - tx.ms)));
    proxy.resume();
    // The transaction's connection did not go back to the pool with its lost
    // query, and the silent idle connections are gone too.
    expect(pool.idleCount).toBe(0);
    await expectPoolHealthy();
  });

  it("abandons a health probe that waits for a connection of a pool exhausted by hung queries", async () => {
    await prisma.$queryRaw`SELECT 1`;
    proxy.blackhole();
    // Four requests hang on the four connections the pool may hold.
    const hung = Array.from({ length: 4 }, () => prisma.$queryRaw`SELECT 1`.catch(() => undefined));
    await new Promise((r) => setTimeout(r, 100));
    const health = await timed(healthStatus);
    expect(health.value).toBe(503);
    expect(health.ms).toBeLessThan(HEALTH_TIMEOUT + 500);
    await Promise.all(hung);
    proxy.resume();
    expect(await timeUntil(async () => (await healthStatus()) === 200, 5_000)).toBeLessThan(3_000);
  });

  it("keeps its connections on SQL errors from a live server (they are not connection failures)", async () => {
    await Promise.all([1, 2].map(() => prisma.$executeRaw`SELECT pg_sleep(0.05)`));
    const before = { failures: pool.faults.connectionFailures, evicted: pool.faults.evicted };
    await expect(prisma.$queryRawUnsafe("SELECT * FROM table_that_does_not_exist")).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe("SELECT pg_sleep(5)")).rejects.toThrow(); // statement_timeout 1 s
    // (pg-pool itself replaces the one connection a failed pool.query used.)
    expect(pool.faults.connectionFailures).toBe(before.failures);
    expect(pool.faults.evicted).toBe(before.evicted);
  });
});

describe("isConnectionFailure", () => {
  it("tells a lost connection from an error answered by the server", () => {
    expect(isConnectionFailure(new Error("Query read timeout"))).toBe(true);
    expect(isConnectionFailure(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionFailure(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(true);
    expect(
      isConnectionFailure(Object.assign(new Error("canceling statement due to statement timeout"), { severity: "ERROR", code: "57014" })),
    ).toBe(false);
    expect(isConnectionFailure(Object.assign(new Error('relation "x" does not exist'), { severity: "ERROR", code: "42P01" }))).toBe(false);
    expect(isConnectionFailure(undefined)).toBe(false);
  });
});
