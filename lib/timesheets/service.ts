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
import { dailyLimitMinutes } from "@/lib/contracts/rules";
import {
  EXTRA_FIELDS,
  checkExtras,
  checkRow,
  checkWeeklyCaps,
  dayWindow,
  clampExtras,
  defaultExtrasByDay,
  firstStartsByDay,
  hoursInputValue,
  isoDate,
  otherContractsMinutes,
  weekCapMessage,
  weekOf,
  type DayExtras,
  type ExtraField,
  type Week,
} from "./rules";
import { parisCalendarDate } from "../time/paris";
import { fail, ok as succeed, type Result } from "@/lib/result";

type Tx = Prisma.TransactionClient;

export const cellName = (contractId: string, iso: string) => `h.${contractId}.${iso}`;
/** The field of one accessoire of a day: "x.night.<contract>.<day>". */
export const extraName = (field: ExtraField, contractId: string, iso: string) => `x.${field}.${contractId}.${iso}`;

/** The hour cells and accessoires of a posted week grid (the fields named by cellName and extraName). */
export function hourCells(values: Record<string, unknown>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, value] of Object.entries(values))
    if ((key.startsWith("h.") || key.startsWith("x.")) && typeof value === "string") cells[key] = value;
  return cells;
}

type WeekShift = { startsAt: Date; endsAt: Date; breakMinutes: number; kind: string };
export type DayEntry = { minutes: number } & DayExtras;

/**
 * One contract's row of a posted grid, checked: the hours (contract dates, days
 * not yet worked, the agency's daily limit) and each day's accessoires. A day
 * whose accessoires were not posted takes the ones its planned shifts suggest.
 */
function readRow(
  c: ContractDates & { agency: { longDayAgreement: boolean } },
  week: Week,
  values: Record<string, string>,
  shifts: WeekShift[],
  at: Date,
  /** Days already submitted, as stored: kept as they are, whatever was posted. */
  locked: ReadonlyMap<string, number> = new Map(),
) {
  const row = checkRow(
    week.days.map((date) => ({ date, text: locked.has(isoDate(date)) ? "" : (values[cellName(c.id, isoDate(date))] ?? "") })),
    c,
    { dailyLimit: dailyLimitMinutes(c.agency), at, firstStarts: firstStartsByDay(shifts) },
  );
  // The week's total counts the days already submitted.
  row.total += [...locked.values()].reduce((a, b) => a + b, 0);
  const firstStarts = firstStartsByDay(shifts);
  const fieldErrors: Record<string, string> = {};
  for (const [iso, message] of Object.entries(row.errors)) fieldErrors[cellName(c.id, iso)] = message;
  const defaults = defaultExtrasByDay(shifts);
  const days = new Map<string, DayEntry>();
  week.days.forEach((d, i) => {
    const iso = isoDate(d);
    if (d < c.startDate || d > c.endDate || locked.has(iso)) return;
    // A day not yet worked gets no entry: it stays open, to be entered once worked.
    if (dayWindow(d, at, firstStarts.get(iso)).kind === "future") return;
    const minutes = row.minutes[i];
    const posted = EXTRA_FIELDS.some((f) => values[extraName(f, c.id, iso)] !== undefined);
    if (!posted) {
      const suggested = clampExtras(defaults.get(iso) ?? { night: 0, sunday: 0, holiday: 0, meals: 0, travel: 0, absence: null }, minutes);
      days.set(iso, { minutes, ...suggested });
      return;
    }
    const text = Object.fromEntries(EXTRA_FIELDS.map((f) => [f, values[extraName(f, c.id, iso)] ?? ""]));
    const { extras, errors } = checkExtras(d, minutes, text);
    for (const [field, message] of Object.entries(errors)) fieldErrors[extraName(field as ExtraField, c.id, iso)] = message;
    days.set(iso, { minutes, ...extras });
  });
  return { row, days, fieldErrors };
}

/** The work and absence shifts of contracts during a week, per contract. */
async function weekShifts(contractIds: string[], week: Week): Promise<Map<string, WeekShift[]>> {
  const shifts = await db.shift.findMany({
    where: { contractId: { in: contractIds }, startsAt: { gte: week.start, lt: week.end } },
    select: { contractId: true, startsAt: true, endsAt: true, breakMinutes: true, kind: true },
    orderBy: { startsAt: "asc" },
  });
  const out = new Map<string, WeekShift[]>();
  for (const s of shifts) out.set(s.contractId, [...(out.get(s.contractId) ?? []), s]);
  return out;
}

