// "SMIC et minima": the SMIC table (shared by every agency), and for one of
// the staff member's agencies its minimum rate per qualification and its
// agreement on 12 h days.
import "server-only";
import { db } from "@/lib/db";
import { ownAgencies, type AgencyStaff } from "@/lib/auth/scope";

/** Every SMIC value, latest first, with who added it (null: the migration's official values). */
export function smicTable() {
  return db.smicRate.findMany({ orderBy: { effectiveFrom: "desc" } });
}

/** One of the staff member's agencies with its working-time agreement and its minimum rates; null when not theirs. */
export async function agencyRemuneration(staff: AgencyStaff, agencyId: string) {
  const agency = await db.agency.findFirst({
    where: { AND: [{ id: agencyId }, ownAgencies(staff)] },
    select: {
      id: true,
      code: true,
      name: true,
      longDayAgreement: true,
      minimumRates: { include: { qualification: { select: { code: true, label: true } } }, orderBy: { qualification: { code: "asc" } } },
    },
  });
  return agency;
}

/** The qualifications a minimum can be set for. */
export function qualificationsForMinimum() {
  return db.qualification.findMany({ select: { id: true, code: true, label: true }, orderBy: { code: "asc" } });
}

/** Names of the staff who added SMIC values. */
export async function smicAuthors(ids: string[]) {
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } });
  return new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
}
