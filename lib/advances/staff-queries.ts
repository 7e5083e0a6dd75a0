// Reads of the staff advances page and export, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { agencyScope, type AgencyStaff } from "@/lib/auth/scope";

/** The requests of a payment day (cancelled ones left out), and how many wait on other days. */
export async function staffAdvancesOfPayDay(staff: AgencyStaff, payDate: Date) {
  const requests = await db.advanceRequest.findMany({
    where: { ...agencyScope(staff), payDate, status: { not: "CANCELLED" } },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    include: {
      agency: true,
      worker: {
        select: {
          id: true,
          user: { select: { firstName: true, lastName: true } },
          agencies: { select: { agencyId: true, workerNumber: true, agency: { select: { code: true } } } },
        },
      },
    },
  });
  const otherPending = await db.advanceRequest.groupBy({
    by: ["payDate"],
    where: { ...agencyScope(staff), status: "PENDING", NOT: { payDate } },
    _count: { _all: true },
    orderBy: { payDate: "asc" },
  });
  return { requests, otherPending };
}

/** The accepted advances of a payment day with the workers' bank details, for the transfer file. */
export function acceptedAdvancesForTransfer(staff: AgencyStaff, payDate: Date) {
  return db.advanceRequest.findMany({
    where: { ...agencyScope(staff), payDate, status: "ACCEPTED" },
    orderBy: { createdAt: "asc" },
    include: {
      agency: { select: { code: true } },
      worker: {
        select: {
          ibanEncrypted: true,
          bic: true,
          user: { select: { firstName: true, lastName: true } },
          agencies: { select: { agencyId: true, workerNumber: true } },
        },
      },
    },
  });
}

/** The export decrypted IBANs: audited. */
export function recordAdvancesExport(staff: { userId: string }, payDate: string, rows: { amountCents: number }[]) {
  return recordAudit(
    db,
    { type: "advance.exported", data: { payDate, count: rows.length, totalCents: rows.reduce((s, r) => s + r.amountCents, 0) } },
    { actorId: staff.userId },
  );
}
