// Pure rules of the client's weekly hours entry ("Saisie des heures"): weeks
// (Monday to Sunday, Europe/Paris), hours typed in a cell, and the legal caps
// checked before anything is saved. No database, no clock: unit-tested.

import { parisCalendarDate, parisTimeOnDay } from "../time/paris";
import { addDays, DAY_MS, mondayOf } from "../time/days";

// Calendar-day arithmetic and the Paris day of an instant live in lib/time; re-exported for callers of this module.
export { addDays, calendarDay, mondayOf } from "../time/days";
export { parisCalendarDate as parisDay } from "../time/paris";

export const MAX_DAY_MINUTES = 12 * 60;
export const MAX_WEEK_MINUTES = 48 * 60;

/** The UTC instant of a Paris wall-clock time ("07:30") on a calendar day, across DST changes. */
export function parisTime(day: Date, hhmm: string, plusDays = 0): Date {
  const [hour, minute] = hhmm.split(":").map(Number);
  return parisTimeOnDay(day, hour * 60 + minute, plusDays);
}

/** "2026-11-27" */
export function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Parses "2026-11-23" into a calendar day, or null (the one strict parser of lib/time/dates). */
export { parseIsoDate } from "../time/dates";

export type Week = {
  /** Monday, as a calendar day (Timesheet.weekStart). */
  monday: Date;
  /** Sunday, as a calendar day. */
  sunday: Date;
  /** The seven calendar days. */
  days: Date[];
  /** Monday 00:00 in Paris, as an instant. */
  start: Date;
  /** The next Monday 00:00 in Paris (exclusive). */
  end: Date;
  number: number;
};

/** The week (Monday to Sunday, Paris time) that contains a calendar day. */
export function weekOf(day: Date): Week {
  const monday = mondayOf(day);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return {
    monday,
    sunday: days[6],
    days,
    start: parisTime(monday, "00:00"),
    end: parisTime(addDays(monday, 7), "00:00"),
    number: isoWeekNumber(monday),
  };
}

/** The week that contains an instant, read in Paris. */
export function weekAt(instant: Date): Week {
  return weekOf(parisCalendarDate(instant));
}

/** ISO 8601 week number (1-53). */
export function isoWeekNumber(day: Date): number {
  const thursday = addDays(mondayOf(day), 3);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
}

const dd = (n: number) => String(n).padStart(2, "0");

