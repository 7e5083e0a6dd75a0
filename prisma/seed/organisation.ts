// The agency network: agencies, their sectors ("pôles"), the qualifications
// and the staff accounts with their memberships.
import type { PdfEmployer } from "../../lib/pdf/payslip";
import type { Context } from "./context";
import { AGENCIES, FRONT_DESK_STAFF_EMAIL, PAYROLL_STAFF_EMAIL, QUALIFICATIONS, SECTORS, STAFF } from "./data";
import { addMinutes } from "./time";

export type Organisation = {
  agencyId: Record<string, string>;
  sectorId: Record<string, string>;
  qualificationId: Record<string, string>;
  staffId: Record<string, string>;
  /** The payroll clerk who publishes payslips and decides advances. */
  payrollId: string;
  frontDeskId: string;
  employerOf: (code: string) => PdfEmployer;
  /** "LABEL (code)", as documents print a qualification. */
  qualificationLabel: (code: string) => string;
  /** One of the agency's staff, at random. */
  recruiterOf: (agency: string) => string;
};

export function addOrganisation(ctx: Context): Organisation {
  const { plan, rng, passwordHash, longAgo } = ctx;
  const agencyId: Record<string, string> = {};
  for (const a of AGENCIES) {
    agencyId[a.code] = rng.id();
    const { siret: _siret, urssaf: _urssaf, ...row } = a;
    plan.agencies.push({ id: agencyId[a.code], ...row, createdAt: longAgo(1500, 1600) });
  }
  const employerOf = (code: string): PdfEmployer => {
    const a = AGENCIES.find((x) => x.code === code)!;
    return {
      name: a.name,
      address: a.address,
      postalCode: a.postalCode,
      city: a.city,
      siret: a.siret,
      naf: "7820Z",
      urssaf: a.urssaf,
      phone: a.phone,
      payrollEmail: a.payrollEmail,
    };
  };

  const sectorId: Record<string, string> = {};
  for (const s of SECTORS) {
    sectorId[`${s.agency}/${s.name}`] = rng.id();
    plan.sectors.push({ id: sectorId[`${s.agency}/${s.name}`], agencyId: agencyId[s.agency], name: s.name, position: s.position });
  }

  const qualificationId: Record<string, string> = {};
  const qualificationLabel = (code: string) => {
    const q = QUALIFICATIONS.find((x) => x.code === code)!;
    return `${q.label} (${q.code})`;
  };
  for (const q of QUALIFICATIONS) {
    qualificationId[q.code] = rng.id();
    plan.qualifications.push({ id: qualificationId[q.code], code: q.code, label: q.label });
  }

  const staffId: Record<string, string> = {};
  for (const s of STAFF) {
    const createdAt = longAgo(900, 1400);
    staffId[s.email] = rng.id();
    plan.users.push({
      id: staffId[s.email],
      email: s.email,
      passwordHash,
      role: "STAFF",
      firstName: s.firstName,
      lastName: s.lastName,
      emailVerifiedAt: addMinutes(createdAt, 12),
      createdAt,
    });
    for (const [agency, sector] of Object.entries(s.memberships)) {
      plan.staffMemberships.push({
        id: rng.id(),
        userId: staffId[s.email],
        agencyId: agencyId[agency],
        sectorId: sector ? sectorId[`${agency}/${sector}`] : null,
        jobTitle: s.jobTitle,
        phone: s.phone ?? null,
      });
    }
  }
  const payrollId = staffId[PAYROLL_STAFF_EMAIL];
  const frontDeskId = staffId[FRONT_DESK_STAFF_EMAIL];
  const recruiterOf = (agency: string): string => {
    const candidates = STAFF.filter((s) => s.memberships[agency]);
    return staffId[rng.pick(candidates).email];
  };
  return { agencyId, sectorId, qualificationId, staffId, payrollId, frontDeskId, employerOf, qualificationLabel, recruiterOf };
}
