// Rows that only matter for a while: form keys (a double click lands within
// seconds, a replayed post within days) and elapsed rate-limit windows. Each
// instance sweeps at start-up and every six hours; sweeps are idempotent, so
// several instances doing it at once is harmless. Temporary spools older than
// an hour are removed every ten minutes.
import "server-only";
import { db } from "@/lib/db";
import { SPOOL_MAX_AGE_MS, sweepSpools } from "@/lib/storage/spool";

export const FORM_KEY_RETENTION_DAYS = 30;
const SWEEP_EVERY_MS = 6 * 3600_000;
const SPOOL_SWEEP_EVERY_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

export async function sweepExpiredRows(at: Date = new Date()): Promise<{ formKeys: number; rateLimits: number }> {
  const formKeys = await db.formSubmission.deleteMany({
    where: { createdAt: { lt: new Date(at.getTime() - FORM_KEY_RETENTION_DAYS * DAY_MS) } },
  });
  // A window that ended a day ago counts nothing any more (the next hit restarts it).
  const rateLimits = await db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date(at.getTime() - DAY_MS) } } });
  return { formKeys: formKeys.count, rateLimits: rateLimits.count };
}

/** Temporary spools (lib/storage/spool.ts) not written to for an hour: their request is long over. */
export function sweepOldSpools(now: number = Date.now()): Promise<number> {
  return sweepSpools({ olderThanMs: SPOOL_MAX_AGE_MS, now });
}

export function startHousekeeping(): void {
  const run = () => void sweepExpiredRows().catch((error: unknown) => console.warn(`Housekeeping skipped: ${(error as Error).message}`));
  setTimeout(run, 5_000).unref();
  setInterval(run, SWEEP_EVERY_MS).unref();
  setInterval(() => void sweepOldSpools(), SPOOL_SWEEP_EVERY_MS).unref();
}
