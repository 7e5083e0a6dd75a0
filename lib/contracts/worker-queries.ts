// Reads of the worker's contract page: their own contracts only, the ones a worker sees.
import "server-only";
import { db } from "@/lib/db";
import { contractScope } from "@/lib/auth/scope";
import { WORKER_VISIBLE_STATES } from "./rules";

type Worker = { role: "WORKER"; workerId: string };

/** One of the worker's visible contracts with what its page shows, or null. */
export function workerContract(worker: Worker, contractId: string) {
  return db.contract.findFirst({
    where: { AND: [{ id: contractId }, contractScope(worker), { state: { in: WORKER_VISIBLE_STATES } }] },
    include: { qualification: true, client: true, site: true, agency: true, worker: { select: { phone: true } } },
  });
}

/** The last signing code sent to this user for this contract, if any. */
export function latestSignatureCode(user: { id: string }, contractId: string) {
  return db.signatureCode.findFirst({ where: { contractId, userId: user.id }, orderBy: { createdAt: "desc" } });
}
