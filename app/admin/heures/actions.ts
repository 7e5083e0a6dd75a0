"use server";

import { formId } from "@/lib/forms";
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import type { FormState } from "@/lib/forms";
import { correctTimesheet } from "@/lib/timesheets/service";

/** Staff correct the hours of a submitted timesheet of their agencies. */
export async function correctTimesheetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const staff = await requireStaff();
  const timesheetId = formId(formData, "timesheetId");
  const version = String(formData.get("version") ?? "");
  if (!timesheetId || Number.isNaN(new Date(version).getTime())) return { error: "Formulaire incomplet. Rechargez la page." };
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith("h.") && typeof value === "string") values[key] = value;
  const result = await correctTimesheet(staff, { timesheetId, version, values, at: await now() });
  if (!result) notFound();
  if (result.ok) revalidatePath(`/admin/heures/${timesheetId}`);
  return result;
}
