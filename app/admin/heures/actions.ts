"use server";

import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { now } from "@/lib/clock";
import { cleanId } from "@/lib/forms";
import { fail, type Result } from "@/lib/result";
import { correctTimesheet, hourCells } from "@/lib/timesheets/service";

// The hour cells are the fields named "h.<contract>.<day>" (lib/timesheets/service.ts cellName).
const correctionSchema = z.looseObject({
  timesheetId: z
    .string()
    .optional()
    .transform((v) => cleanId(v) ?? ""),
  version: z.string().optional().default(""),
});

/** Staff correct the hours of a submitted timesheet of their agencies. */
export const correctTimesheetAction = staffAction(correctionSchema, async (data, staff): Promise<Result> => {
  if (!data.timesheetId || Number.isNaN(new Date(data.version).getTime())) return fail("Formulaire incomplet. Rechargez la page.");
  const result = await correctTimesheet(staff, {
    timesheetId: data.timesheetId,
    version: data.version,
    values: hourCells(data),
    at: await now(),
  });
  if (!result) notFound();
  if (result.ok) revalidatePath(`/admin/heures/${data.timesheetId}`);
  return result;
});
