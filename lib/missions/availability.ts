// Availability rules. Pure: expansion of a weekly pattern, past-date check,
// the one coherent state of a day (its parts, "journée entière" as all three).
import type { DayPart } from "@/lib/generated/prisma/enums";
import { keyOf } from "./calendar";
import { addDays, isoWeekday } from "../time/days";

export const DAY_PARTS: { part: DayPart; label: string; short: string }[] = [
  { part: "FULL_DAY", label: "Journée entière", short: "Journée" },
  { part: "MORNING", label: "Matin", short: "Matin" },
  { part: "AFTERNOON", label: "Après-midi", short: "Aprèm" },
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

/** The three parts a day is made of; "journée entière" is all three at once. */
export const PARTS_OF_DAY = ["MORNING", "AFTERNOON", "NIGHT"] as const satisfies readonly DayPart[];

/** One stored mark of a day. */
export type DayMark = { part: DayPart; available: boolean };

/**
 * What each part of a day says, from its rows in the order they were written
 * (a later row wins a part it shares with an earlier one, so legacy
 * overlapping rows read as their latest choice).
 */
export function partStates(rows: DayMark[]): Map<DayPart, boolean> {
  const states = new Map<DayPart, boolean>();
  for (const row of rows) for (const part of row.part === "FULL_DAY" ? PARTS_OF_DAY : [row.part]) states.set(part, row.available);
  return states;
}

/**
 * The one coherent set of rows for a day's part states: a single
 * "journée entière" row when the three parts agree, else one row per part
 * that is set, in the order of the day.
 */
export function canonicalDay(states: Map<DayPart, boolean>): DayMark[] {
  const values = PARTS_OF_DAY.map((p) => states.get(p));
  if (values.every((v) => v !== undefined && v === values[0])) return [{ part: "FULL_DAY", available: values[0]! }];
  return PARTS_OF_DAY.filter((p) => states.has(p)).map((part) => ({ part, available: states.get(part)! }));
}

/**
 * The day after the worker sets `parts` to `available`: "journée entière"
 * covers the three parts (it replaces any part already set), a part set on a
 * "journée entière" day splits it (the other parts keep their answer), and a
 * part chosen twice is one row.
 */
export function applyMarks(current: DayMark[], parts: DayPart[], available: boolean): DayMark[] {
  const states = partStates(current);
  for (const part of parts) for (const p of part === "FULL_DAY" ? PARTS_OF_DAY : [part]) states.set(p, available);
  return canonicalDay(states);
}

/** Whether two lists of a day's rows say the same (order aside). */
export function sameDay(a: DayMark[], b: DayMark[]): boolean {
  const key = (rows: DayMark[]) =>
    rows
      .map((r) => `${r.part}:${r.available}`)
      .sort()
      .join(",");
  return key(a) === key(b);
}
