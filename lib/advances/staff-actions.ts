"use server";

import { DATE_RANGES, readDate } from "@/lib/time/dates";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { now } from "@/lib/clock";
import { parisCalendarDate } from "@/lib/format";
import { fail, type Result } from "@/lib/result";
import { decideAdvanceRequests } from "./decide-advances";

/** "id:version" pairs from the form; the version makes a decision on a request edited since fail. */
function selection(values: string[]): { id: string; version: number }[] {
  return values
    .slice(0, 500)
    .map((v) => {
      const [id, version] = v.split(":");
      return { id, version: Number(version) };
    })
    .filter((s) => s.id && Number.isInteger(s.version));
}

const decisionSchema = z.looseObject({
  decision: z.enum(["accept", "refuse", "pay"]),
  reasonChoice: z.string().max(200).optional(),
  reasonText: z.string().max(300).optional(),
  paidOn: z.string().max(10).optional(),
  // Ticked to accept requests above the available amount.
  confirmOverCap: z.string().max(10).optional(),
  // The ticked rows repeat (sel): a list field.
  sel: z.array(z.string().max(100)),
});

export const decideAdvances = staffAction(decisionSchema, async (data, staff): Promise<Result> => {
  const items = selection(data.sel);
  if (!items.length) return fail("Sélectionnez au moins une demande.");
  if (data.decision === "refuse") {
    const reason = [data.reasonChoice?.trim(), data.reasonText?.trim()].filter(Boolean).join(" - ");
    if (reason.length < 3)
      return fail("Veuillez corriger les champs signalés.", { reasonText: "Choisissez ou saisissez le motif du refus." });
    const result = await decideAdvanceRequests(staff, items, "refuse", { reason });
    revalidatePath("/admin/acomptes");
    return result;
  }
  if (data.decision === "pay") {
    const read = readDate(data.paidOn, DATE_RANGES.recentPast(parisCalendarDate(await now())), "la date du virement");
    if (!read.ok) return fail("Veuillez corriger les champs signalés.", { paidOn: read.error });
    const paidOn = read.date;
    const result = await decideAdvanceRequests(staff, items, "pay", { paidOn });
    revalidatePath("/admin/acomptes");
    return result;
  }
  const result = await decideAdvanceRequests(staff, items, "accept", { overCapConfirmed: !!data.confirmOverCap });
  // A refusal for the confirmation leaves the page as it is (the ticked rows stay).
  if (result.ok || !result.fieldErrors) revalidatePath("/admin/acomptes");
  return result;
});