const entryData = (d: DayEntry) => ({
  minutes: d.minutes,
  nightMinutes: d.night,
  sundayMinutes: d.sunday,
  holidayMinutes: d.holiday,
  mealAllowances: d.meals,
  travelAllowances: d.travel,
  absenceCode: d.absence,
});

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

/**
 * The client's week as the timesheet's entries. A submission records each
 * day's figure as the client's own (clientMinutes), kept through later agency corrections.
 */
async function writeEntries(tx: Tx, timesheetId: string, contractId: string, week: Week, days: Map<string, DayEntry>, submit: boolean) {
  const shifts = await tx.shift.findMany({
    where: { contractId, kind: "WORK", startsAt: { gte: week.start, lt: week.end } },
    select: { id: true, startsAt: true },
    orderBy: { startsAt: "asc" },
  });
  await tx.timesheetEntry.deleteMany({ where: { timesheetId } });
  const data = [...days].map(([iso, day]) => ({
    timesheetId,
    date: new Date(`${iso}T00:00:00Z`),
    ...entryData(day),
    clientMinutes: submit ? day.minutes : null,
    shiftId: shifts.find((s) => isoDate(parisCalendarDate(s.startsAt)) === iso)?.id ?? null,
  }));
  if (data.length) await tx.timesheetEntry.createMany({ data });
}

type ContractDates = { id: string; startDate: Date; endDate: Date };

