// The worker's home page reads.
import "server-only";
import { db } from "@/lib/db";
import { workerLiveContracts } from "@/lib/auth/scope";
import { countContractsToSign } from "@/lib/contracts/queries";

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
    db.shift.findFirst({
      where: {
        kind: "WORK",
        startsAt: { gte: now },
        contract: workerLiveContracts(workerId),
      },
      orderBy: { startsAt: "asc" },
      select: {
        startsAt: true,
        endsAt: true,
        breakMinutes: true,
        contract: { select: { client: { select: { name: true } } } },
      },
    }),
    db.profileChange.count({ where: { workerId, status: "PENDING" } }),
    db.dashboardBlock.findMany({
      where: { published: true, agency: { workerNumbers: { some: { workerId } } } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, body: true },
    }),
  ]);
  return { now, toSign, pendingAdvance, nextShift, pendingChanges, blocks };
}
