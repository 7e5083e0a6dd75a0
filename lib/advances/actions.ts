"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { workerAction } from "@/lib/auth/action";
import { now } from "@/lib/clock";
import { submitAdvanceRequest } from "./request";
import { updateAdvanceRequest } from "./update-request";
import { fail, ok, type Result } from "@/lib/result";

const amountField = z.string().trim().min(1, "Indiquez le montant souhaité.").max(20);

const requestSchema = z.object({ amount: amountField, agencyId: z.string().max(40).optional() });

/** The worker's "Faire la demande" (lib/advances/request.ts does the work). */
export const requestAdvance = workerAction(requestSchema, async (data, worker): Promise<Result> => {
  const state = await submitAdvanceRequest(worker, data, await now());
  if (state.ok) revalidatePath("/acomptes");
  return state;
});

const editSchema = z.object({ id: z.string().min(1).max(40), version: z.coerce.number().int().min(1), amount: amountField });

export const updateAdvance = workerAction(editSchema, async (data, worker): Promise<Result> => {
  const result = await updateAdvanceRequest(worker, data, await now());
  if (result.ok) revalidatePath("/acomptes");
  return result;
});

const cancelSchema = z.object({ id: z.string().min(1).max(40), version: z.coerce.number().int().min(1) });

export const cancelAdvance = workerAction(cancelSchema, async (data, worker): Promise<Result> => {
  const done = await db.$transaction(async (tx) => {
    const updated = await tx.advanceRequest.updateMany({
      where: { id: data.id, workerId: worker.workerId, status: "PENDING", version: data.version },
      data: { status: "CANCELLED", openKey: null, version: { increment: 1 } },
    });
    if (updated.count === 1)
      await recordAudit(
        tx,
        { type: "advance.cancelled", data: {} },
        { actorId: worker.id, subjectUserId: worker.id, entityType: "AdvanceRequest", entityId: data.id },
      );
    return updated;
  });
  if (done.count !== 1) {
    const exists = await db.advanceRequest.findFirst({ where: { id: data.id, workerId: worker.workerId }, select: { id: true } });
    return fail(
      exists ? "Cette demande a été modifiée ou traitée entre-temps : rechargez la page pour voir son état." : "Demande introuvable.",
    );
  }
  revalidatePath("/acomptes");
  return ok("Votre demande a été annulée.");
});
