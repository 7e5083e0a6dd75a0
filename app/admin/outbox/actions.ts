"use server";
// "Renvoyer": a failed message goes back to the delivery queue. Staff only,
// for a message of one of their agencies; audited.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requireStaff } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { requeueFailed, wakeOutboxWorker } from "@/lib/messaging/worker";

export async function resendMessage(formData: FormData): Promise<void> {
  const staff = await requireStaff();
  const id = String(formData.get("id") ?? "");
  if (!id) return;
  const requeued = await db.$transaction(async (tx) => {
    const row = await tx.outboxMessage.findUnique({ where: { id }, select: { agencyId: true } });
    if (!row?.agencyId || !staff.agencyIds.includes(row.agencyId)) return false;
    if (!(await requeueFailed(id, staff.agencyIds, tx))) return false;
    await recordAudit(tx, { type: "outbox.resend", data: {} }, { actorId: staff.id, agencyId: row.agencyId, entityType: "OutboxMessage", entityId: id });
    return true;
  });
  if (requeued) wakeOutboxWorker();
  revalidatePath("/admin/outbox");
}
