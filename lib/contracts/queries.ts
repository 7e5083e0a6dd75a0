import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { contractScope, documentScope, workerContracts, type DocumentCaller } from "@/lib/auth/scope";
import { STATE_FILTERS, WORKER_VISIBLE_STATES, type ContractListParams, type SortKey } from "./rules";

function orderBy(sort: SortKey, dir: "asc" | "desc"): Prisma.ContractOrderByWithRelationInput[] {
  const by: Record<SortKey, Prisma.ContractOrderByWithRelationInput> = {
    reference: { reference: dir },
    qualification: { qualification: { label: dir } },
    debut: { startDate: dir },
    detail: { detail: { sort: dir, nulls: "last" } },
    horaires: { hoursLabel: dir },
    entreprise: { client: { name: dir } },
    creation: { createdAt: dir },
    etat: { state: dir },
  };
  return [by[sort], { createdAt: "desc" }, { id: "asc" }];
}

/** The filters of the list, as a Prisma where (today: the Paris calendar day as UTC midnight). */
export function workerContractsWhere(workerId: string, p: ContractListParams, today: Date): Prisma.ContractWhereInput {
  const and: Prisma.ContractWhereInput[] = [workerContracts(workerId), { state: { in: WORKER_VISIBLE_STATES } }];
  if (p.current) and.push({ startDate: { lte: today }, endDate: { gte: today } });
  if (p.date) {
    const d = new Date(`${p.date}T00:00:00Z`);
    and.push({ startDate: { lte: d }, endDate: { gte: d } });
  }
  if (p.state) and.push({ state: { in: STATE_FILTERS[p.state].states } });
  return { AND: and };
}

export const listSelect = {
  id: true,
  number: true,
  reference: true,
  startDate: true,
  endDate: true,
  detail: true,
  hoursLabel: true,
  state: true,
  createdAt: true,
  issuedSha256: true,
  signedDocumentId: true,
  qualification: { select: { code: true, label: true } },
  client: { select: { name: true, phone: true } },
  site: { select: { name: true, address: true, city: true, postalCode: true, accessMeans: true, phone: true } },
} satisfies Prisma.ContractSelect;

export type ContractListRow = Prisma.ContractGetPayload<{ select: typeof listSelect }>;

/** One page of the worker's contracts, sorted and filtered by the database. */
export async function listWorkerContracts(workerId: string, p: ContractListParams, today: Date) {
  const where = workerContractsWhere(workerId, p, today);
  const total = await db.contract.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / p.perPage));
  const page = Math.min(p.page, pageCount);
  const rows = await db.contract.findMany({
    where,
    orderBy: orderBy(p.sort, p.dir),
    skip: (page - 1) * p.perPage,
    take: p.perPage,
    select: listSelect,
  });
  return { rows, total, page, pageCount };
}

/** Count of contracts to sign, shared by the dashboard and the list filter "En attente de signature". */
export function countContractsToSign(workerId: string): Promise<number> {
  return db.contract.count({ where: { AND: [workerContracts(workerId), { state: { in: STATE_FILTERS["a-signer"].states } }] } });
}

export type ContractPdfCaller = DocumentCaller;

export type ContractPdfLookup =
  | { found: "document"; document: { id: string; storageKey: string; fileName: string; sizeBytes: number } }
  | { found: "no-contract" }
  | { found: "no-document"; contractId: string };

/**
 * The stored PDF of a contract for its download: the worker's own contract
 * (past DRAFT), or one of the staff's agencies; the issued version, or the
 * signed one with `signed`. The document is scoped by the caller too, so a
 * contract pointing at a file of another agency serves nothing. Reads only:
 * an issued contract without its stored document is "no-document", never
 * rendered here.
 */
export async function findContractPdf(caller: ContractPdfCaller, contractId: string, signed: boolean): Promise<ContractPdfLookup> {
  const where: Prisma.ContractWhereInput =
    caller.role === "WORKER" ? { id: contractId, ...workerContracts(caller.workerId) } : { id: contractId, ...contractScope(caller) };
  const c = await db.contract.findFirst({
    where,
    select: { id: true, state: true, issuedAt: true, signedDocumentId: true, issuedDocumentId: true },
  });
  if (!c) return { found: "no-contract" };
  if (signed && !c.signedDocumentId) return { found: "no-contract" };
  const documentId = signed ? c.signedDocumentId : c.issuedDocumentId;
  if (!documentId) {
    // A draft (or a draft cancelled) never had a document; an issued contract must have one.
    const wasIssued = c.state !== "DRAFT" && (c.state !== "CANCELLED" || c.issuedAt !== null);
    return wasIssued ? { found: "no-document", contractId: c.id } : { found: "no-contract" };
  }
  const document = await db.document.findFirst({
    where: { AND: [{ id: documentId }, documentScope(caller)] },
    select: { id: true, storageKey: true, fileName: true, sizeBytes: true },
  });
  return document ? { found: "document", document } : { found: "no-contract" };
}
