// Calendar helpers of the seed. A calendar day is a Date at UTC midnight (the
// shape Prisma uses for @db.Date columns); instants are computed from Paris
// wall-clock times, whatever the time zone of the machine running the seed.

import { parisCalendarDate, parisTimeOnDay } from "../../lib/time/paris";

const DAY_MS = 86_400_000;

/** A calendar day (month 1-12). */
export function calendarDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The Paris calendar day containing an instant. */
export function parisDay(instant: Date): Date {
  return parisCalendarDate(instant);
}

/**
 * The UTC instant of a Paris wall-clock time on a calendar day, correct across
 * daylight-saving changes ("07:30" on 29 March is 05:30Z, on 28 March 06:30Z).
 */
export function parisTime(day: Date, hhmm: string, plusDays = 0): Date {
  const [hour, minute] = hhmm.split(":").map(Number);
  return parisTimeOnDay(day, hour * 60 + minute, plusDays);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

export function diffDays(later: Date, earlier: Date): number {
  return Math.round((later.getTime() - earlier.getTime()) / DAY_MS);
}

export function startOfMonth(day: Date, plusMonths = 0): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + plusMonths, 1));
}

export function endOfMonth(day: Date, plusMonths = 0): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + plusMonths + 1, 0));
}

/** 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: Date): number {
  return ((day.getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the week of a day. */
export function mondayOf(day: Date): Date {
  return addDays(day, 1 - isoWeekday(day));
}

/** "2026-11-27" */
export function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** "20261130" */
export function compactDate(day: Date): string {
  return isoDate(day).replaceAll("-", "");
}

export function sameDay(a: Date, b: Date): boolean {
  return a.getTime() === b.getTime();
}

// The public holidays are computed once, in lib/time/holidays.
export { frenchPublicHolidays, isPublicHoliday } from "../../lib/time/holidays";

// ---------------------------------------------------------------------------
// Deterministic randomness: the same seed gives the same demo data.
// ---------------------------------------------------------------------------

export type Random = {
  next(): number; // [0, 1)
  int(min: number, max: number): number; // inclusive
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  id(): string;
};

/** mulberry32, plus cuid-looking ids so that seeded rows resemble the app's own. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
    id: () => {
      let out = "c";
      for (let i = 0; i < 24; i++) out += alphabet[Math.floor(next() * 36)];
      return out;
    },
  };
}
