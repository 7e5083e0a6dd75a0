"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffAction } from "@/lib/auth/action";
import { FIX_FIELDS } from "@/lib/forms";
import { cancelContract } from "@/lib/contracts/cancel-contract";
import { createContract } from "@/lib/contracts/create-contract";
import { issueContractForSignature } from "@/lib/contracts/issue-contract";
import { updateContractTerms, type DatePreview } from "@/lib/contracts/update-contract-terms";
import { regenerateShifts, saveShift } from "@/lib/contracts/update-shifts";
import {
  cancelSchema,
  contractCreateSchema,
  contractRefSchema,
  contractTermsSchema,
  regenerateSchema,
  removeShiftSchema,
  shiftSchema,
  weekdaysOf,
} from "@/lib/backoffice/schemas";
import { z } from "zod";
import { generateShifts, hoursLabel, parseDay, parseTime, shiftFromTimes } from "@/lib/contracts/shifts";
import { workerUnavailability } from "@/lib/backoffice/contract-queries";
import { unavailabilityWarning } from "@/lib/missions/rules";
import { formatDate } from "@/lib/format";
import { now } from "@/lib/clock";
import { parisCalendarDate } from "@/lib/format";
import { DATE_RANGES, rangeCheck } from "@/lib/time/dates";
import { submissionKey } from "@/lib/submissions";
import { fail, ok, okWith, type Failure, type Result } from "@/lib/result";

/** Contract and shift dates within five years back and two ahead (a typo such as 2062 is refused next to the field). */
async function datesOutOfRange(dates: Record<string, Date>): Promise<Result | null> {
  const range = DATE_RANGES.contract(parisCalendarDate(await now()));
  const fieldErrors: Record<string, string> = {};
  for (const [field, day] of Object.entries(dates)) {
    const read = rangeCheck(day, range);
    if (!read.ok) fieldErrors[field] = read.error;
  }
  return Object.keys(fieldErrors).length ? fail(FIX_FIELDS, fieldErrors) : null;
}

function failure(result: Failure<unknown>): Result {
  return fail(result.message, result.fieldErrors);
}

const reissuedNote = " Le contrat a été renvoyé à l'intérimaire, qui doit le signer à nouveau.";

export const createContractAction = staffAction(contractCreateSchema, async (data, staff, formData) => {
  const outOfRange = await datesOutOfRange({ startDate: data.startDate, endDate: data.endDate });
  if (outOfRange) return outOfRange;
  const result = await createContract(
    staff,
    {
      workerId: data.workerId,
      siteId: data.siteId,
      qualificationId: data.qualificationId,
      reference: data.reference.toUpperCase(),
      startDate: data.startDate,
      endDate: data.endDate,
      hoursLabel: data.hoursLabel ?? hoursLabel(data.start, data.end),
      hourlyRateCents: data.hourlyRate,
      recourseCase: data.recourseCase,
      replacedName: data.replacedName,
      replacedPosition: data.replacedPosition,
      recourseReason: data.recourseReason,
      detail: data.detail,
      weeklyHours: data.weeklyHours,
      pattern: { weekdays: weekdaysOf(data), start: data.start, end: data.end, breakMinutes: data.breakMinutes },
    },
    submissionKey(staff.id, formData),
  );
  if (!result.ok) return failure(result);
  revalidatePath("/admin/contrats");
  redirect(`/admin/contrats/${result.data.id}?cree=1`);
});

export const updateTermsAction = staffAction(contractTermsSchema, async (data, staff): Promise<Result<{ preview: DatePreview } | void>> => {
  const outOfRange = await datesOutOfRange({ startDate: data.startDate, endDate: data.endDate });
  if (outOfRange) return outOfRange;
  const result = await updateContractTerms(staff, data.contractId, data.version, {
    qualificationId: data.qualificationId,
    reference: data.reference.toUpperCase(),
    startDate: data.startDate,
    endDate: data.endDate,
    hoursLabel: data.hoursLabel,
    hourlyRateCents: data.hourlyRate,
    recourseCase: data.recourseCase,
    replacedName: data.replacedName,
    replacedPosition: data.replacedPosition,
    recourseReason: data.recourseReason,
    detail: data.detail,
    weeklyHours: data.weeklyHours,
    confirmDates: data.confirmDates ?? null,
  });
  if (!result.ok) {
    // A change of dates answers its shifts first: the form shows them for staff to confirm.
    const preview = result.data?.preview;
    return preview ? { ok: false, message: result.message, data: { preview } } : failure(result);
  }
  revalidatePath(`/admin/contrats/${data.contractId}`);
  return okWith(undefined, `Contrat enregistré.${result.data.reissued ? reissuedNote : ""}`);
});

