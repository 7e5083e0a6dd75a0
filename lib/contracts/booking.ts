// A worker's bookings: one worker is never booked twice at the same time.
// The checks run inside the write's transaction, under a per-worker lock.
import "server-only";
import { formatDate, formatTime } from "@/lib/format";
import { ServiceError, type Tx } from "./service";
import { findOverlap, findSelfOverlap, parisDayOf, type ShiftSlot } from "./shifts";

/** Serialises bookings of one worker across transactions and app instances. */
export async function lockWorker(tx: Tx, workerId: string) {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${"worker-booking:" + workerId}))`;
}

export function describeShift(s: { startsAt: Date; endsAt: Date }): string {
  return `le ${formatDate(s.startsAt)} de ${formatTime(s.startsAt)} à ${formatTime(s.endsAt)}`;
}

/**
 * Refuses a shift that overlaps a worked shift of another live contract of the
 * same worker, naming that contract, or two shifts of the list that overlap.
 */
export async function assertNoOverlap(tx: Tx, workerId: string, contractId: string | null, shifts: ShiftSlot[]) {
  const self = findSelfOverlap(shifts);
  if (self) throw new ServiceError(`Deux créneaux se chevauchent : ${describeShift(self[0])} et ${describeShift(self[1])}.`, "shifts");
  if (shifts.length === 0) return;
  const from = new Date(Math.min(...shifts.map((s) => s.startsAt.getTime())) - 86_400_000);
  const to = new Date(Math.max(...shifts.map((s) => s.endsAt.getTime())) + 86_400_000);
  const existing = await tx.shift.findMany({
    where: {
      kind: "WORK",
      startsAt: { lt: to },
      endsAt: { gt: from },
      contract: { workerId, state: { not: "CANCELLED" }, ...(contractId ? { id: { not: contractId } } : {}) },
    },
    select: { startsAt: true, endsAt: true, contract: { select: { number: true, reference: true, client: { select: { name: true } } } } },
  });
  const clash = findOverlap(shifts, existing);
  if (clash) {
    const c = clash.existing.contract;
    throw new ServiceError(
      `L'intérimaire est déjà réservé(e) sur le contrat n° ${c.number} (${c.reference}, ${c.client.name}) ${describeShift(clash.existing)} : ce créneau chevauche ${describeShift(clash.candidate)}.`,
      "shifts",
    );
  }
}

export function assertWithinDates(shifts: ShiftSlot[], startDate: Date, endDate: Date) {
  for (const s of shifts) {
    const day = parisDayOf(s.startsAt);
    if (day < startDate || day > endDate) {
      throw new ServiceError(
        `Le créneau du ${formatDate(s.startsAt)} est en dehors des dates du contrat (du ${formatDate(startDate)} au ${formatDate(endDate)}).`,
        "date",
      );
    }
  }
}
