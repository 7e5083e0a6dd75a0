// Calendar-day arithmetic. A calendar day is a Date at UTC midnight (the shape
// of @db.Date columns); it stands for a Paris calendar day, and its weekday is
// read in UTC. To get the Paris day of an instant, use parisCalendarDate
// (lib/time/paris). The one implementation of each: every module imports it.

export const DAY_MS = 86_400_000;

/** A calendar day from its parts (month 1-12); fields that overflow roll over as with Date.UTC. */
export function calendarDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The calendar day `days` days after (before, when negative). */
export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** ISO weekday of a calendar day: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: Date): number {
  return ((day.getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the ISO week of a calendar day. */
export function mondayOf(day: Date): Date {
  return addDays(day, 1 - isoWeekday(day));
}
