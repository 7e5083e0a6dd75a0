// Temporary files ("spools"): an uploaded zip written to disk to be read with
// random access, an upload measured before it goes to S3. One place for all of
// them, in os.tmpdir(), named espace-spool-<pid>-<uuid><suffix>: each is
// removed when its work is done, those of a dead process (a crash) at
// start-up, and any left for more than an hour by the housekeeping timer.
// No "server-only" import: scripts use the storage too.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { classifyStorageError } from "./errors";

export const SPOOL_PREFIX = "espace-spool-";
/** A spool not written to for this long belongs to work that is over. */
export const SPOOL_MAX_AGE_MS = 3600_000;

const NAME = /^espace-spool-(\d+)-[0-9a-f-]{36}/;

export function spoolDir(): string {
  return os.tmpdir();
}

/** A new spool path (nothing created yet). */
export function newSpoolPath(suffix = ""): string {
  return path.join(spoolDir(), `${SPOOL_PREFIX}${process.pid}-${randomUUID()}${suffix}`);
}

export type SpoolOptions = {
  suffix?: string;
  /** Fails the copy with the error this returns once more bytes than maxBytes arrived. */
  maxBytes?: number;
  tooLarge?: () => Error;
  /** Sees every chunk on its way to disk (hashing, counting). */
  onChunk?: (chunk: Buffer) => void;
};

/**
 * Copies the stream into a new spool and returns its path. On any error the
 * partial file is removed; a failure of the disk itself rejects with
 * StorageUnavailableError (an error of the source is passed on as it is).
 */
export async function spoolStream(source: Readable, options: SpoolOptions = {}): Promise<string> {
  const file = newSpoolPath(options.suffix);
  let seen = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (options.maxBytes !== undefined && seen > options.maxBytes) return callback(options.tooLarge?.() ?? new Error("Spool limit exceeded"));
      options.onChunk?.(chunk);
      callback(null, chunk);
    },
  });
  const out = createWriteStream(file, { flags: "wx", mode: 0o600 });
  let diskError: unknown = null;
  out.once("error", (error) => (diskError = error));
  try {
    await pipeline(source, meter, out);
  } catch (error) {
    await rm(file, { force: true }).catch(() => undefined);
    throw error === diskError ? classifyStorageError(error, "spool") : error;
  }
  return file;
}

/** Runs `work` on a spool of the stream, removing the spool afterwards whatever happens. */
export async function withSpool<T>(source: Readable, options: SpoolOptions, work: (file: string) => Promise<T>): Promise<T> {
  const file = await spoolStream(source, options);
  try {
    return await work(file);
  } finally {
    await rm(file, { force: true }).catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, someone else's
  }
}

export type SweepOptions = {
  /** Remove spools whose process is gone (start-up: left by a crash). */
  deadProcesses?: boolean;
  /** Remove spools not written to for longer than this, whoever made them. */
  olderThanMs?: number;
  now?: number;
  dir?: string;
};

/** Removes left-over spools; returns how many. Never throws (a sweep that cannot read the folder removes nothing). */
export async function sweepSpools(options: SweepOptions): Promise<number> {
  const dir = options.dir ?? spoolDir();
  const now = options.now ?? Date.now();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.startsWith(SPOOL_PREFIX));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const pid = Number(NAME.exec(name)?.[1] ?? Number.NaN);
    let remove = options.deadProcesses === true && Number.isInteger(pid) && !processAlive(pid);
    if (!remove && options.olderThanMs !== undefined) {
      const info = await stat(file).catch(() => null);
      remove = info !== null && info.isFile() && now - info.mtimeMs > options.olderThanMs;
    }
    if (!remove) continue;
    try {
      await rm(file, { force: true });
      removed++;
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}
