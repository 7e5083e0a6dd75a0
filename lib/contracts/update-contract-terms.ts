// Staff change the terms of a contract (reference, dates, hours, rate...):
// shifts outside the new dates are removed, validated ones block the change;
// an issued contract is issued again (new PDF stored here) and the worker told.
import "server-only";
import { db } from "@/lib/db";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { absoluteUrl } from "@/lib/url";
import { formatDate } from "@/lib/format";
import { bumpVersion, notifyChange } from "./reissue";
import { issuingTx, loadForWrite, run, ServiceError } from "./service";
import { isoDay, parisDayOf } from "./shifts";
import { normalizeRecourse, RECOURSE_CASE_LABELS, recourseErrors, type RecourseFields } from "./rules";
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
} & RecourseFields;

/** Changes the terms; shifts outside new dates are removed (validated ones block the change). */
export async function updateContractTerms(
  staff: StaffUser,
  contractId: string,
  version: number,
  input: TermsInput,
): Promise<Result<{ reissued: boolean }>> {
  return run(async () => {
    const qualification = await db.qualification.findUnique({ where: { id: input.qualificationId } });
    if (!qualification) throw new ServiceError("Choisissez une qualification.", "qualificationId");
    const recourse = normalizeRecourse(input);
    const recourseError = Object.entries(recourseErrors(recourse))[0];
    if (recourseError) throw new ServiceError(recourseError[1], recourseError[0]);
    const ctaUrl = await absoluteUrl("/contrats");
    const result = await issuingTx(async (tx, storedKeys) => {
      const contract = await loadForWrite(tx, staff, contractId, version);
      const shifts = await tx.shift.findMany({ where: { contractId } });
      const outside = shifts.filter((s) => {
        const day = parisDayOf(s.startsAt);
        return day < input.startDate || day > input.endDate;
      });
      if (outside.some((s) => s.validated))
        throw new ServiceError("Des créneaux déjà validés tombent en dehors des nouvelles dates.", "startDate");
      const datesChanged =
        contract.startDate.getTime() !== input.startDate.getTime() || contract.endDate.getTime() !== input.endDate.getTime();
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
      if (outside.length) await tx.shift.deleteMany({ where: { id: { in: outside.map((s) => s.id) } } });
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
        { type: "contract.updated", data: { changed, removedShifts: outside.length, version: contract.version + 1, reissued: reissue } },
        {
          actorId: staff.id,
          subjectUserId: contract.worker.user.id,
          agencyId: contract.agencyId,
          entityType: "Contract",
          entityId: contract.id,
        },
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
