// Reads of the audit log page: what a staff member may read is scoped in the query.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditScope, membershipOfAgencies, staffOfAgencies, workerOfAgencies, type AgencyStaff } from "@/lib/auth/scope";
import { parisDayBounds } from "@/lib/format";
import { COUNT_CAP, keysetOrder, keysetPage, keysetWhere, type PageRequest } from "@/lib/paging/keyset";

export type AuditFilter = { worker: string; actorId: string; action: string; from: Date | null; to: Date | null };

/** The "Intérimaire" filter reads the entries of at most this many matching workers (the page says so past it). */
export const AUDIT_WORKER_MATCH_CAP = 100;

/** The filter once the worker text is resolved to accounts: plain columns of AuditLog, each served by an index. */
type AuditConditions = {
  agencyIds: readonly string[];
  subjectUserIds: string[] | null;
  actorId: string;
  action: string;
  since: Date | null;
  before: Date | null;
};

/**
 * The worker accounts the "Intérimaire" text designates: a name or e-mail
 * containing it, or the worker number in one of the staff member's agencies;
 * at most AUDIT_WORKER_MATCH_CAP + 1 (to tell that there are more).
 */
async function workersMatching(staff: AgencyStaff, text: string): Promise<string[]> {
  const rows = await db.user.findMany({
    where: {
      role: "WORKER",
      workerProfile: workerOfAgencies(staff),
      OR: [
        { firstName: { contains: text, mode: "insensitive" } },
        { lastName: { contains: text, mode: "insensitive" } },
        { email: { contains: text.toLowerCase() } },
        { workerProfile: { agencies: { some: { workerNumber: text, ...membershipOfAgencies(staff) } } } },
      ],
    },
    select: { id: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: AUDIT_WORKER_MATCH_CAP + 1,
  });
  return rows.map((r) => r.id);
}

function whereOf(c: AuditConditions): Prisma.AuditLogWhereInput[] {
  const filters: Prisma.AuditLogWhereInput[] = [auditScope({ agencyIds: c.agencyIds })];
  if (c.subjectUserIds) filters.push({ subjectUserId: { in: c.subjectUserIds } });
  if (c.actorId) filters.push({ actorId: c.actorId });
  if (c.action) filters.push({ action: c.action });
  if (c.since) filters.push({ createdAt: { gte: c.since } });
  if (c.before) filters.push({ createdAt: { lt: c.before } });
  return filters;
}

/**
 * The same conditions as SQL, for the capped count: Prisma's count with `take`
 * orders its subquery by id, which walks the primary key instead of the
 * (agencyId, createdAt, id) or (agencyId, action, createdAt) index.
 */
function sqlOf(c: AuditConditions): Prisma.Sql {
  const inList = (ids: readonly string[]) => (ids.length ? Prisma.join(ids) : Prisma.sql`NULL`);
  const parts = [Prisma.sql`"agencyId" IN (${inList(c.agencyIds)})`];
  if (c.subjectUserIds) parts.push(Prisma.sql`"subjectUserId" IN (${inList(c.subjectUserIds)})`);
  if (c.actorId) parts.push(Prisma.sql`"actorId" = ${c.actorId}`);
  if (c.action) parts.push(Prisma.sql`"action" = ${c.action}`);
  if (c.since) parts.push(Prisma.sql`"createdAt" >= ${c.since.toISOString()}::timestamp(3)`);
  if (c.before) parts.push(Prisma.sql`"createdAt" < ${c.before.toISOString()}::timestamp(3)`);
  return Prisma.join(parts, " AND ");
}

/**
 * How many entries match, stopping at COUNT_CAP + 1 ("plus de 10 000"). Ordered by
 * agency so that it reads an agency index: unordered, the planner expects a third of
 * the table to match and scans it in physical order, 45–160 ms at scale when the
 * agencies' rows are not at its start (8 ms on the index).
 */
async function cappedAuditCount(c: AuditConditions): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "AuditLog" WHERE ${sqlOf(c)} ORDER BY "agencyId" LIMIT ${COUNT_CAP + 1}) AS capped`;
  return Number(rows[0]?.n ?? 0);
}

/**
 * One page of the log entries the staff member may read matching the filter,
 * with the staff members of the filter form. Keyset paging on (createdAt, id);
 * the count stops past COUNT_CAP; the action choices come from the typed
 * events (lib/audit/events.ts), not from the table. Every condition is on a
 * column of AuditLog: the worker text is resolved to accounts first.
 */
export async function staffAuditPage(staff: AgencyStaff, filter: AuditFilter, request: PageRequest, perPage: number) {
  const { worker, actorId, action, from, to } = filter;
  const matched = worker ? await workersMatching(staff, worker) : null;
  const conditions: AuditConditions = {
    agencyIds: staff.agencyIds,
    subjectUserIds: matched ? matched.slice(0, AUDIT_WORKER_MATCH_CAP) : null,
    actorId,
    action,
    since: from ? parisDayBounds(from).start : null,
    before: to ? parisDayBounds(to).end : null,
  };
  const filters = whereOf(conditions);
  const none = matched !== null && matched.length === 0;

  const [staffMembers, total, rows] = await Promise.all([
    db.user.findMany({
      where: { role: "STAFF", ...staffOfAgencies(staff) },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
    none ? 0 : cappedAuditCount(conditions),
    none
      ? []
      : db.auditLog.findMany({
          where: { AND: [...filters, keysetWhere(request)] },
          orderBy: keysetOrder(request),
          take: perPage + 1,
          select: {
            id: true,
            action: true,
            createdAt: true,
            entityType: true,
            details: true,
            ipAddress: true,
            actor: { select: { firstName: true, lastName: true, role: true } },
            subjectUser: {
              select: {
                firstName: true,
                lastName: true,
                role: true,
                workerProfile: { select: { agencies: { where: membershipOfAgencies(staff), select: { workerNumber: true } } } },
              },
            },
          },
        }),
  ]);
  const { items: entries, newer, older } = keysetPage(rows, perPage, request);
  const tooManyWorkers = (matched?.length ?? 0) > AUDIT_WORKER_MATCH_CAP;
  return { staffMembers, total, entries, newer, older, tooManyWorkers };
}
