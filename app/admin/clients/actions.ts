"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffAction } from "@/lib/auth/action";
import { saveClient, saveSite } from "@/lib/backoffice/clients";
import { clientSchema, siteSchema } from "@/lib/backoffice/schemas";
import { fail, ok, type Result } from "@/lib/result";
import { submissionKey } from "@/lib/submissions";

export const saveClientAction = staffAction(clientSchema, async (data, staff, formData): Promise<Result> => {
  const saved = await saveClient(staff, data, submissionKey(staff.id, formData));
  if (!saved.ok) return fail(saved.message, saved.fieldErrors);
  if (saved.data.created) {
    revalidatePath("/admin/clients");
    redirect(`/admin/clients/${saved.data.id}?cree=1`);
  }
  revalidatePath(`/admin/clients/${saved.data.id}`);
  return ok("Client enregistré.");
});

export const saveSiteAction = staffAction(siteSchema, async (data, staff, formData): Promise<Result> => {
  const saved = await saveSite(staff, data, submissionKey(staff.id, formData));
  if (!saved.ok) return fail(saved.message, saved.fieldErrors);
  revalidatePath(`/admin/clients/${saved.data.clientId}`);
  return ok(saved.data.created ? `Site « ${data.name} » ajouté.` : "Site enregistré.");
});
