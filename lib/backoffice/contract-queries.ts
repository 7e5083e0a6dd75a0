// Reads of the staff contract pages, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContractState } from "@/lib/generated/prisma/enums";
import { agencyScope, clientOfAgencies, contractScope, membershipOfAgencies, workerOfAgencies } from "@/lib/auth/scope";
import { searchWords } from "./search";
import type { StaffUser } from "@/lib/auth/session";
import { COUNT_CAP, keysetOrder, keysetPage, keysetWhere, type PageRequest } from "@/lib/paging/keyset";

type Staff = Pick<StaffUser, "role" | "agencyIds">;

export type StaffContractFilter = { state?: ContractState; clientId?: string; from: Date | null; to: Date | null; workerQuery: string };

/**
 * One page of the staff member's contracts matching the filter (newest first,
 * keyset paging on the Contract(createdAt, id) index), their count capped at
 * COUNT_CAP + 1, and the clients to filter by.
 */
export async function staffContractPage(staff: Staff, filter: StaffContractFilter, request: PageRequest, pageSize: number) {
  const { state, from, to, workerQuery } = filter;
  const where: Prisma.ContractWhereInput = {
    ...contractScope(staff),
    ...(state ? { state } : {}),
    ...(filter.clientId ? { clientId: filter.clientId } : {}),
    ...(from ? { endDate: { gte: from } } : {}),
    ...(to ? { startDate: { lte: to } } : {}),
    ...(workerQuery
      ? {
          worker: {
            OR: [
              { user: { lastName: { contains: workerQuery, mode: "insensitive" } } },
              { user: { firstName: { contains: workerQuery, mode: "insensitive" } } },
              { agencies: { some: { workerNumber: workerQuery, ...membershipOfAgencies(staff) } } },
            ],
          },
        }
      : {}),
  };
  const [count, rows, clients] = await Promise.all([
    // Prisma's capped count orders its LIMIT subquery by id, which walks the primary key
    // filtering agencies (34 ms at scale); ordered by agency it reads the (agencyId, state) index (4 ms).
    db.contract.count({ where, take: COUNT_CAP + 1, orderBy: { agencyId: "asc" } }),
    db.contract.findMany({
      where: { AND: [where, keysetWhere(request)] },
      orderBy: keysetOrder(request),
      take: pageSize + 1,
      include: {
        worker: { select: { user: { select: { firstName: true, lastName: true } } } },
        client: { select: { name: true } },
        qualification: true,
      },
    }),
    db.client.findMany({ where: agencyScope(staff), select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const { items: contracts, newer, older } = keysetPage(rows, pageSize, request);
  return { count, contracts, clients, newer, older };
}

/** How many suggestions a picker of the new-contract form shows at most. */
export const SUGGESTION_LIMIT = 20;

const pickerWorkerSelect = (staff: Staff) =>
  ({
    id: true,
    user: { select: { firstName: true, lastName: true } },
    agencies: { where: membershipOfAgencies(staff), select: { workerNumber: true, agency: { select: { code: true } } } },
    // Held through a validated diploma (lib/contracts/rules.ts holdsQualification): the form offers these first.
    qualifications: { where: { diploma: { status: "APPROVED" } }, select: { qualificationId: true } },
  }) satisfies Prisma.WorkerProfileSelect;

type PickerWorker = Prisma.WorkerProfileGetPayload<{ select: ReturnType<typeof pickerWorkerSelect> }>;

/** A worker as the picker shows it: "DUPONT Élise – MEDIMP : 3985", with the qualifications held. */
export type WorkerChoice = { value: string; label: string; held: string[] };

const workerChoice = (w: PickerWorker): WorkerChoice => ({
  value: w.id,
  label: `${w.user.lastName.toUpperCase()} ${w.user.firstName} – ${w.agencies.map((a) => `${a.agency.code} : ${a.workerNumber}`).join(", ")}`,
  held: w.qualifications.map((q) => q.qualificationId),
});

/**
 * The active workers of the staff's agencies whose name or agency number
 * (as displayed, "MEDIMP 3985") holds every word of the query, whatever its
 * accents and case (WorkerProfile.searchText, folded by the database), the
 * first SUGGESTION_LIMIT by name.
 */
export async function workerSuggestions(staff: Staff, query: string): Promise<WorkerChoice[]> {
  const words = searchWords(query);
  if (!words.length) return [];
  const workers = await db.workerProfile.findMany({
    where: { AND: [workerOfAgencies(staff), { user: { active: true } }, ...words.map((w) => ({ searchText: { contains: w } }))] },
    select: pickerWorkerSelect(staff),
    orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }, { id: "asc" }],
    take: SUGGESTION_LIMIT,
  });
  return workers.map(workerChoice);
}

/** One active worker of the staff's agencies as the picker shows it (the form's default), or null. */
export async function workerChoiceById(staff: Staff, id: string): Promise<WorkerChoice | null> {
  const worker = await db.workerProfile.findFirst({
    where: { id, ...workerOfAgencies(staff), user: { active: true } },
    select: pickerWorkerSelect(staff),
  });
  return worker ? workerChoice(worker) : null;
}

const pickerSiteSelect = {
  id: true,
  name: true,
  city: true,
  client: { select: { name: true, agency: { select: { code: true } } } },
} satisfies Prisma.ClientSiteSelect;

/** A client site as the picker shows it: "Les Lilas (Lyon) – Clinique X – MEDIMP". */
export type SiteChoice = { value: string; label: string };

const siteChoice = (s: Prisma.ClientSiteGetPayload<{ select: typeof pickerSiteSelect }>): SiteChoice => ({
  value: s.id,
  label: `${s.name} (${s.city}) – ${s.client.name} – ${s.client.agency.code}`,
});

/** The sites of the staff's agencies' clients whose name, city or client name holds every word of the query, the first SUGGESTION_LIMIT. */
export async function siteSuggestions(staff: Staff, query: string): Promise<SiteChoice[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  if (!words.length) return [];
  const sites = await db.clientSite.findMany({
    where: {
      AND: [
        clientOfAgencies(staff),
        ...words.map((w) => ({
          OR: [
            { name: { contains: w, mode: "insensitive" as const } },
            { city: { contains: w, mode: "insensitive" as const } },
            { client: { name: { contains: w, mode: "insensitive" as const } } },
          ],
        })),
      ],
    },
    select: pickerSiteSelect,
    orderBy: [{ client: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
    take: SUGGESTION_LIMIT,
  });
  return sites.map(siteChoice);
}

/** One site of the staff's agencies' clients as the picker shows it, or null. */
export async function siteChoiceById(staff: Staff, id: string): Promise<SiteChoice | null> {
  const site = await db.clientSite.findFirst({ where: { id, ...clientOfAgencies(staff) }, select: pickerSiteSelect });
  return site ? siteChoice(site) : null;
}

/**
 * What the new-contract form starts from: the qualifications, and the worker
 * and site asked for in the address when they are the staff's (the pickers
 * search the rest on demand, never the whole tables).
 */
export async function newContractChoices(staff: Staff, defaults: { workerId?: string; siteId?: string }) {
  const [qualifications, worker, site] = await Promise.all([
    db.qualification.findMany({ orderBy: { code: "asc" } }),
    defaults.workerId ? workerChoiceById(staff, defaults.workerId) : null,
    defaults.siteId ? siteChoiceById(staff, defaults.siteId) : null,
  ]);
  return { qualifications, worker, site };
}

/** The qualifications a contract may name (a shared list, not anyone's data). */
export function allQualifications() {
  return db.qualification.findMany({ orderBy: { code: "asc" } });
}

/** The days and parts a worker of the staff's agencies marked unavailable between two calendar days (inclusive). */
export function workerUnavailability(staff: Staff, workerId: string, from: Date, to: Date) {
  return db.availability.findMany({
    where: { workerId, available: false, date: { gte: from, lte: to }, worker: workerOfAgencies(staff) },
    select: { date: true, part: true },
    orderBy: [{ date: "asc" }, { part: "asc" }],
  });
}
