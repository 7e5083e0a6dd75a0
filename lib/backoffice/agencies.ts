// The agencies a page shows: the staff member's own, or the public list for sign-up.
import "server-only";
import { db } from "@/lib/db";
import { agencyScope, ownAgencies, type AgencyStaff } from "@/lib/auth/scope";

/** The staff member's agencies, by code. */
export function staffAgencies(staff: AgencyStaff) {
  return db.agency.findMany({ where: ownAgencies(staff), select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
}

/** The staff member's agencies with their rules (pay day, advance ratio), by code. */
export function staffAgenciesWithRules(staff: AgencyStaff) {
  return db.agency.findMany({ where: ownAgencies(staff), orderBy: { code: "asc" } });
}

/** Every agency, for the sign-up form (public: names and cities only). */
export function signupAgencies() {
  return db.agency.findMany({ select: { id: true, name: true, code: true, city: true }, orderBy: { name: "asc" } });
}

/** The dashboard blocks of one of the staff member's agencies, in their order. */
export function dashboardBlocksOfAgency(staff: AgencyStaff, agencyId: string) {
  return db.dashboardBlock.findMany({
    where: { AND: [{ agencyId }, agencyScope(staff)] },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
}
