// The payroll export of an agency for a period: the validated hours (submitted
// timesheets, after the agency's corrections) and accessoires, and the advances
// accepted or paid for the period. Staff of the agency only; each export is audited.
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { ownAgencies } from "@/lib/auth/scope";
import { addDays } from "@/lib/time/days";
import { toCsv } from "@/lib/csv";
import { payrollLines } from "./payroll";

const entrySelect = {
  date: true,
  minutes: true,
  nightMinutes: true,
  sundayMinutes: true,
  holidayMinutes: true,
  mealAllowances: true,
  travelAllowances: true,
  absenceCode: true,
  timesheet: { select: { contractId: true, weekStart: true } },
} as const;

/** The CSV of an agency's period, or null when the agency is not one of the caller's (404). */
export async function payrollExport(
  staff: { userId: string; agencyIds: readonly string[] },
  agencyId: string,
  from: Date,
  to: Date,
): Promise<{ csv: string; agencyCode: string; rows: number } | null> {
  const agency = await db.agency.findFirst({
    // Both conditions: spreading the scope would replace the id.
    where: { AND: [{ id: agencyId }, ownAgencies(staff)] },
    select: { id: true, code: true, name: true },
  });
  if (!agency) return null;
  const submitted = { status: "SUBMITTED" as const, contract: { agencyId: agency.id } };
  const [entries, weekEntries, advances] = await Promise.all([
    db.timesheetEntry.findMany({ where: { date: { gte: from, lte: to }, timesheet: submitted }, select: entrySelect }),
    // Whole weeks whose Sunday is in the period, for the overtime beyond 35 h.
    db.timesheetEntry.findMany({
      where: { timesheet: { ...submitted, weekStart: { gte: addDays(from, -6), lte: addDays(to, -6) } } },
      select: entrySelect,
    }),
    db.advanceRequest.findMany({
      where: { agencyId: agency.id, status: { in: ["ACCEPTED", "PAID"] }, payDate: { gte: from, lte: to } },
      select: { workerId: true, amountCents: true, status: true },
    }),
  ]);
  const flat = (e: (typeof entries)[number]) => ({ ...e, contractId: e.timesheet.contractId, weekStart: e.timesheet.weekStart });
  const contractIds = [...new Set([...entries, ...weekEntries].map((e) => e.timesheet.contractId))];
  const [contracts, workers] = await Promise.all([
    db.contract.findMany({
      where: { id: { in: contractIds }, agencyId: agency.id },
      select: {
        id: true,
        number: true,
        workerId: true,
        client: { select: { name: true } },
        qualification: { select: { label: true } },
        worker: {
          select: {
            user: { select: { firstName: true, lastName: true } },
            agencies: { where: { agencyId: agency.id }, select: { workerNumber: true } },
          },
        },
      },
    }),
    db.workerProfile.findMany({
      where: { id: { in: [...new Set(advances.map((a) => a.workerId))] } },
      select: {
        id: true,
        user: { select: { firstName: true, lastName: true } },
        agencies: { where: { agencyId: agency.id }, select: { workerNumber: true } },
      },
    }),
  ]);
  const lines = payrollLines({
    agencyCode: agency.code,
    from,
    to,
    contracts: contracts.map((c) => ({
      id: c.id,
      number: c.number,
      workerId: c.workerId,
      workerNumber: c.worker.agencies[0]?.workerNumber ?? "",
      lastName: c.worker.user.lastName,
      firstName: c.worker.user.firstName,
      client: c.client.name,
      qualification: c.qualification.label,
    })),
    entries: entries.map(flat),
    weekEntries: weekEntries.map(flat),
    advances: advances.map((a) => ({ ...a, status: a.status as "ACCEPTED" | "PAID" })),
    workers: workers.map((w) => ({
      workerId: w.id,
      workerNumber: w.agencies[0]?.workerNumber ?? "",
      lastName: w.user.lastName,
      firstName: w.user.firstName,
    })),
  });
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  await recordAudit(
    db,
    { type: "timesheet.payroll_exported", data: { agency: agency.name, from: iso(from), to: iso(to), rows: lines.length - 1 } },
    { actorId: staff.userId, agencyId: agency.id },
  );
  return { csv: toCsv(lines), agencyCode: agency.code, rows: lines.length - 1 };
}
