// French formats for dates, times, durations and money. Instants are stored in
// UTC and always shown in Europe/Paris, whatever the server's time zone.

export const PARIS_TIME_ZONE = "Europe/Paris";

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

const wallClock = new Intl.DateTimeFormat("en-US", {
  timeZone: PARIS_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

export type ParisParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock reading in Paris of an instant (month 1-12). */
export function parisParts(value: DateInput): ParisParts {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(toDate(value))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

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

/** "mercredi 2 décembre 2026"; without the year: "mercredi 2 décembre". */
export function formatLongDate(value: DateInput, options: { withYear?: boolean } = {}): string {
  const d = toDate(value);
  return (options.withYear === false ? longDateNoYear : longDate).format(d);
}

/** "mai 2020" */
export function formatMonthYear(value: DateInput): string {
  return monthYear.format(toDate(value));
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

/** The UTC instant at which a Paris wall-clock time occurs. */
function parisWallClockToInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // Offset of Paris from UTC near the guess, applied twice so that a guess on
  // the other side of a DST change settles on the right offset.
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const p = parisParts(instant);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    instant = guess - (asUtc - instant);
  }
  return new Date(instant);
}

/**
 * The Paris calendar day that contains an instant, as UTC instants:
 * `start` is midnight in Paris, `end` the next midnight (exclusive).
 */
export function parisDayBounds(value: DateInput): { start: Date; end: Date } {
  const p = parisParts(value);
  const start = parisWallClockToInstant(p.year, p.month, p.day);
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  const end = parisWallClockToInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
  return { start, end };
}

/**
 * The Paris calendar day of an instant as a UTC-midnight Date, the shape
 * Prisma uses for `@db.Date` columns (compare DATE columns with this).
 */
export function parisCalendarDate(value: DateInput = new Date()): Date {
  const p = parisParts(value);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}
