// Reads of the staff targeting page, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import { agencyScope, clientOfAgencies, type AgencyStaff } from "@/lib/auth/scope";

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
