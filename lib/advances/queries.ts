import "server-only";
import { db } from "@/lib/db";
import {
  advanceSchedule,
  availableCents,
  earnedCents,
  monthBounds,
  parisMidnight,
  rulesOfAgency,
  type AdvanceRules,
  type AdvanceSchedule,
} from "./rules";
import { parisCalendarDate } from "../time/paris";

const DAY_MS = 86_400_000;

/**
 * Validated work of a worker for an agency in a month: per contract and day,
 * the hours a client submitted on a timesheet when there is one, else the
 * validated shifts. Minutes and earnings (minutes x the contract's hourly rate).
 */
export async function validatedWork(
  workerId: string,
  agencyId: string,
  month: { year: number; month: number },
): Promise<{ minutes: number; cents: number }> {
  const { first, last } = monthBounds(month);
  const from = parisMidnight(first);
  const to = parisMidnight(new Date(last.getTime() + DAY_MS));
  const [shifts, entries] = await Promise.all([
    db.shift.findMany({
      where: {
        kind: "WORK",
        validated: true,
        startsAt: { gte: from, lt: to },
        contract: { workerId, agencyId, state: { not: "CANCELLED" } },
      },
      select: { contractId: true, startsAt: true, endsAt: true, breakMinutes: true, contract: { select: { hourlyRateCents: true } } },
    }),
    db.timesheetEntry.findMany({
      where: {
        date: { gte: first, lte: last },
        timesheet: { status: "SUBMITTED", contract: { workerId, agencyId, state: { not: "CANCELLED" } } },
      },
      select: { date: true, minutes: true, timesheet: { select: { contractId: true, contract: { select: { hourlyRateCents: true } } } } },
    }),
  ]);
  const byDay = new Map<string, { minutes: number; hourlyRateCents: number }>();
  for (const s of shifts) {
    const key = `${s.contractId}:${parisCalendarDate(s.startsAt).toISOString().slice(0, 10)}`;
    const minutes = Math.max(0, Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000) - s.breakMinutes);
    const prev = byDay.get(key);
    byDay.set(key, { minutes: (prev?.minutes ?? 0) + minutes, hourlyRateCents: s.contract.hourlyRateCents });
  }
  for (const e of entries) {
    byDay.set(`${e.timesheet.contractId}:${e.date.toISOString().slice(0, 10)}`, {
      minutes: e.minutes,
      hourlyRateCents: e.timesheet.contract.hourlyRateCents,
    });
  }
  const items = [...byDay.values()];
  return { minutes: items.reduce((sum, i) => sum + i.minutes, 0), cents: earnedCents(items) };
}

/** Advances accepted or paid on the salary of a month (by payment day), optionally leaving one out. */
export async function advancedInMonth(
  workerId: string,
  agencyId: string,
  month: { year: number; month: number },
  exceptId?: string,
): Promise<number> {
  const { first, last } = monthBounds(month);
  const sum = await db.advanceRequest.aggregate({
    where: {
      workerId,
      agencyId,
      status: { in: ["ACCEPTED", "PAID"] },
      payDate: { gte: first, lte: last },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    _sum: { amountCents: true },
  });
  return sum._sum.amountCents ?? 0;
}

export type AgencyAdvanceContext = {
  agencyId: string;
  agencyCode: string;
  rules: AdvanceRules;
  schedule: AdvanceSchedule;
  minutes: number;
  earnedCents: number;
  advancedCents: number;
  availableCents: number;
};

/** The figures the worker sees before typing anything, per agency. */
export async function advanceContexts(workerId: string, at: Date): Promise<AgencyAdvanceContext[]> {
  const links = await db.workerAgency.findMany({ where: { workerId }, include: { agency: true }, orderBy: { createdAt: "asc" } });
  return Promise.all(
    links.map(async ({ agency }) => {
      const rules = rulesOfAgency(agency);
      const schedule = advanceSchedule(at, rules);
      const work = await validatedWork(workerId, agency.id, schedule.salaryMonth);
      const advanced = await advancedInMonth(workerId, agency.id, schedule.salaryMonth);
      return {
        agencyId: agency.id,
        agencyCode: agency.code,
        rules,
        schedule,
        minutes: work.minutes,
        earnedCents: work.cents,
        advancedCents: advanced,
        availableCents: availableCents({ earnedCents: work.cents, ratioPct: rules.ratioPct, alreadyAdvancedCents: advanced }),
      };
    }),
  );
}