/** "27/08/2018" */
export function frenchDate(day: Date): string {
  return `${dd(day.getUTCDate())}/${dd(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

/** "27/08" */
export function frenchDayMonth(day: Date): string {
  return `${dd(day.getUTCDate())}/${dd(day.getUTCMonth() + 1)}`;
}

/** The guide's period label: "27/08/2018 au 02/09/2018". */
export function periodLabel(week: Pick<Week, "monday" | "sunday">): string {
  return `${frenchDate(week.monday)} au ${frenchDate(week.sunday)}`;
}

/**
 * Hours typed in a cell: "7", "7,5", "7.25", "7h", "7h30", "7:30". Empty
 * means zero. Returns minutes, or null when the text is not a duration.
 */
export function parseHours(text: string | null | undefined): number | null {
  const value = (text ?? "").trim().toLowerCase().replace(/\s+/g, "");
  if (value === "") return 0;
  let m = value.match(/^(\d{1,2})(?:[h:](\d{1,2})?)?$/);
  if (m) {
    const minutes = m[2] === undefined ? 0 : Number(m[2]);
    if (minutes > 59) return null;
    return Number(m[1]) * 60 + minutes;
  }
  m = value.match(/^(\d{1,2})?[.,](\d{1,2})$/);
  if (m) return Math.round((Number(m[1] ?? 0) + Number(`0.${m[2]}`)) * 60);
  return null;
}

/** 450 -> "7h30", 0 -> "" (an empty cell). */
export function hoursInputValue(minutes: number): string {
  if (!minutes) return "";
  return `${Math.floor(minutes / 60)}h${dd(minutes % 60)}`;
}

/** 450 -> "7h30", 0 -> "0h00": totals. */
export function formatHours(minutes: number): string {
  return `${Math.floor(minutes / 60)}h${dd(minutes % 60)}`;
}

export type DayCell = { date: Date; text: string };

export type RowCheck = {
  /** Minutes per day, in the order of the cells. */
  minutes: number[];
  total: number;
  /** French message per ISO date. */
  errors: Record<string, string>;
};

/**
 * Checks one worker's week on one contract: each cell a duration, nothing on
 * a day outside the contract, at most 12 h a day. The 48 h weekly cap is
 * checked per worker by `checkWeeklyCaps`, across their rows.
 */
export function checkRow(cells: DayCell[], contract: { startDate: Date; endDate: Date }): RowCheck {
  const errors: Record<string, string> = {};
  const minutes = cells.map((cell) => {
    const key = isoDate(cell.date);
    const parsed = parseHours(cell.text);
    if (parsed === null) {
      errors[key] = "Saisissez une durée, par exemple 7, 7,5 ou 7h30.";
      return 0;
    }
    if (parsed > 0 && (cell.date < contract.startDate || cell.date > contract.endDate)) {
      errors[key] = "Ce jour est en dehors des dates du contrat.";
      return parsed;
    }
    if (parsed > MAX_DAY_MINUTES) errors[key] = "Pas plus de 12 heures par jour.";
    return parsed;
  });
  return { minutes, total: minutes.reduce((a, b) => a + b, 0), errors };
}

/**
 * The workers whose week goes over 48 h, with their total: the rows being
 * saved plus `elsewhere`, their minutes of the week already on other
 * contracts (other clients or sites, see `otherContractsMinutes`).
 */
export function checkWeeklyCaps(
  rows: { workerId: string; total: number }[],
  elsewhere: ReadonlyMap<string, number> = new Map(),
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.workerId, (totals.get(row.workerId) ?? elsewhere.get(row.workerId) ?? 0) + row.total);
  return new Map([...totals].filter(([, total]) => total > MAX_WEEK_MINUTES));
}

export const WEEK_CAP_MESSAGE = "Pas plus de 48 heures sur la semaine.";

/** The message next to a row over the cap; names the hours of other sites when they count. */
export function weekCapMessage(total: number, elsewhere = 0): string {
  if (!elsewhere) return `${WEEK_CAP_MESSAGE} (${formatHours(total)} saisies)`;
  return `Pas plus de 48 heures sur la semaine, heures sur les autres sites comprises : ${formatHours(total)} au total, dont ${formatHours(elsewhere)} déjà saisies ou validées sur d'autres sites.`;
}

/** One of the worker's other contracts in the week: its timesheet of the week, if any, and its shifts of the week. */
export type OtherContractWeek = {
  timesheet: { status: "DRAFT" | "SUBMITTED"; entries: { minutes: number }[] } | null;
  shifts: { startsAt: Date; endsAt: Date; breakMinutes: number; kind: string; validated: boolean }[];
};

/**
 * A worker's minutes of the week on other contracts: per contract, the hours
 * of its submitted timesheet, or else its validated work shifts. A draft's
 * figures are not counted: another client's unsent hours must not block this one.
 */
export function otherContractsMinutes(contracts: OtherContractWeek[]): number {
  let total = 0;
  for (const c of contracts) {
    if (c.timesheet?.status === "SUBMITTED") total += c.timesheet.entries.reduce((sum, e) => sum + e.minutes, 0);
    else for (const s of c.shifts) if (s.kind === "WORK" && s.validated) total += shiftMinutes(s);
  }
  return total;
}

/** Worked minutes of a shift (its length less its break). */
export function shiftMinutes(s: { startsAt: Date; endsAt: Date; breakMinutes: number }): number {
  return Math.max(0, Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000) - s.breakMinutes);
}

/** Planned minutes per Paris day (ISO date) of work shifts: the pre-filled hours. */
export function plannedMinutesByDay(shifts: { startsAt: Date; endsAt: Date; breakMinutes: number; kind: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of shifts) {
    if (s.kind !== "WORK") continue;
    const key = isoDate(parisCalendarDate(s.startsAt));
    out.set(key, (out.get(key) ?? 0) + shiftMinutes(s));
  }
  return out;
}
