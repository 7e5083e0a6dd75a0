// Every email and SMS goes through here: recorded in OutboxMessage first, then
// handed to the provider when one is configured. Without a provider the row
// stays in the outbox (status OUTBOX), where staff and the dev route read it.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MessageChannel, MessageStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { MessageDeliveryError } from "./types";

/** The part of a Prisma client (or transaction) the outbox needs. */
export type OutboxClient = Pick<PrismaClient, "outboxMessage" | "user" | "workerProfile">;

export type OutboxDraft = {
  channel: MessageChannel;
  to: string;
  userId: string | null;
  subject: string | null;
  text: string;
  html: string | null;
};

export type OutboxRecord = { id: string; status: MessageStatus; providerId: string | null };

type Send = () => Promise<{ id: string }>;

const MAX_ERROR_LENGTH = 1000;

/** The account whose login is this (already lower-cased) address, if any. */
export async function userIdForEmail(email: string, client: OutboxClient = db): Promise<string | null> {
  const user = await client.user.findUnique({ where: { email }, select: { id: true } });
  return user?.id ?? null;
}

/** The worker whose phone (E.164) this is, when exactly one has it. */
export async function userIdForPhone(phone: string, client: OutboxClient = db): Promise<string | null> {
  const profiles = await client.workerProfile.findMany({ where: { phone }, select: { userId: true }, take: 2 });
  return profiles.length === 1 ? profiles[0].userId : null;
}

/**
 * Records the message, then sends it with `send` when a provider is
 * configured (null: keep it in the outbox). A provider failure is recorded as
 * FAILED and rethrown as a MessageDeliveryError.
 */
export async function recordAndSend(draft: OutboxDraft, send: Send | null, client: OutboxClient = db): Promise<OutboxRecord> {
  const row = await client.outboxMessage.create({ data: { ...draft, status: "OUTBOX" }, select: { id: true } });
  if (!send) return { id: row.id, status: "OUTBOX", providerId: null };

  let providerId: string;
  try {
    providerId = (await send()).id;
  } catch (error) {
    await markFailed(row.id, error, client);
    throw new MessageDeliveryError(draft.channel === "EMAIL" ? "email" : "sms", row.id, error);
  }
  await client.outboxMessage.update({ where: { id: row.id }, data: { status: "SENT", providerId } });
  return { id: row.id, status: "SENT", providerId };
}

async function markFailed(id: string, error: unknown, client: OutboxClient): Promise<void> {
  const text = error instanceof Error ? error.message : String(error);
  console.error(`[messaging] outbox ${id} failed: ${text}`);
  await client.outboxMessage.update({ where: { id }, data: { status: "FAILED", error: text.slice(0, MAX_ERROR_LENGTH) } });
}
