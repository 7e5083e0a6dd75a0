// Contracts and their shifts: how one contract is drafted (rate, reference,
// state dates, shifts from a pattern with rest days and public holidays, past
// shifts validated by the client or the agency), then numbered in creation
// order once they all exist.
import type { Prisma } from "../../lib/generated/prisma/client";
import type { ContractState } from "../../lib/generated/prisma/enums";
import type { Clients } from "./clients";
import type { Context } from "./context";
import { pad2 } from "./context";
import { QUALIFICATIONS, REPLACED_PEOPLE, SHIFT_PATTERNS, type ShiftPatternKey } from "./data";
import { addDays, addMinutes, diffDays, isoDate, isPublicHoliday, isoWeekday, mondayOf, parisDay, parisTime, sameDay } from "./time";
import type { WorkerCtx } from "./workers";
import { DAY_LIMIT_MINUTES, workingTimeViolation, type WorkSpan } from "../../lib/contracts/rules";

export type Segment = { start: Date; end: Date };

export type ShiftDraft = Prisma.ShiftCreateManyInput & { id: string; day: Date; startsAt: Date; endsAt: Date; breakMinutes: number };
export type ContractDraft = Prisma.ContractCreateManyInput & {
  id: string;
  startDate: Date;
  endDate: Date;
  createdAt: Date;
  clientKey: string;
  qualificationCode: string;
  worker: WorkerCtx;
  shiftDrafts: ShiftDraft[];
};

export type NewContract = {
  worker: WorkerCtx;
  clientKey: string;
  segment: Segment;
  pattern: ShiftPatternKey;
  qualificationCode: string;
  state: ContractState;
  restProbability: number;
  replacement?: boolean;
  workedDays?: Date[]; // days never left as rest days
};

export type Contracts = {
  /** Every contract drafted so far; rows are written by numberContracts. */
  contracts: ContractDraft[];
  addContract: (args: NewContract) => ContractDraft;
  /** Weeks before this Monday are submitted by the client companies that enter hours online. */
  submittedBefore: Date;
  /** When a client submitted a contract's week (deterministic, never after now). */
  submissionTime: (contractId: string, weekStart: Date) => Date;
};

export const BASE_RATE_CENTS: Record<string, number> = {
  "301": 2050,
  "312": 1405,
  "318": 1380,
  "319": 1375,
  "520": 1268,
  "525": 1245,
  "610": 1290,
  "612": 1480,
  "615": 1690,
  "620": 1250,
};

export const CLIENT_RATE_BONUS: Record<string, number> = {
  jean23: 17,
  closfleuri: 5,
  cedres: 12,
  valariege: 0,
  fampyrenees: 8,
  jaures: 0,
  imesources: 10,
  passerelle: 15,
};

const DETAILS: Record<string, (string | null)[]> = {
  jean23: ["Unité Les Lilas", "Unité protégée", "Service hébergement", null, null],
  closfleuri: ["Maison 2", "Maison 3 - accueil de jour", null, null],
  cedres: ["Unité Alzheimer", "1er étage", null],
  valariege: ["Service hébergement", null],
  fampyrenees: ["Unité Le Néouvielle", null],
  jaures: ["Classe ULIS", "Vie scolaire", null],
  imesources: ["Groupe des adolescents", null],
  passerelle: ["Internat", "Service d'accueil d'urgence", null],
};

/** Why the client needs reinforcement, for contracts of "accroissement temporaire d'activité". */
const ACTIVITY_REASONS = [
  "Surcroît d'activité lié à l'ouverture de lits temporaires",
  "Renfort lié à la période des congés d'été",
  "Surcroît d'activité lié à un épisode épidémique",
  "Renfort pour l'accueil de nouveaux résidents",
];

/** "AIDE MÉDICO-PSYCHOLOGIQUE" -> "Aide médico-psychologique": the replaced person's position as printed. */
function positionOf(qualificationCode: string): string {
  const label = QUALIFICATIONS.find((q) => q.code === qualificationCode)?.label ?? qualificationCode;
  return label.charAt(0) + label.slice(1).toLowerCase();
}

export function shiftMinutes(s: { startsAt: Date; endsAt: Date; breakMinutes: number }): number {
  return Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000) - s.breakMinutes;
}

