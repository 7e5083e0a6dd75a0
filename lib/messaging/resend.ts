// Staff send a failed message again: it goes back to the delivery queue, for
// a message of one of their agencies only, with its audit entry.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { StaffUser } from "@/lib/auth/session";
import { requeueFailed, wakeOutboxWorker } from "./worker";

export async function resendFailedMessage(staff: StaffUser, id: string): Promise<boolean> {
  const requeued = await db.$transaction(async (tx) => {
    const row = await tx.outboxMessage.findUnique({ where: { id }, select: { agencyId: true } });
    if (!row?.agencyId || !staff.agencyIds.includes(row.agencyId)) return false;
    if (!(await requeueFailed(id, staff.agencyIds, tx))) return false;
    await recordAudit(
      tx,
      { type: "outbox.resend", data: {} },
      { actorId: staff.id, agencyId: row.agencyId, entityType: "OutboxMessage", entityId: id },
    );
    return true;
  });
  if (requeued) wakeOutboxWorker();
  return requeued;
}
