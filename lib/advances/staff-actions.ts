"use server";

import { agencyScope } from "@/lib/auth/scope";
import { DATE_RANGES, readDate } from "@/lib/time/dates";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { staffAction } from "@/lib/auth/action";
import type { StaffUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatDashedDate, formatEuros, formatLongDate, parisCalendarDate } from "@/lib/format";
import { notifyUser } from "@/lib/notifications";
import { absoluteUrl } from "@/lib/url";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { fail, ok, type Result } from "@/lib/result";

type Decision = "accept" | "refuse" | "pay";

/** "id:version" pairs from the form; the version makes a decision on a request edited since fail. */
function selection(values: string[]): { id: string; version: number }[] {
  return values
    .slice(0, 500)
    .map((v) => {
      const [id, version] = v.split(":");
      return { id, version: Number(version) };
    })
    .filter((s) => s.id && Number.isInteger(s.version));
}

async function decide(
  staff: StaffUser,
  items: { id: string; version: number }[],
  decision: Decision,
  extra: { reason?: string; paidOn?: Date },
): Promise<{ done: number; stale: number }> {
  let done = 0;
  let stale = 0;
  const decidedAt = await now();
  for (const item of items) {
    const request = await db.advanceRequest.findFirst({
      where: { id: item.id, ...agencyScope(staff) },
      include: { worker: { select: { userId: true } } },
    });
    if (!request) {
      stale++;
      continue;
    }
    const where = {
      id: request.id,
      version: item.version,
      ...agencyScope(staff),
      status: decision === "pay" ? ("ACCEPTED" as const) : ("PENDING" as const),
    };
    const data =
      decision === "accept"
        ? { status: "ACCEPTED" as const, openKey: null, decidedById: staff.id, decidedAt }
        : decision === "refuse"
          ? { status: "REFUSED" as const, openKey: null, refusalReason: extra.reason, decidedById: staff.id, decidedAt }
          : { status: "PAID" as const, paidOn: extra.paidOn };
    const amount = formatEuros(request.amountCents);
    const link = { ctaLabel: "Voir mes demandes d'acompte", ctaUrl: await absoluteUrl("/acomptes") };
    // The decision, its audit entry and its email commit together (the email
    // is queued; the delivery worker sends it), or not at all.
    const applied = await db.$transaction(async (tx) => {
      const updated = await tx.advanceRequest.updateMany({ where, data: { ...data, version: { increment: 1 } } });
      if (updated.count !== 1) return false;
      await recordAudit(
        tx,
        {
          type: decision === "accept" ? "advance.accepted" : decision === "refuse" ? "advance.refused" : "advance.paid",
          data: {
            amountCents: request.amountCents,
            reason: extra.reason ?? null,
            paidOn: extra.paidOn?.toISOString().slice(0, 10) ?? null,
          },
        },
        {
          actorId: staff.id,
          subjectUserId: request.worker.userId,
          agencyId: request.agencyId,
          entityType: "AdvanceRequest",
          entityId: request.id,
        },
      );
      const notify = { tx, agencyId: request.agencyId, dedupeKey: `advance-${decision}:${request.id}` };
      if (decision === "accept") {
        await notifyUser(
          request.worker.userId,
          "ADVANCE_ACCEPTED",
          {
            title: "Demande d'acompte acceptée",
            paragraphs: [
              `Votre demande d'acompte de ${amount} a été acceptée. Elle est en cours de traitement pour le versement du ${formatLongDate(request.payDate)}.`,
            ],
            ...link,
          },
          notify,
        );
      } else if (decision === "refuse") {
        // No preference covers a refusal: it always goes out, with its reason.
        await notifyUser(
          request.worker.userId,
          null,
          {
            title: "Demande d'acompte refusée",
            paragraphs: [
              `Votre demande d'acompte de ${amount} pour le versement du ${formatLongDate(request.payDate)} a été refusée.`,
              `Motif : ${extra.reason}`,
            ],
            ...link,
          },
          notify,
        );
      } else {
        await notifyUser(
          request.worker.userId,
          "ADVANCE_PAID",
          {
            title: "Acompte versé",
            paragraphs: [`Votre acompte de ${amount} a été versé le ${formatDashedDate(extra.paidOn!)}.`],
            ...link,
          },
          notify,
        );
      }
      return true;
    });
    if (!applied) {
      stale++;
      continue;
    }
    done++;
  }
  if (done) wakeOutboxWorker();
  return { done, stale };
}

function summary(verb: string, result: { done: number; stale: number }): Result {
  if (result.done === 0) return fail("Aucune demande traitée : elles ont été modifiées ou traitées entre-temps. Rechargez la page.");
  const plural = result.done > 1 ? "s" : "";
  const base = `${result.done} demande${plural} ${verb.replaceAll("#", plural)}.`;
  return ok(result.stale ? `${base} ${result.stale} ignorée(s) : modifiée(s) ou traitée(s) entre-temps.` : base);
}

const decisionSchema = z.looseObject({
  decision: z.enum(["accept", "refuse", "pay"]),
  reasonChoice: z.string().max(200).optional(),
  reasonText: z.string().max(300).optional(),
  paidOn: z.string().max(10).optional(),
  // The ticked rows repeat (sel): a list field.
  sel: z.array(z.string().max(100)),
});

export const decideAdvances = staffAction(decisionSchema, async (data, staff): Promise<Result> => {
  const items = selection(data.sel);
  if (!items.length) return fail("Sélectionnez au moins une demande.");
  if (data.decision === "refuse") {
    const reason = [data.reasonChoice?.trim(), data.reasonText?.trim()].filter(Boolean).join(" - ");
    if (reason.length < 3)
      return fail("Veuillez corriger les champs signalés.", { reasonText: "Choisissez ou saisissez le motif du refus." });
    const result = await decide(staff, items, "refuse", { reason });
    revalidatePath("/admin/acomptes");
    return summary("refusée#", result);
  }
  if (data.decision === "pay") {
    const read = readDate(data.paidOn, DATE_RANGES.recentPast(parisCalendarDate(await now())), "la date du virement");
    if (!read.ok) return fail("Veuillez corriger les champs signalés.", { paidOn: read.error });
    const paidOn = read.date;
    const result = await decide(staff, items, "pay", { paidOn });
    revalidatePath("/admin/acomptes");
    return summary("marquée# comme versée#", result);
  }
  const result = await decide(staff, items, "accept", {});
  revalidatePath("/admin/acomptes");
  return summary("acceptée#", result);
});
