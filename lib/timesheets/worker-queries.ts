// Reads of the worker's relevé d'heures, scoped to the worker in the query:
// their own contracts only (contractScope), never another worker's.
import "server-only";
import { db } from "@/lib/db";
import { contractScope } from "@/lib/auth/scope";
import { parisTimeOnDay } from "@/lib/time/paris";
import { addDays } from "@/lib/time/days";
import { statementByContract } from "./rules";

/** The worker's contracts with planned or entered hours from `start` to `end` (calendar days, inclusive), with each day's figures. */
export async function workerStatement(worker: { role: "WORKER"; workerId: string }, start: Date, end: Date) {
  const scope = { ...contractScope(worker), state: { notIn: ["DRAFT" as const, "CANCELLED" as const] } };
  const [contracts, shifts, entries] = await Promise.all([
    db.contract.findMany({
      where: { ...scope, startDate: { lte: end }, endDate: { gte: start } },
      select: { id: true, number: true, reference: true, client: { select: { name: true } }, qualification: { select: { label: true } } },
      orderBy: [{ startDate: "asc" }, { number: "asc" }],
    }),
    db.shift.findMany({
      where: { contract: scope, startsAt: { gte: parisTimeOnDay(start, 0), lt: parisTimeOnDay(addDays(end, 1), 0) } },
      select: { contractId: true, startsAt: true, endsAt: true, breakMinutes: true, kind: true, validated: true },
    }),
    db.timesheetEntry.findMany({
      where: { date: { gte: start, lte: end }, timesheet: { status: "SUBMITTED", contract: scope } },
      select: { date: true, minutes: true, clientMinutes: true, correctedAt: true, timesheet: { select: { contractId: true } } },
    }),
  ]);
  const lines = statementByContract(
    shifts,
    entries.map((e) => ({ ...e, contractId: e.timesheet.contractId })),
  );
  return contracts.map((c) => ({ contract: c, ...(lines.get(c.id) ?? null) })).filter((c) => c.days?.length) as {
    contract: (typeof contracts)[number];
    days: NonNullable<ReturnType<typeof lines.get>>["days"];
    totals: NonNullable<ReturnType<typeof lines.get>>["totals"];
  }[];
}
