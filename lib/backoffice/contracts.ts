// Staff writes on contracts and their shifts. Each function checks the agency
// scope in its own queries, runs its checks and writes inside one transaction
// (the overlap check holds a per-worker lock), and writes its audit entry.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContractState, ShiftKind } from "@/lib/generated/prisma/enums";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { notifyUser } from "@/lib/notifications";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { absoluteUrl } from "@/lib/url";
import { formatDate, formatTime } from "@/lib/format";
import { canCancel, canEdit, canIssue, isIssued, missingForIssue, stateWhenIssued } from "./contract-rules";
import { findOverlap, findSelfOverlap, generateShifts, isoDay, parisDayOf, type ShiftSlot, type WeeklyPattern } from "./shifts";
import { issueContract } from "@/lib/contracts/issue";
import { claimSubmission, firstSubmission, recordSubmission } from "@/lib/submissions";

type Tx = Prisma.TransactionClient;

export type ServiceResult<T = undefined> = { ok: true; value: T } | { ok: false; error: string; field?: string };

const STALE = "Ce contrat a été modifié entre-temps (dans un autre onglet ou par un collègue). Rechargez la page pour voir la dernière version.";

export class ServiceError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function run<T>(work: () => Promise<T>): Promise<ServiceResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, error: error.message, field: error.field };
    throw error;
  }
}

