// Calendar arithmetic on days (UTC-midnight Dates stand for Paris calendar days). Pure.
import { parseIsoDate } from "../time/dates";
import { addDays, DAY_MS, isoWeekday, mondayOf } from "../time/days";

// The one calendar-day arithmetic (lib/time/days), re-exported for callers of this module.
export { addDays, DAY_MS, isoWeekday, mondayOf } from "../time/days";
export type View = "mois" | "semaine" | "jour";

export function dayFromKey(key: string): Date {
  return new Date(`${key}T00:00:00Z`);
}

export function keyOf(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function addMonths(day: Date, n: number): Date {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), Math.min(day.getUTCDate(), last)));
}

export function startOfMonth(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
}

export function endOfMonth(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
}

/** ISO 8601 week number. */
export function isoWeek(day: Date): number {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
  return Math.floor((thursday.getTime() - yearStart.getTime()) / DAY_MS / 7) + 1;
}

/** The days shown by a view around an anchor day. */
export function viewRange(view: View, anchor: Date): { start: Date; end: Date } {
  if (view === "jour") return { start: anchor, end: anchor };
  if (view === "semaine") {
    const start = mondayOf(anchor);
    return { start, end: addDays(start, 6) };
  }
  const start = mondayOf(startOfMonth(anchor));
  const end = addDays(mondayOf(endOfMonth(anchor)), 6);
  return { start, end };
}

export function shiftAnchor(view: View, anchor: Date, direction: 1 | -1): Date {
  if (view === "jour") return addDays(anchor, direction);
  if (view === "semaine") return addDays(anchor, 7 * direction);
  return addMonths(anchor, direction);
}

export function parseView(v: string | undefined): View {
  return v === "semaine" || v === "jour" ? v : "mois";
}

export function parseDayKey(v: string | undefined): Date | null {
  return parseIsoDate(v);
}
