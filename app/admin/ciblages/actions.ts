"use server";

import { formId } from "@/lib/forms";
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { staffAction } from "@/lib/auth/action";
import { requireStaff } from "@/lib/auth/session";
import { closeNeed, pickWorker, sendOffers } from "@/lib/ciblage/service";
import { parseHoursLabel } from "@/lib/ciblage/rules";
import { now } from "@/lib/clock";
import type { FormState } from "@/lib/forms";
import { db } from "@/lib/db";
import { parseIsoDate, parisDay } from "@/lib/timesheets/rules";
import { DATE_RANGES, rangeCheck } from "@/lib/time/dates";
import { createOnce, submissionKey } from "@/lib/submissions";

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
  workersWanted: z.coerce.number({ message: "Indiquez un nombre entre 1 et 20." }).int("Indiquez un nombre entier.").min(1, "Au moins 1 intérimaire.").max(20, "20 intérimaires au plus."),
});

/** "Créer le ciblage": a need of the agency of the chosen site. */
const invalid = (field: string, message: string): FormState => ({ fieldErrors: { [field]: message }, error: "Veuillez corriger les champs signalés." });

export const createNeedAction = staffAction(needSchema, async (data, staff, formData): Promise<FormState> => {
  const start = parseIsoDate(data.startDate)!;
  const end = parseIsoDate(data.endDate)!;
  const today = parisDay(await now());
  if (start < today) return invalid("startDate", "La mission ne peut pas commencer avant aujourd'hui.");
  const ahead = rangeCheck(start, DATE_RANGES.upcoming(today), "la date de début");
  if (!ahead.ok) return invalid("startDate", ahead.error);
  if (end < start) return invalid("endDate", "La date de fin doit suivre la date de début.");
  if ((end.getTime() - start.getTime()) / 86_400_000 > 92) return invalid("endDate", "Un ciblage couvre trois mois au plus.");
  const site = await db.clientSite.findFirst({ where: { id: data.siteId, client: { agencyId: { in: staff.agencyIds } } }, select: { id: true, client: { select: { agencyId: true } } } });
  if (!site) return invalid("siteId", "Site inconnu.");
  const qualification = await db.qualification.findUnique({ where: { id: data.qualificationId }, select: { id: true } });
  if (!qualification) return invalid("qualificationId", "Qualification inconnue.");
  // A second click on "Créer le ciblage" lands on the need the first one created.
  const { id } = await createOnce(submissionKey(staff.id, formData), async (tx) => {
    const need = await tx.missionNeed.create({
      data: {
        agencyId: site.client.agencyId,
        siteId: site.id,
        qualificationId: qualification.id,
        startDate: start,
        endDate: end,
        hoursLabel: data.hoursLabel.replace(/\s+/g, " "),
        hourlyRateCents: data.hourlyRate ? Math.round(Number(data.hourlyRate.replace(",", ".")) * 100) : null,
        description: data.description || null,
        workersWanted: data.workersWanted,
        createdById: staff.id,
      },
    });
    await recordAudit(
      tx,
      { type: "targeting.created", data: { siteId: site.id, qualificationId: qualification.id, startDate: data.startDate, endDate: data.endDate, hours: need.hoursLabel } },
      { actorId: staff.id, agencyId: need.agencyId, entityType: "MissionNeed", entityId: need.id },
    );
    return need.id;
  });
  redirect(`/admin/ciblages/${id}`);
});

function back(needId: string, message: string, kind: "ok" | "err" = "ok"): never {
  revalidatePath(`/admin/ciblages/${needId}`);
  redirect(`/admin/ciblages/${needId}?${kind}=${encodeURIComponent(message)}`);
}

export async function sendOffersAction(formData: FormData) {
  const staff = await requireStaff();
  const needId = formId(formData, "needId");
  const result = await sendOffers(staff, needId, formData.getAll("workerId").map(String));
  if (!result) notFound();
  if ("error" in result) back(needId, result.error ?? "Erreur", "err");
  back(needId, result.count ? `Proposition envoyée à ${result.count} intérimaire${(result.count ?? 0) > 1 ? "s" : ""}.` : "Ces intérimaires avaient déjà reçu la proposition.");
}

export async function pickWorkerAction(formData: FormData) {
  const staff = await requireStaff();
  const needId = formId(formData, "needId");
  const result = await pickWorker(staff, needId, formId(formData, "offerId"));
  if (!result) notFound();
  if ("error" in result) back(needId, result.error ?? "Erreur", "err");
  back(needId, "Intérimaire retenu : son contrat a été créé en brouillon.");
}

export async function closeNeedAction(formData: FormData) {
  const staff = await requireStaff();
  const needId = formId(formData, "needId");
  const result = await closeNeed(staff, needId, await now());
  if (!result) notFound();
  back(needId, `Ciblage clôturé. ${result.notified} intérimaire${result.notified > 1 ? "s ont" : " a"} été prévenu${result.notified > 1 ? "s" : ""} par email.`);
}
