"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { workerAction } from "@/lib/auth/action";
import { now } from "@/lib/clock";
import type { FormState } from "@/lib/forms";
import { Prisma } from "@/lib/generated/prisma/client";
import { advanceContexts, advancedInMonth, validatedWork } from "./queries";
import { advanceOpenKey, amountProblem, availableCents, parseEuros, rulesOfAgency } from "./rules";

const amountField = z.string().trim().min(1, "Indiquez le montant souhaité.").max(20);

const requestSchema = z.object({ amount: amountField, agencyId: z.string().max(40).optional() });

const FIX = "Veuillez corriger les champs signalés.";

/**
 * A new request, or an edit of the open one for the same payment day (one
 * open request per payment day, held by a unique key: a double click or a
 * second tab edits instead of duplicating).
 */
export const requestAdvance = workerAction(requestSchema, async (data, worker): Promise<FormState> => {
  const amountCents = parseEuros(data.amount);
  if (amountCents === null) return { error: FIX, fieldErrors: { amount: "Indiquez un montant entier en euros (sans centimes)." } };
  const at = await now();
  const contexts = await advanceContexts(worker.workerId, at);
  const context = contexts.find((c) => c.agencyId === data.agencyId) ?? contexts[0];
  if (!context) return { error: "Vous n'êtes rattaché(e) à aucune agence." };
  const payDate = context.schedule.payDate;
  const openKey = advanceOpenKey(worker.workerId, context.agencyId, payDate);
  const problem = amountProblem(amountCents, { minCents: context.rules.minCents, availableCents: context.availableCents });
  if (problem) return { error: FIX, fieldErrors: { amount: problem } };

  // Idempotent: the open request of this payment day is created once (unique
  // openKey); an identical request (double click, 20 parallel posts) finds it
  // with the same amount and gets the same answer; another amount edits it
  // with one atomic update, retried if the row changed in between.
  let outcome: "created" | "edited" | null = null;
  for (let attempt = 0; attempt < 5 && !outcome; attempt++) {
    const open = await db.advanceRequest.findUnique({ where: { openKey } });
    if (open) {
      if (open.status !== "PENDING") return { error: "Votre demande pour ce versement a déjà été traitée par l'agence." };
      if (open.amountCents === amountCents) {
        outcome = "created";
        break;
      }
      const done = await db.advanceRequest.updateMany({ where: { id: open.id, openKey, status: "PENDING" }, data: { amountCents, version: { increment: 1 } } });
      if (done.count === 1) {
        await recordAudit({ action: "advance.updated", actorId: worker.id, subjectUserId: worker.id, agencyId: context.agencyId, entityType: "AdvanceRequest", entityId: open.id, details: { amountCents } });
        outcome = "edited";
      }
      continue;
    }
    try {
      const created = await db.advanceRequest.create({ data: { workerId: worker.workerId, agencyId: context.agencyId, amountCents, payDate, openKey, createdAt: at } });
      await recordAudit({ action: "advance.requested", actorId: worker.id, subjectUserId: worker.id, agencyId: context.agencyId, entityType: "AdvanceRequest", entityId: created.id, details: { amountCents, payDate: payDate.toISOString().slice(0, 10) } });
      outcome = "created";
    } catch (error) {
      // Another tab created it a moment before: read it again.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  if (!outcome) return { error: "Votre demande n'a pas pu être enregistrée : rechargez la page et réessayez." };
  revalidatePath("/acomptes");
  return {
    ok: true,
    message: outcome === "created" ? "Votre demande d'acompte est enregistrée. Elle est en attente de validation par l'agence." : "Vous aviez déjà une demande en attente pour ce versement : son montant a été modifié.",
  };
});

const editSchema = z.object({ id: z.string().min(1).max(40), version: z.coerce.number().int().min(1), amount: amountField });

export const updateAdvance = workerAction(editSchema, async (data, worker): Promise<FormState> => {
  const amountCents = parseEuros(data.amount);
  if (amountCents === null) return { error: FIX, fieldErrors: { amount: "Indiquez un montant entier en euros (sans centimes)." } };
  const request = await db.advanceRequest.findFirst({ where: { id: data.id, workerId: worker.workerId }, include: { agency: true } });
  if (!request) return { error: "Demande introuvable." };
  if (request.status !== "PENDING") return { error: "Cette demande a déjà été traitée par l'agence : elle ne peut plus être modifiée." };
  const month = { year: request.payDate.getUTCFullYear(), month: request.payDate.getUTCMonth() + 1 };
  const rules = rulesOfAgency(request.agency);
  const work = await validatedWork(worker.workerId, request.agencyId, month);
  const available = availableCents({ earnedCents: work.cents, ratioPct: rules.ratioPct, alreadyAdvancedCents: await advancedInMonth(worker.workerId, request.agencyId, month) });
  const problem = amountProblem(amountCents, { minCents: rules.minCents, availableCents: available });
  if (problem) return { error: FIX, fieldErrors: { amount: problem } };
  const done = await db.advanceRequest.updateMany({
    where: { id: request.id, workerId: worker.workerId, status: "PENDING", version: data.version },
    data: { amountCents, version: { increment: 1 } },
  });
  if (done.count !== 1) return { error: "Cette demande a été modifiée ou traitée entre-temps : rechargez la page pour voir son état." };
  await recordAudit({ action: "advance.updated", actorId: worker.id, subjectUserId: worker.id, agencyId: request.agencyId, entityType: "AdvanceRequest", entityId: request.id, details: { amountCents } });
  revalidatePath("/acomptes");
  return { ok: true, message: "Votre demande a été modifiée." };
});

const cancelSchema = z.object({ id: z.string().min(1).max(40), version: z.coerce.number().int().min(1) });

export const cancelAdvance = workerAction(cancelSchema, async (data, worker): Promise<FormState> => {
  const done = await db.advanceRequest.updateMany({
    where: { id: data.id, workerId: worker.workerId, status: "PENDING", version: data.version },
    data: { status: "CANCELLED", openKey: null, version: { increment: 1 } },
  });
  if (done.count !== 1) {
    const exists = await db.advanceRequest.findFirst({ where: { id: data.id, workerId: worker.workerId }, select: { id: true } });
    return { error: exists ? "Cette demande a été modifiée ou traitée entre-temps : rechargez la page pour voir son état." : "Demande introuvable." };
  }
  await recordAudit({ action: "advance.cancelled", actorId: worker.id, subjectUserId: worker.id, entityType: "AdvanceRequest", entityId: data.id });
  revalidatePath("/acomptes");
  return { ok: true, message: "Votre demande a été annulée." };
});
