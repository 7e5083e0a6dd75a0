// Reads of the documents area, always scoped to the caller in the query.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery, WorkerDocumentKind } from "./rules";

export type WorkerDocumentRow = {
  id: string;
  number: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  sizeBytes: number;
  createdAt: Date;
};

function orderOf(q: ListQuery): Prisma.DocumentOrderByWithRelationInput[] {
  const dir = q.dir;
  const column: Prisma.DocumentOrderByWithRelationInput =
    q.sort === "numero"
      ? { number: { sort: dir, nulls: "last" } }
      : q.sort === "emission"
        ? { periodStart: { sort: dir, nulls: "last" } }
        : { createdAt: dir };
  return [column, { createdAt: dir }, { id: dir }];
}

/** One page of a worker's documents of one kind, with the total count. */
export async function listWorkerDocuments(workerId: string, kind: WorkerDocumentKind, q: ListQuery) {
  const where: Prisma.DocumentWhereInput = { workerId, kind };
  const total = await db.document.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / q.perPage));
  const page = Math.min(q.page, pageCount);
  const rows: WorkerDocumentRow[] = await db.document.findMany({
    where,
    orderBy: orderOf(q),
    skip: (page - 1) * q.perPage,
    take: q.perPage,
    select: { id: true, number: true, periodStart: true, periodEnd: true, sizeBytes: true, createdAt: true },
  });
  return { total, page, pageCount, rows };
}

/** The agencies of a worker with the settings the documents pages print. */
export async function workerAgencySettings(workerId: string) {
  return db.agency.findMany({
    where: { workerNumbers: { some: { workerId } } },
    select: { id: true, name: true, payrollEmail: true, frontDeskEmail: true, email: true, payslipDayFrom: true, payslipDayTo: true },
    orderBy: { code: "asc" },
  });
}
