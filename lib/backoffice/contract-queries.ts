// Reads of the staff contract pages, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContractState } from "@/lib/generated/prisma/enums";
import { agencyScope, contractScope, membershipOfAgencies, workerOfAgencies } from "@/lib/auth/scope";
import type { StaffUser } from "@/lib/auth/session";
import { COUNT_CAP, keysetOrder, keysetPage, keysetWhere, type PageRequest } from "@/lib/paging/keyset";

type Staff = Pick<StaffUser, "role" | "agencyIds">;

export type StaffContractFilter = { state?: ContractState; clientId?: string; from: Date | null; to: Date | null; workerQuery: string };

/**
 * One page of the staff member's contracts matching the filter (newest first,
 * keyset paging on the Contract(createdAt, id) index), their count capped at
 * COUNT_CAP + 1, and the clients to filter by.
 */
export async function staffContractPage(staff: Staff, filter: StaffContractFilter, request: PageRequest, pageSize: number) {
  const { state, from, to, workerQuery } = filter;
  const where: Prisma.ContractWhereInput = {
    ...contractScope(staff),
    ...(state ? { state } : {}),
    ...(filter.clientId ? { clientId: filter.clientId } : {}),
    ...(from ? { endDate: { gte: from } } : {}),
    ...(to ? { startDate: { lte: to } } : {}),
    ...(workerQuery
      ? {
          worker: {
            OR: [
              { user: { lastName: { contains: workerQuery, mode: "insensitive" } } },
              { user: { firstName: { contains: workerQuery, mode: "insensitive" } } },
              { agencies: { some: { workerNumber: workerQuery, ...membershipOfAgencies(staff) } } },
            ],
          },
        }
      : {}),
  };
  const [count, rows, clients] = await Promise.all([
    db.contract.count({ where, take: COUNT_CAP + 1 }),
    db.contract.findMany({
      where: { AND: [where, keysetWhere(request)] },
      orderBy: keysetOrder(request),
      take: pageSize + 1,
      include: {
        worker: { select: { user: { select: { firstName: true, lastName: true } } } },
        client: { select: { name: true } },
        qualification: true,
      },
    }),
    db.client.findMany({ where: agencyScope(staff), select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const { items: contracts, newer, older } = keysetPage(rows, pageSize, request);
  return { count, contracts, clients, newer, older };
}

/** What the new-contract form offers: the agencies' active workers, their clients with sites, the qualifications. */
export async function newContractChoices(staff: Staff) {
  const [workers, clients, qualifications] = await Promise.all([
    db.workerProfile.findMany({
      where: { ...workerOfAgencies(staff), user: { active: true } },
      select: {
        id: true,
        user: { select: { firstName: true, lastName: true } },
        agencies: { where: membershipOfAgencies(staff), select: { workerNumber: true, agency: { select: { code: true } } } },
        // Held through a validated diploma (lib/contracts/rules.ts holdsQualification): the form offers these first.
        qualifications: { where: { diploma: { status: "APPROVED" } }, select: { qualificationId: true } },
      },
      orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
    }),
    db.client.findMany({
      where: agencyScope(staff),
      select: {
        name: true,
        agency: { select: { code: true } },
        sites: { select: { id: true, name: true, city: true }, orderBy: { name: "asc" } },
      },
      orderBy: { name: "asc" },
    }),
    db.qualification.findMany({ orderBy: { code: "asc" } }),
  ]);
  return { workers, clients, qualifications };
}

/** The qualifications a contract may name (a shared list, not anyone's data). */
export function allQualifications() {
  return db.qualification.findMany({ orderBy: { code: "asc" } });
}

/** The days and parts a worker of the staff's agencies marked unavailable between two calendar days (inclusive). */
export function workerUnavailability(staff: Staff, workerId: string, from: Date, to: Date) {
  return db.availability.findMany({
    where: { workerId, available: false, date: { gte: from, lte: to }, worker: workerOfAgencies(staff) },
    select: { date: true, part: true },
    orderBy: [{ date: "asc" }, { part: "asc" }],
  });
}
