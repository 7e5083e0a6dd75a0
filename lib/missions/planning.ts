import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { workerLiveContracts } from "@/lib/auth/scope";
import { formatTime } from "@/lib/format";
import { keyOf } from "./calendar";
import { addDays } from "../time/days";
import { slotDuration, workedMinutes, shiftSpanMinutes } from "./hours";
import { parisDayKey } from "../time/paris";

export type PlanningSlot = {
  id: string;
  dayKey: string;
  startsAt: Date;
  contractId: string;
  text: string; // "14:00 (07h00) - RESIDENCE JEAN XXIII" or "21:00 (07h00) - absent : FER"
  validated: boolean;
  absence: boolean;
  minutes: number;
};

/** The worker's planned shifts starting on the Paris days from `start` to `end` (inclusive). */
export async function planningSlots(workerId: string, start: Date, end: Date): Promise<PlanningSlot[]> {
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
  return shifts
    .map((s) => {
      const dayKey = parisDayKey(s.startsAt);
      const absence = s.kind === "ABSENCE";
      const duration = absence ? slotDuration(shiftSpanMinutes(s) - s.breakMinutes) : slotDuration(workedMinutes(s));
      return {
        id: s.id,
        dayKey,
        startsAt: s.startsAt,
        contractId: s.contractId,
        text: `${formatTime(s.startsAt)} (${duration}) - ${absence ? `absent : ${s.absenceCode ?? "ABS"}` : s.contract.client.name}`,
        validated: s.validated,
        absence,
        minutes: workedMinutes(s),
      };
    })
    .filter((s) => s.dayKey >= first && s.dayKey <= last);
}

export function newCalendarToken(): string {
  return randomBytes(24).toString("base64url");
}
