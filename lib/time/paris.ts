// Europe/Paris wall-clock arithmetic, whatever the time zone of the machine.
// Instants are UTC; a "calendar day" is a Date at UTC midnight, the shape
// Prisma uses for @db.Date columns. The one place that reads Paris time, so
// that every rule agrees across daylight-saving changes.

export const PARIS_TIME_ZONE = "Europe/Paris";

type Instant = Date | string | number;

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

export type ParisParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

// Paris changes its offset only on a whole UTC hour (01:00 UTC in the EU rule), so the
// offset read once per UTC hour holds for every instant of that hour. formatToParts is
// slow (a timesheet grid asks thousands of times per page): remember the hours seen.
const offsetByHour = new Map<number, number>();

function hourOffsetMs(instantMs: number): number {
  const hour = Math.floor(instantMs / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const start = hour * 3_600_000;
    const parts: Record<string, number> = {};
    for (const part of wallClock.formatToParts(new Date(start))) {
      if (part.type !== "literal") parts[part.type] = Number(part.value);
    }
    offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - start;
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The wall-clock reading in Paris of an instant (month 1-12). */
export function parisParts(value: Instant): ParisParts {
  const ms = toDate(value).getTime();
  if (!Number.isFinite(ms)) throw new RangeError("Invalid time value");
  const local = new Date(ms + hourOffsetMs(ms));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** Minutes Paris is ahead of UTC at an instant: 60 in winter, 120 in summer. */
export function parisOffsetMinutes(value: Instant): number {
  return Math.round(hourOffsetMs(toDate(value).getTime()) / 60_000);
}

/**
 * The UTC instant at which a Paris wall-clock time occurs (month 1-12). Fields
 * that overflow roll over as with Date.UTC (day 32, minute 1500...). The offset
 * is taken near the guess, then near the first answer, so that a time on either
 * side of a DST change settles on the right one. A time that does not exist
 * (02:30 on the spring-forward night) lands one hour later, as clocks do; an
 * ambiguous one (02:30 on the fall-back night) is the second, winter, reading.
 */
export function parisWallTimeToInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let instant = guess - hourOffsetMs(guess);
  instant = guess - hourOffsetMs(instant);
  return new Date(instant);
}

/** The instant of a Paris wall-clock time, in minutes after midnight, on a calendar day (plus some days). */
export function parisTimeOnDay(day: Date, minutesOfDay: number, plusDays = 0): Date {
  return parisWallTimeToInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate() + plusDays, 0, minutesOfDay);
}

/**
 * The Paris calendar day of an instant as a UTC-midnight Date, the shape
 * Prisma uses for `@db.Date` columns (compare DATE columns with this).
 */
export function parisCalendarDate(value: Instant = new Date()): Date {
  const p = parisParts(value);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

/** "2026-11-27": the Paris calendar day of an instant, as an ISO date. */
export function parisDayKey(value: Instant): string {
  return parisCalendarDate(value).toISOString().slice(0, 10);
}

/**
 * The Paris calendar day that contains an instant, as UTC instants:
 * `start` is midnight in Paris, `end` the next midnight (exclusive).
 */
export function parisDayBounds(value: Instant): { start: Date; end: Date } {
  const day = parisCalendarDate(value);
  return { start: parisTimeOnDay(day, 0), end: parisTimeOnDay(day, 0, 1) };
}
