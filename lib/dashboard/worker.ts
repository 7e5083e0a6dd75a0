// The worker's home page reads.
import "server-only";
import { db } from "@/lib/db";
import { workerLiveContracts } from "@/lib/auth/scope";
import { countContractsToSign } from "@/lib/contracts/queries";

/**
 * The worker's next work shift. Read from the worker's contracts still running
 * (their end day not past) on the Shift(contractId, startsAt) index: ordered by
 * time over the whole Shift table, the planner walked every worker's future
 * shifts to find this one's (169 ms at the scale of issue 16).
 */
async function nextWorkShift(workerId: string, now: Date) {
  // A shift starting after now is on a day no earlier than yesterday in UTC (Paris is ahead).
  const yesterday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  const running = await db.contract.findMany({
    where: { ...workerLiveContracts(workerId), endDate: { gte: yesterday } },
    select: { id: true },
  });
  if (!running.length) return null;
  return db.shift.findFirst({
    where: { kind: "WORK", startsAt: { gte: now }, contractId: { in: running.map((c) => c.id) } },
    orderBy: { startsAt: "asc" },
    select: {
      startsAt: true,
      endsAt: true,
      breakMinutes: true,
      contract: { select: { client: { select: { name: true } } } },
    },
  });
}

/** What the worker's home page shows: their own rows, and the published blocks of their agencies. */
export async function workerDashboard(worker: { workerId: string }) {
  const { workerId } = worker;
  const now = new Date();
  const [toSign, pendingAdvance, nextShift, pendingChanges, blocks] = await Promise.all([
    countContractsToSign(workerId),
    db.advanceRequest.findFirst({
      where: { workerId, status: "PENDING" },
      orderBy: [{ payDate: "asc" }, { createdAt: "asc" }],
      select: { amountCents: true, payDate: true },
    }),
    nextWorkShift(workerId, now),
    db.profileChange.count({ where: { workerId, status: "PENDING" } }),
    db.dashboardBlock.findMany({
      where: { published: true, agency: { workerNumbers: { some: { workerId } } } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, body: true },
    }),
  ]);
  return { now, toSign, pendingAdvance, nextShift, pendingChanges, blocks };
}
