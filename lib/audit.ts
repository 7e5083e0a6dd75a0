import "server-only";
import { headers } from "next/headers";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { clientAddress } from "@/lib/http/client";
import type { AuditEvent } from "@/lib/audit/events";

// The typed events, their labels and renderings live in lib/audit/events.ts.
export { AUDIT_EVENTS, auditLabel, renderAuditDetails, type AuditEvent, type AuditEventOf, type AuditEventType } from "@/lib/audit/events";

/** Who did it, about whom, on what: the columns next to the event. */
export type AuditContext = {
  actorId?: string | null;
  subjectUserId?: string | null;
  agencyId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
};

/** An event with its context, for helpers that write it later in their own transaction. */
export type AuditEntry = { event: AuditEvent; context: AuditContext };

/** The transaction client of the change being recorded (or `db` for a change that is not one: a sign-in, a read). */
export type AuditClient = Pick<PrismaClient, "auditLog"> | Pick<Prisma.TransactionClient, "auditLog">;

/** The caller's IP (see lib/http/client.ts: trusted proxy hops only) and user agent. */
export async function requestContext(): Promise<{ ipAddress: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { ipAddress: clientAddress(h), userAgent: h.get("user-agent")?.slice(0, 500) ?? null };
  } catch {
    return { ipAddress: null, userAgent: null }; // outside a request (scripts)
  }
}

/**
 * Writes one audit event through `tx`: pass the transaction of the change it
 * records, so that both commit or neither does.
 */
export async function recordAudit(tx: AuditClient, event: AuditEvent, context: AuditContext = {}): Promise<void> {
  const request = await requestContext();
  await tx.auditLog.create({
    data: {
      action: event.type,
      details: event.data as Prisma.InputJsonValue,
      actorId: context.actorId ?? null,
      subjectUserId: context.subjectUserId ?? null,
      agencyId: context.agencyId ?? null,
      entityType: context.entityType ?? null,
      entityId: context.entityId ?? null,
      ...request,
    },
  });
}
