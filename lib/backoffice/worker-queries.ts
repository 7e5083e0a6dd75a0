// Reads of the staff worker pages, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import {
  agencyScope,
  membershipOfAgencies,
  staffDocumentScope,
  workerOfAgencies,
  workerOfAgenciesSql,
  type AgencyStaff,
} from "@/lib/auth/scope";
import { documentKindOf } from "@/lib/profile/fields";
import { profileSelect } from "@/lib/profile/service";
import { searchWords } from "./search";

export type StaffWorkerFilter = { words: string[]; number: string; qualificationId?: string; city: string };

/** One page of the agencies' workers matching the filter, their count, and the qualifications to filter by. */
export async function staffWorkerPage(staff: AgencyStaff, filter: StaffWorkerFilter, page: number, pageSize: number) {
  const { words, number, city } = filter;
  const where: Prisma.WorkerProfileWhereInput = {
    AND: [
      workerOfAgencies(staff),
      // Every word must be in the first, last or birth name or an agency number as displayed
      // ("MEDIMP 3985"), whatever its accents and case: searchText is folded by the database.
      ...searchWords(words.join(" ")).map((w) => ({ searchText: { contains: w } })),
      // A bare number is a number in one of the staff's agencies; "MEDIMP 3985" or "MEDIMP : 3985", as displayed, that agency's.
      ...(number
        ? [
            /^\d+$/.test(number)
              ? { agencies: { some: { workerNumber: number, ...membershipOfAgencies(staff) } } }
              : { searchText: { contains: searchWords(number).join(" ") } },
          ]
        : []),
      ...(filter.qualificationId ? [{ qualifications: { some: { qualificationId: filter.qualificationId } } }] : []),
      ...(city ? [{ OR: [{ city: { contains: city, mode: "insensitive" as const } }, { postalCode: { startsWith: city } }] }] : []),
    ],
  };
  const [count, workers, qualifications] = await Promise.all([
    db.workerProfile.count({ where }),
    db.workerProfile.findMany({
      where,
      orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: {
        user: { select: { firstName: true, lastName: true, email: true, active: true, passwordHash: true } },
        agencies: { where: membershipOfAgencies(staff), include: { agency: { select: { code: true } } } },
        qualifications: { include: { qualification: { select: { code: true } } } },
      },
    }),
    db.qualification.findMany({ orderBy: { code: "asc" } }),
  ]);
  return { count, workers, qualifications };
}

/**
 * The sections of a worker's file as staff see it: each read is scoped again
 * (documents, contracts, planning and advances of the staff member's agencies
 * only, never another agency's), the worker too.
 */
export async function staffWorkerFile(staff: AgencyStaff, workerId: string) {
  const today = await now();
  const horizon = new Date(today.getTime() + 28 * 86_400_000);
  const worker = { id: workerId, ...workerOfAgencies(staff) };
  const [pendingChanges, documents, diplomas, contracts, shifts, availabilities, advances] = await Promise.all([
    db.profileChange.count({ where: { workerId, worker, status: "PENDING" } }),
    db.document.findMany({
      where: { AND: [{ workerId }, staffDocumentScope(staff)] },
      orderBy: { createdAt: "desc" },
      take: 15,
      select: { id: true, kind: true, fileName: true, number: true, createdAt: true },
    }),
    db.diploma.findMany({ where: { workerId, worker }, orderBy: { createdAt: "desc" }, include: { grants: { select: { code: true } } } }),
    db.contract.findMany({
      where: { workerId, ...agencyScope(staff) },
      orderBy: { startDate: "desc" },
      take: 15,
      include: { client: { select: { name: true } }, qualification: true },
    }),
    db.shift.findMany({
      where: {
        endsAt: { gt: today },
        startsAt: { lt: horizon },
        contract: { workerId, ...agencyScope(staff), state: { not: "CANCELLED" } },
      },
      orderBy: { startsAt: "asc" },
      include: { contract: { select: { id: true, number: true, client: { select: { name: true } } } } },
    }),
    db.availability.findMany({
      where: { workerId, worker, date: { gte: new Date(today.getTime() - 86_400_000) } },
      orderBy: [{ date: "asc" }, { part: "asc" }],
      take: 10,
    }),
    db.advanceRequest.findMany({ where: { workerId, ...agencyScope(staff) }, orderBy: { createdAt: "desc" }, take: 10 }),
  ]);
  return { pendingChanges, documents, diplomas, contracts, shifts, availabilities, advances };
}

