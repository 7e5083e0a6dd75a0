// Reads of the staff targeting page, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import { agencyScope, clientOfAgencies, type AgencyStaff } from "@/lib/auth/scope";
import { formatDate } from "@/lib/format";
import { unavailabilityWarning } from "@/lib/missions/rules";
import { shiftsForNeed } from "./rules";

/** The agencies' latest mission needs with their offers, the sites a need may name, the qualifications. */
export async function staffTargetingDesk(staff: AgencyStaff) {
  const [needs, sites, qualifications] = await Promise.all([
    db.missionNeed.findMany({
      where: agencyScope(staff),
      include: {
        site: { select: { name: true, city: true, client: { select: { name: true } } } },
        qualification: { select: { code: true, label: true } },
        offers: { select: { response: true, contractId: true } },
      },
      orderBy: [{ status: "asc" }, { startDate: "asc" }],
      take: 100,
    }),
    db.clientSite.findMany({
      where: clientOfAgencies(staff),
      select: { id: true, name: true, city: true, client: { select: { name: true } } },
      orderBy: [{ client: { name: "asc" } }, { name: "asc" }],
    }),
    db.qualification.findMany({ select: { id: true, code: true, label: true }, orderBy: { label: "asc" } }),
  ]);
  return { needs, sites, qualifications };
}

/** The worker's own mission offers, the latest first. */
export function workerOffers(worker: { workerId: string }) {
  return db.missionOffer.findMany({
    where: { workerId: worker.workerId },
    include: {
      // The retained worker learns it from the contract sent to them, never from a draft.
      contract: { select: { state: true, issuedAt: true } },
      need: {
        select: {
          status: true,
          startDate: true,
          endDate: true,
          hoursLabel: true,
          hourlyRateCents: true,
          description: true,
          qualification: { select: { code: true, label: true } },
          site: { select: { name: true, address: true, postalCode: true, city: true, client: { select: { name: true } } } },
        },
      },
    },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/**
 * For each offered worker who marked a day of the need's shifts unavailable,
 * the warning staff see next to "Retenir" (the worker may have said yes
 * before, or changed their availability since).
 */
export async function offerUnavailability(need: {
  startDate: Date;
  endDate: Date;
  hoursLabel: string;
  offers: { workerId: string }[];
}): Promise<Map<string, string>> {
  const marks = await db.availability.findMany({
    where: { workerId: { in: need.offers.map((o) => o.workerId) }, available: false, date: { gte: need.startDate, lte: need.endDate } },
    select: { workerId: true, date: true, part: true },
  });
  const planned = shiftsForNeed(need).map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, contractNumber: "" }));
  const out = new Map<string, string>();
  for (const workerId of new Set(marks.map((m) => m.workerId))) {
    const warning = unavailabilityWarning(
      marks.filter((m) => m.workerId === workerId),
      planned,
      formatDate,
    );
    if (warning) out.set(workerId, warning);
  }
  return out;
}
