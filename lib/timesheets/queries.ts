// Reads for the hours entry, always scoped to the caller's client companies
// or agencies in the query itself.
import "server-only";
import { db } from "@/lib/db";
import { contractOfAgencies, contractScope, type AgencyStaff, type ContractCaller } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  clampExtras,
  dayWindow,
  defaultExtrasByDay,
  firstStartsByDay,
  holidayName,
  hoursInputValue,
  isoDate,
  NO_EXTRAS,
  plannedMinutesByDay,
  type DayExtras,
  type ExtraField,
  type Week,
} from "./rules";
import { addDays } from "../time/days";
import { parisCalendarDate } from "@/lib/time/paris";

/** Contracts a client company works with: issued to the worker, not cancelled. */
export const CLIENT_VISIBLE_STATES = ["INCOMPLETE", "AWAITING_SIGNATURE", "SIGNED"] as const;

export type GridDay = {
  iso: string;
  value: string;
  planned: number;
  inContract: boolean;
  shiftValidated: boolean;
  /** Not yet worked at the time of the page (after today, or today before its first shift): shown read-only. */
  future: boolean;
  /** Already submitted by the client (a day of a submitted timesheet): read-only for the client. */
  submitted: boolean;
  /** The accessoires as the cells show them ("1h30", "2", "MAL"). */
  extras: Record<ExtraField, string>;
  holiday: string | null;
};

const extrasText = (e: DayExtras): Record<ExtraField, string> => ({
  night: hoursInputValue(e.night),
  sunday: hoursInputValue(e.sunday),
  holiday: hoursInputValue(e.holiday),
  meals: e.meals ? String(e.meals) : "",
  travel: e.travel ? String(e.travel) : "",
  absence: e.absence ?? "",
});

export type GridRow = {
  contractId: string;
  workerId: string;
  workerName: string;
  contractNumber: string;
  reference: string;
  qualification: string;
  siteName: string;
  startDate: Date;
  endDate: Date;
  timesheetId: string | null;
  status: "NONE" | "DRAFT" | "SUBMITTED";
  submittedAt: Date | null;
  updatedAt: Date | null;
  days: GridDay[];
};

const contractSelect = {
  id: true,
  number: true,
  reference: true,
  startDate: true,
  endDate: true,
  workerId: true,
  worker: { select: { user: { select: { firstName: true, lastName: true } } } },
  qualification: { select: { code: true, label: true } },
  site: { select: { name: true } },
} satisfies Prisma.ContractSelect;

type ContractRow = Prisma.ContractGetPayload<{ select: typeof contractSelect }>;

/** `prefillOpen`: the client's grid pre-fills the open days of a submitted week from the planning; staff see them empty. */
async function buildRows(contracts: ContractRow[], week: Week, at: Date, prefillOpen: boolean): Promise<GridRow[]> {
  if (!contracts.length) return [];
  const ids = contracts.map((c) => c.id);
  const [timesheets, shifts] = await Promise.all([
    db.timesheet.findMany({ where: { contractId: { in: ids }, weekStart: week.monday }, include: { entries: true } }),
    db.shift.findMany({
      where: { contractId: { in: ids }, startsAt: { gte: week.start, lt: week.end } },
      select: { contractId: true, startsAt: true, endsAt: true, breakMinutes: true, kind: true, validated: true },
    }),
  ]);
  return contracts.map((c) => {
    const sheet = timesheets.find((t) => t.contractId === c.id) ?? null;
    const own = shifts.filter((s) => s.contractId === c.id);
    const planned = plannedMinutesByDay(own);
    const suggested = defaultExtrasByDay(own);
    const firstStarts = firstStartsByDay(own);
    const validatedDays = new Set(own.filter((s) => s.validated && s.kind === "WORK").map((s) => isoDate(parisCalendarDate(s.startsAt))));
    const days = week.days.map((d): GridDay => {
      const iso = isoDate(d);
      const entry = sheet?.entries.find((e) => isoDate(e.date) === iso);
      const inContract = d >= c.startDate && d <= c.endDate;
      const window = dayWindow(d, at, firstStarts.get(iso));
      const future = window.kind === "future";
      // Pre-filled from the planning, up to what has been worked by now (nothing ahead of time).
      const prefill = future || !inContract ? 0 : Math.min(planned.get(iso) ?? 0, window.kind === "today" ? window.maxMinutes : Infinity);
      // An open day of a submitted week (not yet worked when it was submitted) is pre-filled like a new one.
      const minutes = entry ? entry.minutes : sheet?.status === "DRAFT" || (sheet && !prefillOpen) ? 0 : prefill;
      const extras: DayExtras = entry
        ? {
            night: entry.nightMinutes,
            sunday: entry.sundayMinutes,
            holiday: entry.holidayMinutes,
            meals: entry.mealAllowances,
            travel: entry.travelAllowances,
            absence: entry.absenceCode,
          }
        : sheet?.status === "DRAFT" || (sheet && !prefillOpen) || future
          ? NO_EXTRAS
          : clampExtras(suggested.get(iso) ?? NO_EXTRAS, minutes);
      return {
        iso,
        value: hoursInputValue(minutes),
        planned: planned.get(iso) ?? 0,
        inContract,
        shiftValidated: validatedDays.has(iso),
        future,
        submitted: sheet?.status === "SUBMITTED" && !!entry,
        extras: extrasText(extras),
        holiday: holidayName(d),
      };
    });
    return {
      contractId: c.id,
      workerId: c.workerId,
      workerName: `${c.worker.user.firstName} ${c.worker.user.lastName.toUpperCase()}`,
      contractNumber: c.number,
      reference: c.reference,
      qualification: `${c.qualification.label} (${c.qualification.code})`,
      siteName: c.site.name,
      startDate: c.startDate,
      endDate: c.endDate,
      timesheetId: sheet?.id ?? null,
      status: sheet ? sheet.status : "NONE",
      submittedAt: sheet?.submittedAt ?? null,
      updatedAt: sheet?.updatedAt ?? null,
      days,
    };
  });
}

