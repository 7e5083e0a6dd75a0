// Staff change the shifts of a contract: one at a time (add, change, remove)
// or all those not yet validated from a weekly pattern. Under the worker's
// booking lock; the contract's dates follow its first and last shifts; an
// issued contract is issued again and the worker told.
import "server-only";
import type { ShiftKind } from "@/lib/generated/prisma/enums";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { absoluteUrl } from "@/lib/url";
import { assertBookable, assertWithinDates, bookingOf, describeShift, lockWorker } from "./booking";
import { bumpVersion, notifyChange } from "./reissue";
import { issuingTx, loadForWrite, run, ServiceError } from "./service";
import { findOverlap, generateShifts, parisDayOf, type WeeklyPattern } from "./shifts";
import type { Result } from "@/lib/result";
import { formatDate } from "@/lib/format";
import { datesOfShifts } from "./rules";
import type { LoadedContract, Tx } from "./service";

/**
 * The dates the contract's shifts give once written, to save with the
 * change; refuses removing the last shift (cancel the contract instead).
 */
async function datesFollowingShifts(tx: Tx, contract: LoadedContract) {
  const dates = datesOfShifts(await tx.shift.findMany({ where: { contractId: contract.id }, select: { startsAt: true } }));
  if (!dates) throw new ServiceError("Un contrat garde au moins un créneau : pour arrêter la mission, annulez le contrat.");
  const changed = dates.startDate.getTime() !== contract.startDate.getTime() || dates.endDate.getTime() !== contract.endDate.getTime();
  return {
    data: changed ? dates : {},
    note: changed ? ` La mission a lieu désormais du ${formatDate(dates.startDate)} au ${formatDate(dates.endDate)}.` : "",
  };
}

export type ShiftInput = { day: Date; startsAt: Date; endsAt: Date; breakMinutes: number; kind: ShiftKind; absenceCode: string | null };

/** Adds, changes (shiftId) or removes (remove) one shift of a contract. */
export async function saveShift(
  staff: StaffUser,
  contractId: string,
  version: number,
  op: { type: "add"; shift: ShiftInput } | { type: "update"; shiftId: string; shift: ShiftInput } | { type: "remove"; shiftId: string },
): Promise<Result<{ reissued: boolean }>> {
  return run(async () => {
    const ctaUrl = await absoluteUrl("/contrats");
    const result = await issuingTx(async (tx, storedKeys) => {
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
        if (op.shift.breakMinutes >= (slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000)
          throw new ServiceError("La pause est plus longue que le créneau.", "breakMinutes");
        assertWithinDates([slot], contract.startDate, contract.endDate);
        if (op.shift.kind === "WORK") {
          const others = current.filter((s) => s.kind === "WORK" && s.id !== target?.id);
          const self = findOverlap([slot], others);
          if (self) throw new ServiceError(`Ce créneau chevauche un autre créneau du contrat : ${describeShift(self.existing)}.`, "start");
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
      const dates = await datesFollowingShifts(tx, contract);
      summary += dates.note;
      if (op.type !== "remove") {
        // The contract's worked shifts as they now are, judged with the worker's other bookings.
        const after = await tx.shift.findMany({
          where: { contractId, kind: "WORK" },
          select: { startsAt: true, endsAt: true, breakMinutes: true },
        });
        await assertBookable(tx, { ...bookingOf(contract), ...dates.data, shifts: after, fields: { shifts: "date" } });
      }
      const { reissue } = await bumpVersion(tx, contract, staff.id, storedKeys, dates.data);
      await recordAudit(
        tx,
        {
          type: `contract.shift_${op.type === "add" ? "added" : op.type === "update" ? "updated" : "removed"}`,
          data: {
            shiftId: target?.id ?? null,
            before: target
              ? {
                  startsAt: target.startsAt.toISOString(),
                  endsAt: target.endsAt.toISOString(),
                  kind: target.kind,
                  absenceCode: target.absenceCode,
                }
              : null,
            after:
              op.type === "remove"
                ? null
                : {
                    startsAt: op.shift.startsAt.toISOString(),
                    endsAt: op.shift.endsAt.toISOString(),
                    kind: op.shift.kind,
                    absenceCode: op.shift.absenceCode,
                  },
            version: contract.version + 1,
            reissued: reissue,
          },
        },
        {
          actorId: staff.id,
          subjectUserId: contract.worker.user.id,
          agencyId: contract.agencyId,
          entityType: "Contract",
          entityId: contract.id,
        },
      );
      await notifyChange(tx, contract, reissue, summary, ctaUrl);
      return { reissue };
    });
    if (result.reissue) wakeOutboxWorker();
    return { reissued: result.reissue };
  });
}

/** Replaces the shifts not yet validated by those of a weekly pattern over the contract's dates. */
export async function regenerateShifts(
  staff: StaffUser,
  contractId: string,
  version: number,
  pattern: WeeklyPattern,
): Promise<Result<{ count: number; reissued: boolean }>> {
  return run(async () => {
    const ctaUrl = await absoluteUrl("/contrats");
    const result = await issuingTx(async (tx, storedKeys) => {
      const contract = await loadForWrite(tx, staff, contractId, version);
      await lockWorker(tx, contract.workerId);
      const kept = await tx.shift.findMany({ where: { contractId, validated: true } });
      const fresh = generateShifts(pattern, contract.startDate, contract.endDate).filter(
        (s) => !kept.some((k) => parisDayOf(k.startsAt).getTime() === parisDayOf(s.startsAt).getTime()),
      );
      if (fresh.length === 0 && kept.length === 0)
        throw new ServiceError("Aucun jour travaillé entre les dates du contrat pour ces jours de la semaine.", "weekdays");
      await assertBookable(tx, {
        ...bookingOf(contract),
        shifts: [...kept.filter((k) => k.kind === "WORK"), ...fresh],
        fields: { shifts: "weekdays" },
      });
      await tx.shift.deleteMany({ where: { contractId, validated: false } });
      await tx.shift.createMany({
        data: fresh.map((s) => ({ contractId, startsAt: s.startsAt, endsAt: s.endsAt, breakMinutes: s.breakMinutes })),
      });
      const dates = await datesFollowingShifts(tx, contract);
      const { reissue } = await bumpVersion(tx, contract, staff.id, storedKeys, dates.data);
      await recordAudit(
        tx,
        { type: "contract.shifts_regenerated", data: { pattern, count: fresh.length, version: contract.version + 1, reissued: reissue } },
        {
          actorId: staff.id,
          subjectUserId: contract.worker.user.id,
          agencyId: contract.agencyId,
          entityType: "Contract",
          entityId: contract.id,
        },
      );
      await notifyChange(
        tx,
        contract,
        reissue,
        `les horaires de la mission ont été modifiés (${pattern.start}-${pattern.end}).${dates.note}`,
        ctaUrl,
      );
      return { reissue, count: fresh.length };
    });
    if (result.reissue) wakeOutboxWorker();
    return { count: result.count, reissued: result.reissue };
  });
}
