// The counts of the staff home page.
import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { agencyScope, contractOfAgencies, workerOfAgencies, type AgencyStaff } from "@/lib/auth/scope";
import { parisCalendarDate } from "@/lib/format";

/** The next advance payment day (Wednesday by default), today included, as a calendar date. */
function nextPayDate(today: Date, weekday: number): Date {
  const iso = ((today.getUTCDay() + 6) % 7) + 1;
  return new Date(today.getTime() + ((weekday - iso + 7) % 7) * 86_400_000);
}

/** The figures of the staff home page, all within the staff member's agencies. */
export async function staffDashboardCounts(staff: AgencyStaff) {
  const inAgencies = workerOfAgencies(staff);
  const clock = await now();
  const today = parisCalendarDate(clock);
  const payDate = nextPayDate(today, 3);
  const weekAgo = new Date(clock.getTime() - 7 * 86_400_000);

  const [
    workers,
    awaitingSignature,
    incomplete,
    drafts,
    profileChanges,
    diplomas,
    advancesPending,
    advancesAccepted,
    timesheets,
    offersAnswered,
  ] = await Promise.all([
    db.workerProfile.count({ where: inAgencies }),
    db.contract.count({ where: { ...agencyScope(staff), state: "AWAITING_SIGNATURE" } }),
    db.contract.count({ where: { ...agencyScope(staff), state: "INCOMPLETE" } }),
    db.contract.count({ where: { ...agencyScope(staff), state: "DRAFT" } }),
    db.profileChange.count({ where: { status: "PENDING", worker: inAgencies } }),
    db.diploma.count({ where: { status: "PENDING", worker: inAgencies } }),
    db.advanceRequest.aggregate({
      where: { ...agencyScope(staff), status: "PENDING", payDate },
      _count: { _all: true },
      _sum: { amountCents: true },
    }),
    db.advanceRequest.count({ where: { ...agencyScope(staff), status: "ACCEPTED", payDate } }),
    db.timesheet.count({ where: { status: "SUBMITTED", submittedAt: { gte: weekAgo }, ...contractOfAgencies(staff) } }),
    db.missionOffer.count({ where: { response: { not: "PENDING" }, need: { status: "OPEN", ...agencyScope(staff) } } }),
  ]);

  return {
    workers,
    awaitingSignature,
    incomplete,
    drafts,
    profileChanges,
    diplomas,
    advances: {
      payDate,
      count: advancesPending._count._all,
      totalCents: advancesPending._sum.amountCents ?? 0,
      accepted: advancesAccepted,
    },
    timesheets,
    offersAnswered,
  };
}
