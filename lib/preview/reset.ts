import "server-only";
// Demo reset of a deploy preview (APP_ENV=preview): every table but the
// migrations and DemoReset is emptied, then the demo seed runs again. Safe
// with several instances on one database: the DemoReset row is claimed by one
// conditional UPDATE, so only the instance that claimed it resets; the
// others skip. A claim older than STALE_CLAIM_MS (a crashed instance) is taken over.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { encryptSecret } from "@/lib/crypto/secrets";
import { parisDayBounds } from "@/lib/time/paris";
import { DEMO_STAFF_EMAIL } from "@/prisma/seed/data";
import { seed } from "@/prisma/seed";

const STALE_CLAIM_MS = 10 * 60_000;
/** Instances starting together (one deploy) reset once: a reset this recent counts as the deploy's. */
const START_WINDOW_MS = 5 * 60_000;
const CHECK_EVERY_MS = 10 * 60_000;

export type ResetReason = "staff" | "startup" | "nightly";
export type ResetOutcome = { reset: true; durationMs: number } | { reset: false };

/**
 * Claims the DemoReset row for one reset: true for exactly one caller across
 * instances when `reason` calls for a reset and no live claim exists.
 */
export async function claimReset(reason: ResetReason, now: Date = new Date()): Promise<boolean> {
  // Staff: always; start-up: unless one ran a moment ago; nightly: once per Paris day.
  const cutoff = reason === "staff" ? now : reason === "startup" ? new Date(now.getTime() - START_WINDOW_MS) : parisDayBounds(now).start;
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  await db.$executeRaw`INSERT INTO "DemoReset" ("id") VALUES (1) ON CONFLICT ("id") DO NOTHING`;
  const claimed = await db.$executeRaw`
    UPDATE "DemoReset" SET "startedAt" = ${now}
    WHERE "id" = 1
      AND ("startedAt" IS NULL OR "startedAt" < ${stale})
      AND ("lastResetAt" IS NULL OR "lastResetAt" < ${cutoff} OR ${reason === "staff"})`;
  return claimed === 1;
}

/** Resets when `reason` calls for it and no other instance is resetting. */
export async function resetDemo(reason: ResetReason, options: { actorEmail?: string; now?: Date } = {}): Promise<ResetOutcome> {
  if (!(await claimReset(reason, options.now))) return { reset: false };
  const started = Date.now();
  try {
    await wipeDemoData();
    await seed(db, { encryptSecret: (plain) => encryptSecret(plain), log: (line) => console.info(`[preview] ${line}`) });
    // The reset is recorded, with its audit entry (the staff member as re-seeded), in one transaction.
    await db.$transaction(async (tx) => {
      await tx.demoReset.update({ where: { id: 1 }, data: { startedAt: null, lastResetAt: new Date() } });
      const actor = options.actorEmail
        ? await tx.user.findUnique({ where: { email: options.actorEmail }, select: { id: true } })
        : await tx.user.findUnique({ where: { email: DEMO_STAFF_EMAIL }, select: { id: true } });
      await recordAudit(
        tx,
        { type: "demo.reset", data: { reason, durationMs: Date.now() - started } },
        { actorId: reason === "staff" ? (actor?.id ?? null) : null },
      );
    });
  } catch (error) {
    await db.demoReset.update({ where: { id: 1 }, data: { startedAt: null } }).catch(() => {});
    throw error;
  }
  return { reset: true, durationMs: Date.now() - started };
}

/** Empties every table of the application (the migrations and the reset row stay). */
export async function wipeDemoData(): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'DemoReset')`;
  if (!tables.length) return;
  const list = tables.map(({ tablename }) => `"${tablename.replace(/"/g, '""')}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE TABLE ${list} CASCADE`);
}

const holder = globalThis as unknown as { __espaceDemoTimer?: NodeJS.Timeout };

/** Start-up of a preview instance: a reset now (the deploy's), then a check every 10 minutes for the nightly one. */
export function startDemoResets(): void {
  const run = (reason: ResetReason, attempt = 1): Promise<void> =>
    resetDemo(reason)
      .then((outcome) => {
        if (outcome.reset) console.info(`[preview] demo data reset (${reason}) in ${outcome.durationMs} ms`);
      })
      .catch((error: unknown) => {
        console.error(`[preview] demo reset (${reason}) failed: ${(error as Error).message}`);
        // A database still waking up (a cold preview host): the deploy's reset is tried twice more.
        if (reason === "startup" && attempt < 3) setTimeout(() => void run(reason, attempt + 1), 20_000).unref();
      });
  void run("startup");
  if (holder.__espaceDemoTimer) return;
  holder.__espaceDemoTimer = setInterval(() => void run("nightly"), CHECK_EVERY_MS);
  holder.__espaceDemoTimer.unref();
}
