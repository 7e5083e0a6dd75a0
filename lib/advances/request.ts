import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import { advanceContexts } from "./queries";
import { advanceOpenKey, assessAmount, parseEuros } from "./rules";
import { fail, ok, type Result } from "@/lib/result";

const FIX = "Veuillez corriger les champs signalés.";

/**
 * A new request, or an edit of the open one for the same payment day (one
 * open request per payment day, held by a unique key: a double click or a
 * second tab edits instead of duplicating). The worker action
 * (requestAdvance) checks the session and parses the form, then calls this.
 */
export async function submitAdvanceRequest(
  worker: { id: string; workerId: string },
  data: { amount: string; agencyId?: string },
  at: Date,
): Promise<Result> {
  const amountCents = parseEuros(data.amount);
  if (amountCents === null) return fail(FIX, { amount: "Indiquez un montant entier en euros (sans centimes)." });
  const contexts = await advanceContexts(worker.workerId, at);
  const context = contexts.find((c) => c.agencyId === data.agencyId) ?? contexts[0];
  if (!context) return fail("Vous n'êtes rattaché(e) à aucune agence.");
  const payDate = context.schedule.payDate;
  const openKey = advanceOpenKey(worker.workerId, context.agencyId, payDate);
  // Above the available amount is a request all the same, flagged for staff
  // (payroll checks it against the hours worked); under the minimum is not.
  const assessed = assessAmount(amountCents, { minCents: context.rules.minCents, availableCents: context.availableCents });
  if (!assessed.ok) return fail(FIX, { amount: assessed.problem });
  const figures = { availableCentsAtRequest: context.availableCents, overCap: assessed.overCap };
  const asked = { availableCents: context.availableCents, overCap: assessed.overCap };

  // Idempotent: the open request of this payment day is created once (unique
  // openKey); an identical request (double click, 20 parallel posts) finds it
  // with the same amount and gets the same answer; another amount edits it
  // with one atomic update, retried if the row changed in between.
  let outcome: "created" | "edited" | null = null;
  for (let attempt = 0; attempt < 5 && !outcome; attempt++) {
    const open = await db.advanceRequest.findUnique({ where: { openKey } });
    if (open) {
      if (open.status !== "PENDING") return fail("Votre demande pour ce versement a déjà été traitée par l'agence.");
      if (open.amountCents === amountCents && open.overCap === assessed.overCap) {
        outcome = "created";
        break;
      }
      // The edit and its audit entry commit together.
      const edited = await db.$transaction(async (tx) => {
        const done = await tx.advanceRequest.updateMany({
          where: { id: open.id, openKey, status: "PENDING" },
          data: { amountCents, ...figures, version: { increment: 1 } },
        });
        if (done.count !== 1) return false;
        await recordAudit(
          tx,
          { type: "advance.updated", data: { amountCents, ...asked } },
          { actorId: worker.id, subjectUserId: worker.id, agencyId: context.agencyId, entityType: "AdvanceRequest", entityId: open.id },
        );
        return true;
      });
      if (edited) outcome = "edited";
      continue;
    }
    try {
      await db.$transaction(async (tx) => {
        const created = await tx.advanceRequest.create({
          data: { workerId: worker.workerId, agencyId: context.agencyId, amountCents, payDate, openKey, createdAt: at, ...figures },
        });
        await recordAudit(
          tx,
          { type: "advance.requested", data: { amountCents, payDate: payDate.toISOString().slice(0, 10), ...asked } },
          { actorId: worker.id, subjectUserId: worker.id, agencyId: context.agencyId, entityType: "AdvanceRequest", entityId: created.id },
        );
      });
      outcome = "created";
    } catch (error) {
      // Another tab created it a moment before: read it again.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  if (!outcome) return fail("Votre demande n'a pas pu être enregistrée : rechargez la page et réessayez.");
  const done =
    outcome === "created"
      ? "Votre demande d'acompte est enregistrée. Elle est en attente de validation par l'agence."
      : "Vous aviez déjà une demande en attente pour ce versement : son montant a été modifié.";
  return ok(assessed.notice ? `${done} ${assessed.notice}` : done);
}
