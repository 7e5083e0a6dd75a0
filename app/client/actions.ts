"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientAction } from "@/lib/auth/action";
import { now } from "@/lib/clock";
import { fail, type Result } from "@/lib/result";
import { parseIsoDate, mondayOf } from "@/lib/timesheets/rules";
import { hourCells, saveClientWeek } from "@/lib/timesheets/service";

// The hour cells are the fields "h.<contract>.<day>"; the rows' contract ids repeat (contractId): a list field.
const weekSchema = z.looseObject({
  semaine: z.string().optional().default(""),
  intent: z.string().optional(),
  contractId: z.array(z.string().max(64)).max(200),
});

/** "Enregistrer le brouillon" / "Transmettre les heures" of the Saisie des heures. */
export const saveWeekAction = clientAction(weekSchema, async (data, user): Promise<Result> => {
  const day = parseIsoDate(data.semaine);
  if (!day) return fail("Semaine invalide. Rechargez la page.");
  const contractIds = data.contractId.filter(Boolean);
  if (!contractIds.length) return fail("Aucune ligne à enregistrer.");
  const result = await saveClientWeek(user, {
    monday: mondayOf(day),
    contractIds,
    values: hourCells(data),
    submit: data.intent === "submit",
    at: await now(),
  });
  if (result.ok) revalidatePath("/client");
  return result;
});
