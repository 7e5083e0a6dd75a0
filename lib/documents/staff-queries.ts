// Reads of the staff documents page, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import { agencyScope, membershipOfAgencies, ownAgencies, workerOfAgencies, type AgencyStaff } from "@/lib/auth/scope";

/** The agencies to publish for, the open document requests of their workers, the latest documents they published. */
export async function staffDocumentsDesk(staff: AgencyStaff) {
  const [agencies, requests, recent] = await Promise.all([
    db.agency.findMany({ where: ownAgencies(staff), select: { id: true, name: true }, orderBy: { code: "asc" } }),
    db.documentRequest.findMany({
      where: { status: "OPEN", worker: workerOfAgencies(staff) },
      orderBy: { createdAt: "asc" },
      take: 50,
      select: {
        id: true,
        kind: true,
        message: true,
        createdAt: true,
        worker: {
          select: {
            user: { select: { firstName: true, lastName: true } },
            agencies: { where: membershipOfAgencies(staff), select: { workerNumber: true } },
          },
        },
      },
    }),
    db.document.findMany({
      where: { ...agencyScope(staff), kind: { in: ["PAYSLIP", "ASSEDIC_CERTIFICATE", "WORK_CERTIFICATE"] } },
      orderBy: { createdAt: "desc" },
      take: 15,
      select: {
        id: true,
        kind: true,
        number: true,
        createdAt: true,
        worker: { select: { user: { select: { firstName: true, lastName: true } } } },
        uploadedBy: { select: { firstName: true, lastName: true } },
      },
    }),
  ]);
  return { agencies, requests, recent };
}
