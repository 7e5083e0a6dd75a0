// The grid of a month calendar: whole weeks, Monday to Sunday, from the week of
// the 1st to the week of the last day. Days are UTC-midnight Dates. Pure.
import { viewRange } from "./calendar";
import { addDays } from "../time/days";

/** The rows of a grid: seven days from each Monday, from `start` up to `end` (both included). */
export function gridWeeks(start: Date, end: Date): Date[][] {
  const weeks: Date[][] = [];
  for (let d = start; d <= end; d = addDays(d, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  return weeks;
}

/** The weeks shown for the month of a day (the month view's range). */
export function monthGrid(month: Date): Date[][] {
  const { start, end } = viewRange("mois", month);
  return gridWeeks(start, end);
}
