// Writes of the hours entry: a client saves or submits its week, staff correct
// submitted hours. Each write checks scope in its own queries, runs in one
// transaction with its audit entry, and never makes two timesheets for one
// contract and week (unique key + conditional updates on the status).
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { contractOfAgencies } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CLIENT_VISIBLE_STATES } from "./queries";
import { checkRow, checkWeeklyCaps, isoDate, otherContractsMinutes, weekCapMessage, weekOf, type Week } from "./rules";
import { parisCalendarDate } from "../time/paris";
import { fail, ok as succeed, type Result } from "@/lib/result";

type Tx = Prisma.TransactionClient;

export const cellName = (contractId: string, iso: string) => `h.${contractId}.${iso}`;

/** The hour cells of a posted week grid (the fields named by cellName). */
export function hourCells(values: Record<string, unknown>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (key.startsWith("h.") && typeof value === "string") cells[key] = value;
  return cells;
}

/** Marks the contract's work shifts of the week validated on the days with hours, and not on the others. */
async function syncShiftValidation(tx: Tx, contractId: string, week: Week, minutesByIso: Map<string, number>, at: Date) {
  const shifts = await tx.shift.findMany({
    where: { contractId, kind: "WORK", startsAt: { gte: week.start, lt: week.end } },
    select: { id: true, startsAt: true, validated: true },
  });
  const validate: string[] = [];
  const unvalidate: string[] = [];
  for (const s of shifts) {
    const worked = (minutesByIso.get(isoDate(parisCalendarDate(s.startsAt))) ?? 0) > 0;
    if (worked && !s.validated) validate.push(s.id);
    if (!worked && s.validated) unvalidate.push(s.id);
  }
  if (validate.length) await tx.shift.updateMany({ where: { id: { in: validate } }, data: { validated: true, validatedAt: at } });
  if (unvalidate.length) await tx.shift.updateMany({ where: { id: { in: unvalidate } }, data: { validated: false, validatedAt: null } });
  return shifts;
}

/**
 * Each worker's minutes of the week on their contracts other than `exceptContractIds`,
 * at any client (see `otherContractsMinutes`). Only the totals leave this function.
 */
async function minutesElsewhere(workerIds: string[], exceptContractIds: string[], week: Week): Promise<Map<string, number>> {
  const contracts = await db.contract.findMany({
    where: {
      workerId: { in: workerIds },
      id: { notIn: exceptContractIds },
      state: { in: [...CLIENT_VISIBLE_STATES] },
      startDate: { lte: week.sunday },
      endDate: { gte: week.monday },
    },
    select: {
      workerId: true,
      timesheets: { where: { weekStart: week.monday }, select: { status: true, entries: { select: { minutes: true } } } },
      shifts: {
        where: { kind: "WORK", startsAt: { gte: week.start, lt: week.end } },
        select: { startsAt: true, endsAt: true, breakMinutes: true, kind: true, validated: true },
      },
    },
  });
  const out = new Map<string, number>();
  for (const c of contracts) {
    const minutes = otherContractsMinutes([{ timesheet: c.timesheets[0] ?? null, shifts: c.shifts }]);
    out.set(c.workerId, (out.get(c.workerId) ?? 0) + minutes);
  }
  return out;
}

async function writeEntries(tx: Tx, timesheetId: string, contractId: string, week: Week, minutesByIso: Map<string, number>) {
  const shifts = await tx.shift.findMany({
    where: { contractId, kind: "WORK", startsAt: { gte: week.start, lt: week.end } },
    select: { id: true, startsAt: true },
    orderBy: { startsAt: "asc" },
  });
  await tx.timesheetEntry.deleteMany({ where: { timesheetId } });
  const data = [...minutesByIso].map(([iso, minutes]) => ({
    timesheetId,
    date: new Date(`${iso}T00:00:00Z`),
    minutes,
    shiftId: shifts.find((s) => isoDate(parisCalendarDate(s.startsAt)) === iso)?.id ?? null,
  }));
  if (data.length) await tx.timesheetEntry.createMany({ data });
}

type ContractDates = { id: string; startDate: Date; endDate: Date };

/** The minutes of each day of the week within the contract's dates. */
function minutesWithinContract(contract: ContractDates, week: Week, minutes: number[]): Map<string, number> {
  const out = new Map<string, number>();
  week.days.forEach((d, i) => {
    if (d >= contract.startDate && d <= contract.endDate) out.set(isoDate(d), minutes[i]);
  });
  return out;
}

