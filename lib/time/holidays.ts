// French public holidays (metropolitan France), the fixed ones and those that
// follow Easter. Pure: calendar days are UTC-midnight Dates (lib/time/days).
import { addDays, calendarDay } from "./days";

/** Easter Sunday of a Gregorian year (anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDay(year, month, day);
}

const iso = (day: Date) => day.toISOString().slice(0, 10);

const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/** The eleven public holidays of metropolitan France of a year, keyed by ISO date, with their French names (computed once a year). */
export function frenchPublicHolidays(year: number): ReadonlyMap<string, string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = computeHolidays(year);
    if (holidaysByYear.size >= 1000) holidaysByYear.clear();
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

function computeHolidays(year: number): ReadonlyMap<string, string> {
  const easter = easterSunday(year);
  const days: [Date, string][] = [
    [calendarDay(year, 1, 1), "Jour de l'an"],
    [addDays(easter, 1), "Lundi de Pâques"],
    [calendarDay(year, 5, 1), "Fête du travail"],
    [calendarDay(year, 5, 8), "Victoire 1945"],
    [addDays(easter, 39), "Ascension"],
    [addDays(easter, 50), "Lundi de Pentecôte"],
    [calendarDay(year, 7, 14), "Fête nationale"],
    [calendarDay(year, 8, 15), "Assomption"],
    [calendarDay(year, 11, 1), "Toussaint"],
    [calendarDay(year, 11, 11), "Armistice 1918"],
    [calendarDay(year, 12, 25), "Noël"],
  ];
  return new Map(days.map(([day, name]) => [iso(day), name]));
}

/** Whether a calendar day is a French public holiday. */
export function isPublicHoliday(day: Date): boolean {
  return frenchPublicHolidays(day.getUTCFullYear()).has(iso(day));
}
