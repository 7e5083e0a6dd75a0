// The delivery worker: every instance runs one. It claims due messages with
// FOR UPDATE SKIP LOCKED plus a lease (so several instances never send one row
// twice), sends them, and on failure retries with exponential backoff up to
// MAX_ATTEMPTS, then marks the row FAILED with the reason. A delivered row
// keeps no secret.
import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { MessageChannel } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { agencyScope } from "@/lib/auth/scope";
import { emailProviderFromEnv, mailFrom } from "./email";
import { smsProviderFromEnv, smsSender } from "./sms";
import { revealText } from "./secrets";
import type { EmailProvider, SmsProvider } from "./types";

export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 6 * 3_600_000;
const LEASE_MS = 2 * 60_000;
const BATCH = 20;
const MAX_ERROR_LENGTH = 1000;

type WorkerClient = Pick<PrismaClient, "$queryRaw" | "outboxMessage">;

export type DeliveryOptions = {
  client?: WorkerClient;
  /** undefined: from the environment; null: that channel stays in the outbox. */
  emailProvider?: EmailProvider | null;
  smsProvider?: SmsProvider | null;
  from?: string;
  sender?: string;
  now?: Date;
  limit?: number;
};

export type DeliveryReport = { claimed: number; sent: number; retried: number; failed: number };

/** Delay before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min, ... capped at 6 h. */
export function backoffMs(failedAttempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failedAttempts - 1), BACKOFF_MAX_MS);
}

/** Claims up to `limit` due messages of the given channels and takes a lease on them. */
async function claimDue(client: WorkerClient, channels: MessageChannel[], now: Date, limit: number): Promise<string[]> {
  if (!channels.length) return [];
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await client.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'OUTBOX' AND "channel"::text IN (${Prisma.join(channels)})
        AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    AND "status" = 'OUTBOX' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
    RETURNING "id"`;
  return rows.map((r) => r.id);
}

/** One pass: sends what is due. Returns what happened, for tests and logs. */
export async function deliverDueMessages(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const client = options.client ?? db;
  const email = options.emailProvider === undefined ? emailProviderFromEnv() : options.emailProvider;
  const sms = options.smsProvider === undefined ? smsProviderFromEnv() : options.smsProvider;
  const now = options.now ?? new Date();
  const channels: MessageChannel[] = [...(email ? (["EMAIL"] as const) : []), ...(sms ? (["SMS"] as const) : [])];
  const ids = await claimDue(client, channels, now, options.limit ?? BATCH);
  const report: DeliveryReport = { claimed: ids.length, sent: 0, retried: 0, failed: 0 };
  for (const id of ids) {
    const row = await client.outboxMessage.findUnique({ where: { id } });
    if (!row) continue;
    try {
      const text = revealText(row.text, row.secrets);
      const answer =
        row.channel === "EMAIL"
          ? await email!.send({
              from: options.from ?? mailFrom(),
              to: row.to,
              subject: revealText(row.subject, row.secrets) ?? "",
              text,
              html: revealText(row.html, row.secrets) ?? text,
              idempotencyKey: row.id,
            })
          : await sms!.send({ sender: options.sender ?? smsSender(), to: row.to, text });
      await markSent(client, id, answer.id);
      report.sent++;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      if (row.attempts >= MAX_ATTEMPTS) {
        console.error(`[messaging] outbox ${id} failed after ${row.attempts} attempts: ${reason}`);
        await client.outboxMessage.update({ where: { id }, data: { status: "FAILED", error: reason, lockedUntil: null } });
        report.failed++;
      } else {
        console.warn(`[messaging] outbox ${id} attempt ${row.attempts} failed, retrying: ${reason}`);
        await client.outboxMessage.update({
          where: { id },
          data: { error: reason, lockedUntil: null, nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)) },
        });
        report.retried++;
      }
    }
  }
  return report;
}

/** Delivered: the stored copy keeps no secret. */
export async function markSent(client: Pick<PrismaClient, "outboxMessage">, id: string, providerId: string): Promise<void> {
  await client.outboxMessage.update({
    where: { id },
    data: { status: "SENT", providerId, secrets: null, error: null, lockedUntil: null, sentAt: new Date() },
  });
}

/** A failed message goes back to the queue for a fresh series of attempts. Returns whether it was failed. */
export async function requeueFailed(id: string, agencyIds: string[], client: Pick<PrismaClient, "outboxMessage"> = db): Promise<boolean> {
  const { count } = await client.outboxMessage.updateMany({
    where: { id, status: "FAILED", ...agencyScope({ agencyIds }) },
    data: { status: "OUTBOX", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, error: null },
  });
  return count === 1;
}

// ---------------------------------------------------------------------------
// The loop of this instance
// ---------------------------------------------------------------------------

const POLL_MS = 5_000;
const holder = globalThis as unknown as { __espaceOutboxWorker?: { timer: NodeJS.Timeout | null; running: boolean; again: boolean } };

async function runLoop(): Promise<void> {
  const state = holder.__espaceOutboxWorker;
  if (!state) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      const report = await deliverDueMessages();
      if (report.claimed >= BATCH) state.again = true;
    } while (state.again);
  } catch (error) {
    console.error(`[messaging] delivery worker: ${(error as Error).message}`);
  } finally {
    state.running = false;
  }
}

/** Starts this instance's worker (idempotent); it does nothing while no provider is configured. */
export function startOutboxWorker(): void {
  if (holder.__espaceOutboxWorker) return;
  if (!emailProviderFromEnv() && !smsProviderFromEnv()) return;
  holder.__espaceOutboxWorker = { timer: null, running: false, again: false };
  const timer = setInterval(() => void runLoop(), POLL_MS);
  timer.unref();
  holder.__espaceOutboxWorker.timer = timer;
  void runLoop();
}

/** After a commit that wrote messages: deliver now rather than at the next poll. */
export function wakeOutboxWorker(): void {
  if (holder.__espaceOutboxWorker) setImmediate(() => void runLoop());
}