/** Whether the submitted timesheet holds exactly these minutes (the same "Transmettre" posted twice). */
async function holdsMinutes(contractId: string, week: Week, minutesByIso: Map<string, number>): Promise<boolean> {
  const sheet = await db.timesheet.findUnique({
    where: { contractId_weekStart: { contractId, weekStart: week.monday } },
    select: { status: true, entries: { select: { date: true, minutes: true } } },
  });
  if (sheet?.status !== "SUBMITTED") return false;
  const stored = new Map(sheet.entries.map((e) => [isoDate(e.date), e.minutes]));
  return (
    [...minutesByIso].every(([iso, minutes]) => (stored.get(iso) ?? 0) === minutes) &&
    [...stored].every(([iso, minutes]) => (minutesByIso.get(iso) ?? 0) === minutes)
  );
}

const SUBMITTED = "Heures transmises à l'agence.";
const ALREADY_SUBMITTED = "Les heures de cette semaine ont déjà été transmises.";

/**
 * The client's "Enregistrer" (draft) or "Transmettre" (submit) for a week.
 * "Transmettre" posted twice (double click, two tabs) answers the same: the
 * second finds the week submitted with the same hours.
 * Every row of the form is checked first; nothing is written if one cell is refused.
 */
export async function saveClientWeek(
  user: { id: string; clientIds: string[] },
  input: { monday: Date; contractIds: string[]; values: Record<string, string>; submit: boolean; at: Date },
): Promise<Result> {
  const week = weekOf(input.monday);
  const contracts = await db.contract.findMany({
    where: {
      id: { in: input.contractIds },
      clientId: { in: user.clientIds },
      state: { in: [...CLIENT_VISIBLE_STATES] },
      startDate: { lte: week.sunday },
      endDate: { gte: week.monday },
    },
    select: {
      id: true,
      number: true,
      agencyId: true,
      workerId: true,
      startDate: true,
      endDate: true,
      worker: { select: { userId: true } },
    },
  });
  if (contracts.length !== new Set(input.contractIds).size) return fail("Un des contrats de la saisie est introuvable. Rechargez la page.");
  const existing = await db.timesheet.findMany({
    where: { contractId: { in: contracts.map((c) => c.id) }, weekStart: week.monday },
    select: { contractId: true, status: true },
  });
  const editable = contracts.filter((c) => existing.find((t) => t.contractId === c.id)?.status !== "SUBMITTED");
  if (!editable.length) {
    if (input.submit && (await sameAsSubmitted(contracts, week, input.values))) return succeed(SUBMITTED);
    return fail(ALREADY_SUBMITTED);
  }

  const fieldErrors: Record<string, string> = {};
  const checked = editable.map((c) => {
    const row = checkRow(
      week.days.map((date) => ({ date, text: input.values[cellName(c.id, isoDate(date))] ?? "" })),
      c,
    );
    for (const [iso, message] of Object.entries(row.errors)) fieldErrors[cellName(c.id, iso)] = message;
    return { contract: c, row };
  });
  // The cap counts the worker's hours of the week at other clients and sites too.
  const elsewhere = await minutesElsewhere(
    [...new Set(editable.map((c) => c.workerId))],
    editable.map((c) => c.id),
    week,
  );
  const overCap = checkWeeklyCaps(
    checked.map((x) => ({ workerId: x.contract.workerId, total: x.row.total })),
    elsewhere,
  );
  for (const x of checked) {
    const total = overCap.get(x.contract.workerId);
    if (total !== undefined) fieldErrors[`row.${x.contract.id}`] = weekCapMessage(total, elsewhere.get(x.contract.workerId));
  }
  if (Object.keys(fieldErrors).length) return fail("Certaines heures sont refusées : corrigez les cases signalées.", fieldErrors);

  let saved = 0;
  let alreadySubmitted = 0;
  for (const { contract, row } of checked) {
    const minutesByIso = minutesWithinContract(contract, week, row.minutes);
    // One timesheet per contract and week: a concurrent create (another tab) hits the unique key, then both use that row.
    const key = { contractId_weekStart: { contractId: contract.id, weekStart: week.monday } };
    const sheet =
      (await db.timesheet.findUnique({ where: key })) ??
      (await db.timesheet
        .create({ data: { contractId: contract.id, weekStart: week.monday, enteredById: user.id } })
        .catch(async () => db.timesheet.findUniqueOrThrow({ where: key })));
    const done = await db.$transaction(async (tx) => {
      // Only a draft changes: a timesheet submitted meanwhile stays as submitted.
      const claimed = await tx.timesheet.updateMany({
        where: { id: sheet.id, status: "DRAFT" },
        data: input.submit ? { status: "SUBMITTED", submittedAt: input.at, enteredById: user.id } : { enteredById: user.id },
      });
      if (claimed.count === 0) return false;
      await writeEntries(tx, sheet.id, contract.id, week, minutesByIso);
      if (input.submit) await syncShiftValidation(tx, contract.id, week, minutesByIso, input.at);
      await recordAudit(
        tx,
        {
          type: input.submit ? "timesheet.submitted" : "timesheet.draft_saved",
          data: { contract: contract.number, week: isoDate(week.monday), minutes: Object.fromEntries(minutesByIso), total: row.total },
        },
        {
          actorId: user.id,
          subjectUserId: contract.worker.userId,
          agencyId: contract.agencyId,
          entityType: "Timesheet",
          entityId: sheet.id,
        },
      );
      return true;
    });
    if (done || (input.submit && (await holdsMinutes(contract.id, week, minutesByIso)))) saved++;
    else alreadySubmitted++;
  }
  if (!saved) return fail(ALREADY_SUBMITTED);
  const base = input.submit ? SUBMITTED : "Brouillon enregistré. Pensez à transmettre les heures une fois la semaine complète.";
  return succeed(alreadySubmitted ? `${base} Certaines lignes avaient déjà été transmises et n'ont pas changé.` : base);
}

