// A pg.Pool that heals by itself after a database black hole or failover.
//
// pg's query_timeout fails a query whose answer never comes, but leaves the
// connection in place: a transaction's connection would go back to the pool
// with its lost query still "active", and the next request on it would wait
// out the timeout again. Here a connection-level failure (read timeout, reset,
// unexpected end) destroys that socket at once, so the pool drops it on
// release, and also drops the idle connections opened before the failure: they
// went through the same cut and would each hang the next request. Connections
// opened afterwards are fresh, so the pool works again as soon as the database
// answers. SQL errors from a live server (syntax, constraint, statement_timeout)
// change nothing.
import pg from "pg";

type PoolInternals = {
  _idle: { client: pg.Client }[];
  _remove(client: pg.Client): void;
};

type ClientInternals = {
  connection?: { stream?: { destroy(): void } };
  _connectedAt?: number;
};

/** True for errors that say the connection itself is unusable (not an error answered by the server). */
export function isConnectionFailure(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { message?: string; severity?: string; code?: string };
  if (e.severity) return false; // an ErrorResponse from a live server
  return (
    e.message === "Query read timeout" ||
    /Connection terminated|timeout expired|ECONNRESET|EPIPE|ETIMEDOUT|ECONNREFUSED|socket hang up/i.test(e.message ?? "") ||
    ["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNREFUSED"].includes(e.code ?? "")
  );
}

function destroySocket(client: pg.Client) {
  try {
    (client as unknown as ClientInternals).connection?.stream?.destroy();
  } catch {
    // already gone
  }
}

export type ResilientPool = pg.Pool & {
  /** Destroys one connection and drops the idle ones opened before now. */
  discardConnection(client: pg.Client): void;
  /** Counters for tests and logs. */
  faults: { connectionFailures: number; evicted: number };
};

export function createResilientPool(config: pg.PoolConfig): ResilientPool {
  const dropIdleOpenedBefore = (time: number) => {
    const internals = pool as unknown as PoolInternals;
    if (!Array.isArray(internals._idle) || typeof internals._remove !== "function") return;
    for (const item of [...internals._idle]) {
      const openedAt = (item.client as unknown as ClientInternals)._connectedAt ?? 0;
      if (openedAt <= time) {
        internals._remove(item.client);
        destroySocket(item.client);
        pool.faults.evicted += 1;
      }
    }
  };

  const onFailure = (client: pg.Client, error: unknown) => {
    if (!isConnectionFailure(error)) return;
    pool.faults.connectionFailures += 1;
    // Unqueryable now: pg-pool removes it when it is released.
    destroySocket(client);
    dropIdleOpenedBefore(Date.now());
  };

  class ResilientClient extends pg.Client {
    constructor(options?: pg.ClientConfig) {
      super(options);
      this.on("error", (error) => onFailure(this, error));
    }

    override connect(...args: unknown[]): never {
      (this as unknown as ClientInternals)._connectedAt = Date.now();
      return (super.connect as (...a: unknown[]) => unknown).apply(this, args) as never;
    }

    // Every form of pg's query(): callback, promise or submittable.
    override query(...args: unknown[]): never {
      const watch = (callback: (error: unknown, result: unknown) => void) => (error: unknown, result: unknown) => {
        if (error) onFailure(this, error);
        callback(error, result);
      };
      const last = args.length - 1;
      if (typeof args[last] === "function") args[last] = watch(args[last] as (e: unknown, r: unknown) => void);
      else if (args[0] && typeof (args[0] as { submit?: unknown }).submit === "function") {
        const submittable = args[0] as {
          callback?: (e: unknown, r: unknown) => void;
          on?: (event: string, fn: (e: unknown) => void) => void;
        };
        if (typeof submittable.callback === "function") submittable.callback = watch(submittable.callback);
        else submittable.on?.("error", (error) => onFailure(this, error));
      }
      const result = (super.query as (...a: unknown[]) => unknown).apply(this, args);
      if (result && typeof (result as Promise<unknown>).then === "function") {
        (result as Promise<unknown>).then(undefined, (error) => onFailure(this, error));
      }
      return result as never;
    }
  }

  const pool = new pg.Pool({ ...config, Client: ResilientClient as unknown as typeof pg.Client }) as ResilientPool;
  pool.faults = { connectionFailures: 0, evicted: 0 };
  pool.discardConnection = (client) => {
    pool.faults.connectionFailures += 1;
    destroySocket(client);
    dropIdleOpenedBefore(Date.now());
  };
  // An idle connection that fails is already removed by pg-pool; without a
  // listener the pool's 'error' event would crash the process.
  pool.on("error", (error) => {
    if (process.env.NODE_ENV !== "test") console.warn(`Database connection lost: ${error.message}`);
  });
  return pool;
}
