// One process per PGlite folder: two processes on one folder lose
// acknowledged writes and can corrupt it. The lock is a file created
// atomically (open 'wx') beside the folder, holding pid, hostname and start time;
// a lock whose process is gone (same host, process.kill(pid, 0) fails) is
// stale and taken over. Released on close and on process exit.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** The lock sits next to the folder (PGlite wants the folder to itself). */
export const lockFileOf = (dir: string) => `${path.resolve(dir)}.lock`;

type LockInfo = { pid: number; hostname: string; startedAt: string };

export class DatabaseLockedError extends Error {
  constructor(
    dir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `La base embarquée ${dir} est déjà ouverte par le processus ${holder.pid} (${holder.hostname}, depuis ${holder.startedAt}) / ` +
        `The embedded database ${dir} is already open by process ${holder.pid}. ` +
        `Arrêtez-le d'abord, ou utilisez PostgreSQL (DATABASE_URL) pour plusieurs processus.`,
    );
    this.name = "DatabaseLockedError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, "utf8")) as LockInfo;
    return typeof info.pid === "number" ? info : null;
  } catch {
    return null;
  }
}

const held = new Set<string>();
let exitHookInstalled = false;

/** Takes the folder's lock or throws DatabaseLockedError. Returns the release function. */
export function lockDataDir(dir: string): () => void {
  const file = lockFileOf(dir);
  const mine: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      held.add(file);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on("exit", () => held.forEach(release));
      }
      return () => release(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readLock(file);
    if (holder && holder.pid === process.pid && holder.hostname === mine.hostname && held.has(file)) {
      throw new DatabaseLockedError(dir, holder);
    }
    // A lock being written (empty/unreadable) right now: wait a moment before judging it stale.
    if (!holder && attempt === 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    if (holder && (holder.hostname !== mine.hostname || alive(holder.pid))) {
      throw new DatabaseLockedError(dir, holder);
    }
    // Stale: its process is gone. Remove and retry the atomic creation.
    try {
      unlinkSync(file);
    } catch {
      // another process took it over first; the next attempt decides
    }
  }
  const holder = readLock(file) ?? { pid: -1, hostname: "?", startedAt: "?" };
  throw new DatabaseLockedError(dir, holder);
}

function release(file: string) {
  if (!held.delete(file)) return;
  const holder = readLock(file);
  if (holder && holder.pid !== process.pid) return;
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
