import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { workerLiveContracts } from "@/lib/auth/scope";
import { formatTime } from "@/lib/format";
import { keyOf } from "./calendar";
import { addDays } from "../time/days";
import { slotDuration, workedMinutes, shiftSpanMinutes, validatedMinutesBySlot, type ValidatedDay } from "./hours";
import { parisDayKey } from "../time/paris";

export type PlanningSlot = {
  id: string;
  dayKey: string;
  startsAt: Date;
  contractId: string;
  text: string; // "14:00 (07h00) - RESIDENCE JEAN XXIII" or "21:00 (07h00) - absent : FER"
  validated: boolean;
  absence: boolean;
  /** Planned worked minutes. */
  minutes: number;
  /** The minutes that will be paid (the timesheet's figure for the day, after any correction), or null while only planned. */
  validatedMinutes: number | null;
};

/**
 * The days of the worker's submitted timesheets from `start` to `end`
 * (inclusive): their hours as they stand, after any agency correction.
 */
export async function validatedDays(workerId: string, start: Date, end: Date): Promise<ValidatedDay[]> {
  const entries = await db.timesheetEntry.findMany({
    where: {
      date: { gte: start, lte: end },
      timesheet: { status: "SUBMITTED", contract: { workerId, state: { notIn: ["DRAFT", "CANCELLED"] } } },
    },
    select: { date: true, minutes: true, timesheet: { select: { contractId: true } } },
  });
  return entries.map((e) => ({ contractId: e.timesheet.contractId, dayKey: keyOf(e.date), minutes: e.minutes }));
}

/**
 * The worker's planned shifts starting on the Paris days from `start` to `end`
 * (inclusive), each with the hours validated for it (`days`, from validatedDays).
 */
export async function planningSlots(workerId: string, start: Date, end: Date, days: ValidatedDay[] = []): Promise<PlanningSlot[]> {
  const shifts = await db.shift.findMany({
    where: {
      startsAt: { gte: addDays(start, -1), lt: addDays(end, 2) },
      contract: workerLiveContracts(workerId),
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      breakMinutes: true,
      kind: true,
      absenceCode: true,
      validated: true,
      contractId: true,
      contract: { select: { client: { select: { name: true } } } },
    },
  });
  const first = keyOf(start);
  const last = keyOf(end);
  const slots = shifts
    .map((s) => ({ shift: s, dayKey: parisDayKey(s.startsAt), absence: s.kind === "ABSENCE", minutes: workedMinutes(s) }))
    .filter((s) => s.dayKey >= first && s.dayKey <= last)
    .map((s) => ({ ...s, contractId: s.shift.contractId, validated: s.shift.validated }));
  const paid = validatedMinutesBySlot(slots, days);
  return slots.map(({ shift: s, dayKey, absence, minutes, validated }, i) => {
    const validatedMinutes = paid.get(slots[i]) ?? null;
    // A slot whose validated hours differ from the planned ones says both: "07h30 validées, 07h00 prévues".
    const duration = absence
      ? slotDuration(shiftSpanMinutes(s) - s.breakMinutes)
      : validatedMinutes !== null && validatedMinutes !== minutes
        ? `${slotDuration(validatedMinutes)} validées, ${slotDuration(minutes)} prévues`
        : slotDuration(minutes);
    return {
      id: s.id,
      dayKey,
      startsAt: s.startsAt,
      contractId: s.contractId,
      text: `${formatTime(s.startsAt)} (${duration}) - ${absence ? `absent : ${s.absenceCode ?? "ABS"}` : s.contract.client.name}`,
      validated,
      absence,
      minutes,
      validatedMinutes,
    };
  });
}

export function newCalendarToken(): string {
  return randomBytes(24).toString("base64url");
}
