// Reads of the audit log page: what a staff member may read is scoped in the query.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditScope, membershipOfAgencies, staffOfAgencies, type AgencyStaff } from "@/lib/auth/scope";
import { parisDayBounds } from "@/lib/format";
import { COUNT_CAP, keysetOrder, keysetPage, keysetWhere, type PageRequest } from "@/lib/paging/keyset";

export type AuditFilter = { worker: string; actorId: string; action: string; from: Date | null; to: Date | null };

/** One page of the log entries the staff member may read matching the filter, with the choices of the filter form. */
/**
 * One page of the log entries the staff member may read matching the filter,
 * with the staff members of the filter form. Keyset paging on (createdAt, id);
 * the count stops past COUNT_CAP; the action choices come from the typed
 * events (lib/audit/events.ts), not from the table.
 */
export async function staffAuditPage(staff: AgencyStaff, filter: AuditFilter, request: PageRequest, perPage: number) {
  const { worker, actorId, action, from, to } = filter;
  const scope = auditScope(staff);
  const filters: Prisma.AuditLogWhereInput[] = [scope];
  if (worker) {
    filters.push({
      subjectUser: {
        role: "WORKER",
        OR: [
          { firstName: { contains: worker, mode: "insensitive" } },
          { lastName: { contains: worker, mode: "insensitive" } },
          { email: { contains: worker.toLowerCase() } },
          { workerProfile: { agencies: { some: { workerNumber: worker, ...membershipOfAgencies(staff) } } } },
        ],
      },
    });
  }
  if (actorId) filters.push({ actorId });
  if (action) filters.push({ action });
  if (from) filters.push({ createdAt: { gte: parisDayBounds(from).start } });
  if (to) filters.push({ createdAt: { lt: parisDayBounds(to).end } });
  const where: Prisma.AuditLogWhereInput = { AND: filters };

  const [staffMembers, total, rows] = await Promise.all([
    db.user.findMany({
      where: { role: "STAFF", ...staffOfAgencies(staff) },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
    db.auditLog.count({ where, take: COUNT_CAP + 1 }),
    db.auditLog.findMany({
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
  return { staffMembers, total, entries, newer, older };
}
