// Reads of the staff advances page and export, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { agencyScope, type AgencyStaff } from "@/lib/auth/scope";
import { staffAgenciesWithRules } from "@/lib/backoffice/agencies";
import { addDays } from "@/lib/time/days";
import { advanceBasesOf, advanceKeyOf } from "./queries";
import { DEFAULT_ADVANCE_RULES, isoWeekday, parisDay, rulesOfAgency } from "./rules";

/** The next payment day of the staff member's agencies (the first agency's weekday), today included. */
export async function staffNextPayDate(staff: AgencyStaff, at: Date): Promise<Date> {
  const agencies = await staffAgenciesWithRules(staff);
  const payWeekday = agencies[0] ? rulesOfAgency(agencies[0]).payWeekday : DEFAULT_ADVANCE_RULES.payWeekday;
  let next = parisDay(at);
  while (isoWeekday(next) !== payWeekday) next = addDays(next, 1);
  return next;
}

// The where-fragments of the staff list, shared with its counts on the staff home.
const ofPayDay = (staff: AgencyStaff, payDate: Date) => ({ ...agencyScope(staff), payDate, status: { not: "CANCELLED" as const } });
const pendingElsewhere = (staff: AgencyStaff, payDate: Date) => ({ ...agencyScope(staff), status: "PENDING" as const, NOT: { payDate } });

/** Pending requests on other payment days than `payDate`, per payment day (the list's "Autres demandes en attente"). */
function otherPendingOf(staff: AgencyStaff, payDate: Date) {
  return db.advanceRequest.groupBy({
    by: ["payDate"],
    where: pendingElsewhere(staff, payDate),
    _count: { _all: true },
    orderBy: { payDate: "asc" },
  });
}

/** The choices of "Nombre par page" on the staff advances list. */
export const ADVANCE_PAGE_SIZES = [15, 30, 50] as const;
/** The default page: a whole payment day of an agency fits on it, as before the paging. */
export const ADVANCE_DEFAULT_PAGE_SIZE = 50;

/**
 * One page of the requests of a payment day (cancelled ones left out), each with the
 * worker's available amount now (the one query of lib/advances/queries.ts)
 * and whether it is above it, and how many wait on other days.
 */
export async function staffAdvancesOfPayDay(
  staff: AgencyStaff,
  payDate: Date,
  at: Date,
  paging: { page: number; perPage: number } = { page: 1, perPage: ADVANCE_DEFAULT_PAGE_SIZE },
) {
  const total = await db.advanceRequest.count({ where: ofPayDay(staff, payDate) });
  const pageCount = Math.max(1, Math.ceil(total / paging.perPage));
  const current = Math.min(Math.max(1, paging.page), pageCount);
  const requests = await db.advanceRequest.findMany({
    where: ofPayDay(staff, payDate),
    orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip: (current - 1) * paging.perPage,
    take: paging.perPage,
    include: {
      agency: true,
      worker: {
        select: {
          id: true,
          user: { select: { firstName: true, lastName: true } },
          agencies: { select: { agencyId: true, workerNumber: true, agency: { select: { code: true } } } },
        },
      },
    },
  });
  // The basis of each worker of the page only (bounded by the page size, not by the day's requests).
  const bases = await advanceBasesOf(
    requests.map((r) => ({ workerId: r.workerId, agencyId: r.agencyId, ratioPct: rulesOfAgency(r.agency).ratioPct })),
    at,
  );
  const rows = requests.map((r) => {
    const basis = bases.get(advanceKeyOf(r))!;
    return { ...r, basis, overCapNow: r.status === "PENDING" && r.amountCents > basis.availableCents };
  });
  return { requests: rows, total, pageCount, current, otherPending: await otherPendingOf(staff, payDate) };
}

/**
 * The staff home's advances card: the payment day it shows (the first one
 * from today with pending requests, else the next payment day) and, for it,
 * the counts of the list it links to (`/admin/acomptes?date=`), read with
 * the same where-fragments as staffAdvancesOfPayDay.
 */
export async function staffAdvanceCounts(staff: AgencyStaff, at: Date) {
  const today = parisDay(at);
  const first = await db.advanceRequest.findFirst({
    where: { ...agencyScope(staff), status: "PENDING", payDate: { gte: today } },
    orderBy: { payDate: "asc" },
    select: { payDate: true },
  });
  const payDate = first?.payDate ?? (await staffNextPayDate(staff, at));
  const [byStatus, otherPending] = await Promise.all([
    db.advanceRequest.groupBy({ by: ["status"], where: ofPayDay(staff, payDate), _count: { _all: true }, _sum: { amountCents: true } }),
    otherPendingOf(staff, payDate),
  ]);
  const of = (status: string) => byStatus.find((g) => g.status === status);
  return {
    payDate,
    pending: of("PENDING")?._count._all ?? 0,
    pendingCents: of("PENDING")?._sum.amountCents ?? 0,
    accepted: of("ACCEPTED")?._count._all ?? 0,
    otherPending: otherPending.reduce((sum, g) => sum + g._count._all, 0),
  };
}

/** The accepted advances of a payment day with the workers' bank details, for the transfer file. */
export function acceptedAdvancesForTransfer(staff: AgencyStaff, payDate: Date) {
  return db.advanceRequest.findMany({
    where: { ...agencyScope(staff), payDate, status: "ACCEPTED" },
    orderBy: { createdAt: "asc" },
    include: {
      agency: { select: { code: true } },
      worker: {
        select: {
          ibanEncrypted: true,
          bic: true,
          user: { select: { firstName: true, lastName: true } },
          agencies: { select: { agencyId: true, workerNumber: true } },
        },
      },
    },
  });
}

/** The export decrypted IBANs: audited. */
export function recordAdvancesExport(staff: { userId: string }, payDate: string, rows: { amountCents: number }[]) {
  return recordAudit(
    db,
    { type: "advance.exported", data: { payDate, count: rows.length, totalCents: rows.reduce((s, r) => s + r.amountCents, 0) } },
    { actorId: staff.userId },
  );
}
