// Staff cancel a contract that has no validated hours: pending signing codes
// stop working. The worker sees it as "Annulé" only if it was issued to them:
// a draft never sent stays with the agency (lib/auth/scope.ts workerContracts),
// and cancelling it tells the worker nothing.
import "server-only";
import { db } from "@/lib/db";
import { agencyScope } from "@/lib/auth/scope";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { canCancel } from "./rules";
import { run, STALE, ServiceError } from "./service";
import type { Result } from "@/lib/result";

export async function cancelContract(staff: StaffUser, contractId: string, version: number, reason: string): Promise<Result> {
  return run(async () => {
    await db.$transaction(async (tx) => {
      const contract = await tx.contract.findFirst({
        where: { id: contractId, ...agencyScope(staff) },
        include: { worker: { select: { userId: true } } },
      });
      if (!contract) throw new ServiceError("Contrat introuvable.");
      if (contract.version !== version) throw new ServiceError(STALE);
      if (!canCancel(contract.state)) throw new ServiceError("Ce contrat est déjà annulé.");
      const validated = await tx.shift.count({ where: { contractId, validated: true } });
      if (validated > 0) throw new ServiceError("Des heures ont déjà été validées sur ce contrat : il ne peut plus être annulé.");
      const { count } = await tx.contract.updateMany({
        where: { id: contract.id, version: contract.version },
        data: { state: "CANCELLED", cancelledAt: new Date(), version: { increment: 1 } },
      });
      if (count !== 1) throw new ServiceError(STALE);
      await tx.signatureCode.updateMany({ where: { contractId, usedAt: null, invalidatedAt: null }, data: { invalidatedAt: new Date() } });
      await recordAudit(
        tx,
        { type: "contract.cancelled", data: { number: contract.number, previousState: contract.state, reason } },
        {
          actorId: staff.id,
          subjectUserId: contract.worker.userId,
          agencyId: contract.agencyId,
          entityType: "Contract",
          entityId: contract.id,
        },
      );
    });
    return undefined;
  });
}
