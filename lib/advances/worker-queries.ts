// Reads of the worker's advances page: their own requests only.
import "server-only";
import { db } from "@/lib/db";

type Worker = { workerId: string };

/** One page of the worker's requests, the latest first (the asked page is brought within range). */
export async function workerAdvancePage(worker: Worker, askedPage: number, pageSize: number) {
  const where = { workerId: worker.workerId };
  const total = await db.advanceRequest.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(pageCount, Math.max(1, askedPage));
  const requests = await db.advanceRequest.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
  });
  return { total, pageCount, current, requests };
}

/** Whether the worker has a request open on one of these (agency, payment day) keys. */
export async function hasOpenAdvance(worker: Worker, openKeys: string[]): Promise<boolean> {
  return (await db.advanceRequest.count({ where: { workerId: worker.workerId, openKey: { in: openKeys } } })) > 0;
}
