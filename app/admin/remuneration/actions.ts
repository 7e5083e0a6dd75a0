"use server";
// "SMIC et minima": the SMIC table, each agency's minimum per qualification
// and its 12 h agreement (the writes in lib/backoffice/).
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/action";
import { addSmicRate } from "@/lib/backoffice/add-smic-rate";
import { longDayAgreementSchema, qualificationMinimumSchema, smicAddSchema } from "@/lib/backoffice/schemas";
import { setLongDayAgreement } from "@/lib/backoffice/set-long-day-agreement";
import { setQualificationMinimum } from "@/lib/backoffice/set-qualification-minimum";
import { formatCalendarDate, formatEuros } from "@/lib/format";
import { ok } from "@/lib/result";

export const addSmicAction = staffAction(smicAddSchema, async (data, staff) => {
  const result = await addSmicRate(staff, { effectiveFrom: data.effectiveFrom, hourlyCents: data.hourlyRate, source: data.source });
  if (!result.ok) return result;
  revalidatePath("/admin/remuneration");
  return ok(`SMIC de ${formatEuros(data.hourlyRate)} ajouté, en vigueur à partir du ${formatCalendarDate(data.effectiveFrom)}.`);
});

export const setMinimumAction = staffAction(qualificationMinimumSchema, async (data, staff) => {
  const result = await setQualificationMinimum(staff, {
    agencyId: data.agencyId,
    qualificationId: data.qualificationId,
    minHourlyCents: data.minimum,
  });
  if (!result.ok) return result;
  revalidatePath("/admin/remuneration");
  return ok(data.minimum === null ? "Taux minimum retiré." : `Taux minimum de ${formatEuros(data.minimum)} enregistré.`);
});

export const setAgreementAction = staffAction(longDayAgreementSchema, async (data, staff) => {
  const enabled = data.enabled === "on";
  const result = await setLongDayAgreement(staff, data.agencyId, enabled);
  if (!result.ok) return result;
  revalidatePath("/admin/remuneration");
  return ok(enabled ? "Accord enregistré : jusqu'à 12 h de travail par jour." : "Sans accord : 10 h de travail par jour au plus.");
});
