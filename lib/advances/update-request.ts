import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { advanceBasisOf } from "./queries";
import { assessAmount, parseEuros, rulesOfAgency } from "./rules";
import { fail, ok, type Result } from "@/lib/result";

const FIX = "Veuillez corriger les champs signalés.";

/**
 * The worker changes the amount of their pending request ("Modifier"). It
 * always goes through (the minimum amount still holds): the over-the-cap flag
 * and the available amount are taken again, for staff. The version makes an
 * edit of a request decided or edited meanwhile fail with a French message.
 */
export async function updateAdvanceRequest(
  worker: { id: string; workerId: string },
  data: { id: string; version: number; amount: string },
  at: Date,
): Promise<Result> {
  const amountCents = parseEuros(data.amount);
  if (amountCents === null) return fail(FIX, { amount: "Indiquez un montant entier en euros (sans centimes)." });
  const request = await db.advanceRequest.findFirst({ where: { id: data.id, workerId: worker.workerId }, include: { agency: true } });
  if (!request) return fail("Demande introuvable.");
  if (request.status !== "PENDING") return fail("Cette demande a déjà été traitée par l'agence : elle ne peut plus être modifiée.");
  const rules = rulesOfAgency(request.agency);
  const basis = await advanceBasisOf(worker.workerId, request.agencyId, rules.ratioPct, at);
  const assessed = assessAmount(amountCents, { minCents: rules.minCents, availableCents: basis.availableCents });
  if (!assessed.ok) return fail(FIX, { amount: assessed.problem });
  // The edit and its audit entry commit together.
  const done = await db.$transaction(async (tx) => {
    const updated = await tx.advanceRequest.updateMany({
      where: { id: request.id, workerId: worker.workerId, status: "PENDING", version: data.version },
      data: { amountCents, availableCentsAtRequest: basis.availableCents, overCap: assessed.overCap, version: { increment: 1 } },
    });
    if (updated.count === 1)
      await recordAudit(
        tx,
        { type: "advance.updated", data: { amountCents, availableCents: basis.availableCents, overCap: assessed.overCap } },
        { actorId: worker.id, subjectUserId: worker.id, agencyId: request.agencyId, entityType: "AdvanceRequest", entityId: request.id },
      );
    return updated.count === 1;
  });
  if (!done) return fail("Cette demande a été modifiée ou traitée entre-temps : rechargez la page pour voir son état.");
  return ok(assessed.notice ? `Votre demande a été modifiée. ${assessed.notice}` : "Votre demande a été modifiée.");
}
