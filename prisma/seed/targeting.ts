// Mission needs ("ciblages") and the offers sent to nearby qualified workers.
import type { Clients } from "./clients";
import type { Context } from "./context";
import { BASE_RATE_CENTS, CLIENT_RATE_BONUS } from "./contracts";
import { DEMO_STAFF_EMAIL, SHIFT_PATTERNS, type ShiftPatternKey } from "./data";
import type { Organisation } from "./organisation";
import { addDays, addMinutes } from "./time";
import type { WorkerCtx, Workers } from "./workers";

export function addTargeting(ctx: Context, org: Organisation, clients: Clients, people: Workers): void {
  const { plan, rng, now, today, notAfterNow } = ctx;
  const { agencyId, qualificationId, staffId } = org;
  const { clientInfo } = clients;
  const { demo, others } = people;
  const need = (n: {
    clientKey: string;
    code: string;
    start: Date;
    end: Date;
    pattern: ShiftPatternKey;
    description: string;
    status: "OPEN" | "CLOSED";
    offers: [WorkerCtx, "PENDING" | "ACCEPTED" | "DECLINED"][];
  }) => {
    const client = clientInfo[n.clientKey];
    const createdAt = notAfterNow(addMinutes(now, -60 * rng.int(6, 48)));
    const id = rng.id();
    plan.missionNeeds.push({
      id,
      agencyId: agencyId[client.agency],
      siteId: client.siteId,
      qualificationId: qualificationId[n.code],
      startDate: n.start,
      endDate: n.end,
      hoursLabel: SHIFT_PATTERNS[n.pattern].label,
      hourlyRateCents: BASE_RATE_CENTS[n.code] + CLIENT_RATE_BONUS[n.clientKey],
      description: n.description,
      status: n.status,
      createdById: staffId[n.status === "OPEN" ? "lea.fabre@demo.coop-emploi.fr" : DEMO_STAFF_EMAIL],
      closedAt: n.status === "CLOSED" ? notAfterNow(addMinutes(createdAt, 60 * 5)) : null,
      createdAt,
    });
    for (const [w, response] of n.offers) {
      plan.missionOffers.push({
        id: rng.id(),
        needId: id,
        workerId: w.profileId,
        response,
        respondedAt: response === "PENDING" ? null : notAfterNow(addMinutes(createdAt, rng.int(20, 240))),
        createdAt: addMinutes(createdAt, 1),
      });
    }
  };
  const byName = (first: string) => others.find((w) => w.firstName === first)!;
  need({
    clientKey: "jean23",
    code: "312",
    start: addDays(today, 8),
    end: addDays(today, 12),
    pattern: "morning",
    description: "Remplacement d'une aide-soignante en congé, unité Les Lilas.",
    status: "OPEN",
    offers: [
      [byName("Amandine"), "PENDING"],
      [byName("Laetitia"), "DECLINED"],
      [byName("Kévin"), "PENDING"],
      [byName("Sylvie"), "PENDING"],
    ],
  });
  need({
    clientKey: "closfleuri",
    code: "525",
    start: addDays(today, 9),
    end: addDays(today, 10),
    pattern: "afternoon",
    description: "Renfort logistique (lingerie et service des repas).",
    status: "OPEN",
    offers: [
      [demo, "PENDING"],
      [byName("Fatima"), "PENDING"],
      [byName("Mamadou"), "DECLINED"],
    ],
  });
  need({
    clientKey: "cedres",
    code: "520",
    start: addDays(today, 4),
    end: addDays(today, 6),
    pattern: "night",
    description: "Nuits en unité Alzheimer.",
    status: "CLOSED",
    offers: [
      [byName("Jessica"), "DECLINED"],
      [byName("Yanis"), "PENDING"],
    ],
  });
}
