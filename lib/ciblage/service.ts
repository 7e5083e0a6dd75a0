// Ciblage: a mission need of an agency, the workers it matches, the offers
// sent to them, their answers, the pick that turns the need into a DRAFT
// contract, and the closing that tells the others. Every function checks the
// caller's scope in its own queries and audits staff actions.
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { agencyScope } from "@/lib/auth/scope";
import { notifyUser } from "@/lib/notifications";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { absoluteUrl } from "@/lib/url";
import { frenchDate } from "@/lib/timesheets/rules";
import { parisCalendarDate } from "@/lib/time/paris";
import { shiftsForNeed } from "./rules";
import { matchingPage } from "./matching";
import { assertBookable } from "@/lib/contracts/booking";
import { ServiceError } from "@/lib/contracts/service";
import { fail, ok, okWith, type Result } from "@/lib/result";

export async function needForStaff(agencyIds: string[], needId: string) {
  return db.missionNeed.findFirst({
    where: { id: needId, ...agencyScope({ agencyIds }) },
    include: {
      site: { include: { client: { select: { id: true, name: true } } } },
      qualification: true,
      contract: { select: { id: true, number: true, state: true, workerId: true } },
      offers: {
        include: {
          contract: { select: { id: true, number: true } },
          worker: { select: { id: true, city: true, user: { select: { id: true, firstName: true, lastName: true, email: true } } } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
}

export type NeedForStaff = NonNullable<Awaited<ReturnType<typeof needForStaff>>>;

function needSummary(need: {
  site: { name: string; city: string };
  qualification: { label: string; code: string };
  startDate: Date;
  endDate: Date;
  hoursLabel: string;
}) {
  return `${need.qualification.label} (${need.qualification.code}) à ${need.site.name}, ${need.site.city}, du ${frenchDate(need.startDate)} au ${frenchDate(need.endDate)}, ${need.hoursLabel.replace(/\s*00:00-00:00/, "")}`;
}

/** Sends the offer to the chosen workers among those that match; a worker already offered is not offered twice. */
export async function sendOffers(
  staff: { id: string; agencyIds: string[] },
  needId: string,
  workerIds: string[],
): Promise<Result<{ count: number }> | null> {
  const need = await needForStaff(staff.agencyIds, needId);
  if (!need) return null;
  if (need.status !== "OPEN") return fail("Ce ciblage n'est plus ouvert.");
  // Only the ticked workers are classified again, in the database.
  const ticked = [...new Set(workerIds)];
  const { rows } = await matchingPage(need, { onlyIds: ticked, limits: { match: ticked.length, unknown: 0, excluded: 0 } });
  const allowed = new Set(rows.filter((m) => m.status === "match").map((m) => m.workerId));
  const chosen = ticked.filter((id) => allowed.has(id));
  if (!chosen.length) return fail("Choisissez au moins un intérimaire correspondant.");
  const url = await absoluteUrl("/offres");
  // The offers, their audit entry and their emails commit together; an offer
  // that exists already (an earlier or parallel send) is skipped, with no email.
  const created = await db.$transaction(async (tx) => {
    const rows = await tx.missionOffer.createManyAndReturn({
      data: chosen.map((workerId) => ({ needId: need.id, workerId })),
      skipDuplicates: true,
      select: { workerId: true, worker: { select: { userId: true } } },
    });
    if (!rows.length) return 0; // all offered already: nothing to audit or email
    await recordAudit(
      tx,
      { type: "targeting.offers_sent", data: { workerIds: rows.map((r) => r.workerId) } },
      { actorId: staff.id, agencyId: need.agencyId, entityType: "MissionNeed", entityId: need.id },
    );
    for (const r of rows) {
      await notifyUser(
        r.worker.userId,
        null,
        {
          subject: "Nouvelle proposition de mission",
          title: "Une mission vous est proposée",
          paragraphs: [
            `Votre agence vous propose une mission : ${needSummary(need)}.`,
            "Répondez depuis votre espace, rubrique Mes missions > Mes propositions de mission.",
          ],
          ctaLabel: "Voir la proposition",
          ctaUrl: url,
        },
        { tx, agencyId: need.agencyId, dedupeKey: `mission-offer:${need.id}:${r.workerId}` },
      );
    }
    return rows.length;
  });
  if (created) wakeOutboxWorker();
  return okWith({ count: created });
}

/** The worker's yes or no, while the need is open. Answering the same twice changes nothing. */
export async function answerOffer(
  worker: { id: string; workerId: string },
  offerId: string,
  accept: boolean,
  at: Date,
): Promise<Result | null> {
  const offer = await db.missionOffer.findFirst({
    where: { id: offerId, workerId: worker.workerId },
    include: { need: { select: { id: true, status: true, agencyId: true } } },
  });
  if (!offer) return null;
  const response = accept ? "ACCEPTED" : "DECLINED";
  if (offer.response === response) return ok();
  if (offer.need.status !== "OPEN") return fail("Cette proposition n'est plus ouverte.");
  const answered = await db.$transaction(async (tx) => {
    const updated = await tx.missionOffer.updateMany({
      where: { id: offer.id, workerId: worker.workerId, need: { status: "OPEN" } },
      data: { response, respondedAt: at },
    });
    if (!updated.count) return false;
    await recordAudit(
      tx,
      { type: accept ? "targeting.offer_accepted" : "targeting.offer_declined", data: {} },
      { actorId: worker.id, subjectUserId: worker.id, agencyId: offer.need.agencyId, entityType: "MissionOffer", entityId: offer.id },
    );
    return true;
  });
  if (!answered) return fail("Cette proposition n'est plus ouverte.");
  return ok();
}

async function nextContractNumber(): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ max: string | null }[]>(
    `SELECT MAX(CAST("number" AS BIGINT))::text AS max FROM "Contract" WHERE "number" ~ '^[0-9]+$'`,
  );
  return String(BigInt(rows[0]?.max ?? "40000") + 1n);
}

/**
 * Staff retain a worker who said yes: a DRAFT contract with the need's shifts,
 * linked to the offer. Up to the number of workers wanted; the need is filled
 * when that many are retained.
 */
export async function pickWorker(
  staff: { id: string; agencyIds: string[] },
  needId: string,
  offerId: string,
): Promise<Result<{ contractId: string }> | null> {
  const need = await needForStaff(staff.agencyIds, needId);
  if (!need) return null;
  const offer = need.offers.find((o) => o.id === offerId);
  if (!offer) return null;
  if (offer.contractId) return okWith({ contractId: offer.contractId });
  if (need.status !== "OPEN") return fail("Ce ciblage n'est plus ouvert.");
  if (offer.response !== "ACCEPTED") return fail("Seul un intérimaire qui a accepté la proposition peut être retenu.");
  const planned = shiftsForNeed(need);
  if (!planned.length) return fail("Les horaires du besoin ne permettent pas de générer les créneaux.");
  for (let attempt = 0; attempt < 3; attempt++) {
    const number = await nextContractNumber();
    try {
      const contractId = await db.$transaction(async (tx) => {
        // One pick at a time per need: the row lock makes a second tab wait, then count again.
        await tx.$queryRaw`SELECT id FROM "MissionNeed" WHERE id = ${need.id} FOR UPDATE`;
        const current = await tx.missionNeed.findUniqueOrThrow({ where: { id: need.id }, select: { status: true, workersWanted: true } });
        const retained = await tx.missionOffer.count({ where: { needId: need.id, contractId: { not: null } } });
        const mine = await tx.missionOffer.findUniqueOrThrow({ where: { id: offer.id }, select: { contractId: true } });
        if (mine.contractId) throw new AlreadyFilled(mine.contractId);
        if (current.status !== "OPEN" || retained >= current.workersWanted) throw new AlreadyFilled(null);
        // The same checks as "Nouveau contrat", under the worker's lock: booked elsewhere meanwhile
        // (even by a colleague at this very moment), qualification not held, rate, working time.
        await assertBookable(tx, {
          workerId: offer.workerId,
          contractId: null,
          agencyId: need.agencyId,
          qualificationId: need.qualificationId,
          hourlyRateCents: need.hourlyRateCents ?? 0,
          startDate: need.startDate,
          endDate: need.endDate,
          shifts: planned.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, breakMinutes: 0 })),
        });
        const contract = await tx.contract.create({
          data: {
            number,
            reference: "CIBLAGE",
            agencyId: need.agencyId,
            workerId: offer.workerId,
            clientId: need.site.clientId,
            siteId: need.siteId,
            qualificationId: need.qualificationId,
            // The dates of a contract are those of its shifts.
            startDate: parisCalendarDate(planned[0].startsAt),
            endDate: parisCalendarDate(planned[planned.length - 1].startsAt),
            hoursLabel: need.hoursLabel,
            detail: need.description,
            hourlyRateCents: need.hourlyRateCents ?? 0,
            // No motif is invented: staff choose the legal case on the draft before sending it (issuing asks for it).
            recourseCase: null,
            recourseReason: null,
            state: "DRAFT",
            shifts: { create: planned.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })) },
          },
        });
        await tx.missionOffer.update({ where: { id: offer.id }, data: { contractId: contract.id } });
        const filled = retained + 1 >= current.workersWanted;
        await tx.missionNeed.update({
          where: { id: need.id },
          data: { ...(filled ? { status: "FILLED" } : {}), ...(need.contractId ? {} : { contractId: contract.id }) },
        });
        await recordAudit(
          tx,
          {
            type: "targeting.worker_picked",
            data: {
              offerId: offer.id,
              contractId: contract.id,
              contractNumber: number,
              retained: retained + 1,
              wanted: current.workersWanted,
            },
          },
          { actorId: staff.id, subjectUserId: offer.worker.user.id, agencyId: need.agencyId, entityType: "MissionNeed", entityId: need.id },
        );
        return contract.id;
      });
      return okWith({ contractId });
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.message);
      if (error instanceof AlreadyFilled) {
        return error.contractId
          ? okWith({ contractId: error.contractId })
          : fail("Le nombre d'intérimaires recherchés est atteint ou le ciblage n'est plus ouvert.");
      }
      if ((error as { code?: string }).code === "P2002") continue; // contract number taken meanwhile
      throw error;
    }
  }
  return fail("Le contrat n'a pas pu être créé, réessayez.");
}

