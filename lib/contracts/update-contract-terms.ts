// Staff change the terms of a contract (reference, dates, hours, rate...).
// The dates are those of the shifts: a change of dates first answers the
// shifts it adds and removes (a preview staff confirm), then saves dates and
// shifts together, under the worker's booking lock with the overlap check;
// worked or validated shifts outside the new dates refuse the change. An
// issued contract is issued again (new PDF stored here) and the worker told
// what really changed.
import "server-only";
import { db } from "@/lib/db";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { absoluteUrl } from "@/lib/url";
import { formatDate } from "@/lib/format";
import { now } from "@/lib/clock";
import { assertBookable, bookingOf, lockWorker } from "./booking";
import { bumpVersion, notifyChange } from "./reissue";
import { issuingTx, loadForWrite, run, ServiceError } from "./service";
import { isoDay } from "./shifts";
import { describeSlot, normalizeRecourse, planDateChange, RECOURSE_CASE_LABELS, recourseErrors, type RecourseFields } from "./rules";
import type { Result } from "@/lib/result";

export type TermsInput = {
  reference: string;
  startDate: Date;
  endDate: Date;
  hoursLabel: string;
  hourlyRateCents: number;
  detail: string | null;
  weeklyHours: number | null;
  qualificationId: string;
  /** The dates of the preview staff confirmed ("2026-12-16:2026-12-19"), null before any preview. */
  confirmDates?: string | null;
} & RecourseFields;

export type DatePreview = { key: string; added: string[]; removed: string[] };

/** The key a preview is confirmed with: the dates it was made for (the version guards the rest). */
export function datesKey(startDate: Date, endDate: Date): string {
  return `${isoDay(startDate)}:${isoDay(endDate)}`;
}

class PreviewNeeded extends Error {
  constructor(readonly preview: DatePreview) {
    super("preview");
  }
}

/** Changes the terms; shifts outside new dates are removed (validated ones block the change). */
export async function updateContractTerms(
  staff: StaffUser,
  contractId: string,
  version: number,
  input: TermsInput,
): Promise<Result<{ reissued: boolean; preview?: DatePreview }>> {
  try {
    return await run(() => saveTerms(staff, contractId, version, input));
  } catch (error) {
    if (error instanceof PreviewNeeded)
      return {
        ok: false,
        message: "Vérifiez les créneaux que ce changement de dates ajoute ou supprime, puis confirmez.",
        data: { reissued: false, preview: error.preview },
      };
    throw error;
  }
}

