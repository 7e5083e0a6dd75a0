import "server-only";
import { db } from "@/lib/db";
import { agencyScope } from "@/lib/auth/scope";
import { Prisma } from "@/lib/generated/prisma/client";
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
import { addDays } from "../time/days";

type Reader = Pick<Prisma.TransactionClient, "document" | "advanceRequest" | "$queryRaw">;

/** A worker at an agency, with the agency's ratio: whose available amount to read. */
export type AdvanceKey = { workerId: string; agencyId: string; ratioPct: number };

/** The key of a worker at an agency in the map advanceBasesOf returns. */
export const advanceKeyOf = (k: { workerId: string; agencyId: string }) => `${k.workerId}:${k.agencyId}`;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The one read of the available amount of workers at agencies, at an
 * instant (the worker's page, the request and its edits, the staff list and
 * the staff acceptance all use it; in a transaction, pass it): three queries
 * whatever the number of workers (payslips, validated days, advances), each
 * bounded by the workers asked for and the lookback months.
 * Validated hours are the days of SUBMITTED timesheets as they stand (the
 * client's figure as corrected by the agency, TimesheetEntry.minutes) on the
 * worker's contracts of that agency that are not cancelled. A month is paid
 * once a PAYSLIP of that agency covering it is published (a Document row
 * created by then). The rule itself is `advanceBasis` (lib/advances/rules.ts).
 */
export async function advanceBasesOf(keys: AdvanceKey[], at: Date, client: Reader = db): Promise<Map<string, AdvanceBasis>> {
  const bases = new Map<string, AdvanceBasis>();
  if (!keys.length) return bases;
  const today = parisCalendarDate(at);
  const current = monthOf(today);
  const from = calendarDay(current.year, current.month - UNPAID_LOOKBACK_MONTHS, 1);
  const workerIds = [...new Set(keys.map((k) => k.workerId))];
  const agencyIds = [...new Set(keys.map((k) => k.agencyId))];
  const [payslips, entries, advances] = await Promise.all([
    client.document.findMany({
      where: {
        kind: "PAYSLIP",
        workerId: { in: workerIds },
        ...agencyScope({ agencyIds }),
        createdAt: { lte: at },
        OR: [{ periodEnd: { gte: from } }, { periodEnd: null, periodStart: { gte: from } }],
      },
      select: { workerId: true, agencyId: true, periodStart: true, periodEnd: true },
    }),
    // One row per validated day and contract, with the contract's rate: from the workers' contracts
    // down, each contract's timesheets read on its (contractId, weekStart) index (the LATERAL with
    // OFFSET 0 keeps the planner from hashing the whole Timesheet table instead), so the cost follows
    // the workers asked for, not the tables. A timesheet is the week from its Monday (weekStart).
    client.$queryRaw<{ workerId: string; agencyId: string; day: string; minutes: number; rate: number }[]>`
      SELECT c."workerId", c."agencyId", e."date"::text AS day, e."minutes", c."hourlyRateCents" AS rate
      FROM "Contract" c
      CROSS JOIN LATERAL (
        SELECT t."id" FROM "Timesheet" t
        WHERE t."contractId" = c."id" AND t."status" = 'SUBMITTED'
          AND t."weekStart" >= ${isoDay(addDays(from, -6))}::date AND t."weekStart" <= ${isoDay(today)}::date
        OFFSET 0
      ) t
      JOIN "TimesheetEntry" e ON e."timesheetId" = t."id"
      WHERE c."workerId" IN (${Prisma.join(workerIds)}) AND c."agencyId" IN (${Prisma.join(agencyIds)})
        AND c."state" <> 'CANCELLED'
        AND e."date" >= ${isoDay(from)}::date AND e."date" <= ${isoDay(today)}::date AND e."minutes" > 0`,
    client.advanceRequest.findMany({
      where: { workerId: { in: workerIds }, ...agencyScope({ agencyIds }), status: { in: ["ACCEPTED", "PAID"] }, payDate: { gte: from } },
      select: { workerId: true, agencyId: true, payDate: true, amountCents: true },
    }),
  ]);
  const grouped = <T extends { workerId: string | null; agencyId: string | null }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      if (!row.workerId || !row.agencyId) continue;
      const key = advanceKeyOf({ workerId: row.workerId, agencyId: row.agencyId });
      map.set(key, [...(map.get(key) ?? []), row]);
    }
    return map;
  };
  const payslipsOf = grouped(payslips);
  const entriesOf = grouped(entries);
  const advancesOf = grouped(advances);
  for (const k of keys) {
    const key = advanceKeyOf(k);
    if (bases.has(key)) continue;
    bases.set(
      key,
      advanceBasis({
        today,
        ratioPct: k.ratioPct,
        paidMonths: (payslipsOf.get(key) ?? []).flatMap(monthsCovered),
        work: (entriesOf.get(key) ?? []).map((e) => ({
          date: new Date(`${e.day}T00:00:00.000Z`),
          minutes: Number(e.minutes),
          hourlyRateCents: Number(e.rate),
        })),
        advances: (advancesOf.get(key) ?? []).map((a) => ({ payDate: a.payDate, amountCents: a.amountCents })),
      }),
    );
  }
  return bases;
}

/** The available amount of one worker at one agency (advanceBasesOf for one key). */
export async function advanceBasisOf(
  workerId: string,
  agencyId: string,
  ratioPct: number,
  at: Date,
  client: Reader = db,
): Promise<AdvanceBasis> {
  const bases = await advanceBasesOf([{ workerId, agencyId, ratioPct }], at, client);
  return bases.get(advanceKeyOf({ workerId, agencyId }))!;
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
  const bases = await advanceBasesOf(
    links.map(({ agency }) => ({ workerId, agencyId: agency.id, ratioPct: rulesOfAgency(agency).ratioPct })),
    at,
  );
  return links.map(({ agency }) => {
    const rules = rulesOfAgency(agency);
    const basis = bases.get(advanceKeyOf({ workerId, agencyId: agency.id }))!;
    return { ...basis, agencyId: agency.id, agencyCode: agency.code, rules, schedule: advanceSchedule(at, rules) };
  });
}
