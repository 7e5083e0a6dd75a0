"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/forms";
import { inviteSchema } from "@/lib/backoffice/schemas";
import { inviteWorker, sendInvitationEmail, setWorkerActive } from "@/lib/backoffice/workers";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { submissionKey } from "@/lib/submissions";

export const inviteWorkerAction = staffAction(inviteSchema, async (data, staff, formData): Promise<FormState> => {
  const result = await inviteWorker(staff, data, submissionKey(staff.id, formData));
  if (!result.ok) return result.field ? { error: result.error, fieldErrors: { [result.field]: result.error } } : { error: result.error };
  revalidatePath("/admin/interimaires");
  redirect(`/admin/interimaires/${result.value.workerId}?invite=1`);
});

const activeSchema = z.object({ workerId: z.string().min(1), active: z.enum(["0", "1"]) });

export const setActiveAction = staffAction(activeSchema, async (data, staff): Promise<FormState> => {
  const result = await setWorkerActive(staff, data.workerId, data.active === "1");
  if (!result.ok) return { error: result.error };
  revalidatePath(`/admin/interimaires/${data.workerId}`);
  return { ok: true, message: data.active === "1" ? "Compte réactivé." : "Compte désactivé : ses sessions ont été fermées." };
});

export const resendInvitationAction = staffAction(z.object({ workerId: z.string().min(1) }), async (data, staff): Promise<FormState> => {
  const worker = await db.workerProfile.findFirst({
    where: { id: data.workerId, agencies: { some: { agencyId: { in: staff.agencyIds } } } },
    select: { id: true, user: { select: { id: true, email: true, firstName: true, passwordHash: true, active: true } } },
  });
  if (!worker) return { error: "Intérimaire introuvable." };
  if (worker.user.passwordHash) return { error: "Ce compte est déjà activé." };
  if (!worker.user.active) return { error: "Ce compte est désactivé." };
  await sendInvitationEmail(worker.user, { event: { type: "worker.invitation_resent", data: {} }, context: { actorId: staff.id, subjectUserId: worker.user.id, entityType: "WorkerProfile", entityId: worker.id } });
  return { ok: true, message: "Invitation renvoyée." };
});
