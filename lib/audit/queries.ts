// Reads of the audit log page: what a staff member may read is scoped in the query.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditScope, membershipOfAgencies, staffOfAgencies, type AgencyStaff } from "@/lib/auth/scope";
import { parisDayBounds } from "@/lib/format";

export type AuditFilter = { worker: string; actorId: string; action: string; from: Date | null; to: Date | null };

/** One page of the log entries the staff member may read matching the filter, with the choices of the filter form. */
export async function staffAuditPage(staff: AgencyStaff, filter: AuditFilter, page: number, perPage: number) {
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

  const [staffMembers, actions, total] = await Promise.all([
    db.user.findMany({
      where: { role: "STAFF", ...staffOfAgencies(staff) },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
    db.auditLog.groupBy({ by: ["action"], where: scope, orderBy: { action: "asc" } }),
    db.auditLog.count({ where }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(page, pageCount);
  const entries = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * perPage,
    take: perPage,
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
  });
  return { staffMembers, actions, total, pageCount, current, entries };
}
