// Hours of the planning: pure rules, unit-tested.
// A shift counts for the Paris calendar day (and so the month) it starts on,
// the payroll convention for night shifts that cross midnight. Breaks are
// deducted; absences (public holiday, sick leave...) count for nothing.
import { parisDayKey } from "@/lib/time/paris";

export type ShiftLike = { startsAt: Date; endsAt: Date; breakMinutes: number; kind: "WORK" | "ABSENCE" };

const DAY_MS = 86_400_000;

/** Length of a shift in minutes; an end at or before the start means the next day. */
export function shiftSpanMinutes(s: { startsAt: Date; endsAt: Date }): number {
  let span = s.endsAt.getTime() - s.startsAt.getTime();
  if (span <= 0) span += DAY_MS;
  return Math.round(span / 60_000);
}

/** Minutes worked in a shift: its span less the break, never negative; 0 for an absence. */
export function workedMinutes(s: ShiftLike): number {
  if (s.kind !== "WORK") return 0;
  return Math.max(0, shiftSpanMinutes(s) - Math.max(0, s.breakMinutes));
}

/** "2026-11-27": the Paris day a shift starts on (lib/time/paris). */
export { parisDayKey };

/** Total minutes worked in a month (1-12) of the Paris calendar. */
export function monthWorkedMinutes(shifts: ShiftLike[], year: number, month: number): number {
  const prefix = `${year}-${String(month).padStart(2, "0")}-`;
  return shifts.filter((s) => parisDayKey(s.startsAt).startsWith(prefix)).reduce((sum, s) => sum + workedMinutes(s), 0);
}

/** "153 heures calculées pour ce mois" (the guide's words), "154 h 30 calculées pour ce mois". */
export function monthTotalLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = m ? `${h} h ${String(m).padStart(2, "0")}` : `${h} heure${h > 1 ? "s" : ""}`;
  return `${hours} calculées pour ce mois`;
}

/** "3h0m / 7h0m" style of the guide's absences, and "07h00" for slots. */
export function slotDuration(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}h${String(minutes % 60).padStart(2, "0")}`;
}

/** A slot of the planning as the hours split reads it. */
export type SplitSlot = { contractId: string; dayKey: string; minutes: number; validated: boolean; absence: boolean };
/** A day of a submitted timesheet (TimesheetEntry.minutes, after any agency correction). */
export type ValidatedDay = { contractId: string; dayKey: string; minutes: number };

/**
 * The hours that will be paid against those only planned, per slot and for a
 * month. A day of a submitted timesheet counts its figure (the client's, or the
 * agency's correction) on the first work slot of that contract and day, the
 * others of the day nothing more; a slot validated without a timesheet (the
 * agency validates it directly) counts its planned minutes; the rest is planned.
 */
export function validatedMinutesBySlot<S extends SplitSlot>(slots: S[], days: ValidatedDay[]): Map<S, number | null> {
  const byDay = new Map(days.map((d) => [`${d.contractId}|${d.dayKey}`, d.minutes]));
  const seen = new Set<string>();
  const out = new Map<S, number | null>();
  for (const s of slots) {
    if (s.absence) {
      out.set(s, null);
      continue;
    }
    const key = `${s.contractId}|${s.dayKey}`;
    if (byDay.has(key)) {
      out.set(s, seen.has(key) ? 0 : byDay.get(key)!);
      seen.add(key);
    } else out.set(s, s.validated ? s.minutes : null);
  }
  return out;
}

/** Validated and planned-only minutes of a month (1-12): timesheet days without a slot count too. */
export function monthHoursSplit(
  slots: SplitSlot[],
  days: ValidatedDay[],
  year: number,
  month: number,
): { validated: number; planned: number } {
  const prefix = `${year}-${String(month).padStart(2, "0")}-`;
  const inMonth = slots.filter((s) => s.dayKey.startsWith(prefix));
  const monthDays = days.filter((d) => d.dayKey.startsWith(prefix));
  const perSlot = validatedMinutesBySlot(inMonth, monthDays);
  let validated = 0;
  let planned = 0;
  for (const s of inMonth) {
    if (s.absence) continue;
    const v = perSlot.get(s);
    if (v === null || v === undefined) planned += s.minutes;
    else validated += v;
  }
  const slotDays = new Set(inMonth.filter((s) => !s.absence).map((s) => `${s.contractId}|${s.dayKey}`));
  for (const d of monthDays) if (!slotDays.has(`${d.contractId}|${d.dayKey}`)) validated += d.minutes;
  return { validated, planned };
}

/** 8460 -> "141 h", 450 -> "7 h 30". */
export function hoursShort(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${String(m).padStart(2, "0")}` : `${h} h`;
}

/** "141 h validées, 12 h prévues". */
export function monthSplitLabel(split: { validated: number; planned: number }): string {
  return `${hoursShort(split.validated)} validée${split.validated >= 120 ? "s" : ""}, ${hoursShort(split.planned)} prévue${split.planned >= 120 ? "s" : ""}`;
}