export const saveShiftAction = staffAction(shiftSchema, async (data, staff) => {
  const outOfRange = await datesOutOfRange({ date: data.date });
  if (outOfRange) return outOfRange;
  const slot = shiftFromTimes(data.date, data.start, data.end, data.breakMinutes);
  if (!slot) return fail(FIX_FIELDS, { start: "Heure invalide." });
  const shift = { day: data.date, ...slot, kind: data.kind, absenceCode: data.kind === "ABSENCE" ? (data.absenceCode ?? null) : null };
  const result = await saveShift(
    staff,
    data.contractId,
    data.version,
    data.shiftId ? { type: "update", shiftId: data.shiftId, shift } : { type: "add", shift },
  );
  if (!result.ok) return failure(result);
  revalidatePath(`/admin/contrats/${data.contractId}`);
  return ok(`${data.shiftId ? "Créneau modifié." : "Créneau ajouté."}${result.data.reissued ? reissuedNote : ""}`);
});

export const removeShiftAction = staffAction(removeShiftSchema, async (data, staff) => {
  const result = await saveShift(staff, data.contractId, data.version, { type: "remove", shiftId: data.shiftId });
  if (!result.ok) return failure(result);
  revalidatePath(`/admin/contrats/${data.contractId}`);
  return ok(`Créneau supprimé.${result.data.reissued ? reissuedNote : ""}`);
});

export const regenerateShiftsAction = staffAction(regenerateSchema, async (data, staff) => {
  const result = await regenerateShifts(staff, data.contractId, data.version, {
    weekdays: weekdaysOf(data),
    start: data.start,
    end: data.end,
    breakMinutes: data.breakMinutes,
  });
  if (!result.ok) return failure(result);
  revalidatePath(`/admin/contrats/${data.contractId}`);
  return ok(`${result.data.count} créneau(x) générés.${result.data.reissued ? reissuedNote : ""}`);
});

export const issueContractAction = staffAction(contractRefSchema, async (data, staff) => {
  const result = await issueContractForSignature(staff, data.contractId, data.version);
  if (!result.ok) return failure(result);
  revalidatePath(`/admin/contrats/${data.contractId}`);
  return ok(
    result.data.state === "AWAITING_SIGNATURE"
      ? "Contrat envoyé à la signature de l'intérimaire."
      : "Contrat envoyé, mais incomplet : l'intérimaire n'a pas de téléphone portable pour recevoir le code de signature.",
  );
});

export const cancelContractAction = staffAction(cancelSchema, async (data, staff) => {
  const result = await cancelContract(staff, data.contractId, data.version, data.reason);
  if (!result.ok) return failure(result);
  revalidatePath(`/admin/contrats/${data.contractId}`);
  return ok("Contrat annulé.");
});

const warningArgs = z.tuple([
  z.string().max(40),
  z.string().max(10),
  z.string().max(10),
  z.string().max(5),
  z.string().max(5),
  z.array(z.number().int().min(1).max(7)).max(7),
]);

/**
 * The contract form asks, once the worker and the dates are chosen, whether
 * the worker marked any of those days unavailable (a warning, not a refusal:
 * staff may have agreed otherwise with the worker).
 */
export const unavailabilityWarningAction = staffAction.call(
  warningArgs,
  async ([workerId, startIso, endIso, start, end, weekdays], staff): Promise<Result<string | null>> => {
    const from = parseDay(startIso);
    const to = parseDay(endIso);
    if (!workerId || !from || !to || to < from || to.getTime() - from.getTime() > 366 * 86_400_000) return okWith(null);
    const marks = await workerUnavailability(staff, workerId, from, to);
    const pattern = parseTime(start) !== null && parseTime(end) !== null && start !== end && weekdays.length > 0;
    const shifts = pattern
      ? generateShifts({ weekdays, start, end, breakMinutes: 0 }, from, to).map((s) => ({ ...s, contractNumber: "" }))
      : null;
    return okWith(unavailabilityWarning(marks, shifts, formatDate));
  },
);
