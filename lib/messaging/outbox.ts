// Every email and SMS goes through here. A message is a row of OutboxMessage
// written in the caller's transaction (so a state change, its audit entry and
// its message commit or fail together); the delivery worker (worker.ts) sends
// it afterwards when a provider is configured. Without a provider the row
// stays in the outbox (status OUTBOX), where staff and the dev route read it.
import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MessageChannel, MessageStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { extractSecrets, sealSecrets } from "./secrets";

/** The part of a Prisma client (or transaction) the outbox needs. */
export type OutboxClient = Pick<
  PrismaClient,
  "outboxMessage" | "user" | "workerProfile" | "workerAgency" | "staffMembership" | "clientMembership"
>;

export type OutboxDraft = {
  channel: MessageChannel;
  to: string;
  userId: string | null;
  subject: string | null;
  text: string;
  html: string | null;
};

export type EnqueueOptions = {
  /** The agency whose staff may read the message; undefined: the recipient account's agency. */
  agencyId?: string | null;
  /** One message per event: a second enqueue with the same key does nothing. */
  dedupeKey?: string | null;
};

export type OutboxRecord = { id: string; status: MessageStatus; providerId: string | null; created: boolean };

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

/** The agency a user's messages belong to by default: a worker's, staff member's or client's first agency. */
export async function agencyIdForUser(userId: string, client: OutboxClient = db): Promise<string | null> {
  const worker = await client.workerAgency.findFirst({
    where: { worker: { userId } },
    select: { agencyId: true },
    orderBy: { agencyId: "asc" },
  });
  if (worker) return worker.agencyId;
  const staff = await client.staffMembership.findFirst({ where: { userId }, select: { agencyId: true }, orderBy: { agencyId: "asc" } });
  if (staff) return staff.agencyId;
  const member = await client.clientMembership.findFirst({
    where: { userId },
    select: { client: { select: { agencyId: true } } },
    orderBy: { clientId: "asc" },
  });
  return member?.client.agencyId ?? null;
}

/**
 * Writes the message row (secrets sealed apart) in `client`, which may be the
 * caller's transaction. With a dedupe key already used, nothing is written
 * (ON CONFLICT DO NOTHING) and `created` is false.
 */
export async function enqueueMessage(
  draft: OutboxDraft,
  options: EnqueueOptions = {},
  client: OutboxClient = db,
  extra: { lockedUntil?: Date; attempts?: number } = {},
): Promise<OutboxRecord> {
  const { parts, secrets } = extractSecrets({ subject: draft.subject, text: draft.text, html: draft.html });
  const agencyId = options.agencyId !== undefined ? options.agencyId : draft.userId ? await agencyIdForUser(draft.userId, client) : null;
  const id = randomUUID();
  const { count } = await client.outboxMessage.createMany({
    data: [
      {
        id,
        channel: draft.channel,
        to: draft.to,
        userId: draft.userId,
        subject: parts.subject,
        text: parts.text ?? "",
        html: parts.html,
        status: "OUTBOX",
        agencyId,
        secrets: sealSecrets(secrets),
        dedupeKey: options.dedupeKey ?? null,
        lockedUntil: extra.lockedUntil ?? null,
        attempts: extra.attempts ?? 0,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 1) return { id, status: "OUTBOX", providerId: null, created: true };
  const existing = await client.outboxMessage.findUniqueOrThrow({
    where: { dedupeKey: options.dedupeKey! },
    select: { id: true, status: true, providerId: true },
  });
  return { ...existing, created: false };
}
