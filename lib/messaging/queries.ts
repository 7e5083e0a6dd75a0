// Reads of the outbox: the dev route (tests outside the project) and the
// staff page. The staff read is scoped to the staff member's agencies in the
// query itself.
import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { MessageChannel, MessageStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { looksLikeEmail, normalizeEmailAddress, normalizePhone } from "./phone";
import { userIdForEmail, userIdForPhone } from "./outbox";
import { maskText, revealText } from "./secrets";
import { recordAudit } from "@/lib/audit";

type ReadClient = Pick<
  PrismaClient,
  "$queryRaw" | "outboxMessage" | "user" | "workerProfile" | "workerAgency" | "staffMembership" | "clientMembership"
>;

// ---------------------------------------------------------------------------
// GET /api/dev/outbox
// ---------------------------------------------------------------------------

export type DevOutboxEntry = {
  channel: "email" | "sms";
  to: string;
  subject: string | null;
  text: string;
  createdAt: string;
};

const DEV_LATEST = 50;
const DEV_PER_RECIPIENT = 200;

/** A recipient as typed (email, phone in any French form): the address to match and its account. */
async function resolveRecipient(raw: string, client: ReadClient = db): Promise<{ address: string; userId: string | null }> {
  const value = raw.trim();
  if (looksLikeEmail(value)) {
    const address = normalizeEmailAddress(value);
    return { address, userId: await userIdForEmail(address, client) };
  }
  return { address: normalizePhone(value) ?? value, userId: null };
}

/**
 * Newest first: the messages to `to` (an address, a phone number, or the
 * account whose login is that address), or the latest 50 without `to`.
 */
export async function listOutboxForRecipient(to: string | null | undefined, client: ReadClient = db): Promise<DevOutboxEntry[]> {
  const select = { channel: true, to: true, subject: true, text: true, secrets: true, createdAt: true } as const;
  const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  if (!to?.trim()) {
    const rows = await client.outboxMessage.findMany({ select, orderBy, take: DEV_LATEST });
    return rows.map(toDevEntry);
  }
  const { address, userId } = await resolveRecipient(to, client);
  const rows = await client.outboxMessage.findMany({
    where: { OR: [{ to: address }, ...(userId ? [{ userId }] : [])] },
    select,
    orderBy,
    take: DEV_PER_RECIPIENT,
  });
  return rows.map(toDevEntry);
}

/** Full text, secrets filled back: only for the dev route (demo and test). */
function toDevEntry(row: {
  channel: MessageChannel;
  to: string;
  subject: string | null;
  text: string;
  secrets: string | null;
  createdAt: Date;
}): DevOutboxEntry {
  return {
    channel: row.channel === "EMAIL" ? "email" : "sms",
    to: row.to,
    subject: revealText(row.subject, row.secrets),
    text: revealText(row.text, row.secrets),
    createdAt: row.createdAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------
// Staff page
// ---------------------------------------------------------------------------

const STAFF_PAGE_SIZE = 50;

export type StaffOutboxItem = {
  id: string;
  channel: MessageChannel;
  to: string;
  recipientName: string | null;
  subject: string | null;
  text: string;
  status: MessageStatus;
  error: string | null;
  createdAt: Date;
};

export type StaffOutboxPage = { items: StaffOutboxItem[]; total: number; page: number; pageCount: number };

type StaffOutboxQuery = { agencyIds: string[]; to?: string | null; page?: number; pageSize?: number };

/** Messages a staff member may read: those that belong to one of their agencies. */
function staffScope(agencyIds: string[]): Prisma.Sql {
  if (!agencyIds.length) return Prisma.sql`FALSE`;
  return Prisma.sql`o."agencyId" IN (${Prisma.join(agencyIds)})`;
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A phone number matches exactly (any French form); anything else matches part of the address or of the account's email or name. */
async function recipientFilter(raw: string | null | undefined, client: ReadClient): Promise<Prisma.Sql> {
  const term = raw?.trim();
  if (!term) return Prisma.sql`TRUE`;
  const phone = looksLikeEmail(term) ? null : normalizePhone(term);
  if (phone) {
    const userId = await userIdForPhone(phone, client);
    return userId ? Prisma.sql`(o."to" = ${phone} OR o."userId" = ${userId})` : Prisma.sql`o."to" = ${phone}`;
  }
  const pattern = likePattern(term);
  return Prisma.sql`(o."to" ILIKE ${pattern} OR o."userId" IN (
    SELECT u2."id" FROM "User" u2
    WHERE u2."email" ILIKE ${pattern} OR (u2."firstName" || ' ' || u2."lastName") ILIKE ${pattern} OR (u2."lastName" || ' ' || u2."firstName") ILIKE ${pattern}
  ))`;
}

type StaffRow = Omit<StaffOutboxItem, "createdAt"> & { createdAt: Date | string };

export async function listOutboxForStaff(query: StaffOutboxQuery, client: ReadClient = db): Promise<StaffOutboxPage> {
  const pageSize = query.pageSize ?? STAFF_PAGE_SIZE;
  const where = Prisma.sql`${staffScope(query.agencyIds)} AND ${await recipientFilter(query.to, client)}`;
  const counted = await client.$queryRaw<
    { total: number | bigint }[]
  >`SELECT COUNT(*)::int AS "total" FROM "OutboxMessage" o WHERE ${where}`;
  const total = Number(counted[0]?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pageCount);
  const rows = await client.$queryRaw<StaffRow[]>`
    SELECT o."id", o."channel", o."to", o."subject", o."text", o."status", o."error", o."createdAt",
           CASE WHEN u."id" IS NULL THEN NULL ELSE u."firstName" || ' ' || u."lastName" END AS "recipientName"
    FROM "OutboxMessage" o
    LEFT JOIN "User" u ON u."id" = o."userId"
    WHERE ${where}
    ORDER BY o."createdAt" DESC, o."id" DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  // Staff never see a secret: codes and link tokens are masked.
  const items = rows.map((row) => ({
    ...row,
    subject: row.subject === null ? null : maskText(row.subject),
    text: maskText(row.text),
    createdAt: new Date(row.createdAt),
  }));
  return { items, total, page, pageCount };
}

/** The staff outbox page: the outbox holds sign-in links and signature codes, so every read is audited. */
export async function readOutboxForStaff(
  staff: { id: string; agencyIds: string[] },
  query: { to: string; page: number },
): Promise<StaffOutboxPage> {
  const result = await listOutboxForStaff({ agencyIds: staff.agencyIds, to: query.to, page: query.page });
  await recordAudit(db, { type: "outbox.read", data: { to: query.to || null, page: result.page } }, { actorId: staff.id });
  return result;
}
