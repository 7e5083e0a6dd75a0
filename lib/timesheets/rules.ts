// Pure rules of the client's weekly hours entry ("Saisie des heures"): weeks
// (Monday to Sunday, Europe/Paris), hours typed in a cell, and the legal caps
// checked before anything is saved. No database, no clock: unit-tested.

import { parisCalendarDate, parisParts, parisTimeOnDay } from "../time/paris";
import { addDays, DAY_MS, isoWeekday, mondayOf } from "../time/days";
import { frenchPublicHolidays, isPublicHoliday } from "../time/holidays";
import { ABSENCE_CODES } from "../contracts/shifts";

// Calendar-day arithmetic and the Paris day of an instant live in lib/time; re-exported for callers of this module.
export { addDays, calendarDay, mondayOf } from "../time/days";
export { parisCalendarDate as parisDay } from "../time/paris";

export { ABSENCE_CODES };
export const MAX_WEEK_MINUTES = 48 * 60;
/** The legal week: hours beyond it are overtime (heures supplémentaires). */
export const LEGAL_WEEK_MINUTES = 35 * 60;

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
 * What may be entered for a day at an instant: nothing for a day after today
 * (Paris) or today before its first shift starts; today, at most the minutes
 * elapsed since its first shift started (since midnight without a shift);
 * a past day, no bound but the daily limit.
 */
export type DayWindow = { kind: "future" } | { kind: "today"; maxMinutes: number; since: Date } | { kind: "past" };

export function dayWindow(day: Date, at: Date, firstStart?: Date | null): DayWindow {
  const today = parisCalendarDate(at);
  if (day > today) return { kind: "future" };
  if (day < today) return { kind: "past" };
  const since = firstStart && parisCalendarDate(firstStart).getTime() === day.getTime() ? firstStart : parisTimeOnDay(day, 0);
  if (at < since) return { kind: "future" };
  return { kind: "today", maxMinutes: Math.floor((at.getTime() - since.getTime()) / 60_000), since };
}

export const FUTURE_DAY_MESSAGE = "Ce jour n'est pas encore travaillé : ses heures se saisissent une fois faites.";

const hhmm = (instant: Date) => {
  const p = parisParts(instant);
  return `${dd(p.hour)}:${dd(p.minute)}`;
};

/** The refusal for today's hours beyond the time elapsed since the first shift started. */
export function todayMessage(window: { maxMinutes: number; since: Date }): string {
  return `Aujourd'hui, pas plus de ${formatHours(window.maxMinutes)} : le temps écoulé depuis ${hhmm(window.since)}.`;
}

export const dayLimitMessage = (limit: number) => `Pas plus de ${limit / 60} heures par jour.`;

/** The bounds a row is checked against: the agency's daily limit, the instant of the entry, each day's first planned start. */
export type EntryBounds = { dailyLimit: number; at: Date; firstStarts?: ReadonlyMap<string, Date> };

/**
 * Checks one worker's week on one contract: each cell a duration, nothing on
 * a day outside the contract, nothing on a day not yet worked (today: the
 * elapsed time at most), at most the agency's daily limit. The 48 h weekly cap
 * is checked per worker by `checkWeeklyCaps`, across their rows.
 */
export function checkRow(cells: DayCell[], contract: { startDate: Date; endDate: Date }, bounds: EntryBounds): RowCheck {
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
    if (parsed > 0) {
      const window = dayWindow(cell.date, bounds.at, bounds.firstStarts?.get(key));
      if (window.kind === "future") errors[key] = FUTURE_DAY_MESSAGE;
      else if (parsed > bounds.dailyLimit) errors[key] = dayLimitMessage(bounds.dailyLimit);
      else if (window.kind === "today" && parsed > window.maxMinutes) errors[key] = todayMessage(window);
    }
    return parsed;
  });
  return { minutes, total: minutes.reduce((a, b) => a + b, 0), errors };
}

