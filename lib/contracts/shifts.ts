// Pure rules for contract shifts: generation from a weekly pattern, overlap
// detection and the hours label. No database here, so all of it is unit-tested.

import { parseIsoDate } from "../time/dates";
import { parisParts, parisTimeOnDay } from "../time/paris";
import { addDays, isoWeekday } from "../time/days";

// The one calendar-day arithmetic and Paris day (lib/time), re-exported for callers of this module.
export { addDays, isoWeekday } from "../time/days";
export { parisCalendarDate as parisDayOf } from "../time/paris";

/** A calendar day as UTC midnight, the shape of `@db.Date` columns. "2026-03-29" -> Date. */
export function parseDay(iso: string): Date | null {
  return parseIsoDate(iso);
}

export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** "07:30" -> 450; null when malformed. */
export function parseTime(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The UTC instant of a Paris wall-clock time on a calendar day. Across a DST
 * change the offset is taken near the answer, so "21:00" on 28 March 2026 is
 * 20:00Z and "07:00" on 29 March is 05:00Z. A time that does not exist (02:30
 * on the spring-forward night) lands one hour later, as clocks do.
 */
export function parisInstant(day: Date, minutesOfDay: number, plusDays = 0): Date {
  return parisTimeOnDay(day, minutesOfDay, plusDays);
}

/** The Paris wall-clock time "HH:MM" of an instant. */
export function parisHHMM(instant: Date): string {
  const p = parisParts(instant);
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

export type WeeklyPattern = {
  /** ISO weekdays worked, 1 = Monday ... 7 = Sunday. */
  weekdays: number[];
  start: string; // "21:00"
  end: string; // "07:00": an end not after the start is on the next day
  breakMinutes: number;
};

export type ShiftSlot = { startsAt: Date; endsAt: Date; breakMinutes: number };

/** One shift per worked weekday between two calendar days (both included). */
export function generateShifts(pattern: WeeklyPattern, startDate: Date, endDate: Date): ShiftSlot[] {
  const start = parseTime(pattern.start);
  const end = parseTime(pattern.end);
  if (start === null || end === null) throw new Error("Invalid pattern time");
  const overnight = end <= start;
  const days = new Set(pattern.weekdays);
  const out: ShiftSlot[] = [];
  for (let day = startDate; day.getTime() <= endDate.getTime(); day = addDays(day, 1)) {
    if (!days.has(isoWeekday(day))) continue;
    out.push({
      startsAt: parisInstant(day, start),
      endsAt: parisInstant(day, end, overnight ? 1 : 0),
      breakMinutes: pattern.breakMinutes,
    });
  }
  return out;
}

/** A shift starting on a day at "HH:MM" and ending at "HH:MM" (next day when not after). */
export function shiftFromTimes(day: Date, startHHMM: string, endHHMM: string, breakMinutes: number): ShiftSlot | null {
  const start = parseTime(startHHMM);
  const end = parseTime(endHHMM);
  if (start === null || end === null) return null;
  return { startsAt: parisInstant(day, start), endsAt: parisInstant(day, end, end <= start ? 1 : 0), breakMinutes };
}

/** Worked minutes of a shift: real elapsed time (DST-aware) minus the break. */
export function workedMinutes(s: { startsAt: Date; endsAt: Date; breakMinutes: number }): number {
  return Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000) - s.breakMinutes;
}

export type Interval = { startsAt: Date; endsAt: Date };

/** Half-open intervals: a shift ending at 14:00 and one starting at 14:00 do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * The first pair (candidate, existing) that overlaps, or null. Existing shifts
 * carry whatever the caller needs to name the clashing contract.
 */
export function findOverlap<C extends Interval, E extends Interval>(candidates: C[], existing: E[]): { candidate: C; existing: E } | null {
  const sorted = [...existing].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  for (const candidate of candidates) {
    for (const e of sorted) {
      if (e.startsAt.getTime() >= candidate.endsAt.getTime()) break;
      if (overlaps(candidate, e)) return { candidate, existing: e };
    }
  }
  return null;
}

/** Two shifts of the same list that overlap each other, or null. */
export function findSelfOverlap<C extends Interval>(shifts: C[]): [C, C] | null {
  const sorted = [...shifts].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    if (overlaps(sorted[i - 1], sorted[i])) return [sorted[i - 1], sorted[i]];
  }
  return null;
}

/** The guide's hours label: "13:30-20:30 00:00-00:00" (second slot unused). */
export function hoursLabel(start: string, end: string): string {
  return `${start}-${end} 00:00-00:00`;
}

export const ABSENCE_CODES: { code: string; label: string }[] = [
  { code: "FER", label: "Jour férié" },
  { code: "MAL", label: "Maladie" },
  { code: "CP", label: "Congés payés" },
  { code: "ABS", label: "Absence autorisée" },
  { code: "AT", label: "Accident du travail" },
  { code: "RTT", label: "Repos" },
];

/** "12,50" or "12.5" euros -> 1250 cents; null when not a positive amount with at most 2 decimals. */
export function eurosToCents(input: string): number | null {
  const clean = input.trim().replace(/\s|€/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [units, decimals = ""] = clean.split(".");
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, "0"));
  return cents > 0 && cents < 100_000_00 ? cents : null;
}
