// French formats for dates, times, durations and money. Instants are stored in
// UTC and always shown in Europe/Paris, whatever the server's time zone.

import { PARIS_TIME_ZONE } from "./time/paris";

// Paris wall-clock arithmetic lives in lib/time/paris; re-exported for the pages that use it from here.
export { PARIS_TIME_ZONE, parisCalendarDate, parisDayBounds, parisParts, type ParisParts } from "./time/paris";

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

const numericDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

const time = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const longDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS_TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

const longDateNoYear = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS_TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
});

const monthYear = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, month: "long", year: "numeric" });

const timestamp = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, dateStyle: "short", timeStyle: "medium" });

// Calendar days (UTC-midnight Dates, the shape of @db.Date columns) are read in
// UTC: they already are the Paris day, and Paris time would show midnight UTC
// as the same day only by luck of the offset sign.
const dayNumeric = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" });
const dayLong = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });
const dayLongNoYear = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" });
const dayMonth = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long" });
const dayMonthYearLong = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const dayMonthYear = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", month: "long", year: "numeric" });

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** French weekday names by ISO weekday (1 = Monday). */
const WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

/** "26/11/2026" */
export function formatDate(value: DateInput): string {
  return numericDate.format(toDate(value));
}

/** "26-11-2026 à 15:01", as the guide shows contract creation dates. */
export function formatDateTime(value: DateInput): string {
  const d = toDate(value);
  return `${formatDate(d).replaceAll("/", "-")} à ${formatTime(d)}`;
}

/** "26-11-2026", the guide's style for advance dates ("Acompte versé le 20-05-2020"). */
export function formatDashedDate(value: DateInput): string {
  return formatDate(value).replaceAll("/", "-");
}

const parisYear = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, year: "numeric" });

/** Options of the long formats: `withYear: false` drops the year only for a date of the current year. */
type YearOptions = { withYear?: boolean; now?: Date };

/** "mercredi 2 décembre 2026"; without the year: "mercredi 2 décembre", but only in the current (Paris) year. */
export function formatLongDate(value: DateInput, options: YearOptions = {}): string {
  const d = toDate(value);
  const now = options.now ?? new Date();
  const sameYear = parisYear.format(d) === parisYear.format(now);
  return (options.withYear === false && sameYear ? longDateNoYear : longDate).format(d);
}

/** "mai 2020" */
export function formatMonthYear(value: DateInput): string {
  return monthYear.format(toDate(value));
}

/** "26/11/2026 à 14:05" (Paris time), the outbox's style. */
export function formatParisDateTime(value: DateInput): string {
  const d = toDate(value);
  return `${formatDate(d)} à ${formatTime(d)}`;
}

/** "26/11/2026 14:05:09" (Paris time, to the second), as a signature is stamped. */
export function formatTimestamp(value: DateInput): string {
  return timestamp.format(toDate(value));
}

/** A calendar day -> "30/06/2026". */
export function formatCalendarDate(day: Date): string {
  return dayNumeric.format(day);
}

/** True when a calendar day (UTC midnight) falls in the current Paris year. */
function inCurrentYear(day: Date, now: Date): boolean {
  return String(day.getUTCFullYear()) === parisYear.format(now);
}

/** A calendar day -> "mardi 30 juin 2026"; without the year: "mardi 30 juin", but only in the current year. */
export function formatCalendarLongDate(day: Date, options: YearOptions = {}): string {
  const sameYear = inCurrentYear(day, options.now ?? new Date());
  return (options.withYear === false && sameYear ? dayLongNoYear : dayLong).format(day);
}

/** A calendar day -> "30 juin" in the current year, "30 juin 2025" otherwise. */
export function formatCalendarDayMonth(day: Date, now: Date = new Date()): string {
  return inCurrentYear(day, now) ? dayMonth.format(day) : dayMonthYearLong.format(day);
}

/** A calendar day -> "juin 2026". */
export function formatCalendarMonth(day: Date): string {
  return dayMonthYear.format(day);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) -> "lundi"; out of range -> "". */
export function frenchWeekday(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday - 1] ?? "";
}

/** "14:00" */
export function formatTime(value: DateInput): string {
  return time.format(toDate(value));
}

/** 420 -> "07h00", 9180 -> "153h00". */
export function formatDuration(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const sign = minutes < 0 && total > 0 ? "-" : "";
  return `${sign}${String(hours).padStart(2, "0")}h${String(rest).padStart(2, "0")}`;
}

/** 10000 -> "100,00 €" (fr-FR separators: no-break spaces). */
export function formatEuros(cents: number): string {
  return euros.format(cents / 100);
}

const twoDecimals = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 7.5 -> "7,50" (rates and quantities on payslips). */
export function formatDecimal(value: number): string {
  return twoDecimals.format(value);
}

/** 1234 -> "1 234" (fr-FR groups with a narrow no-break space). */
export function formatCount(n: number): string {
  return n.toLocaleString("fr-FR");
}

/** "3 bulletins", "1 bulletin" (the count in fr-FR digits). */
export function formatPlural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n > 1 ? many : one}`;
}

/** 2_500_000 -> "2,4 Mo", 5_000 -> "5 Ko" (never "0 Ko"). */
export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`
    : `${formatCount(Math.max(1, Math.round(bytes / 1024)))} Ko`;
}

/** "à l'instant", "il y a 5 min", "il y a 3 h", then "le 26-11-2026 à 15:01" (Paris time). */
export function formatLastSeen(value: DateInput, now: Date = new Date()): string {
  const d = toDate(value);
  const minutes = Math.floor((now.getTime() - d.getTime()) / 60_000);
  if (minutes < 1) return "à l'instant";
  if (minutes < 60) return `il y a ${minutes} min`;
  if (minutes < 24 * 60) return `il y a ${Math.floor(minutes / 60)} h`;
  return `le ${formatDateTime(d)}`;
}

/**
 * A phone number as the French write it: "+33798765432", "0798765432" -> "07 98 76 54 32".
 * Other numbers (abroad, or not a number) are shown as stored.
 */
export function formatPhone(phone: string): string {
  const compact = phone.trim().replace(/[\s.\-]/g, "");
  const national = /^\+33[1-9]\d{8}$/.test(compact) ? `0${compact.slice(3)}` : /^0[1-9]\d{8}$/.test(compact) ? compact : null;
  return national ? national.replace(/(\d{2})(?=\d)/g, "$1 ") : phone.trim();
}