/** The first planned start (any shift) of each Paris day (ISO date): the clock of today's entry. */
export function firstStartsByDay(shifts: { startsAt: Date }[]): Map<string, Date> {
  const out = new Map<string, Date>();
  for (const s of shifts) {
    const key = isoDate(parisCalendarDate(s.startsAt));
    const known = out.get(key);
    if (!known || s.startsAt < known) out.set(key, s.startsAt);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Accessoires de salaire: night, Sunday and public-holiday hours, meals, travel, absence
// ---------------------------------------------------------------------------

/** Night work: 21:00 to 06:00, Paris time (Code du travail L3122-2). */
export const NIGHT_START = 21 * 60;
export const NIGHT_END = 6 * 60;

const overlapMinutes = (a: Date, b: Date, c: Date, d: Date) =>
  Math.max(0, Math.round((Math.min(b.getTime(), d.getTime()) - Math.max(a.getTime(), c.getTime())) / 60_000));

type Span = { startsAt: Date; endsAt: Date };

/** Minutes of [start, end) between 21:00 and 06:00 in Paris, real minutes across DST changes. */
export function nightMinutesOf(s: Span): number {
  let total = 0;
  const first = addDays(parisCalendarDate(s.startsAt), -1);
  const last = parisCalendarDate(s.endsAt);
  for (let day = first; day <= last; day = addDays(day, 1)) {
    total += overlapMinutes(s.startsAt, s.endsAt, parisTimeOnDay(day, NIGHT_START), parisTimeOnDay(day, NIGHT_END, 1));
  }
  return total;
}

/** Minutes of [start, end) on Paris days for which `pick` holds. */
function minutesOnDays(s: Span, pick: (day: Date) => boolean): number {
  let total = 0;
  for (let day = parisCalendarDate(s.startsAt); day <= parisCalendarDate(s.endsAt); day = addDays(day, 1)) {
    if (pick(day)) total += overlapMinutes(s.startsAt, s.endsAt, parisTimeOnDay(day, 0), parisTimeOnDay(day, 0, 1));
  }
  return total;
}

export const sundayMinutesOf = (s: Span) => minutesOnDays(s, (day) => isoWeekday(day) === 7);
export const holidayMinutesOf = (s: Span) => minutesOnDays(s, isPublicHoliday);

export type DayExtras = { night: number; sunday: number; holiday: number; meals: number; travel: number; absence: string | null };
export const NO_EXTRAS: DayExtras = { night: 0, sunday: 0, holiday: 0, meals: 0, travel: 0, absence: null };

/**
 * The accessoires a day's planned work shifts suggest (each shift counts for the
 * day it starts on; a break lowers its figures to its worked minutes at most).
 * The client adjusts them; `checkExtras` checks what is kept.
 */
export function defaultExtrasByDay(shifts: { startsAt: Date; endsAt: Date; breakMinutes: number; kind: string }[]): Map<string, DayExtras> {
  const out = new Map<string, DayExtras>();
  for (const s of shifts) {
    if (s.kind !== "WORK") continue;
    const key = isoDate(parisCalendarDate(s.startsAt));
    const worked = shiftMinutes(s);
    const prev = out.get(key) ?? NO_EXTRAS;
    out.set(key, {
      ...prev,
      night: prev.night + Math.min(worked, nightMinutesOf(s)),
      sunday: prev.sunday + Math.min(worked, sundayMinutesOf(s)),
      holiday: prev.holiday + Math.min(worked, holidayMinutesOf(s)),
    });
  }
  return out;
}

/** Caps the suggested figures to the minutes typed for the day (a day shortened by the client). */
export function clampExtras(extras: DayExtras, minutes: number): DayExtras {
  return {
    ...extras,
    night: Math.min(extras.night, minutes),
    sunday: Math.min(extras.sunday, minutes),
    holiday: Math.min(extras.holiday, minutes),
  };
}

export type ExtrasText = { night?: string; sunday?: string; holiday?: string; meals?: string; travel?: string; absence?: string };
export const EXTRA_FIELDS = ["night", "sunday", "holiday", "meals", "travel", "absence"] as const;
export type ExtraField = (typeof EXTRA_FIELDS)[number];
export const MAX_ALLOWANCES_PER_DAY = 3;

/** Whether the Paris day [start of day, end) touches a Sunday, or a public holiday, including a night shift that runs into one. */
function touches(day: Date, pick: (d: Date) => boolean): boolean {
  return pick(day) || pick(addDays(day, 1));
}

/**
 * Reads and checks a day's accessoires against its minutes: night, Sunday and
 * holiday hours are durations among the hours worked (Sunday hours on a
 * Sunday or a shift running into one, likewise holidays), meals and travel a
 * count of 0 to 3 on a day worked, the absence a known code. Errors per field.
 */
export function checkExtras(
  day: Date,
  minutes: number,
  text: ExtrasText,
): { extras: DayExtras; errors: Partial<Record<ExtraField, string>> } {
  const errors: Partial<Record<ExtraField, string>> = {};
  const duration = (field: "night" | "sunday" | "holiday", label: string) => {
    const value = parseHours(text[field]);
    if (value === null) {
      errors[field] = "Saisissez une durée, par exemple 2 ou 2h30.";
      return 0;
    }
    if (value > minutes) errors[field] = `Pas plus d'heures ${label} que d'heures travaillées (${formatHours(minutes)}).`;
    return value;
  };
  const night = duration("night", "de nuit");
  const sunday = duration("sunday", "du dimanche");
  const holiday = duration("holiday", "fériées");
  if (sunday > 0 && !errors.sunday && !touches(day, (d) => isoWeekday(d) === 7)) errors.sunday = "Ce jour n'est pas un dimanche.";
  if (holiday > 0 && !errors.holiday && !touches(day, isPublicHoliday)) errors.holiday = "Ce jour n'est pas un jour férié.";
  const count = (field: "meals" | "travel") => {
    const raw = (text[field] ?? "").trim();
    if (raw === "") return 0;
    if (!/^\d{1,2}$/.test(raw) || Number(raw) > MAX_ALLOWANCES_PER_DAY) {
      errors[field] = `Indiquez un nombre de 0 à ${MAX_ALLOWANCES_PER_DAY}.`;
      return 0;
    }
    const n = Number(raw);
    if (n > 0 && minutes === 0) errors[field] = "Seulement un jour travaillé.";
    return n;
  };
  const meals = count("meals");
  const travel = count("travel");
  const code = (text.absence ?? "").trim();
  let absence: string | null = null;
  if (code) {
    if (!ABSENCE_CODES.some((c) => c.code === code)) errors.absence = "Choisissez un motif d'absence de la liste.";
    else absence = code;
  }
  return { extras: { night, sunday, holiday, meals, travel, absence }, errors };
}

/** The name of a public holiday, or null ("Lundi de Pâques"). */
export function holidayName(day: Date): string | null {
  return frenchPublicHolidays(day.getUTCFullYear()).get(isoDate(day)) ?? null;
}

/** Overtime of a week: the minutes beyond 35 h (0 up to exactly 35 h). */
export function overtimeMinutes(weekMinutes: number): number {
  return Math.max(0, weekMinutes - LEGAL_WEEK_MINUTES);
}

/** Totals of a week's entries, accessoires included. */
export function weekTotals(entries: ({ minutes: number } & Partial<Omit<DayExtras, "absence">>)[]) {
  const sum = (pick: (e: (typeof entries)[number]) => number | undefined) => entries.reduce((a, e) => a + (pick(e) ?? 0), 0);
  const minutes = sum((e) => e.minutes);
  return {
    minutes,
    night: sum((e) => e.night),
    sunday: sum((e) => e.sunday),
    holiday: sum((e) => e.holiday),
    meals: sum((e) => e.meals),
    travel: sum((e) => e.travel),
    overtime: overtimeMinutes(minutes),
  };
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

// ---------------------------------------------------------------------------
// The worker's relevé d'heures: planned, validated by the client, corrected by the agency
// ---------------------------------------------------------------------------

export type StatementShift = { contractId: string; startsAt: Date; endsAt: Date; breakMinutes: number; kind: string; validated: boolean };
/** A day of a submitted timesheet. */
export type StatementEntry = {
  contractId: string;
  date: Date;
  minutes: number;
  clientMinutes: number | null;
  correctedAt: Date | null;
};

export type StatementDay = {
  iso: string;
  planned: number;
  /** As the client submitted it; null when the client has not. */
  client: number | null;
  /** The agency's correction; null when not corrected. */
  agency: number | null;
  /** What will be paid: the agency's figure, else the client's, else the planned hours the agency validated directly; null while pending. */
  retained: number | null;
  /** retained - planned, null while pending. */
  difference: number | null;
};

export type StatementTotals = { planned: number; client: number; agency: number; retained: number; difference: number; pending: number };

/** Per contract, the days of the period with planned or entered hours, and their totals. */
export function statementByContract(
  shifts: StatementShift[],
  entries: StatementEntry[],
): Map<string, { days: StatementDay[]; totals: StatementTotals }> {
  const contracts = new Set([...shifts.map((s) => s.contractId), ...entries.map((e) => e.contractId)]);
  const out = new Map<string, { days: StatementDay[]; totals: StatementTotals }>();
  for (const contractId of contracts) {
    const own = shifts.filter((s) => s.contractId === contractId && s.kind === "WORK");
    const planned = plannedMinutesByDay(own);
    const validatedDays = new Set(own.filter((s) => s.validated).map((s) => isoDate(parisCalendarDate(s.startsAt))));
    const byDay = new Map(entries.filter((e) => e.contractId === contractId).map((e) => [isoDate(e.date), e]));
    const keys = [...new Set([...planned.keys(), ...byDay.keys()])].sort();
    const days: StatementDay[] = [];
    for (const iso of keys) {
      const p = planned.get(iso) ?? 0;
      const e = byDay.get(iso);
      if (!p && (!e || (!e.minutes && !e.clientMinutes))) continue;
      const client = e ? (e.clientMinutes ?? (e.correctedAt ? null : e.minutes)) : null;
      const agency = e?.correctedAt ? e.minutes : null;
      const retained = e ? e.minutes : validatedDays.has(iso) ? p : null;
      days.push({ iso, planned: p, client, agency, retained, difference: retained === null ? null : retained - p });
    }
    const sum = (pick: (d: StatementDay) => number | null) => days.reduce((a, d) => a + (pick(d) ?? 0), 0);
    out.set(contractId, {
      days,
      totals: {
        planned: sum((d) => d.planned),
        client: sum((d) => d.client),
        agency: sum((d) => d.agency),
        retained: sum((d) => d.retained),
        difference: sum((d) => d.difference),
        pending: sum((d) => (d.retained === null ? d.planned : 0)),
      },
    });
  }
  return out;
}

export const WEEKDAYS_SHORT = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
