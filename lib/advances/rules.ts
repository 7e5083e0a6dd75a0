// The salary advance rules of the guide, as pure functions (unit-tested):
// - advances are paid on a weekday the agency sets (Wednesday by default);
// - a request counts for that day when made before the previous day at 24:00,
//   Paris time ("avant mardi soir 00h00"), otherwise for the following week;
// - an advance is taken on the salary of the month of its payment day, so no
//   advance is paid for a month after its last payment day (a request made
//   after that cut-off goes to the first payment day of the next month);
// - the available amount is the validated hours not yet paid by a published
//   payslip times the contract's rate and the agency's ratio, less the
//   advances accepted or paid that no published payslip has settled yet
//   (advanceBasis). The worker may ask for more (at least the minimum): the
//   request is flagged over the cap and staff confirm explicitly to accept it.
import { parisCalendarDate, parisTimeOnDay } from "../time/paris";
import { addDays, calendarDay, isoWeekday } from "../time/days";
import { formatEuros, frenchWeekday } from "../format";

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
function parisMidnight(day: Date): Date {
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

/** Earnings of validated work: minutes times the hourly rate, in cents (rounded down). */
export function earnedCents(entries: { minutes: number; hourlyRateCents: number }[]): number {
  return Math.floor(entries.reduce((sum, e) => sum + (e.minutes * e.hourlyRateCents) / 60, 0));
}

/** What may still be advanced, in whole euros (cents multiple of 100), never negative. */
export function availableCents(input: { earnedCents: number; ratioPct: number; alreadyAdvancedCents: number }): number {
  const cap = Math.floor((input.earnedCents * input.ratioPct) / 100) - input.alreadyAdvancedCents;
  return Math.max(0, Math.floor(cap / 100) * 100);
}

export type YearMonth = { year: number; month: number };

/** The month (1-12) of a calendar day. */
export function monthOf(day: Date): YearMonth {
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1 };
}

const monthIndex = (m: YearMonth) => m.year * 12 + (m.month - 1);
const monthAt = (index: number): YearMonth => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });

/**
 * How many months before the current one still count when no payslip was
 * published after them: the previous month waits for its payslip (8th-10th),
 * and one more month covers a payslip that is late.
 */
export const UNPAID_LOOKBACK_MONTHS = 2;

/** The months a payslip covers: from periodStart to periodEnd (periodStart's month alone without an end). */
export function monthsCovered(payslip: { periodStart: Date | null; periodEnd: Date | null }): YearMonth[] {
  if (!payslip.periodStart) return [];
  const from = monthIndex(monthOf(payslip.periodStart));
  const to = Math.max(from, monthIndex(monthOf(payslip.periodEnd ?? payslip.periodStart)));
  return Array.from({ length: Math.min(to - from + 1, 24) }, (_, i) => monthAt(from + i));
}

/**
 * The months whose validated hours are not paid yet on `today`: from
 * UNPAID_LOOKBACK_MONTHS before the current month, after the latest month a
 * published payslip covers (payslips come in order: an older month without
 * one was paid otherwise or not worked), to the current month, leaving out
 * those a payslip covers.
 */
export function unpaidMonths(today: Date, paidMonths: YearMonth[], lookback = UNPAID_LOOKBACK_MONTHS): YearMonth[] {
  const current = monthIndex(monthOf(today));
  const paid = new Set(paidMonths.map(monthIndex));
  const latestPaid = Math.max(-Infinity, ...[...paid].filter((i) => i <= current));
  const from = Math.max(current - lookback, latestPaid + 1);
  const months: YearMonth[] = [];
  for (let i = from; i <= current; i++) if (!paid.has(i)) months.push(monthAt(i));
  return months;
}

export type AdvanceBasis = {
  /** The months whose validated hours count (not paid by a published payslip), oldest first. */
  months: YearMonth[];
  /** Validated minutes of those months, up to today. */
  minutes: number;
  /** Their earnings: minutes times each contract's hourly rate, in cents. */
  earnedCents: number;
  /** Advances accepted or paid that no published payslip has settled (taken on an unpaid month or later). */
  advancedCents: number;
  /** What may be advanced: earnings times the ratio, less those advances, in whole euros, never negative. */
  availableCents: number;
};

