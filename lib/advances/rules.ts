// The salary advance rules of the guide, as pure functions (unit-tested):
// - advances are paid on a weekday the agency sets (Wednesday by default);
// - a request counts for that day when made before the previous day at 24:00,
//   Paris time ("avant mardi soir 00h00"), otherwise for the following week;
// - an advance is taken on the salary of the month of its payment day, so no
//   advance is paid for a month after its last payment day (a request made
//   after that cut-off goes to the first payment day of the next month);
// - at least a minimum amount, at most the validated earnings of the month
//   times the agency's ratio, less the advances already accepted or paid.
import { parisCalendarDate, parisTimeOnDay } from "../time/paris";
import { addDays, calendarDay, isoWeekday } from "../time/days";
import { formatEurosShort, frenchWeekday } from "../format";

// The one calendar-day arithmetic and Paris day (lib/time), re-exported for callers of this module.
export { calendarDay, isoWeekday } from "../time/days";
export { parisCalendarDate as parisDay } from "../time/paris";

export type AdvanceRules = {
  /** ISO weekday of the payment, 1 = Monday ... 7 = Sunday. */
  payWeekday: number;
  /** Requests close this many days before the payment day, at midnight (1: the day before at 24:00). */
  cutoffDaysBefore: number;
  minCents: number;
  /** Share of validated earnings that may be advanced, in percent. */
  ratioPct: number;
};

export const DEFAULT_ADVANCE_RULES: AdvanceRules = { payWeekday: 3, cutoffDaysBefore: 1, minCents: 5000, ratioPct: 60 };

/** The rules of an agency row (Agency.advance* columns). */
export function rulesOfAgency(agency: { advancePayWeekday: number; advanceMinCents: number; advanceRatioPct: number }): AdvanceRules {
  return {
    ...DEFAULT_ADVANCE_RULES,
    payWeekday: agency.advancePayWeekday,
    minCents: agency.advanceMinCents,
    ratioPct: agency.advanceRatioPct,
  };
}

/** The UTC instant of midnight (00:00, Paris time) at the start of a calendar day. */
export function parisMidnight(day: Date): Date {
  return parisTimeOnDay(day, 0);
}

/** The instant after which a request no longer counts for this payment day (exclusive). */
export function cutoffOf(payDate: Date, rules: AdvanceRules): Date {
  return parisMidnight(addDays(payDate, -(rules.cutoffDaysBefore - 1)));
}

/** The first payment day whose cut-off is still ahead of `now`. */
export function payDateFor(now: Date, rules: AdvanceRules): Date {
  const today = parisCalendarDate(now);
  for (let k = 0; k <= 7 + rules.cutoffDaysBefore; k++) {
    const day = addDays(today, k);
    if (isoWeekday(day) === rules.payWeekday && now.getTime() < cutoffOf(day, rules).getTime()) return day;
  }
  throw new Error("No payment day found");
}

/** The last payment day of a month (month 1-12). */
export function lastPayDateOfMonth(year: number, month: number, rules: AdvanceRules): Date {
  let day = calendarDay(year, month + 1, 0);
  while (isoWeekday(day) !== rules.payWeekday) day = addDays(day, -1);
  return day;
}

export type AdvanceSchedule = {
  /** The payment day a request made now counts for. */
  payDate: Date;
  /** Requests for it must be made before this instant. */
  cutoff: Date;
  /** Month (year, 1-12) whose salary the advance is taken on: the month of payDate. */
  salaryMonth: { year: number; month: number };
  /** The month of today is closed for advances: its last payment day's cut-off has passed. */
  monthClosed: boolean;
  /** The last payment day of today's month (the one that closed, when monthClosed). */
  lastPayDateOfCurrentMonth: Date;
};

export function advanceSchedule(now: Date, rules: AdvanceRules): AdvanceSchedule {
  const payDate = payDateFor(now, rules);
  const today = parisCalendarDate(now);
  const lastOfMonth = lastPayDateOfMonth(today.getUTCFullYear(), today.getUTCMonth() + 1, rules);
  return {
    payDate,
    cutoff: cutoffOf(payDate, rules),
    salaryMonth: { year: payDate.getUTCFullYear(), month: payDate.getUTCMonth() + 1 },
    monthClosed: payDate.getUTCMonth() !== today.getUTCMonth() || payDate.getUTCFullYear() !== today.getUTCFullYear(),
    lastPayDateOfCurrentMonth: lastOfMonth,
  };
}

/** The ISO weekday whose evening (24:00, Paris time) closes the requests of a payment day. */
export function cutoffWeekday(rules: AdvanceRules): number {
  return ((((rules.payWeekday - rules.cutoffDaysBefore - 1) % 7) + 7) % 7) + 1;
}

/**
 * How the worker's page states an agency's rule, from the rule itself (the
 * same payWeekday and cutoffDaysBefore that payDateFor and cutoffOf use):
 * "le mercredi", "avant mardi soir 00h00", "le dernier mercredi du mois".
 */
export function advanceRuleText(rules: AdvanceRules): { payDay: string; cutoff: string; lastOfMonth: string } {
  const pay = frenchWeekday(rules.payWeekday);
  return {
    payDay: `le ${pay}`,
    cutoff: `avant ${frenchWeekday(cutoffWeekday(rules))} soir 00h00`,
    lastOfMonth: `le dernier ${pay} du mois`,
  };
}

/** The first and last calendar days of a month. */
export function monthBounds(month: { year: number; month: number }): { first: Date; last: Date } {
  return { first: calendarDay(month.year, month.month, 1), last: calendarDay(month.year, month.month + 1, 0) };
}

/** Earnings of validated work: minutes times the hourly rate, in cents (rounded down). */
export function earnedCents(entries: { minutes: number; hourlyRateCents: number }[]): number {
  return Math.floor(entries.reduce((sum, e) => sum + (e.minutes * e.hourlyRateCents) / 60, 0));
}

/** What may still be advanced for the month, in whole euros (cents multiple of 100), never negative. */
export function availableCents(input: { earnedCents: number; ratioPct: number; alreadyAdvancedCents: number }): number {
  const cap = Math.floor((input.earnedCents * input.ratioPct) / 100) - input.alreadyAdvancedCents;
  return Math.max(0, Math.floor(cap / 100) * 100);
}

/** A French message when the amount cannot be asked for, else null. */
export function amountProblem(amountCents: number, input: { minCents: number; availableCents: number }): string | null {
  if (!Number.isInteger(amountCents) || amountCents <= 0) return "Indiquez un montant en euros.";
  if (input.availableCents < input.minCents) {
    return "Aucun acompte n'est possible pour le moment : vos heures validées ce mois-ci ne permettent pas d'atteindre le montant minimum.";
  }
  if (amountCents < input.minCents) return `Le montant minimum d'un acompte est de ${formatEurosShort(input.minCents)}.`;
  if (amountCents > input.availableCents) return `Le montant dépasse le montant disponible (${formatEurosShort(input.availableCents)}).`;
  return null;
}

/** "230" or "230 €" -> 23000 cents; null when not a whole number of euros. */
export function parseEuros(value: string): number | null {
  const text = value.replace(/\s|€/g, "").replace(",00", "");
  if (!/^\d{1,6}$/.test(text)) return null;
  return Number(text) * 100;
}

/** Key held by a request while it is open (PENDING): one open request per worker, agency and payment day. */
export function advanceOpenKey(workerId: string, agencyId: string, payDate: Date): string {
  return `${workerId}:${agencyId}:${payDate.toISOString().slice(0, 10)}`;
}