/** Every row of the form checks and matches the hours already submitted for its contract. */
async function sameAsSubmitted(contracts: ContractDates[], week: Week, values: Record<string, string>): Promise<boolean> {
  for (const c of contracts) {
    const row = checkRow(
      week.days.map((date) => ({ date, text: values[cellName(c.id, isoDate(date))] ?? "" })),
      c,
    );
    if (Object.keys(row.errors).length || !(await holdsMinutes(c.id, week, minutesWithinContract(c, week, row.minutes)))) return false;
  }
  return true;
}

/** Staff correct the hours of a submitted timesheet; each changed day is audited with its old and new value. */
export async function correctTimesheet(
  staff: { id: string; agencyIds: string[] },
  input: { timesheetId: string; version: string; values: Record<string, string>; at: Date },
): Promise<Result | null> {
  const sheet = await db.timesheet.findFirst({
    where: { id: input.timesheetId, ...contractOfAgencies(staff) },
    select: {
      id: true,
      status: true,
      weekStart: true,
      updatedAt: true,
      entries: { select: { date: true, minutes: true } },
      contract: {
        select: {
          id: true,
          number: true,
          agencyId: true,
          workerId: true,
          startDate: true,
          endDate: true,
          worker: { select: { userId: true } },
        },
      },
    },
  });
  if (!sheet) return null;
  if (sheet.status !== "SUBMITTED") return fail("Seules les heures transmises par le client peuvent être corrigées.");
  const week = weekOf(sheet.weekStart);
  const c = sheet.contract;
  const row = checkRow(
    week.days.map((date) => ({ date, text: input.values[cellName(c.id, isoDate(date))] ?? "" })),
    c,
  );
  const fieldErrors: Record<string, string> = {};
  for (const [iso, message] of Object.entries(row.errors)) fieldErrors[cellName(c.id, iso)] = message;
  const elsewhere = await minutesElsewhere([c.workerId], [c.id], week);
  const overCap = checkWeeklyCaps([{ workerId: c.workerId, total: row.total }], elsewhere).get(c.workerId);
  if (overCap !== undefined) fieldErrors[`row.${c.id}`] = weekCapMessage(overCap, elsewhere.get(c.workerId));
  if (Object.keys(fieldErrors).length) return fail("Certaines heures sont refusées : corrigez les cases signalées.", fieldErrors);

  const minutesByIso = new Map<string, number>();
  const changes: { date: string; old: number; new: number }[] = [];
  week.days.forEach((d, i) => {
    const iso = isoDate(d);
    if (d < c.startDate || d > c.endDate) return;
    minutesByIso.set(iso, row.minutes[i]);
    const old = sheet.entries.find((e) => isoDate(e.date) === iso)?.minutes ?? 0;
    if (old !== row.minutes[i]) changes.push({ date: iso, old, new: row.minutes[i] });
  });
  if (!changes.length) return succeed("Aucune modification.");

  const ok = await db.$transaction(async (tx) => {
    // The version is the updatedAt the staff member saw: a concurrent change wins, this one is refused.
    const claimed = await tx.timesheet.updateMany({
      where: { id: sheet.id, status: "SUBMITTED", updatedAt: new Date(input.version) },
      data: { updatedAt: input.at },
    });
    if (claimed.count === 0) return false;
    await writeEntries(tx, sheet.id, c.id, week, minutesByIso);
    await syncShiftValidation(tx, c.id, week, minutesByIso, input.at);
    await recordAudit(
      tx,
      { type: "timesheet.corrected", data: { contract: c.number, week: isoDate(week.monday), changes } },
      { actorId: staff.id, subjectUserId: c.worker.userId, agencyId: c.agencyId, entityType: "Timesheet", entityId: sheet.id },
    );
    return true;
  });
  if (!ok) return fail("Ces heures viennent d'être modifiées par ailleurs : rechargez la page avant de corriger.");
  return succeed(
    `Correction enregistrée (${changes.length} jour${changes.length > 1 ? "s" : ""} modifié${changes.length > 1 ? "s" : ""}).`,
  );
}