async function saveTerms(staff: StaffUser, contractId: string, version: number, input: TermsInput) {
  {
    const qualification = await db.qualification.findUnique({ where: { id: input.qualificationId } });
    if (!qualification) throw new ServiceError("Choisissez une qualification.", "qualificationId");
    const recourse = normalizeRecourse(input);
    const recourseError = Object.entries(recourseErrors(recourse))[0];
    if (recourseError) throw new ServiceError(recourseError[1], recourseError[0]);
    const ctaUrl = await absoluteUrl("/contrats");
    const at = await now();
    const result = await issuingTx(async (tx, storedKeys) => {
      const contract = await loadForWrite(tx, staff, contractId, version);
      await lockWorker(tx, contract.workerId);
      const shifts = await tx.shift.findMany({ where: { contractId } });
      const datesChanged =
        contract.startDate.getTime() !== input.startDate.getTime() || contract.endDate.getTime() !== input.endDate.getTime();
      const plan = datesChanged
        ? planDateChange({
            shifts,
            from: contract,
            to: input,
            hoursLabel: input.hoursLabel,
            now: at,
          })
        : { added: [], removed: [], blocked: [], result: null };
      if (plan.blocked.length) {
        const first = plan.blocked[0];
        throw new ServiceError(
          `Le créneau ${describeSlot(first, formatDate)} a déjà été travaillé ou validé : il ne peut pas sortir des dates du contrat. Gardez-le dans la période.`,
          parisDayOfField(first.startsAt, input.startDate),
        );
      }
      if (datesChanged) {
        if (!plan.result) throw new ServiceError("Aucun créneau ne resterait entre ces dates : annulez plutôt le contrat.", "startDate");
        if (plan.result.startDate.getTime() !== input.startDate.getTime())
          throw new ServiceError(
            `Aucun créneau le ${formatDate(input.startDate)} (jour de repos du contrat) : le contrat commence le jour de son premier créneau, le ${formatDate(plan.result.startDate)}.`,
            "startDate",
          );
        if (plan.result.endDate.getTime() !== input.endDate.getTime())
          throw new ServiceError(
            `Aucun créneau le ${formatDate(input.endDate)} (jour de repos du contrat) : le contrat finit le jour de son dernier créneau, le ${formatDate(plan.result.endDate)}.`,
            "endDate",
          );
        const key = datesKey(input.startDate, input.endDate);
        if ((plan.added.length || plan.removed.length) && input.confirmDates !== key)
          throw new PreviewNeeded({
            key,
            added: plan.added.map((s) => describeSlot(s, formatDate)),
            removed: plan.removed.map((s) => describeSlot(s, formatDate)),
          });
      }
      const outside = plan.removed;
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
      const caseLabel = (c: RecourseFields["recourseCase"]) => (c ? RECOURSE_CASE_LABELS[c] : null);
      compare("recourseCase", caseLabel(contract.recourseCase), caseLabel(recourse.recourseCase));
      compare("replacedName", contract.replacedName, recourse.replacedName);
      compare("replacedPosition", contract.replacedPosition, recourse.replacedPosition);
      compare("recourseReason", contract.recourseReason, recourse.recourseReason);
      compare("detail", contract.detail, input.detail);
      compare("weeklyHours", contract.weeklyHours, input.weeklyHours);
      compare("qualificationId", contract.qualificationId, input.qualificationId);
      if (Object.keys(changed).length === 0) return { reissue: false, changed };
      // The new terms (qualification, rate over the new dates) and the shifts that stay, under the worker's lock.
      await assertBookable(tx, {
        ...bookingOf(contract),
        qualificationId: input.qualificationId,
        hourlyRateCents: input.hourlyRateCents,
        startDate: input.startDate,
        endDate: input.endDate,
        shifts: [...shifts.filter((s) => s.kind === "WORK" && !outside.includes(s)), ...plan.added],
        fields: { shifts: "startDate" },
      });
      if (outside.length) await tx.shift.deleteMany({ where: { id: { in: outside.map((s) => s.id) } } });
      if (plan.added.length)
        await tx.shift.createMany({
          data: plan.added.map((s) => ({ contractId, startsAt: s.startsAt, endsAt: s.endsAt, breakMinutes: s.breakMinutes })),
        });
      const { reissue } = await bumpVersion(tx, contract, staff.id, storedKeys, {
        reference: input.reference,
        startDate: input.startDate,
        endDate: input.endDate,
        hoursLabel: input.hoursLabel,
        hourlyRateCents: input.hourlyRateCents,
        ...recourse,
        detail: input.detail,
        weeklyHours: input.weeklyHours,
        qualificationId: input.qualificationId,
      });
      await recordAudit(
        tx,
        {
          type: "contract.updated",
          data: {
            changed,
            removedShifts: outside.length,
            addedShifts: plan.added.length,
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
      const shiftNews = [
        ...plan.added.map((s) => `créneau ajouté ${describeSlot(s, formatDate)}`),
        ...plan.removed.map((s) => `créneau supprimé ${describeSlot(s, formatDate)}`),
      ];
      const summary = datesChanged
        ? `la mission a lieu désormais du ${formatDate(input.startDate)} au ${formatDate(input.endDate)} (${shiftNews.join(", ")})${hoursChanged ? `, horaires ${input.hoursLabel}` : ""}.`
        : hoursChanged
          ? `les horaires sont désormais ${input.hoursLabel}.`
          : "les conditions du contrat ont changé.";
      await notifyChange(tx, { ...contract, reference: input.reference }, reissue, summary, ctaUrl);
      return { reissue, changed };
    });
    if (result.reissue) wakeOutboxWorker();
    return { reissued: result.reissue };
  }
}

/** The date field a blocked shift belongs next to: before the new start, the start; else the end. */
function parisDayOfField(startsAt: Date, newStart: Date): "startDate" | "endDate" {
  return startsAt.getTime() < newStart.getTime() ? "startDate" : "endDate";
}