export function contractDrafting(
  ctx: Context,
  ids: { agencyId: Record<string, string>; qualificationId: Record<string, string> },
  clients: Clients,
): Contracts {
  const { rng, now, today, officeTime, notAfterNow } = ctx;
  const { agencyId, qualificationId } = ids;
  const { clientInfo, hasClientUsers } = clients;
  // Weeks before this Monday are submitted by client companies that enter hours
  // online; on Monday and Tuesday last week is still being entered.
  const submittedBefore = isoWeekday(today) <= 2 ? addDays(mondayOf(today), -7) : mondayOf(today);
  const agencyValidatedBefore = addDays(today, -2);
  const hash = (text: string) => {
    let h = 0;
    for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return h;
  };
  const submissionTime = (contractId: string, weekStart: Date) => {
    const h = hash(contractId + isoDate(weekStart));
    return notAfterNow(parisTime(addDays(weekStart, 7 + (h % 2)), `${pad2(9 + (h % 7))}:${pad2(h % 60)}`));
  };
  const isValidated = (clientKey: string, day: Date, endsAt: Date) =>
    endsAt.getTime() < now.getTime() && day.getTime() < (hasClientUsers(clientKey) ? submittedBefore : agencyValidatedBefore).getTime();
  const validationTime = (clientKey: string, contractId: string, day: Date, endsAt: Date) => {
    const at = hasClientUsers(clientKey)
      ? submissionTime(contractId, mondayOf(day))
      : parisTime(addDays(day, rng.int(1, 2)), `${pad2(rng.int(9, 17))}:${pad2(rng.int(0, 59))}`);
    return notAfterNow(at.getTime() > endsAt.getTime() ? at : addMinutes(endsAt, 90));
  };

  const contracts: ContractDraft[] = [];
  // Each worker's worked shifts so far, every live contract: a day that would
  // break a working-time rule (lib/contracts/rules.ts) is left as a rest day,
  // so that the demo respects the rules it ships.
  const workedBy = new Map<string, WorkSpan[]>();

  const addContract = (args: NewContract): ContractDraft => {
    const { worker, clientKey, segment, pattern, qualificationCode, state } = args;
    const client = clientInfo[clientKey];
    const id = rng.id();
    const replacement = args.replacement ?? rng.chance(0.85);
    const person = rng.pick(REPLACED_PEOPLE);
    const createdAt = officeTime(addDays(segment.start, -rng.int(2, 12)));
    const issuedAt = state === "DRAFT" ? null : notAfterNow(addMinutes(createdAt, rng.int(1, 6)), 1);
    let signedAt: Date | null = null;
    if (state === "SIGNED" && issuedAt) {
      const latest = parisTime(segment.start, "06:45");
      // Signed within a few hours, or the next day at a waking hour.
      let at = rng.chance(0.5)
        ? addMinutes(issuedAt, rng.int(10, 180))
        : parisTime(addDays(parisDay(issuedAt), 1), `${pad2(rng.int(7, 22))}:${pad2(rng.int(0, 59))}`);
      if (at.getTime() > latest.getTime()) at = latest.getTime() > issuedAt.getTime() ? latest : addMinutes(issuedAt, 5);
      signedAt = notAfterNow(at, 1);
    }
    const cancelledAt = state === "CANCELLED" && issuedAt ? notAfterNow(addMinutes(issuedAt, rng.int(60 * 20, 60 * 60)), 1) : null;
    const monthsAgo = Math.max(0, diffDays(today, segment.start) / 30);
    const hourlyRateCents = Math.round(BASE_RATE_CENTS[qualificationCode] + CLIENT_RATE_BONUS[clientKey] - monthsAgo * 1.6);
    const absent = person.civility === "MME" ? "absente" : "absent";
    const contract: ContractDraft = {
      id,
      number: "", // assigned once all contracts exist, in creation order
      reference: replacement ? `${person.lastName[0].toUpperCase()} ${person.firstName.toUpperCase()}` : "RENFORT",
      agencyId: agencyId[client.agency],
      workerId: worker.profileId,
      clientId: client.clientId,
      siteId: client.siteId,
      qualificationId: qualificationId[qualificationCode],
      startDate: segment.start,
      endDate: segment.end,
      hoursLabel: SHIFT_PATTERNS[pattern].label,
      detail: rng.pick(DETAILS[clientKey]),
      hourlyRateCents,
      weeklyHours: SHIFT_PATTERNS[pattern].weekdaysOnly ? 32.5 : 35,
      recourseCase: replacement ? "REPLACEMENT_ABSENT" : "ACTIVITY_INCREASE",
      replacedName: replacement ? `${person.civility === "MME" ? "Mme" : "M."} ${person.firstName} ${person.lastName}` : null,
      replacedPosition: replacement ? positionOf(qualificationCode) : null,
      recourseReason: replacement
        ? `Remplacement de ${person.civility === "MME" ? "Mme" : "M."} ${person.lastName[0].toUpperCase()}. ${person.firstName}, ${absent}`
        : ACTIVITY_REASONS[contracts.length % ACTIVITY_REASONS.length], // no draw: the seed's random sequence stays as it was
      state,
      issuedAt,
      signedAt,
      cancelledAt,
      createdAt,
      updatedAt: cancelledAt ?? signedAt ?? issuedAt ?? createdAt,
      clientKey,
      qualificationCode,
      worker,
      shiftDrafts: [],
    };
    if (state !== "CANCELLED") contract.shiftDrafts = buildShifts(contract, pattern, args.restProbability, args.workedDays ?? []);
    // The dates of a contract are those of its shifts (a weekdays-only pattern over a weekend edge).
    if (contract.shiftDrafts.length) {
      contract.startDate = contract.shiftDrafts[0].day;
      contract.endDate = contract.shiftDrafts[contract.shiftDrafts.length - 1].day;
    }
    contracts.push(contract);
    return contract;
  };

  function buildShifts(contract: ContractDraft, patternKey: ShiftPatternKey, restProbability: number, workedDays: Date[]): ShiftDraft[] {
    const pattern: { slots: { start: string; end: string; breakMinutes: number }[]; alternate?: boolean; weekdaysOnly?: boolean } =
      SHIFT_PATTERNS[patternKey];
    const rows: ShiftDraft[] = [];
    let index = 0;
    for (let day = contract.startDate; day.getTime() <= contract.endDate.getTime(); day = addDays(day, 1), index++) {
      const holiday = isPublicHoliday(day);
      if (pattern.weekdaysOnly && isoWeekday(day) >= 6) continue;
      const edge = sameDay(day, contract.startDate) || sameDay(day, contract.endDate) || workedDays.some((d) => sameDay(d, day));
      // Public holidays stay planned, as absences ("absent : FER").
      if (!holiday && !edge && rng.chance(restProbability)) continue;
      const slots = pattern.alternate ? [pattern.slots[index % 2]] : pattern.slots;
      const booked = workedBy.get(contract.workerId) ?? [];
      if (!holiday) {
        const candidates = slots.map((slot) => ({
          startsAt: parisTime(day, slot.start),
          endsAt: parisTime(day, slot.end, slot.end <= slot.start ? 1 : 0),
          breakMinutes: slot.breakMinutes,
        }));
        // Only the bookings within reach of the day's rules (its 12-week windows, rests): the check stays cheap.
        const reach = 13 * 7 * 86_400_000;
        const near = booked.filter((s) => Math.abs(s.startsAt.getTime() - day.getTime()) < reach);
        if (workingTimeViolation(candidates, near, { dailyLimitMinutes: DAY_LIMIT_MINUTES })) continue;
        if (contract.state !== "CANCELLED") booked.push(...candidates);
        workedBy.set(contract.workerId, booked);
      }
      for (const slot of slots) {
        const startsAt = parisTime(day, slot.start);
        const endsAt = parisTime(day, slot.end, slot.end <= slot.start ? 1 : 0);
        const validated = contract.state !== "DRAFT" && isValidated(contract.clientKey, day, endsAt);
        const validatedAt = validated ? validationTime(contract.clientKey, contract.id, day, endsAt) : null;
        rows.push({
          id: rng.id(),
          contractId: contract.id,
          day,
          startsAt,
          endsAt,
          breakMinutes: slot.breakMinutes,
          kind: holiday ? "ABSENCE" : "WORK",
          absenceCode: holiday ? "FER" : null,
          validated,
          validatedAt,
          createdAt: contract.createdAt,
          updatedAt: validatedAt ?? contract.createdAt,
        });
      }
    }
    return rows;
  }

  return { contracts, addContract, submittedBefore, submissionTime };
}

/**
 * Contract numbers follow creation order and grow with time, as the
 * numbering of a whole agency network does (about five contracts a day).
 * Writes the contracts and their shifts into the plan.
 */
export function numberContracts(ctx: Context, contracts: ContractDraft[]): void {
  const { plan, rng, today } = ctx;
  contracts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const numberingOrigin = addDays(today, -820);
  let lastNumber = 0;
  for (const c of contracts) {
    const byTime = 38_500 + Math.floor(((c.createdAt.getTime() - numberingOrigin.getTime()) / 86_400_000) * 5.2);
    lastNumber = Math.max(lastNumber + rng.int(1, 4), byTime + rng.int(0, 3));
    c.number = String(lastNumber);
  }
  for (const c of contracts) {
    const { clientKey: _k, qualificationCode: _q, worker: _w, shiftDrafts, ...row } = c;
    plan.contracts.push(row);
    for (const s of shiftDrafts) {
      const { day: _day, ...shift } = s;
      plan.shifts.push(shift);
    }
  }
}
