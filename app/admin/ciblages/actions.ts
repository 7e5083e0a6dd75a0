"use server";

import { cleanId } from "@/lib/forms";
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { closeNeed, pickWorker, sendOffers } from "@/lib/ciblage/service";
import { parseHoursLabel } from "@/lib/ciblage/rules";
import { now } from "@/lib/clock";
import { createNeed } from "@/lib/ciblage/create-need";
import { parseIsoDate, parisDay } from "@/lib/timesheets/rules";
import { DATE_RANGES, rangeCheck } from "@/lib/time/dates";
import { submissionKey } from "@/lib/submissions";
import { fail, type Result } from "@/lib/result";

const needSchema = z.object({
  siteId: z.string().min(1, "Choisissez le site du client."),
  qualificationId: z.string().min(1, "Choisissez une qualification."),
  startDate: z.string().refine((v) => parseIsoDate(v) !== null, "Indiquez la date de début."),
  endDate: z.string().refine((v) => parseIsoDate(v) !== null, "Indiquez la date de fin."),
  hoursLabel: z
    .string()
    .trim()
    .refine((v) => parseHoursLabel(v) !== null, "Horaires au format 08:00-15:00 (deux plages possibles : 07:00-11:00 17:00-20:30)."),
  hourlyRate: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{1,3}([.,]\d{1,2})?$/.test(v), "Taux horaire en euros, par exemple 14,50."),
  description: z.string().trim().max(500, "500 caractères au plus."),
  workersWanted: z.coerce
    .number({ message: "Indiquez un nombre entre 1 et 20." })
    .int("Indiquez un nombre entier.")
    .min(1, "Au moins 1 intérimaire.")
    .max(20, "20 intérimaires au plus."),
});

/** "Créer le ciblage": a need of the agency of the chosen site. */
const invalid = (field: string, message: string): Result => fail("Veuillez corriger les champs signalés.", { [field]: message });

export const createNeedAction = staffAction(needSchema, async (data, staff, formData): Promise<Result> => {
  const start = parseIsoDate(data.startDate)!;
  const end = parseIsoDate(data.endDate)!;
  const today = parisDay(await now());
  if (start < today) return invalid("startDate", "La mission ne peut pas commencer avant aujourd'hui.");
  const ahead = rangeCheck(start, DATE_RANGES.upcoming(today), "la date de début");
  if (!ahead.ok) return invalid("startDate", ahead.error);
  if (end < start) return invalid("endDate", "La date de fin doit suivre la date de début.");
  if ((end.getTime() - start.getTime()) / 86_400_000 > 92) return invalid("endDate", "Un ciblage couvre trois mois au plus.");
  const created = await createNeed(staff, { ...data, start, end }, submissionKey(staff.id, formData));
  if (!created.ok) return fail(created.message, created.fieldErrors);
  redirect(`/admin/ciblages/${created.data.id}`);
});

function back(needId: string, message: string, kind: "ok" | "err" = "ok", offerId?: string): never {
  revalidatePath(`/admin/ciblages/${needId}`);
  // A refusal about one offer ("Retenir") is shown in that offer's row.
  const offer = offerId ? `&offre=${encodeURIComponent(offerId)}` : "";
  redirect(`/admin/ciblages/${needId}?${kind}=${encodeURIComponent(message)}${offer}`);
}

const needRef = z
  .string()
  .optional()
  .transform((v) => cleanId(v) ?? "");

// The ticked workers repeat (workerId): a list field of the schema.
const sendOffersSchema = z.object({ needId: needRef, workerId: z.array(z.string().max(64)).max(500) });

export const sendOffersAction = staffAction.post(sendOffersSchema, async (data, staff) => {
  const needId = data.needId;
  const result = await sendOffers(staff, needId, data.workerId);
  if (!result) notFound();
  if (!result.ok) back(needId, result.message, "err");
  const { count } = result.data;
  back(
    needId,
    count ? `Proposition envoyée à ${count} intérimaire${count > 1 ? "s" : ""}.` : "Ces intérimaires avaient déjà reçu la proposition.",
  );
});

export const pickWorkerAction = staffAction.post(z.object({ needId: needRef, offerId: needRef }), async (data, staff) => {
  const result = await pickWorker(staff, data.needId, data.offerId);
  if (!result) notFound();
  if (!result.ok) back(data.needId, result.message, "err", data.offerId);
  back(data.needId, "Intérimaire retenu : son contrat a été créé en brouillon.");
});

export const closeNeedAction = staffAction.post(z.object({ needId: needRef }), async (data, staff) => {
  const result = await closeNeed(staff, data.needId, await now());
  if (!result) notFound();
  if (!result.ok) back(data.needId, result.message, "err");
  const { notified } = result.data;
  back(
    data.needId,
    `Ciblage clôturé. ${notified} intérimaire${notified > 1 ? "s ont" : " a"} été prévenu${notified > 1 ? "s" : ""} par e-mail.`,
  );
});