class AlreadyFilled extends Error {
  constructor(readonly contractId: string | null) {
    super("already filled");
  }
}

/** Closes the need; every offered worker not retained is emailed "Fermeture d'un ciblage" if their preference allows. */
export async function closeNeed(
  staff: { id: string; agencyIds: string[] },
  needId: string,
  at: Date,
): Promise<Result<{ notified: number }> | null> {
  const need = await needForStaff(staff.agencyIds, needId);
  if (!need) return null;
  if (need.status === "CLOSED") return okWith({ notified: 0 });
  const others = need.offers.filter((o) => !o.contractId);
  // The closing, its emails and its audit entry in one transaction; only the
  // call that closes it sends them (a need is closed once).
  const notified = await db.$transaction(async (tx) => {
    const claimed = await tx.missionNeed.updateMany({
      where: { id: need.id, status: { not: "CLOSED" } },
      data: { status: "CLOSED", closedAt: at },
    });
    if (!claimed.count) return 0;
    let count = 0;
    for (const o of others) {
      const sent = await notifyUser(
        o.worker.user.id,
        "TARGETING_CLOSED",
        {
          subject: "Fermeture d'un ciblage",
          title: "Fermeture d'un ciblage",
          paragraphs: [
            `La mission qui vous avait été proposée est pourvue ou n'est plus d'actualité : ${needSummary(need)}.`,
            "Merci pour votre réponse. D'autres missions vous seront proposées prochainement.",
          ],
        },
        { tx, agencyId: need.agencyId, dedupeKey: `targeting-closed:${need.id}:${o.worker.user.id}` },
      );
      if (sent) count++;
    }
    await recordAudit(
      tx,
      { type: "targeting.closed", data: { offers: others.length, notified: count } },
      { actorId: staff.id, agencyId: need.agencyId, entityType: "MissionNeed", entityId: need.id },
    );
    return count;
  });
  if (notified) wakeOutboxWorker();
  return okWith({ notified });
}
