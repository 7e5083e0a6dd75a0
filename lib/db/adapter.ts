// Chooses the database engine: PostgreSQL when DATABASE_URL is set,
// otherwise an embedded PGlite in a data folder. Used by the app, the
// migration script, the seed and the tests.
import path from "node:path";
import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type Engine = "postgresql" | "pglite";

export function currentEngine(): Engine {
  return process.env.DATABASE_URL ? "postgresql" : "pglite";
}

export function pgliteDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? path.join(process.cwd(), "data", "pglite"));
}

type PGliteLike = { exec(sql: string): Promise<unknown> };

/**
 * pglite-prisma-adapter 0.7.2 does not await exec() in executeScript, so a
 * failing migration would be recorded as applied. This wrapper awaits and
 * rethrows, on the adapter's own client (the shadow database has another one).
 */
function awaitingScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const client = (adapter as unknown as { client: PGliteLike }).client;
    adapter.executeScript = async (script: string) => {
      await client.exec(script);
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

export type AdapterHandle = {
  engine: Engine;
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
};

/**
 * An adapter factory for the configured database (or an explicit one).
 * Synchronous so that the Prisma client can be built lazily on first use;
 * PGlite queues queries until it is ready.
 */
export function createAdapter(options: { databaseUrl?: string; pgliteDir?: string | null } = {}): AdapterHandle {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl && options.pgliteDir === undefined) {
    const factory = new PrismaPg({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return { engine: "postgresql", factory: factory as unknown as SqlMigrationAwareDriverAdapterFactory, close: async () => {} };
  }
  // pgliteDir === null means an in-memory database (used to diff migrations).
  let client: PGlite;
  if (options.pgliteDir === null) {
    client = new PGlite();
  } else {
    const dir = options.pgliteDir ?? pgliteDataDir();
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  const factory = awaitingScripts(new PrismaPGlite(client));
  return { engine: "pglite", factory, close: () => client.close() };
}
