"use server";

import { revalidatePath } from "next/cache";
import { requireClient } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import type { FormState } from "@/lib/forms";
import { parseIsoDate, mondayOf } from "@/lib/timesheets/rules";
import { saveClientWeek } from "@/lib/timesheets/service";

/** "Enregistrer le brouillon" / "Transmettre les heures" of the Saisie des heures. */
export async function saveWeekAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireClient();
  const day = parseIsoDate(String(formData.get("semaine") ?? ""));
  if (!day) return { error: "Semaine invalide. Rechargez la page." };
  const contractIds = formData.getAll("contractId").map(String).filter(Boolean);
  if (!contractIds.length) return { error: "Aucune ligne à enregistrer." };
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith("h.") && typeof value === "string") values[key] = value;
  const result = await saveClientWeek(user, {
    monday: mondayOf(day),
    contractIds,
    values,
    submit: formData.get("intent") === "submit",
    at: await now(),
  });
  if (result.ok) revalidatePath("/client");
  return result;
}
