// A worker's bookings: one worker is never booked twice at the same time, and
// never against the labour-law rules of lib/contracts/rules.ts (working time,
// rests, pay, qualification). The checks run inside the write's transaction,
// under a per-worker lock, so two staff booking the same worker at once are
// judged one after the other.
import "server-only";
import { formatDate, formatTime } from "@/lib/format";
import { addDays } from "@/lib/time/days";
import { dailyLimitMinutes, holdsQualification, hourlyRateViolation, workingTimeViolation, AVERAGE_WEEKS } from "./rules";
import { ServiceError, type LoadedContract, type Tx } from "./service";
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
export async function assertNoOverlap(tx: Tx, workerId: string, contractId: string | null, shifts: ShiftSlot[], field = "shifts") {
  const self = findSelfOverlap(shifts);
  if (self) throw new ServiceError(`Deux créneaux se chevauchent : ${describeShift(self[0])} et ${describeShift(self[1])}.`, field);
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
      field,
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

export type Booking = {
  workerId: string;
  /** The contract being changed (its own shifts are not "other bookings"); null for a new one. */
  contractId: string | null;
  agencyId: string;
  qualificationId: string;
  hourlyRateCents: number;
  startDate: Date;
  endDate: Date;
  /** The contract's worked shifts as they will be after the write (absences left out). */
  shifts: ShiftSlot[];
  /** The form fields the refusals are shown next to. */
  fields?: { shifts?: string; qualificationId?: string; hourlyRate?: string };
};

/**
 * The one entry point of the booking checks, in the write's transaction:
 * takes the worker's lock, then refuses (ServiceError next to its field) an
 * overlap with another live booking, a qualification the worker does not
 * hold through a validated diploma, a rate below the SMIC in force or the
 * agency's minimum for the qualification, and a breach of the working-time
 * rules counted with all the worker's live bookings, any agency or client.
 */
export async function assertBookable(tx: Tx, b: Booking): Promise<void> {
  const fields = { shifts: "shifts", qualificationId: "qualificationId", hourlyRate: "hourlyRate", ...b.fields };
  await lockWorker(tx, b.workerId);
  await assertNoOverlap(tx, b.workerId, b.contractId, b.shifts, fields.shifts);

  const qualification = await tx.qualification.findUnique({ where: { id: b.qualificationId }, select: { code: true, label: true } });
  if (!qualification) throw new ServiceError("Choisissez une qualification.", fields.qualificationId);
  const grants = await tx.workerQualification.findMany({
    where: { workerId: b.workerId, qualificationId: b.qualificationId },
    select: { qualificationId: true, diploma: { select: { status: true } } },
  });
  if (
    !holdsQualification(
      b.qualificationId,
      grants.map((g) => ({ qualificationId: g.qualificationId, diplomaStatus: g.diploma?.status ?? null })),
    )
  )
    throw new ServiceError(
      `L'intérimaire n'a pas la qualification ${qualification.label} (${qualification.code}) : une qualification s'obtient par un diplôme validé par l'agence.`,
      fields.qualificationId,
    );

  const [smic, minimum, agency] = await Promise.all([
    tx.smicRate.findMany({ where: { effectiveFrom: { lte: b.endDate } }, select: { effectiveFrom: true, hourlyCents: true } }),
    tx.qualificationMinimumRate.findUnique({
      where: { agencyId_qualificationId: { agencyId: b.agencyId, qualificationId: b.qualificationId } },
      select: { minHourlyCents: true },
    }),
    tx.agency.findUniqueOrThrow({ where: { id: b.agencyId }, select: { longDayAgreement: true } }),
  ]);
  const rate = hourlyRateViolation(
    b.hourlyRateCents,
    b,
    smic,
    minimum ? { minHourlyCents: minimum.minHourlyCents, label: `${qualification.label} (${qualification.code})` } : null,
  );
  if (rate) throw new ServiceError(rate, fields.hourlyRate);

  if (b.shifts.length === 0) return;
  // Every booking that can weigh on the candidates' days, weeks, 12-week windows and rests.
  const reach = (AVERAGE_WEEKS + 1) * 7;
  const from = addDays(new Date(Math.min(...b.shifts.map((s) => s.startsAt.getTime()))), -reach);
  const to = addDays(new Date(Math.max(...b.shifts.map((s) => s.endsAt.getTime()))), reach);
  const booked = await tx.shift.findMany({
    where: {
      kind: "WORK",
      startsAt: { lt: to },
      endsAt: { gt: from },
      contract: { workerId: b.workerId, state: { not: "CANCELLED" }, ...(b.contractId ? { id: { not: b.contractId } } : {}) },
    },
    select: { startsAt: true, endsAt: true, breakMinutes: true },
  });
  const breach = workingTimeViolation(b.shifts, booked, { dailyLimitMinutes: dailyLimitMinutes(agency) });
  if (breach) throw new ServiceError(breach.message, fields.shifts);
}

/** The booking of a loaded contract, for assertBookable. */
export function bookingOf(
  contract: Pick<LoadedContract, "workerId" | "id" | "agencyId" | "qualificationId" | "hourlyRateCents" | "startDate" | "endDate">,
) {
  return {
    workerId: contract.workerId,
    contractId: contract.id,
    agencyId: contract.agencyId,
    qualificationId: contract.qualificationId,
    hourlyRateCents: contract.hourlyRateCents,
    startDate: contract.startDate,
    endDate: contract.endDate,
  };
}
