"use server";

import { formId } from "@/lib/forms";
import { revalidatePath } from "next/cache";
import { requireWorker } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { DayPart } from "@/lib/generated/prisma/enums";
import { parisCalendarDate } from "@/lib/format";
import { DAY_PARTS, MAX_RANGE_DAYS, expandPattern, isLocked } from "@/lib/missions/availability";
import { parseDayKey } from "@/lib/missions/calendar";
import { setAvailability } from "@/lib/missions/set-availability";
import { DATE_RANGES, rangeCheck } from "@/lib/time/dates";

export type AvailabilityFormState = { ok?: boolean; message?: string; errors?: Record<string, string> };

const PARTS = DAY_PARTS.map((p) => p.part) as string[];

export async function addAvailability(_prev: AvailabilityFormState, formData: FormData): Promise<AvailabilityFormState> {
  const user = await requireWorker();
  const today = parisCalendarDate(await now());
  const errors: Record<string, string> = {};
  const mode = formData.get("mode") === "periode" ? "periode" : "jour";
  const available = formData.get("statut") !== "indisponible";
  const parts = formData.getAll("parts").map(String).filter((p) => PARTS.includes(p)) as DayPart[];
  if (!parts.length) errors.parts = "Choisissez au moins un moment de la journée.";
  const range = DATE_RANGES.upcoming(today);
  const beyond = (day: Date, label: string) => {
    const read = rangeCheck(day, range, label);
    return read.ok ? null : read.error;
  };
  let days: Date[] = [];
  if (mode === "jour") {
    const day = parseDayKey(String(formData.get("jour") ?? ""));
    if (!day) errors.jour = "Indiquez le jour.";
    else if (isLocked(day, today)) errors.jour = "Les dates passées ne peuvent pas être modifiées.";
    else if (beyond(day, "le jour")) errors.jour = beyond(day, "le jour")!;
    else days = [day];
  } else {
    const from = parseDayKey(String(formData.get("du") ?? ""));
    const to = parseDayKey(String(formData.get("au") ?? ""));
    const weekdays = formData.getAll("jours").map(Number).filter((n) => n >= 1 && n <= 7);
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
  if (Object.keys(errors).length) return { errors };

  const count = await setAvailability(user, days, parts, available);
  revalidatePath("/disponibilites");
  return { ok: true, message: `${count} créneau${count > 1 ? "x" : ""} enregistré${count > 1 ? "s" : ""}.` };
}

async function ownFutureEntry(id: string) {
  const user = await requireWorker();
  const today = parisCalendarDate(await now());
  const entry = await db.availability.findFirst({ where: { id, workerId: user.workerId } });
  if (!entry || isLocked(entry.date, today)) return null;
  return { user, entry };
}

export async function removeAvailability(formData: FormData): Promise<void> {
  const found = await ownFutureEntry(formId(formData, "id"));
  if (!found) return;
  await db.availability.deleteMany({ where: { id: found.entry.id, workerId: found.user.workerId } });
  revalidatePath("/disponibilites");
}

export async function toggleAvailability(formData: FormData): Promise<void> {
  const found = await ownFutureEntry(formId(formData, "id"));
  if (!found) return;
  await db.availability.updateMany({ where: { id: found.entry.id, workerId: found.user.workerId }, data: { available: !found.entry.available } });
  revalidatePath("/disponibilites");
}
