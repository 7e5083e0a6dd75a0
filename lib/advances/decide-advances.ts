// Staff decisions on advance requests (accept, refuse, mark as paid), one by
// one or for a selection: each request in its own transaction with its audit
// event and its email. Accepting above the available amount needs the
// explicit confirmation of staff, checked before any decision and again in
// each transaction (the available amount read with the one query of
// lib/advances/queries.ts).
import "server-only";
import { agencyScope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { StaffUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatDashedDate, formatEuros, formatLongDate } from "@/lib/format";
import { notifyUser } from "@/lib/notifications";
import { absoluteUrl } from "@/lib/url";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { fail, ok, type Result } from "@/lib/result";
import { advanceBasesOf, advanceBasisOf } from "./queries";
import { overCapAcceptanceProblem, overCapInSelection, rulesOfAgency } from "./rules";

export type AdvanceDecision = "accept" | "refuse" | "pay";

async function applyDecision(
  staff: StaffUser,
  items: { id: string; version: number }[],
  decision: AdvanceDecision,
  extra: { reason?: string; paidOn?: Date; overCapConfirmed?: boolean },
): Promise<{ done: number; stale: number; overCap: number }> {
  let done = 0;
  let stale = 0;
  let overCap = 0;
  const decidedAt = await now();
  for (const item of items) {
    const request = await db.advanceRequest.findFirst({
      where: { id: item.id, ...agencyScope(staff) },
      include: { worker: { select: { userId: true } }, agency: true },
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
      let availableCents: number | undefined;
      if (decision === "accept") {
        // The cap is read again in the transaction, the worker's row locked so
        // that two acceptances at once for one worker see each other.
        await tx.$queryRaw`SELECT id FROM "WorkerProfile" WHERE id = ${request.workerId} FOR UPDATE`;
        const basis = await advanceBasisOf(request.workerId, request.agencyId, rulesOfAgency(request.agency).ratioPct, decidedAt, tx);
        availableCents = basis.availableCents;
        if (request.amountCents > availableCents && !extra.overCapConfirmed) return "overCap" as const;
      }
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
            ...(decision === "accept"
              ? { availableCents, overCapConfirmed: availableCents !== undefined && request.amountCents > availableCents }
              : {}),
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
    if (applied === "overCap") {
      overCap++;
      continue;
    }
    if (!applied) {
      stale++;
      continue;
    }
    done++;
  }
  if (done) wakeOutboxWorker();
  return { done, stale, overCap };
}

function summary(verb: string, result: { done: number; stale: number; overCap: number }): Result {
  const overCap = result.overCap
    ? `${result.overCap} non acceptée(s) : le montant disponible a baissé entre-temps, rechargez la page et confirmez.`
    : "";
  if (result.done === 0)
    return fail(
      overCap
        ? `Aucune demande traitée : ${overCap}`
        : "Aucune demande traitée : elles ont été modifiées ou traitées entre-temps. Rechargez la page.",
    );
  const plural = result.done > 1 ? "s" : "";
  const base = `${result.done} demande${plural} ${verb.replaceAll("#", plural)}.`;
  const notes = [result.stale ? `${result.stale} ignorée(s) : modifiée(s) ou traitée(s) entre-temps.` : "", overCap].filter(Boolean);
  return ok([base, ...notes].join(" "));
}

/**
 * The selected pending requests that would be accepted above the available
 * amount (read with the one query of the available amount, in the order of
 * the selection), so that the form is refused before any decision when staff
 * did not confirm.
 */
async function overCapOfSelection(staff: StaffUser, items: { id: string }[], at: Date): Promise<number> {
  const requests = await db.advanceRequest.findMany({
    where: { id: { in: items.map((i) => i.id) }, status: "PENDING", ...agencyScope(staff) },
    include: { agency: true },
  });
  const ordered = items.flatMap((i) => requests.filter((r) => r.id === i.id));
  const bases = await advanceBasesOf(
    ordered.map((r) => ({ workerId: r.workerId, agencyId: r.agencyId, ratioPct: rulesOfAgency(r.agency).ratioPct })),
    at,
  );
  const available = new Map([...bases].map(([key, basis]) => [key, basis.availableCents]));
  return overCapInSelection(ordered, available).size;
}

/**
 * Applies a decision to the selected requests ("id" and the version staff
 * saw). An acceptance of requests above the available amount without
 * `overCapConfirmed` is refused before anything changes, next to the
 * confirmation box.
 */
export async function decideAdvanceRequests(
  staff: StaffUser,
  items: { id: string; version: number }[],
  decision: AdvanceDecision,
  extra: { reason?: string; paidOn?: Date; overCapConfirmed?: boolean } = {},
): Promise<Result> {
  if (!items.length) return fail("Sélectionnez au moins une demande.");
  if (decision === "accept") {
    const problem = overCapAcceptanceProblem(await overCapOfSelection(staff, items, await now()), !!extra.overCapConfirmed);
    if (problem) return fail(problem, { confirmOverCap: problem });
  }
  const result = await applyDecision(staff, items, decision, extra);
  return summary(decision === "accept" ? "acceptée#" : decision === "refuse" ? "refusée#" : "marquée# comme versée#", result);
}