const minutesOf = (days: Map<string, DayEntry>) => new Map([...days].map(([iso, d]) => [iso, d.minutes]));

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
 * A day after today cannot hold hours, nor today more than the time elapsed
 * since its first shift started (checkRow): the future is never validated.
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
      agency: { select: { longDayAgreement: true } },
      worker: { select: { userId: true } },
    },
  });
  if (contracts.length !== new Set(input.contractIds).size) return fail("Un des contrats de la saisie est introuvable. Rechargez la page.");
  const existing = await db.timesheet.findMany({
    where: { contractId: { in: contracts.map((c) => c.id) }, weekStart: week.monday },
    select: { contractId: true, status: true, entries: { select: { date: true, minutes: true } } },
  });
  const shifts = await weekShifts(
    contracts.map((c) => c.id),
    week,
  );
  // A submitted week keeps its submitted days; the days that were not yet worked stay open and are submitted once worked.
  const lockedOf = (c: (typeof contracts)[number]) => {
    const sheet = existing.find((t) => t.contractId === c.id);
    return sheet?.status === "SUBMITTED" ? new Map(sheet.entries.map((e) => [isoDate(e.date), e.minutes])) : null;
  };
  const firstStarts = new Map(contracts.map((c) => [c.id, firstStartsByDay(shifts.get(c.id) ?? [])]));
  const hasOpenDays = (c: (typeof contracts)[number], locked: Map<string, number>) =>
    week.days.some(
      (d) =>
        d >= c.startDate &&
        d <= c.endDate &&
        !locked.has(isoDate(d)) &&
        dayWindow(d, input.at, firstStarts.get(c.id)?.get(isoDate(d))).kind !== "future",
    );
  const editable = contracts.filter((c) => {
    const locked = lockedOf(c);
    return !locked || (input.submit && hasOpenDays(c, locked));
  });
  if (!editable.length) {
    if (input.submit && (await sameAsSubmitted(contracts, week, input.values, shifts, input.at))) return succeed(SUBMITTED);
    return fail(ALREADY_SUBMITTED);
  }

  const fieldErrors: Record<string, string> = {};
  const checked = editable.map((c) => {
    const locked = lockedOf(c);
    const read = readRow(c, week, input.values, shifts.get(c.id) ?? [], input.at, locked ?? undefined);
    Object.assign(fieldErrors, read.fieldErrors);
    return { contract: c, row: read.row, days: read.days, locked };
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
  for (const { contract, row, days, locked } of checked) {
    const minutesByIso = minutesOf(days);
    if (locked) {
      if (await completeSubmittedWeek(user, contract, week, days, locked, row.total, input.at)) saved++;
      else if (await holdsMinutes(contract.id, week, new Map([...locked, ...minutesByIso]))) saved++;
      else alreadySubmitted++;
      continue;
    }
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
      await writeEntries(tx, sheet.id, contract.id, week, days, input.submit);
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

/**
 * Adds the open days (not yet worked when the week was submitted) to a
 * submitted timesheet, as submitted. The timesheet row is locked first, so that
 * the same post twice adds them once; false when they were already there.
 */
async function completeSubmittedWeek(
  user: { id: string },
  contract: { id: string; number: string; agencyId: string; worker: { userId: string } },
  week: Week,
  days: Map<string, DayEntry>,
  locked: Map<string, number>,
  total: number,
  at: Date,
): Promise<boolean> {
  if (!days.size) return false;
  return db.$transaction(async (tx) => {
    const sheet = await tx.timesheet.findUniqueOrThrow({
      where: { contractId_weekStart: { contractId: contract.id, weekStart: week.monday } },
    });
    const claimed = await tx.timesheet.updateMany({
      where: { id: sheet.id, status: "SUBMITTED" },
      data: { submittedAt: at, enteredById: user.id },
    });
    if (claimed.count === 0) return false;
    const dates = [...days.keys()].map((iso) => new Date(`${iso}T00:00:00Z`));
    const present = await tx.timesheetEntry.count({ where: { timesheetId: sheet.id, date: { in: dates } } });
    if (present === dates.length) return false;
    const shifts = await tx.shift.findMany({
      where: { contractId: contract.id, kind: "WORK", startsAt: { gte: week.start, lt: week.end } },
      select: { id: true, startsAt: true },
      orderBy: { startsAt: "asc" },
    });
    await tx.timesheetEntry.createMany({
      data: [...days].map(([iso, day]) => ({
        timesheetId: sheet.id,
        date: new Date(`${iso}T00:00:00Z`),
        ...entryData(day),
        clientMinutes: day.minutes,
        shiftId: shifts.find((s) => isoDate(parisCalendarDate(s.startsAt)) === iso)?.id ?? null,
      })),
      skipDuplicates: true,
    });
    const all = new Map([...locked, ...minutesOf(days)]);
    await syncShiftValidation(tx, contract.id, week, all, at);
    await recordAudit(
      tx,
      {
        type: "timesheet.submitted",
        data: { contract: contract.number, week: isoDate(week.monday), minutes: Object.fromEntries(minutesOf(days)), total },
      },
      { actorId: user.id, subjectUserId: contract.worker.userId, agencyId: contract.agencyId, entityType: "Timesheet", entityId: sheet.id },
    );
    return true;
  });
}

/** Every row of the form checks and matches the hours already submitted for its contract. */
async function sameAsSubmitted(
  contracts: (ContractDates & { agency: { longDayAgreement: boolean } })[],
  week: Week,
  values: Record<string, string>,
  shifts: Map<string, WeekShift[]>,
  at: Date,
): Promise<boolean> {
  for (const c of contracts) {
    const read = readRow(c, week, values, shifts.get(c.id) ?? [], at);
    if (Object.keys(read.fieldErrors).length || !(await holdsMinutes(c.id, week, minutesOf(read.days)))) return false;
  }
  return true;
}

const EXTRA_LABELS: Record<Exclude<ExtraField, "absence">, string> = {
  night: "heures de nuit",
  sunday: "heures du dimanche",
  holiday: "heures fériées",
  meals: "paniers repas",
  travel: "indemnités de déplacement",
};

/**
 * Staff correct the hours and accessoires of a submitted timesheet, under the
 * same rules as the client's entry. A corrected day keeps the client's own
 * figure (clientMinutes) and records who corrected it and when; each change is
 * audited with its old and new value.
 */
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
      entries: true,
      contract: {
        select: {
          id: true,
          number: true,
          agencyId: true,
          workerId: true,
          startDate: true,
          endDate: true,
          agency: { select: { longDayAgreement: true } },
          worker: { select: { userId: true } },
        },
      },
    },
  });
  if (!sheet) return null;
  if (sheet.status !== "SUBMITTED") return fail("Seules les heures transmises par le client peuvent être corrigées.");
  const week = weekOf(sheet.weekStart);
  const c = sheet.contract;
  const shifts = (await weekShifts([c.id], week)).get(c.id) ?? [];
  const { row, days, fieldErrors } = readRow(c, week, input.values, shifts, input.at);
  const elsewhere = await minutesElsewhere([c.workerId], [c.id], week);
  const overCap = checkWeeklyCaps([{ workerId: c.workerId, total: row.total }], elsewhere).get(c.workerId);
  if (overCap !== undefined) fieldErrors[`row.${c.id}`] = weekCapMessage(overCap, elsewhere.get(c.workerId));
  if (Object.keys(fieldErrors).length) return fail("Certaines heures sont refusées : corrigez les cases signalées.", fieldErrors);

  const changes: { date: string; old: number; new: number }[] = [];
  const extras: { date: string; field: string; old: string; new: string }[] = [];
  const changedDays: string[] = [];
  for (const [iso, day] of days) {
    const entry = sheet.entries.find((e) => isoDate(e.date) === iso);
    const before = entry
      ? {
          minutes: entry.minutes,
          night: entry.nightMinutes,
          sunday: entry.sundayMinutes,
          holiday: entry.holidayMinutes,
          meals: entry.mealAllowances,
          travel: entry.travelAllowances,
          absence: entry.absenceCode,
        }
      : { minutes: 0, night: 0, sunday: 0, holiday: 0, meals: 0, travel: 0, absence: null };
    // A day the client did not submit and staff leave empty stays without an entry.
    if (!entry && !day.minutes && !day.night && !day.sunday && !day.holiday && !day.meals && !day.travel && !day.absence) continue;
    let changed = false;
    if (before.minutes !== day.minutes) {
      changes.push({ date: iso, old: before.minutes, new: day.minutes });
      changed = true;
    }
    for (const field of ["night", "sunday", "holiday"] as const) {
      if (before[field] !== day[field])
        extras.push({
          date: iso,
          field: EXTRA_LABELS[field],
          old: hoursInputValue(before[field]) || "0",
          new: hoursInputValue(day[field]) || "0",
        });
    }
    for (const field of ["meals", "travel"] as const) {
      if (before[field] !== day[field])
        extras.push({ date: iso, field: EXTRA_LABELS[field], old: String(before[field]), new: String(day[field]) });
    }
    if (before.absence !== day.absence)
      extras.push({ date: iso, field: "motif d'absence", old: before.absence ?? "aucun", new: day.absence ?? "aucun" });
    if (changed || extras.some((x) => x.date === iso)) changedDays.push(iso);
  }
  if (!changedDays.length) return succeed("Aucune modification.");

  const ok = await db.$transaction(async (tx) => {
    // The version is the updatedAt the staff member saw: a concurrent change wins, this one is refused.
    const claimed = await tx.timesheet.updateMany({
      where: { id: sheet.id, status: "SUBMITTED", updatedAt: new Date(input.version) },
      data: { updatedAt: input.at },
    });
    if (claimed.count === 0) return false;
    for (const iso of changedDays) {
      const date = new Date(`${iso}T00:00:00Z`);
      const data = { ...entryData(days.get(iso)!), correctedById: staff.id, correctedAt: input.at };
      // The client's figure stays as it was submitted (0 on a day the client left empty).
      await tx.timesheetEntry.upsert({
        where: { timesheetId_date: { timesheetId: sheet.id, date } },
        update: data,
        create: { timesheetId: sheet.id, date, clientMinutes: 0, ...data },
      });
    }
    await syncShiftValidation(tx, c.id, week, minutesOf(days), input.at);
    await recordAudit(
      tx,
      { type: "timesheet.corrected", data: { contract: c.number, week: isoDate(week.monday), changes, extras } },
      { actorId: staff.id, subjectUserId: c.worker.userId, agencyId: c.agencyId, entityType: "Timesheet", entityId: sheet.id },
    );
    return true;
  });
  if (!ok) return fail("Ces heures viennent d'être modifiées par ailleurs : rechargez la page avant de corriger.");
  const n = changedDays.length;
  return succeed(`Correction enregistrée (${n} jour${n > 1 ? "s" : ""} modifié${n > 1 ? "s" : ""}).`);
}