/** Serialises bookings of one worker across transactions and app instances. */
async function lockWorker(tx: Tx, workerId: string) {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${"worker-booking:" + workerId}))`;
}

function describeShift(s: { startsAt: Date; endsAt: Date }): string {
  return `le ${formatDate(s.startsAt)} de ${formatTime(s.startsAt)} à ${formatTime(s.endsAt)}`;
}

/**
 * Refuses a shift that overlaps a worked shift of another live contract of the
 * same worker, naming that contract, or two shifts of the list that overlap.
 */
async function assertNoOverlap(tx: Tx, workerId: string, contractId: string | null, shifts: ShiftSlot[]) {
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

function assertWithinDates(shifts: ShiftSlot[], startDate: Date, endDate: Date) {
  for (const s of shifts) {
    const day = parisDayOf(s.startsAt);
    if (day < startDate || day > endDate) {
      throw new ServiceError(`Le créneau du ${formatDate(s.startsAt)} est en dehors des dates du contrat (du ${formatDate(startDate)} au ${formatDate(endDate)}).`, "date");
    }
  }
}

async function nextContractNumber(tx: Tx): Promise<string> {
  const rows = await tx.$queryRaw<{ next: number }[]>`SELECT (COALESCE(MAX(CAST("number" AS INTEGER)), 40000) + 1)::int AS next FROM "Contract" WHERE "number" ~ '^[0-9]{1,9}$'`;
  return String(rows[0]?.next ?? 40001);
}

export type ContractInput = {
  workerId: string;
  siteId: string;
  qualificationId: string;
  reference: string;
  startDate: Date;
  endDate: Date;
  hoursLabel: string;
  hourlyRateCents: number;
  recourseReason: string;
  detail: string | null;
  weeklyHours: number | null;
  pattern: WeeklyPattern;
};

/**
 * `submission` (lib/submissions.ts) makes a double click or a second tab of
 * the same form land on the contract the first one created.
 */
export async function createContract(staff: StaffUser, input: ContractInput, submission: string | null = null): Promise<ServiceResult<{ id: string; number: string }>> {
  const created = async () => {
    const id = await firstSubmission(submission);
    return id ? db.contract.findFirst({ where: { id, agencyId: { in: staff.agencyIds } }, select: { id: true, number: true } }) : null;
  };
  return run(async () => {
    const earlier = await created();
    if (earlier) return earlier;
    const site = await db.clientSite.findFirst({
      where: { id: input.siteId, client: { agencyId: { in: staff.agencyIds } } },
      include: { client: true },
    });
    if (!site) throw new ServiceError("Choisissez un site client de vos agences.", "siteId");
    const agencyId = site.client.agencyId;
    const worker = await db.workerProfile.findFirst({
      where: { id: input.workerId, agencies: { some: { agencyId } } },
      include: { user: { select: { id: true, active: true } } },
    });
    if (!worker) throw new ServiceError("Cet intérimaire n'est pas inscrit dans l'agence de ce client.", "workerId");
    if (!worker.user.active) throw new ServiceError("Le compte de cet intérimaire est désactivé.", "workerId");
    const qualification = await db.qualification.findUnique({ where: { id: input.qualificationId } });
    if (!qualification) throw new ServiceError("Choisissez une qualification.", "qualificationId");

    const shifts = generateShifts(input.pattern, input.startDate, input.endDate);
    if (shifts.length === 0) throw new ServiceError("Aucun jour travaillé entre ces dates : cochez au moins un jour de la semaine compris dans la période.", "weekdays");

    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) {
        const earlier = await created();
        if (earlier) return earlier;
      }
      try {
        return await db.$transaction(async (tx) => {
          await claimSubmission(tx, submission);
          await lockWorker(tx, worker.id);
          await assertNoOverlap(tx, worker.id, null, shifts);
          const number = await nextContractNumber(tx);
          const contract = await tx.contract.create({
            data: {
              number,
              reference: input.reference,
              agencyId,
              workerId: worker.id,
              clientId: site.clientId,
              siteId: site.id,
              qualificationId: qualification.id,
              startDate: input.startDate,
              endDate: input.endDate,
              hoursLabel: input.hoursLabel,
              detail: input.detail,
              hourlyRateCents: input.hourlyRateCents,
              weeklyHours: input.weeklyHours,
              recourseReason: input.recourseReason,
              state: "DRAFT",
              shifts: { create: shifts.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, breakMinutes: s.breakMinutes })) },
            },
          });
          await recordAudit(
            tx,
            { type: "contract.created", data: { number, startDate: isoDay(input.startDate), endDate: isoDay(input.endDate), shifts: shifts.length, hourlyRateCents: input.hourlyRateCents } },
            { actorId: staff.id, subjectUserId: worker.user.id, agencyId, entityType: "Contract", entityId: contract.id },
          );
          await recordSubmission(tx, submission, contract.id);
          return { id: contract.id, number };
        });
      } catch (error) {
        // A colleague took the same number, or a twin submission of this form created it.
        if ((error as { code?: string }).code === "P2002" && attempt < 3) continue;
        throw error;
      }
    }
    throw new ServiceError("Impossible d'attribuer un numéro de contrat, réessayez.");
  });
}

type LoadedContract = Prisma.ContractGetPayload<{ include: { worker: { include: { user: { select: { id: true; firstName: true } } } } } }>;

async function loadForWrite(tx: Tx, staff: StaffUser, contractId: string, version: number): Promise<LoadedContract> {
  const contract = await tx.contract.findFirst({
    where: { id: contractId, agencyId: { in: staff.agencyIds } },
    include: { worker: { include: { user: { select: { id: true, firstName: true } } } } },
  });
  if (!contract) throw new ServiceError("Contrat introuvable.");
  if (contract.version !== version) throw new ServiceError(STALE);
  if (!canEdit(contract.state)) throw new ServiceError("Ce contrat est annulé : il ne peut plus être modifié.");
  return contract;
}

/**
 * Bumps the version with the version in the WHERE, so that two tabs never both
 * apply a change to the same version. A contract the worker has already seen
 * is issued again in the same transaction (new document and hash, earlier
 * signature and codes void): it must be signed again.
 */
async function bumpVersion(
  tx: Tx,
  contract: LoadedContract,
  actorId: string,
  data: Prisma.ContractUncheckedUpdateManyInput = {},
): Promise<{ reissue: boolean }> {
  const reissue = isIssued(contract.state);
  const { count } = await tx.contract.updateMany({ where: { id: contract.id, version: contract.version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new ServiceError(STALE);
  if (reissue) await issueInTx(tx, contract, actorId);
  return { reissue };
}

/** Renders and records the document; without a mobile number the worker cannot sign: "Incomplet". */
async function issueInTx(tx: Tx, contract: LoadedContract, actorId: string): Promise<ContractState> {
  await issueContract(contract.id, { tx, actorId });
  const state = stateWhenIssued(Boolean(contract.worker.phone));
  if (state !== "AWAITING_SIGNATURE") await tx.contract.update({ where: { id: contract.id }, data: { state } });
  return state;
}

/**
 * A change of an issued contract: the worker is told (if their settings
 * allow), in the change's transaction, once per version.
 */
async function notifyChange(tx: Tx, contract: LoadedContract, reissue: boolean, summary: string, ctaUrl: string) {
  if (!reissue) return;
  await notifyUser(
    contract.worker.user.id,
    "CONTRACT_DATE_CHANGED",
    {
      subject: "Modification d'une date sur un contrat",
      title: "Modification d'une date sur un contrat",
      paragraphs: [
        `Votre agence a modifié le contrat n° ${contract.number} (${contract.reference}) : ${summary}`,
        "Le contrat modifié vous attend dans Mes contrats : merci de le relire et de le signer à nouveau.",
      ],
      ctaLabel: "Voir mes contrats",
      ctaUrl,
    },
    { tx, agencyId: contract.agencyId, dedupeKey: `contract-changed:${contract.id}:v${contract.version + 1}` },
  );
}

/** Rendering the PDF happens inside the transaction: give it time. */
function issuingTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work, { timeout: 30_000, maxWait: 15_000 });
}

export type TermsInput = {
  reference: string;
  startDate: Date;
  endDate: Date;
  hoursLabel: string;
  hourlyRateCents: number;
  recourseReason: string;
  detail: string | null;
  weeklyHours: number | null;
  qualificationId: string;
};

/** Changes the terms; shifts outside new dates are removed (validated ones block the change). */
export async function updateContractTerms(staff: StaffUser, contractId: string, version: number, input: TermsInput): Promise<ServiceResult<{ reissued: boolean }>> {
  return run(async () => {
    const qualification = await db.qualification.findUnique({ where: { id: input.qualificationId } });
    if (!qualification) throw new ServiceError("Choisissez une qualification.", "qualificationId");
    const ctaUrl = await absoluteUrl("/contrats");
    const result = await issuingTx(async (tx) => {
      const contract = await loadForWrite(tx, staff, contractId, version);
      const shifts = await tx.shift.findMany({ where: { contractId } });
      const outside = shifts.filter((s) => {
        const day = parisDayOf(s.startsAt);
        return day < input.startDate || day > input.endDate;
      });
      if (outside.some((s) => s.validated)) throw new ServiceError("Des créneaux déjà validés tombent en dehors des nouvelles dates.", "startDate");
      const datesChanged = contract.startDate.getTime() !== input.startDate.getTime() || contract.endDate.getTime() !== input.endDate.getTime();
      const hoursChanged = contract.hoursLabel !== input.hoursLabel;
      const changed: Record<string, { from: string | number | null; to: string | number | null }> = {};
      const compare = (key: string, from: string | number | null, to: string | number | null) => {
        if (from !== to) changed[key] = { from, to };
      };
      compare("reference", contract.reference, input.reference);
      compare("startDate", isoDay(contract.startDate), isoDay(input.startDate));
      compare("endDate", isoDay(contract.endDate), isoDay(input.endDate));
      compare("hoursLabel", contract.hoursLabel, input.hoursLabel);
      compare("hourlyRateCents", contract.hourlyRateCents, input.hourlyRateCents);
      compare("recourseReason", contract.recourseReason, input.recourseReason);
      compare("detail", contract.detail, input.detail);
      compare("weeklyHours", contract.weeklyHours, input.weeklyHours);
      compare("qualificationId", contract.qualificationId, input.qualificationId);
      if (Object.keys(changed).length === 0) return { reissue: false, changed };
      if (outside.length) await tx.shift.deleteMany({ where: { id: { in: outside.map((s) => s.id) } } });
      const { reissue } = await bumpVersion(tx, contract, staff.id, {
        reference: input.reference,
        startDate: input.startDate,
        endDate: input.endDate,
        hoursLabel: input.hoursLabel,
        hourlyRateCents: input.hourlyRateCents,
        recourseReason: input.recourseReason,
        detail: input.detail,
        weeklyHours: input.weeklyHours,
        qualificationId: input.qualificationId,
      });
      await recordAudit(
        tx,
        { type: "contract.updated", data: { changed, removedShifts: outside.length, version: contract.version + 1, reissued: reissue } },
        { actorId: staff.id, subjectUserId: contract.worker.user.id, agencyId: contract.agencyId, entityType: "Contract", entityId: contract.id },
      );
      const summary = datesChanged
        ? `la mission a lieu désormais du ${formatDate(input.startDate)} au ${formatDate(input.endDate)}${hoursChanged ? `, horaires ${input.hoursLabel}` : ""}.`
        : hoursChanged
          ? `les horaires sont désormais ${input.hoursLabel}.`
          : "les conditions du contrat ont changé.";
      await notifyChange(tx, { ...contract, reference: input.reference }, reissue, summary, ctaUrl);
      return { reissue, changed };
    });
    if (result.reissue) wakeOutboxWorker();
    return { reissued: result.reissue };
  });
}

export type ShiftInput = { day: Date; startsAt: Date; endsAt: Date; breakMinutes: number; kind: ShiftKind; absenceCode: string | null };

/** Adds, changes (shiftId) or removes (remove) one shift of a contract. */
export async function saveShift(
  staff: StaffUser,
  contractId: string,
  version: number,
  op: { type: "add"; shift: ShiftInput } | { type: "update"; shiftId: string; shift: ShiftInput } | { type: "remove"; shiftId: string },
): Promise<ServiceResult<{ reissued: boolean }>> {
  return run(async () => {
    const ctaUrl = await absoluteUrl("/contrats");
    const result = await issuingTx(async (tx) => {
      const contract = await loadForWrite(tx, staff, contractId, version);
      await lockWorker(tx, contract.workerId);
      const current = await tx.shift.findMany({ where: { contractId } });
      const target = op.type === "add" ? null : current.find((s) => s.id === op.shiftId);
      if (op.type !== "add" && !target) throw new ServiceError("Ce créneau n'existe plus.");
      if (target?.validated) throw new ServiceError("Ce créneau a déjà été validé : il ne peut plus être modifié.");
      let summary: string;
      if (op.type === "remove") {
        await tx.shift.delete({ where: { id: target!.id } });
        summary = `le créneau ${describeShift(target!)} est supprimé.`;
      } else {
        const slot = { startsAt: op.shift.startsAt, endsAt: op.shift.endsAt, breakMinutes: op.shift.breakMinutes };
        if (slot.endsAt <= slot.startsAt) throw new ServiceError("La fin du créneau doit être après son début.", "end");
        if (op.shift.breakMinutes >= (slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000) throw new ServiceError("La pause est plus longue que le créneau.", "breakMinutes");
        assertWithinDates([slot], contract.startDate, contract.endDate);
        if (op.shift.kind === "WORK") {
          const others = current.filter((s) => s.kind === "WORK" && s.id !== target?.id);
          const self = findOverlap([slot], others);
          if (self) throw new ServiceError(`Ce créneau chevauche un autre créneau du contrat : ${describeShift(self.existing)}.`, "start");
          await assertNoOverlap(tx, contract.workerId, contract.id, [slot]);
        }
        const data = { ...slot, kind: op.shift.kind, absenceCode: op.shift.kind === "ABSENCE" ? op.shift.absenceCode : null };
        if (op.type === "add") {
          await tx.shift.create({ data: { contractId, ...data } });
          summary = `${op.shift.kind === "ABSENCE" ? `absence (${op.shift.absenceCode}) ajoutée` : "créneau ajouté"} ${describeShift(slot)}.`;
        } else {
          await tx.shift.update({ where: { id: target!.id }, data });
          summary = `le créneau ${describeShift(target!)} devient ${describeShift(slot)}${op.shift.kind === "ABSENCE" ? ` (absence ${op.shift.absenceCode})` : ""}.`;
        }
      }
      const { reissue } = await bumpVersion(tx, contract, staff.id);
      await recordAudit(tx, { type: `contract.shift_${op.type === "add" ? "added" : op.type === "update" ? "updated" : "removed"}`, data: {
            shiftId: target?.id ?? null,
            before: target ? { startsAt: target.startsAt.toISOString(), endsAt: target.endsAt.toISOString(), kind: target.kind, absenceCode: target.absenceCode } : null,
            after: op.type === "remove" ? null : { startsAt: op.shift.startsAt.toISOString(), endsAt: op.shift.endsAt.toISOString(), kind: op.shift.kind, absenceCode: op.shift.absenceCode },
            version: contract.version + 1,
            reissued: reissue,
          } }, { actorId: staff.id, subjectUserId: contract.worker.user.id, agencyId: contract.agencyId, entityType: "Contract", entityId: contract.id });
      await notifyChange(tx, contract, reissue, summary, ctaUrl);
      return { reissue };
    });
    if (result.reissue) wakeOutboxWorker();
    return { reissued: result.reissue };
  });
}

/** Replaces the shifts not yet validated by those of a weekly pattern over the contract's dates. */
export async function regenerateShifts(staff: StaffUser, contractId: string, version: number, pattern: WeeklyPattern): Promise<ServiceResult<{ count: number; reissued: boolean }>> {
  return run(async () => {
    const ctaUrl = await absoluteUrl("/contrats");
    const result = await issuingTx(async (tx) => {
      const contract = await loadForWrite(tx, staff, contractId, version);
      await lockWorker(tx, contract.workerId);
      const kept = await tx.shift.findMany({ where: { contractId, validated: true } });
      const fresh = generateShifts(pattern, contract.startDate, contract.endDate).filter(
        (s) => !kept.some((k) => parisDayOf(k.startsAt).getTime() === parisDayOf(s.startsAt).getTime()),
      );
      if (fresh.length === 0 && kept.length === 0) throw new ServiceError("Aucun jour travaillé entre les dates du contrat pour ces jours de la semaine.", "weekdays");
      await assertNoOverlap(tx, contract.workerId, contract.id, fresh);
      await tx.shift.deleteMany({ where: { contractId, validated: false } });
      await tx.shift.createMany({ data: fresh.map((s) => ({ contractId, startsAt: s.startsAt, endsAt: s.endsAt, breakMinutes: s.breakMinutes })) });
      const { reissue } = await bumpVersion(tx, contract, staff.id);
      await recordAudit(
        tx,
        { type: "contract.shifts_regenerated", data: { pattern, count: fresh.length, version: contract.version + 1, reissued: reissue } },
        { actorId: staff.id, subjectUserId: contract.worker.user.id, agencyId: contract.agencyId, entityType: "Contract", entityId: contract.id },
      );
      await notifyChange(tx, contract, reissue, `les horaires de la mission ont été modifiés (${pattern.start}-${pattern.end}).`, ctaUrl);
      return { reissue, count: fresh.length };
    });
    if (result.reissue) wakeOutboxWorker();
    return { count: result.count, reissued: result.reissue };
  });
}

/** Sends the contract for signature: renders the document and notifies the worker ("Nouveau contrat"). */
export async function issueContractForSignature(staff: StaffUser, contractId: string, version: number): Promise<ServiceResult<{ state: ContractState }>> {
  return run(async () => {
    const ctaUrl = await absoluteUrl("/contrats");
    const result = await issuingTx(async (tx) => {
      const contract = await loadForWrite(tx, staff, contractId, version);
      if (!canIssue(contract.state)) throw new ServiceError("Ce contrat a déjà été envoyé à la signature.");
      const workShiftCount = await tx.shift.count({ where: { contractId, kind: "WORK" } });
      const missing = missingForIssue({ workShiftCount, recourseReason: contract.recourseReason, hourlyRateCents: contract.hourlyRateCents });
      if (missing.length) throw new ServiceError(`Impossible d'envoyer ce contrat : il manque ${missing.join(", ")}.`);
      // Claims this version first, so that two clicks or two tabs issue once.
      const claimed = await tx.contract.updateMany({ where: { id: contract.id, version: contract.version, state: { in: ["DRAFT", "INCOMPLETE"] } }, data: { version: { increment: 1 } } });
      if (claimed.count !== 1) throw new ServiceError(STALE);
      const state = await issueInTx(tx, contract, staff.id);
      await recordAudit(
        tx,
        { type: "contract.issued", data: { number: contract.number, state, version: contract.version + 1 } },
        { actorId: staff.id, subjectUserId: contract.worker.user.id, agencyId: contract.agencyId, entityType: "Contract", entityId: contract.id },
      );
      // The "Nouveau contrat" email commits with the issue, once per version.
      await notifyUser(
        contract.worker.user.id,
        "NEW_CONTRACT",
        {
          subject: "Nouveau contrat",
          title: "Un nouveau contrat vous attend",
          paragraphs: [
            `Votre agence a ajouté le contrat n° ${contract.number} (${contract.reference}) sur votre espace.`,
            state === "AWAITING_SIGNATURE"
              ? "Relisez-le et signez-le depuis Mes contrats : un code vous sera envoyé par SMS pour confirmer la signature."
              : "Pour le signer, il manque votre numéro de téléphone portable : complétez votre fiche perso ou contactez votre agence.",
          ],
          ctaLabel: "Voir mes contrats",
          ctaUrl,
        },
        { tx, agencyId: contract.agencyId, dedupeKey: `contract-issued:${contract.id}:v${contract.version + 1}` },
      );
      return { state };
    });
    wakeOutboxWorker();
    return { state: result.state };
  });
}

