"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workerAction } from "@/lib/auth/action";
import { now } from "@/lib/clock";
import { cleanId, FIX_FIELDS } from "@/lib/forms";
import type { DayPart } from "@/lib/generated/prisma/enums";
import { parisCalendarDate } from "@/lib/format";
import { DAY_PARTS, MAX_RANGE_DAYS, expandPattern, isLocked } from "@/lib/missions/availability";
import { parseDayKey } from "@/lib/missions/calendar";
import { REFUSAL_SIGNED_MISSION } from "@/lib/missions/rules";
import { removeAvailabilityEntry, setAvailability, toggleAvailabilityEntry } from "@/lib/missions/set-availability";
import { fail, ok, type Result } from "@/lib/result";
import { DATE_RANGES, rangeCheck } from "@/lib/time/dates";

const PARTS = DAY_PARTS.map((p) => p.part) as string[];

// The checkboxes (parts, jours) repeat: list fields of the schema.
const availabilitySchema = z.object({
  mode: z.string().optional(),
  statut: z.string().optional(),
  jour: z.string().optional().default(""),
  du: z.string().optional().default(""),
  au: z.string().optional().default(""),
  parts: z.array(z.string().max(20)).max(10),
  jours: z.array(z.string().max(2)).max(7),
});

export const addAvailability = workerAction(availabilitySchema, async (data, user): Promise<Result> => {
  const today = parisCalendarDate(await now());
  const errors: Record<string, string> = {};
  const mode = data.mode === "periode" ? "periode" : "jour";
  const available = data.statut !== "indisponible";
  const parts = data.parts.filter((p) => PARTS.includes(p)) as DayPart[];
  if (!parts.length) errors.parts = "Choisissez au moins un moment de la journée.";
  const range = DATE_RANGES.upcoming(today);
  const beyond = (day: Date, label: string) => {
    const read = rangeCheck(day, range, label);
    return read.ok ? null : read.error;
  };
  let days: Date[] = [];
  if (mode === "jour") {
    const day = parseDayKey(data.jour);
    if (!day) errors.jour = "Indiquez le jour.";
    else if (isLocked(day, today)) errors.jour = "Les dates passées ne peuvent pas être modifiées.";
    else if (beyond(day, "le jour")) errors.jour = beyond(day, "le jour")!;
    else days = [day];
  } else {
    const from = parseDayKey(data.du);
    const to = parseDayKey(data.au);
    const weekdays = data.jours.map(Number).filter((n) => n >= 1 && n <= 7);
    if (!from) errors.du = "Indiquez le premier jour.";
    else if (isLocked(from, today)) errors.du = "Les dates passées ne peuvent pas être modifiées.";
    else if (beyond(from, "le premier jour")) errors.du = beyond(from, "le premier jour")!;
    if (!to) errors.au = "Indiquez le dernier jour.";
    else if (beyond(to, "le dernier jour")) errors.au = beyond(to, "le dernier jour")!;
    if (from && to && !errors.au && to < from) errors.au = "Le dernier jour doit suivre le premier.";
    if (from && to && (to.getTime() - from.getTime()) / 86_400_000 >= MAX_RANGE_DAYS) errors.au = "La période ne peut pas dépasser 6 mois.";
    if (!weekdays.length) errors.jours = "Choisissez au moins un jour de la semaine.";
    if (!Object.keys(errors).length && from && to) {
      days = expandPattern(from, to, weekdays);
      if (!days.length) errors.jours = "Aucun de ces jours ne tombe dans la période.";
    }
  }
  if (Object.keys(errors).length) return fail(FIX_FIELDS, errors);

  const saved = await setAvailability(user, days, parts, available);
  if (!saved.ok) return fail(saved.message, { [mode === "jour" ? "jour" : "du"]: saved.message });
  const count = saved.data;
  revalidatePath("/disponibilites");
  return ok(`${count} créneau${count > 1 ? "x" : ""} enregistré${count > 1 ? "s" : ""}.`);
});

/** An id that cannot be one reads as none (nothing happens). */
const entrySchema = z.object({
  id: z
    .string()
    .optional()
    .transform((v) => cleanId(v) ?? ""),
});

export const removeAvailability = workerAction.post(entrySchema, async (data, user) => {
  if (await removeAvailabilityEntry(user, data.id, parisCalendarDate(await now()))) revalidatePath("/disponibilites");
});

export const toggleAvailability = workerAction.post(entrySchema, async (data, user) => {
  const done = await toggleAvailabilityEntry(user, data.id, parisCalendarDate(await now()));
  if (done === true) revalidatePath("/disponibilites");
  // A plain form post: the refusal is shown by the page, above the list.
  else if (done) redirect(`/disponibilites?refus=${REFUSAL_SIGNED_MISSION}`);
});
