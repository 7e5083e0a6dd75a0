// Chooses the database engine: PostgreSQL when DATABASE_URL is set,
// otherwise an embedded PGlite in a data folder. Used by the app, the
// migration script, the seed and the tests.
import path from "node:path";
import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataDir } from "@/lib/db/lock";
import { createResilientPool, type ResilientPool } from "@/lib/db/pool";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type Engine = "postgresql" | "pglite";

export function currentEngine(): Engine {
  return process.env.DATABASE_URL ? "postgresql" : "pglite";
}

export function pgliteDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? path.join(process.cwd(), "data", "pglite"));
}

type PGliteLike = { exec(sql: string): Promise<unknown> };
type PgLike = { query(sql: string): Promise<unknown> };

/**
 * pglite-prisma-adapter 0.7.2 does not await exec() in executeScript, so a
 * failing migration would be recorded as applied. This wrapper awaits and
 * rethrows, on the adapter's own client (the shadow database has another one).
 * adapter-pg splits a script on every ";", which breaks function bodies
 * (plpgsql triggers): the whole script goes as one simple query instead.
 */
function awaitingScripts(factory: SqlMigrationAwareDriverAdapterFactory, engine: Engine = "pglite"): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const client = (adapter as unknown as { client: PGliteLike & PgLike }).client;
    adapter.executeScript = async (script: string) => {
      if (engine === "pglite") await client.exec(script);
      else await client.query(script);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

const envMs = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 && process.env[name] !== "" && process.env[name] !== undefined ? value : fallback;
};

/**
 * pg.Pool settings: a dead or black-holed server must not hang requests.
 * Connecting, each query and each statement are bounded; TCP keep-alive
 * detects silent peers; idle connections are recycled, so the pool heals
 * by itself once the database is back. Defaults documented in the README.
 */
export function poolConfig(connectionString: string, options: { longRunning?: boolean } = {}) {
  // Migrations and the seed legitimately hold long statements and
  // transactions: only connecting and keep-alive are bounded for them.
  if (options.longRunning) {
    return {
      connectionString,
      max: envMs("DATABASE_POOL_SIZE", 10),
      connectionTimeoutMillis: envMs("DATABASE_CONNECT_TIMEOUT_MS", 5_000),
      keepAlive: true,
      keepAliveInitialDelayMillis: envMs("DATABASE_KEEPALIVE_DELAY_MS", 5_000),
    };
  }
  return {
    connectionString,
    max: envMs("DATABASE_POOL_SIZE", 10),
    connectionTimeoutMillis: envMs("DATABASE_CONNECT_TIMEOUT_MS", 5_000),
    idleTimeoutMillis: envMs("DATABASE_IDLE_TIMEOUT_MS", 30_000),
    query_timeout: envMs("DATABASE_QUERY_TIMEOUT_MS", 30_000),
    statement_timeout: envMs("DATABASE_STATEMENT_TIMEOUT_MS", 25_000),
    idle_in_transaction_session_timeout: envMs("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 30_000),
    keepAlive: true,
    keepAliveInitialDelayMillis: envMs("DATABASE_KEEPALIVE_DELAY_MS", 5_000),
  };
}

export type AdapterHandle = {
  engine: Engine;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** PostgreSQL only: the pool behind the adapter (the health probe uses it). */
  pool?: ResilientPool;
  close: () => Promise<void>;
  /** Resolves once the engine has started (PGlite: its data folder opened); shutdown waits for it. */
  ready: Promise<unknown>;
};

/**
 * An adapter factory for the configured database (or an explicit one).
 * Synchronous so that the Prisma client can be built lazily on first use;
 * PGlite queues queries until it is ready.
 */
export function createAdapter(options: { databaseUrl?: string; pgliteDir?: string | null; longRunning?: boolean } = {}): AdapterHandle {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl && options.pgliteDir === undefined) {
    // Prisma's $disconnect ends the pool (disposeExternalPool).
    const pool = createResilientPool(poolConfig(databaseUrl, { longRunning: options.longRunning }));
    const factory = new PrismaPg(pool, { disposeExternalPool: true });
    return {
      engine: "postgresql",
      factory: awaitingScripts(factory as unknown as SqlMigrationAwareDriverAdapterFactory, "postgresql"),
      pool,
      close: async () => {},
      ready: Promise.resolve(),
    };
  }
  // pgliteDir === null means an in-memory database (used to diff migrations).
  let client: PGlite;
  let release = () => {};
  if (options.pgliteDir === null) {
    client = new PGlite();
  } else {
    const dir = options.pgliteDir ?? pgliteDataDir();
    mkdirSync(dir, { recursive: true });
    // One process per folder: refuses to open a folder another process holds.
    release = lockDataDir(dir);
    client = new PGlite(dir);
  }
  const factory = awaitingScripts(new PrismaPGlite(client));
  return {
    engine: "pglite",
    factory,
    ready: client.waitReady.catch(() => undefined),
    close: async () => {
      try {
        await client.waitReady;
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}
