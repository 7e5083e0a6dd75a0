import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  advanceBasis,
  advanceSchedule,
  calendarDay,
  monthOf,
  monthsCovered,
  rulesOfAgency,
  UNPAID_LOOKBACK_MONTHS,
  type AdvanceBasis,
  type AdvanceRules,
  type AdvanceSchedule,
} from "./rules";
import { parisCalendarDate } from "../time/paris";

type Reader = Pick<Prisma.TransactionClient, "document" | "timesheetEntry" | "advanceRequest">;

/**
 * The one read of the available amount of a worker at an agency, at an
 * instant (the worker's page, the request and its edits, the staff list and
 * the staff acceptance all use it; in a transaction, pass it).
 * Validated hours are the days of SUBMITTED timesheets as they stand (the
 * client's figure as corrected by the agency, TimesheetEntry.minutes) on the
 * worker's contracts of that agency that are not cancelled. A month is paid
 * once a PAYSLIP of that agency covering it is published (a Document row
 * created by then). The rule itself is `advanceBasis` (lib/advances/rules.ts).
 */
export async function advanceBasisOf(
  workerId: string,
  agencyId: string,
  ratioPct: number,
  at: Date,
  client: Reader = db,
): Promise<AdvanceBasis> {
  const today = parisCalendarDate(at);
  const current = monthOf(today);
  const from = calendarDay(current.year, current.month - UNPAID_LOOKBACK_MONTHS, 1);
  const [payslips, entries, advances] = await Promise.all([
    client.document.findMany({
      where: {
        kind: "PAYSLIP",
        workerId,
        agencyId,
        createdAt: { lte: at },
        OR: [{ periodEnd: { gte: from } }, { periodEnd: null, periodStart: { gte: from } }],
      },
      select: { periodStart: true, periodEnd: true },
    }),
    client.timesheetEntry.findMany({
      where: {
        date: { gte: from, lte: today },
        minutes: { gt: 0 },
        timesheet: { status: "SUBMITTED", contract: { workerId, agencyId, state: { not: "CANCELLED" } } },
      },
      select: { date: true, minutes: true, timesheet: { select: { contract: { select: { hourlyRateCents: true } } } } },
    }),
    client.advanceRequest.findMany({
      where: { workerId, agencyId, status: { in: ["ACCEPTED", "PAID"] }, payDate: { gte: from } },
      select: { payDate: true, amountCents: true },
    }),
  ]);
  return advanceBasis({
    today,
    ratioPct,
    paidMonths: payslips.flatMap(monthsCovered),
    work: entries.map((e) => ({ date: e.date, minutes: e.minutes, hourlyRateCents: e.timesheet.contract.hourlyRateCents })),
    advances,
  });
}

export type AgencyAdvanceContext = AdvanceBasis & {
  agencyId: string;
  agencyCode: string;
  rules: AdvanceRules;
  schedule: AdvanceSchedule;
};

/** The figures the worker sees before typing anything, per agency. */
export async function advanceContexts(workerId: string, at: Date): Promise<AgencyAdvanceContext[]> {
  const links = await db.workerAgency.findMany({ where: { workerId }, include: { agency: true }, orderBy: { createdAt: "asc" } });
  return Promise.all(
    links.map(async ({ agency }) => {
      const rules = rulesOfAgency(agency);
      const basis = await advanceBasisOf(workerId, agency.id, rules.ratioPct, at);
      return { ...basis, agencyId: agency.id, agencyCode: agency.code, rules, schedule: advanceSchedule(at, rules) };
    }),
  );
}