/** Rows of the client's Saisie des heures per page: what one screen and one save hold. */
export const CLIENT_WEEK_PAGE_SIZE = 15;

/**
 * One page of the client's contracts running during the week (by worker name),
 * optionally filtered by reference or number, and how many there are: the
 * week bounds the query (Contract(clientId, endDate) index), the page the
 * rows built and sent.
 */
export async function clientWeekRows(
  client: ContractCaller & { role: "CLIENT" },
  week: Week,
  at: Date,
  reference?: string,
  page = 1,
): Promise<{ rows: GridRow[]; count: number; page: number; pageCount: number }> {
  const ref = reference?.trim();
  const where: Prisma.ContractWhereInput = {
    ...contractScope(client),
    state: { in: [...CLIENT_VISIBLE_STATES] },
    startDate: { lte: week.sunday },
    endDate: { gte: week.monday },
    ...(ref ? { OR: [{ number: { contains: ref, mode: "insensitive" } }, { reference: { contains: ref, mode: "insensitive" } }] } : {}),
  };
  const count = await db.contract.count({ where });
  const pageCount = Math.max(1, Math.ceil(count / CLIENT_WEEK_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const contracts = count
    ? await db.contract.findMany({
        where,
        select: contractSelect,
        orderBy: [{ worker: { user: { lastName: "asc" } } }, { number: "asc" }, { id: "asc" }],
        skip: (current - 1) * CLIENT_WEEK_PAGE_SIZE,
        take: CLIENT_WEEK_PAGE_SIZE,
      })
    : [];
  return { rows: await buildRows(contracts, week, at, true), count, page: current, pageCount };
}

/** One submitted timesheet, for staff of the contract's agency. */
export async function staffTimesheet(staff: AgencyStaff, timesheetId: string) {
  const sheet = await db.timesheet.findFirst({
    where: { id: timesheetId, ...contractOfAgencies(staff) },
    select: { id: true, weekStart: true, status: true, contract: { select: contractSelect } },
  });
  return sheet;
}

export async function rowsForContract(contract: ContractRow, week: Week, at: Date): Promise<GridRow[]> {
  return buildRows([contract], week, at, false);
}

export { contractSelect };

/** Submitted timesheets of a week, for staff of the agencies. */
export async function staffSubmittedWeek(staff: AgencyStaff, week: Week) {
  return db.timesheet.findMany({
    where: { weekStart: week.monday, ...contractOfAgencies(staff) },
    select: {
      id: true,
      status: true,
      submittedAt: true,
      updatedAt: true,
      entries: { select: { minutes: true } },
      enteredBy: { select: { firstName: true, lastName: true } },
      contract: {
        select: {
          number: true,
          reference: true,
          client: { select: { name: true } },
          worker: { select: { user: { select: { firstName: true, lastName: true } } } },
        },
      },
    },
    orderBy: [{ status: "desc" }, { submittedAt: "desc" }],
  });
}

export const weekDaysAfter = (monday: Date) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

/** The shifts of a timesheet's week and its history, for staff of the contract's agency (the sheet comes from staffTimesheet). */
export async function staffTimesheetDetails(staff: AgencyStaff, sheet: { id: string; contract: { id: string } }, week: Week) {
  const [shifts, history] = await Promise.all([
    db.shift.findMany({
      where: { contractId: sheet.contract.id, ...contractOfAgencies(staff), startsAt: { gte: week.start, lt: week.end } },
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        breakMinutes: true,
        kind: true,
        absenceCode: true,
        validated: true,
        validatedAt: true,
      },
      orderBy: { startsAt: "asc" },
    }),
    db.auditLog.findMany({
      where: { entityType: "Timesheet", entityId: sheet.id },
      select: {
        id: true,
        action: true,
        createdAt: true,
        details: true,
        actor: { select: { firstName: true, lastName: true, role: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return { shifts, history };
}