/**
 * The available amount of a worker at one agency on `today` (a Paris
 * calendar day), from the validated days (one per contract and day: the
 * minutes of a submitted timesheet, as corrected by the agency), the months
 * the agency's published payslips cover, and the advances accepted or paid.
 * An advance is settled by the payslip of the month of its payment day.
 */
export function advanceBasis(input: {
  today: Date;
  ratioPct: number;
  paidMonths: YearMonth[];
  work: { date: Date; minutes: number; hourlyRateCents: number }[];
  advances: { payDate: Date; amountCents: number }[];
  lookback?: number;
}): AdvanceBasis {
  const months = unpaidMonths(input.today, input.paidMonths, input.lookback);
  const counted = new Set(months.map(monthIndex));
  const paid = new Set(input.paidMonths.map(monthIndex));
  const first = months.length ? monthIndex(months[0]) : monthIndex(monthOf(input.today)) + 1;
  const work = input.work.filter((w) => counted.has(monthIndex(monthOf(w.date))) && w.date.getTime() <= input.today.getTime());
  const earned = earnedCents(work);
  const advancedCents = input.advances
    .filter((a) => {
      const m = monthIndex(monthOf(a.payDate));
      return m >= first && !paid.has(m);
    })
    .reduce((sum, a) => sum + a.amountCents, 0);
  return {
    months,
    minutes: work.reduce((sum, w) => sum + w.minutes, 0),
    earnedCents: earned,
    advancedCents,
    availableCents: availableCents({ earnedCents: earned, ratioPct: input.ratioPct, alreadyAdvancedCents: advancedCents }),
  };
}

/** The worker's notice when a request is above the available amount (shown before and after sending). */
export function overCapNotice(availableCents: number): string {
  return `Votre demande dépasse le montant disponible (${formatEuros(availableCents)}) : l'agence la vérifiera avec les heures validées.`;
}

/**
 * A worker's amount against the agency's minimum and the available amount:
 * a French message when it cannot be asked for (not an amount, under the
 * minimum), else whether it is above the available amount. Above is allowed:
 * payroll checks the request against the hours worked.
 */
export function assessAmount(
  amountCents: number,
  input: { minCents: number; availableCents: number },
): { ok: false; problem: string } | { ok: true; overCap: boolean; notice: string | null } {
  if (!Number.isInteger(amountCents) || amountCents <= 0) return { ok: false, problem: "Indiquez un montant en euros." };
  if (amountCents < input.minCents) return { ok: false, problem: `Le montant minimum d'un acompte est de ${formatEuros(input.minCents)}.` };
  const overCap = amountCents > input.availableCents;
  return { ok: true, overCap, notice: overCap ? overCapNotice(input.availableCents) : null };
}

/**
 * The requests of a selection that staff would accept above the available
 * amount, accepting them in order: each accepted one lowers what is
 * available for the same worker and agency. `available` is keyed
 * `workerId:agencyId`.
 */
export function overCapInSelection(
  items: { id: string; workerId: string; agencyId: string; amountCents: number }[],
  available: Map<string, number>,
): Set<string> {
  const left = new Map(available);
  const over = new Set<string>();
  for (const item of items) {
    const key = `${item.workerId}:${item.agencyId}`;
    const cap = left.get(key) ?? 0;
    if (item.amountCents > cap) over.add(item.id);
    left.set(key, cap - item.amountCents);
  }
  return over;
}

/** Staff accepting requests above the available amount must confirm it; the French refusal otherwise. */
export function overCapAcceptanceProblem(overCapCount: number, confirmed: boolean): string | null {
  if (overCapCount === 0 || confirmed) return null;
  return overCapCount === 1
    ? "Une demande de la sélection dépasse le montant disponible : cochez la confirmation pour l'accepter malgré tout."
    : `${overCapCount} demandes de la sélection dépassent le montant disponible : cochez la confirmation pour les accepter malgré tout.`;
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
