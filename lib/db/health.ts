// The health check's database probe: `SELECT 1` bounded by a deadline that
// covers waiting for a pooled connection and the query itself. A probe that
// misses the deadline is abandoned and its connection destroyed (never handed
// back to the pool as if healthy), so a black-holed database costs the probe
// its deadline and no more, and the pool reconnects once the database answers.
import type pg from "pg";
import type { ResilientPool } from "@/lib/db/pool";

export function healthTimeoutMs(): number {
  const value = Number(process.env.DATABASE_HEALTH_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : 2_000;
}

export class ProbeTimeoutError extends Error {
  constructor(ms: number) {
    super(`database probe timed out after ${ms} ms`);
    this.name = "ProbeTimeoutError";
  }
}

/** Resolves when the pool answers `SELECT 1` within `timeoutMs`, rejects otherwise. */
export function probePool(pool: ResilientPool, timeoutMs = healthTimeoutMs()): Promise<void> {
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let held: pg.PoolClient | undefined;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => {
      if (held) {
        // The query is lost in the network: destroy the connection, drop it from the pool.
        const client = held;
        held = undefined;
        pool.discardConnection(client);
        client.release(new ProbeTimeoutError(timeoutMs));
      }
      finish(new ProbeTimeoutError(timeoutMs));
    }, timeoutMs);
    pool.connect().then(
      (client) => {
        if (settled) {
          // Got a connection after the deadline: unused, hand it back.
          client.release();
          return;
        }
        held = client;
        const remaining = Math.max(1, timeoutMs - (Date.now() - started));
        client.query({ text: "SELECT 1", query_timeout: remaining } as pg.QueryConfig).then(
          () => {
            if (held !== client) return; // already discarded by the deadline
            held = undefined;
            client.release();
            finish();
          },
          (error: Error) => {
            if (held !== client) return;
            held = undefined;
            client.release(error);
            finish(error);
          },
        );
      },
      (error) => finish(error),
    );
  });
}

/** Any promise bounded by a deadline (the embedded engine has no connection to drop). */
export function withDeadline<T>(promise: Promise<T>, timeoutMs = healthTimeoutMs()): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProbeTimeoutError(timeoutMs)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}
