"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { checkedDiplomaSchema, inviteSchema } from "@/lib/backoffice/schemas";
import { recordCheckedDiploma } from "@/lib/backoffice/record-diploma";
import { inviteWorker, resendInvitation, setWorkerActive } from "@/lib/backoffice/workers";
import { updateWorkerProfile } from "@/lib/backoffice/update-worker-profile";
import { staffProfileSchema } from "@/lib/profile/staff-edit";
import { submissionKey } from "@/lib/submissions";
import { fail, ok, type Result } from "@/lib/result";

export const inviteWorkerAction = staffAction(inviteSchema, async (data, staff, formData): Promise<Result> => {
  const result = await inviteWorker(staff, data, submissionKey(staff.id, formData));
  if (!result.ok) return fail(result.message, result.fieldErrors);
  revalidatePath("/admin/interimaires");
  redirect(`/admin/interimaires/${result.data.workerId}?invite=1`);
});

const activeSchema = z.object({ workerId: z.string().min(1), active: z.enum(["0", "1"]) });

export const setActiveAction = staffAction(activeSchema, async (data, staff): Promise<Result> => {
  const result = await setWorkerActive(staff, data.workerId, data.active === "1");
  if (!result.ok) return fail(result.message);
  revalidatePath(`/admin/interimaires/${data.workerId}`);
  return ok(data.active === "1" ? "Compte réactivé." : "Compte désactivé : ses sessions ont été fermées.");
});

export const resendInvitationAction = staffAction(z.object({ workerId: z.string().min(1) }), async (data, staff): Promise<Result> => {
  const result = await resendInvitation(staff, data.workerId);
  return result.ok ? ok("Invitation renvoyée.") : result;
});

export const recordDiplomaAction = staffAction(checkedDiplomaSchema, async (data, staff, formData): Promise<Result> => {
  const result = await recordCheckedDiploma(
    staff,
    { workerId: data.workerId, name: data.name, obtainedOn: data.obtainedOn, qualificationId: data.qualificationId },
    submissionKey(staff.id, formData),
  );
  if (!result.ok) return result;
  revalidatePath(`/admin/interimaires/${data.workerId}`);
  return ok("Diplôme enregistré : la qualification est accordée.");
});

export const updateWorkerProfileAction = staffAction(staffProfileSchema, async (data, staff, formData) => {
  const result = await updateWorkerProfile(staff, data.workerId, data, submissionKey(staff.id, formData));
  if (result.ok) {
    revalidatePath(`/admin/interimaires/${data.workerId}`);
    revalidatePath(`/admin/interimaires/${data.workerId}/modifier`);
  }
  return result;
});