/** A worker of the staff member's agencies (id and name), or null. */
export function staffWorkerName(staff: AgencyStaff, workerId: string) {
  return db.workerProfile.findFirst({
    where: { id: workerId, ...workerOfAgencies(staff) },
    select: { id: true, user: { select: { firstName: true, lastName: true } } },
  });
}

/** A worker's availabilities between two days, if the worker is one of the staff member's agencies'. */
export function staffWorkerAvailabilities(staff: AgencyStaff, workerId: string, from: Date, to: Date) {
  return db.availability.findMany({
    where: { workerId, worker: workerOfAgencies(staff), date: { gte: from, lte: to } },
    select: { date: true, part: true, available: true },
  });
}

/** The profile changes and diplomas waiting for review from the agencies' workers, with what they would replace. */
/** Rows per page of each list of /admin/validations. */
export const VALIDATIONS_PER_PAGE = 20;

export async function pendingValidations(
  staff: AgencyStaff,
  paging: { changesPage: number; diplomasPage: number; perPage: number } = {
    changesPage: 1,
    diplomasPage: 1,
    perPage: VALIDATIONS_PER_PAGE,
  },
) {
  const scope = workerOfAgencies(staff);
  const workerSelect = {
    ...profileSelect,
    agencies: { select: { workerNumber: true, agency: { select: { code: true } } } },
  } as const;
  const changeWhere = { status: "PENDING" as const, worker: scope };
  const diplomaWhere = { status: "PENDING" as const, worker: scope };
  // Both counts in one round trip, the scope probed on WorkerAgency alone (Prisma's count joins every WorkerProfile).
  const [counts] = await db.$queryRaw<{ changes: number; diplomas: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "ProfileChange" pc WHERE pc."status" = 'PENDING' AND ${workerOfAgenciesSql(staff, Prisma.raw(`pc."workerId"`))}) AS changes,
      (SELECT count(*)::int FROM "Diploma" d WHERE d."status" = 'PENDING' AND ${workerOfAgenciesSql(staff, Prisma.raw(`d."workerId"`))}) AS diplomas`;
  const changeCount = counts.changes;
  const diplomaCount = counts.diplomas;
  const pageOf = (asked: number, count: number) => Math.min(Math.max(1, asked), Math.max(1, Math.ceil(count / paging.perPage)));
  const changesPage = pageOf(paging.changesPage, changeCount);
  const diplomasPage = pageOf(paging.diplomasPage, diplomaCount);
  const [changes, diplomas, qualifications] = await Promise.all([
    db.profileChange.findMany({
      where: changeWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (changesPage - 1) * paging.perPage,
      take: paging.perPage,
      include: { worker: { select: workerSelect }, document: { select: { id: true, fileName: true } } },
    }),
    db.diploma.findMany({
      where: diplomaWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (diplomasPage - 1) * paging.perPage,
      take: paging.perPage,
      include: {
        worker: {
          select: {
            user: { select: { firstName: true, lastName: true } },
            agencies: { select: { workerNumber: true, agency: { select: { code: true } } } },
          },
        },
        document: { select: { id: true, fileName: true } },
      },
    }),
    db.qualification.findMany({ orderBy: { code: "asc" } }),
  ]);
  // Which approved document is in force for each worker and kind, to compare with the new one.
  const docFields = changes.filter((c) => documentKindOf(c.field));
  const approvedDocs = docFields.length
    ? await db.profileChange.findMany({
        where: { status: "APPROVED", worker: scope, OR: docFields.map((c) => ({ workerId: c.workerId, field: c.field })) },
        orderBy: { reviewedAt: "desc" },
        include: { document: { select: { id: true, fileName: true } } },
      })
    : [];
  return {
    changes,
    diplomas,
    qualifications,
    approvedDocs,
    changeCount,
    diplomaCount,
    changesPage,
    diplomasPage,
    changePageCount: Math.max(1, Math.ceil(changeCount / paging.perPage)),
    diplomaPageCount: Math.max(1, Math.ceil(diplomaCount / paging.perPage)),
  };
}
