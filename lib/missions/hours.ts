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

/** "153 heures calculées pour ce mois", "23 heures 30 calculées pour ce mois". */
export function monthTotalLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = `${h} heure${h > 1 ? "s" : ""}`;
  return `${m ? `${hours} ${String(m).padStart(2, "0")}` : hours} calculées pour ce mois`;
}

/** "3h0m / 7h0m" style of the guide's absences, and "07h00" for slots. */
export function slotDuration(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}h${String(minutes % 60).padStart(2, "0")}`;
}
