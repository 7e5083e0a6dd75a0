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

/** The tables the writer reads to find the agency of an entry its caller did not give. */
type AuditTables =
  | "auditLog"
  | "workerAgency"
  | "staffMembership"
  | "clientMembership"
  | "contract"
  | "advanceRequest"
  | "missionNeed"
  | "client"
  | "clientSite"
  | "document"
  | "dashboardBlock"
  | "outboxMessage"
  | "timesheet";

/** The transaction client of the change being recorded (or `db` for a change that is not one: a sign-in, a read). */
export type AuditClient = Pick<PrismaClient, AuditTables> | Pick<Prisma.TransactionClient, AuditTables>;

/** The caller's IP (see lib/http/client.ts: trusted proxy hops only) and user agent. */
export async function requestContext(): Promise<{ ipAddress: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { ipAddress: clientAddress(h), userAgent: h.get("user-agent")?.slice(0, 500) ?? null };
  } catch {
    return { ipAddress: null, userAgent: null }; // outside a request (scripts)
  }
}

/** The agency of the entity an entry is about, for the entity types that carry one (directly or through their parent). */
async function entityAgency(tx: AuditClient, entityType: string, id: string): Promise<string | null> {
  const where = { where: { id }, select: { agencyId: true } } as const;
  switch (entityType) {
    case "Contract":
      return (await tx.contract.findUnique(where))?.agencyId ?? null;
    case "AdvanceRequest":
      return (await tx.advanceRequest.findUnique(where))?.agencyId ?? null;
    case "MissionNeed":
      return (await tx.missionNeed.findUnique(where))?.agencyId ?? null;
    case "Client":
      return (await tx.client.findUnique(where))?.agencyId ?? null;
    case "Document":
      return (await tx.document.findUnique(where))?.agencyId ?? null;
    case "DashboardBlock":
      return (await tx.dashboardBlock.findUnique(where))?.agencyId ?? null;
    case "OutboxMessage":
      return (await tx.outboxMessage.findUnique(where))?.agencyId ?? null;
    case "ClientSite":
      return (
        (await tx.clientSite.findUnique({ where: { id }, select: { client: { select: { agencyId: true } } } }))?.client.agencyId ?? null
      );
    case "Timesheet":
      return (
        (await tx.timesheet.findUnique({ where: { id }, select: { contract: { select: { agencyId: true } } } }))?.contract.agencyId ?? null
      );
    default:
      return null;
  }
}

/**
 * The agency an entry belongs to, which alone decides which staff read it
 * (auditScope): the one the caller gives; else the agency of the entity it is
 * about; else the subject worker's registration, the one shared with the
 * acting staff member first, then the oldest; else the agency of the actor or
 * subject (staff membership, then client company), oldest first. None of
 * these (a failed sign-in with an unknown address, a nightly demo reset): no
 * agency, and no staff member reads the entry on the audit page.
 */
export async function auditAgencyOf(tx: AuditClient, context: AuditContext): Promise<string | null> {
  if (context.agencyId) return context.agencyId;
  if (context.entityType && context.entityId) {
    const agencyId = await entityAgency(tx, context.entityType, context.entityId);
    if (agencyId) return agencyId;
  }
  const people = [...new Set([context.actorId, context.subjectUserId].filter((id): id is string => Boolean(id)))];
  if (!people.length) return null;
  const [registrations, memberships, clients] = await Promise.all([
    context.subjectUserId
      ? tx.workerAgency.findMany({
          where: { worker: { userId: context.subjectUserId } },
          select: { agencyId: true },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      : [],
    tx.staffMembership.findMany({ where: { userId: { in: people } }, select: { userId: true, agencyId: true }, orderBy: { id: "asc" } }),
    tx.clientMembership.findMany({
      where: { userId: { in: people } },
      select: { userId: true, client: { select: { agencyId: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  if (registrations.length) {
    const actorAgencies = new Set(memberships.filter((m) => m.userId === context.actorId).map((m) => m.agencyId));
    return (registrations.find((r) => actorAgencies.has(r.agencyId)) ?? registrations[0]).agencyId;
  }
  // The actor's agency before the subject's (a staff member acting on another account).
  for (const userId of people) {
    const agencyId = memberships.find((m) => m.userId === userId)?.agencyId ?? clients.find((c) => c.userId === userId)?.client.agencyId;
    if (agencyId) return agencyId;
  }
  return null;
}

/**
 * Writes one audit event through `tx`: pass the transaction of the change it
 * records, so that both commit or neither does.
 */
export async function recordAudit(tx: AuditClient, event: AuditEvent, context: AuditContext = {}): Promise<void> {
  const [request, agencyId] = await Promise.all([requestContext(), auditAgencyOf(tx, context)]);
  await tx.auditLog.create({
    data: {
      action: event.type,
      details: event.data as Prisma.InputJsonValue,
      actorId: context.actorId ?? null,
      subjectUserId: context.subjectUserId ?? null,
      agencyId,
      entityType: context.entityType ?? null,
      entityId: context.entityId ?? null,
      ...request,
    },
  });
}
