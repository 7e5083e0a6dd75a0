// Reads for the back office, always filtered by the staff member's agencies in
// the query itself: an id from another agency finds nothing, and the page 404s.
import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { agencyScope, contractScope, membershipOfAgencies, workerOfAgencies } from "@/lib/auth/scope";
import type { StaffUser } from "@/lib/auth/session";

/** The worker profile if it belongs to one of the staff member's agencies, else 404. */
export async function scopedWorkerOr404(staff: StaffUser, workerId: string) {
  const worker = await db.workerProfile.findFirst({
    where: { id: workerId, ...workerOfAgencies(staff) },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          firstName: true,
          lastName: true,
          active: true,
          lastLoginAt: true,
          createdAt: true,
          passwordHash: true,
        },
      },
      agencies: { where: membershipOfAgencies(staff), include: { agency: { select: { code: true, name: true } } } },
      qualifications: { include: { qualification: true } },
    },
  });
  if (!worker) notFound();
  return worker;
}

export async function scopedContractOr404(staff: StaffUser, contractId: string) {
  const contract = await db.contract.findFirst({
    where: { id: contractId, ...contractScope(staff) },
    include: {
      worker: { include: { user: { select: { id: true, firstName: true, lastName: true, email: true } } } },
      client: true,
      site: true,
      qualification: true,
      agency: { select: { code: true } },
      shifts: { orderBy: { startsAt: "asc" } },
    },
  });
  if (!contract) notFound();
  return contract;
}

export async function scopedClientOr404(staff: StaffUser, clientId: string) {
  const client = await db.client.findFirst({
    where: { id: clientId, ...agencyScope(staff) },
    include: {
      agency: { select: { code: true, name: true } },
      sites: { orderBy: { name: "asc" } },
      members: { include: { user: { select: { firstName: true, lastName: true, email: true, active: true } } } },
    },
  });
  if (!client) notFound();
  return client;
}

/** "Mme Amandine COUDERC" style display name. */
export function personName(u: { firstName: string; lastName: string }): string {
  return `${u.firstName} ${u.lastName.toUpperCase()}`;
}

export function qualificationLabel(q: { code: string; label: string }): string {
  return `${q.label} (${q.code})`;
}
