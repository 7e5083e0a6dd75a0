// Availability rules. Pure: expansion of a weekly pattern, past-date check.
import type { DayPart } from "@/lib/generated/prisma/enums";
import { keyOf } from "./calendar";
import { addDays, isoWeekday } from "../time/days";

export const DAY_PARTS: { part: DayPart; label: string; short: string }[] = [
  { part: "FULL_DAY", label: "Journée entière", short: "Journée" },
  { part: "MORNING", label: "Matin", short: "Matin" },
  { part: "AFTERNOON", label: "Après-midi", short: "Après-midi" },
  { part: "NIGHT", label: "Nuit", short: "Nuit" },
];

export const MAX_RANGE_DAYS = 184;

/** The days from `from` to `to` (inclusive) whose ISO weekday is listed (all when none is). */
export function expandPattern(from: Date, to: Date, weekdays: number[]): Date[] {
  const out: Date[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!weekdays.length || weekdays.includes(isoWeekday(d))) out.push(d);
  return out;
}

/** Past days (before today in Paris) cannot be set, changed or removed. */
export function isLocked(day: Date, today: Date): boolean {
  return keyOf(day) < keyOf(today);
}
