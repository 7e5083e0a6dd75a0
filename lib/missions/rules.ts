// Pure rules of the worker's missions and availability: whether a day marked
// "indisponible" meets a booked shift. No database, no clock.
import type { DayPart } from "@/lib/generated/prisma/enums";
import { partsOfSlot } from "../ciblage/rules";
import { parisHHMM } from "../contracts/shifts";
import { parisCalendarDate } from "../time/paris";

export type UnavailableMark = { date: Date; part: DayPart };
export type BookedShift = { startsAt: Date; endsAt: Date; contractNumber: string };
export type UnavailabilityConflict<S extends BookedShift = BookedShift> = { mark: UnavailableMark; shift: S };

/**
 * The parts of its Paris start day a shift touches: always "journée entière",
 * then morning (before 13:00), afternoon (13:00-21:00), night (after 21:00 or
 * across midnight), as the ciblage reads a need's hours.
 */
export function partsOfShift(shift: { startsAt: Date; endsAt: Date }): DayPart[] {
  return partsOfSlot({ start: parisHHMM(shift.startsAt), end: parisHHMM(shift.endsAt) });
}

/**
 * Each pair of an unavailability mark and a shift starting on that Paris day
 * in that part of the day, in the order of the shifts. Empty when the worker
 * is free for every shift.
 */
export function unavailabilityConflicts<S extends BookedShift>(marks: UnavailableMark[], shifts: S[]): UnavailabilityConflict<S>[] {
  const out: UnavailabilityConflict<S>[] = [];
  const sorted = [...shifts].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const shift of sorted) {
    const day = parisCalendarDate(shift.startsAt).getTime();
    const parts = partsOfShift(shift);
    const mark = marks.find((m) => m.date.getTime() === day && parts.includes(m.part));
    if (mark) out.push({ mark, shift });
  }
  return out;
}

/** The URL flag of a toggle refused because of a signed mission, and its message. */
export const REFUSAL_SIGNED_MISSION = "mission-signee";
export const SIGNED_MISSION_MESSAGE =
  "Vous avez une mission signée sur ce créneau : vous ne pouvez pas vous déclarer indisponible. Pour une absence, contactez votre agence.";

const PART_LABELS: Record<DayPart, string> = {
  FULL_DAY: "journée entière",
  MORNING: "matin",
  AFTERNOON: "après-midi",
  NIGHT: "nuit",
};

/** "le 17/12/2026 (matin)", one per day and part, in date order. */
export function describeMarks(marks: UnavailableMark[], formatDay: (d: Date) => string): string[] {
  const seen = new Set<string>();
  return [...marks]
    .sort((a, b) => a.date.getTime() - b.date.getTime())
    .filter((m) => {
      const key = `${m.date.getTime()}:${m.part}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((m) => `le ${formatDay(m.date)} (${PART_LABELS[m.part]})`);
}

/**
 * The staff warning when booking a worker: the marks that meet the shifts
 * when they are known, else every mark between the dates. Null when none.
 */
export function unavailabilityWarning(
  marks: UnavailableMark[],
  shifts: BookedShift[] | null,
  formatDay: (d: Date) => string,
): string | null {
  const relevant = shifts ? unavailabilityConflicts(marks, shifts).map((c) => c.mark) : marks;
  if (!relevant.length) return null;
  const list = describeMarks(relevant, formatDay);
  return `L'intérimaire s'est déclaré(e) indisponible ${list.join(", ")}${shifts ? " : ces jours tombent sur des créneaux prévus" : " : vérifiez avec lui ou elle avant de le réserver"}.`;
}
