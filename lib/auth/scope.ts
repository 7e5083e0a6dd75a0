// The scope of a caller, as Prisma where-fragments. Every read of someone's
// data puts one of these in its query, so that a forgotten check finds nothing
// rather than another agency's rows. The only place the agency filter is
// written by hand.
import { Prisma } from "@/lib/generated/prisma/client";

/** What scopes a staff member: the agencies they belong to. */
export type AgencyStaff = { agencyIds: readonly string[] };

/** Who reads a document: a worker their own, staff those of their agencies. */
export type DocumentCaller = { role: "WORKER"; workerId: string } | ({ role: "STAFF" } & AgencyStaff);

/** Who reads a contract: its worker, staff of its agency, or its client company. */
export type ContractCaller =
  { role: "WORKER"; workerId: string } | ({ role: "STAFF" } & AgencyStaff) | { role: "CLIENT"; clientIds: readonly string[] };

/** `{ in: agencyIds }`: for an agency id field under another name or nested. */
export function agencyIdIn(staff: AgencyStaff): { in: string[] } {
  return { in: [...staff.agencyIds] };
}

/** Rows that carry their own `agencyId` (contracts, clients, advances, needs, blocks, messages...). */
export function agencyScope(staff: AgencyStaff): { agencyId: { in: string[] } } {
  return { agencyId: agencyIdIn(staff) };
}

/** The staff member's agencies themselves. */
export function ownAgencies(staff: AgencyStaff): Prisma.AgencyWhereInput {
  return { id: agencyIdIn(staff) };
}

/** Workers registered in at least one of the staff member's agencies. */
export function workerOfAgencies(staff: AgencyStaff): Prisma.WorkerProfileWhereInput {
  return { agencies: { some: { agencyId: agencyIdIn(staff) } } };
}

/**
 * workerOfAgencies for raw SQL: the worker whose id is in `workerId` (a column
 * of the outer query, e.g. Prisma.raw(`pc."workerId"`)) is registered in one of
 * the staff member's agencies. Probes WorkerAgency(workerId, agencyId) directly,
 * without the join on WorkerProfile that Prisma's relation filter adds.
 */
export function workerOfAgenciesSql(staff: AgencyStaff, workerId: Prisma.Sql): Prisma.Sql {
  if (!staff.agencyIds.length) return Prisma.sql`FALSE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "WorkerAgency" wa WHERE wa."workerId" = ${workerId} AND wa."agencyId" IN (${Prisma.join([...staff.agencyIds])}))`;
}

/** A worker's registrations restricted to the staff member's agencies (never another agency's number). */
export function membershipOfAgencies(staff: AgencyStaff): Prisma.WorkerAgencyWhereInput {
  return { agencyId: agencyIdIn(staff) };
}

/** Rows of a contract of the staff member's agencies (shifts, timesheets). */
export function contractOfAgencies(staff: AgencyStaff): { contract: { agencyId: { in: string[] } } } {
  return { contract: agencyScope(staff) };
}

/** Sites and members of a client of the staff member's agencies. */
export function clientOfAgencies(staff: AgencyStaff): { client: { agencyId: { in: string[] } } } {
  return { client: agencyScope(staff) };
}

/** Staff users of at least one of the staff member's agencies. */
export function staffOfAgencies(staff: AgencyStaff): Prisma.UserWhereInput {
  return { staffMemberships: { some: { agencyId: agencyIdIn(staff) } } };
}

/**
 * The documents staff of these agencies may read. A document issued by an
 * agency (payslip, contract, certificate) is scoped by its own agency: a
 * worker registered in two agencies must not let staff of one read what the
 * other issued. A worker's own document (diploma, ID, RIB: no agency) is
 * readable by staff of any agency the worker belongs to.
 */
export function staffDocumentScope(staff: AgencyStaff): Prisma.DocumentWhereInput {
  return { OR: [agencyScope(staff), { agencyId: null, worker: workerOfAgencies(staff) }] };
}

/** The documents a caller may read, as a WHERE clause. */
export function documentScope(caller: DocumentCaller): Prisma.DocumentWhereInput {
  return caller.role === "WORKER" ? { workerId: caller.workerId } : staffDocumentScope(caller);
}

/**
 * The contracts a worker sees: their own, once issued to them. A draft stays
 * with the agency in every state, a never-issued draft that was cancelled
 * included (the pure rule is `isVisibleToWorker` of lib/contracts/rules.ts).
 */
export function workerContracts(workerId: string): Prisma.ContractWhereInput {
  return { workerId, state: { not: "DRAFT" }, issuedAt: { not: null } };
}

/** The worker's contracts in force: issued and not cancelled (planning, calendar feed, next shift). */
export function workerLiveContracts(workerId: string): Prisma.ContractWhereInput {
  return { ...workerContracts(workerId), state: { notIn: ["DRAFT", "CANCELLED"] } };
}

/** The contracts a caller may read, as a WHERE clause. */
export function contractScope(caller: ContractCaller): Prisma.ContractWhereInput {
  if (caller.role === "WORKER") return workerContracts(caller.workerId);
  if (caller.role === "CLIENT") return { clientId: { in: [...caller.clientIds] } };
  return agencyScope(caller);
}

/**
 * The audit entries staff may read: those of their agencies, on the entry's
 * own agencyId (the writer, lib/audit.ts, sets it from the entity, the
 * subject worker or the actor), so that the audit page reads one index
 * (AuditLog(agencyId, createdAt, id)). An entry with no agency (a failed
 * sign-in with an unknown address, a nightly demo reset) is read by no staff
 * member: it belongs to no agency and there is no network-wide role.
 */
export function auditScope(staff: AgencyStaff): Prisma.AuditLogWhereInput {
  return agencyScope(staff);
}