export async function cancelContract(staff: StaffUser, contractId: string, version: number, reason: string): Promise<ServiceResult> {
  return run(async () => {
    await db.$transaction(async (tx) => {
      const contract = await tx.contract.findFirst({ where: { id: contractId, agencyId: { in: staff.agencyIds } }, include: { worker: { select: { userId: true } } } });
      if (!contract) throw new ServiceError("Contrat introuvable.");
      if (contract.version !== version) throw new ServiceError(STALE);
      if (!canCancel(contract.state)) throw new ServiceError("Ce contrat est déjà annulé.");
      const validated = await tx.shift.count({ where: { contractId, validated: true } });
      if (validated > 0) throw new ServiceError("Des heures ont déjà été validées sur ce contrat : il ne peut plus être annulé.");
      const { count } = await tx.contract.updateMany({
        where: { id: contract.id, version: contract.version },
        data: { state: "CANCELLED", cancelledAt: new Date(), version: { increment: 1 } },
      });
      if (count !== 1) throw new ServiceError(STALE);
      await tx.signatureCode.updateMany({ where: { contractId, usedAt: null, invalidatedAt: null }, data: { invalidatedAt: new Date() } });
      await recordAudit(
        tx,
        { type: "contract.cancelled", data: { number: contract.number, previousState: contract.state, reason } },
        { actorId: staff.id, subjectUserId: contract.worker.userId, agencyId: contract.agencyId, entityType: "Contract", entityId: contract.id },
      );
    });
    return undefined;
  });
}
