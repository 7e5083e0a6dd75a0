// The one strict reader of calendar dates typed in forms or URLs. A calendar
// day is a Date at UTC midnight (the shape of @db.Date columns). `new Date()`
// on user input rolls "2015-02-31" over to 3 March and takes year 0, which
// PostgreSQL refuses: every date input goes through here instead.

const DAY_MS = 86_400_000;

/** Years any calendar date of this application can have; the rest is a typo or an attack. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** "2026-02-28" -> Date; "2026-02-31", "0000-01-01", "2026-13-01", " 2026-01-01" -> null. */
export function parseIsoDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : null;
}

/** "2026-02" -> 1 February 2026; invalid -> null. */
export function parseIsoMonth(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}$/.test(value)) return null;
  return parseIsoDate(`${value}-01`);
}

export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

function addYears(day: Date, years: number): Date {
  const d = new Date(day.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  // 29 February + 1 year -> 28 February, not 1 March.
  return d.getUTCDate() === day.getUTCDate() ? d : new Date(d.getTime() - d.getUTCDate() * DAY_MS);
}

/** `future` / `past`: the bound is today, for a clearer message. */
export type DateRange = { min: Date; max: Date; maxIsToday?: boolean; minIsToday?: boolean };

/** Sensible bounds per use, from today (a calendar day). */
export const DATE_RANGES = {
  /** A date already passed: a diploma obtained, a transfer made. */
  past: (today: Date): DateRange => ({ min: new Date(Date.UTC(MIN_YEAR, 0, 1)), max: today, maxIsToday: true }),
  /** A transfer marked as made: at most a year ago, not in the future. */
  recentPast: (today: Date): DateRange => ({ min: addYears(today, -1), max: today, maxIsToday: true }),
  /** What a worker plans ahead: availability, requests. */
  upcoming: (today: Date): DateRange => ({ min: today, max: addYears(today, 2), minIsToday: true }),
  /** Contract and shift dates in the back office: past ones can be corrected. */
  contract: (today: Date): DateRange => ({ min: addYears(today, -5), max: addYears(today, 2) }),
  /** Filters and views: anything the application may hold. */
  any: (): DateRange => ({ min: new Date(Date.UTC(MIN_YEAR, 0, 1)), max: new Date(Date.UTC(MAX_YEAR, 11, 31)) }),
};

const frenchDay = (d: Date) => isoDay(d).split("-").reverse().join("/");

export type DateRead = { ok: true; date: Date } | { ok: false; error: string };

/**
 * A typed date checked for its shape, its existence in the calendar and its
 * range; the error is the French message shown next to the field.
 */
export function readDate(value: unknown, range: DateRange, label = "la date"): DateRead {
  const raw = typeof value === "string" ? value.trim() : "";
  if (!raw) return { ok: false, error: `Indiquez ${label}.` };
  const date = parseIsoDate(raw);
  if (!date) return { ok: false, error: `Date invalide : indiquez ${label} au format jj/mm/aaaa (jour existant).` };
  return rangeCheck(date, range, label);
}

export function rangeCheck(date: Date, range: DateRange, label = "la date"): DateRead {
  const capital = label.charAt(0).toUpperCase() + label.slice(1);
  if (date > range.max && range.maxIsToday) return { ok: false, error: `${capital} ne peut pas être dans le futur.` };
  if (date < range.min && range.minIsToday) return { ok: false, error: `${capital} ne peut pas être passée.` };
  if (date < range.min || date > range.max) {
    return { ok: false, error: `Indiquez ${label} entre le ${frenchDay(range.min)} et le ${frenchDay(range.max)}.` };
  }
  return { ok: true, date };
}

/**
 * A date from a URL query (`?date=`, `?semaine=`): a valid day within the
 * range, else null so that the page shows its default view.
 */
export function searchParamDate(value: string | string[] | undefined | null, range: DateRange = DATE_RANGES.any()): Date | null {
  const raw = Array.isArray(value) ? value[0] : value;
  const date = parseIsoDate(raw);
  return date && date >= range.min && date <= range.max ? date : null;
}
