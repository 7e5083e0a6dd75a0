// Writes the worker's availability for days × parts of the day. One row per
// worker, day and part (unique key): a second identical submission (double
// click, two tabs, parallel posts) replaces the same rows and creates none.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { DayPart } from "@/lib/generated/prisma/enums";
import { isLocked } from "./availability";

export async function setAvailability(
  user: { id: string; workerId: string },
  days: Date[],
  parts: DayPart[],
  available: boolean,
): Promise<number> {
  const rows = days.flatMap((date) => parts.map((part) => ({ workerId: user.workerId, date, part, available })));
  await db.$transaction(async (tx) => {
    await tx.availability.deleteMany({ where: { workerId: user.workerId, OR: rows.map((r) => ({ date: r.date, part: r.part })) } });
    // A twin transaction inserting the same rows waits on the unique key, then skips them.
    await tx.availability.createMany({ data: rows, skipDuplicates: true });
    await recordAudit(
      tx,
      { type: "availability.set", data: { days: days.length, parts, available } },
      { actorId: user.id, subjectUserId: user.id, entityType: "WorkerProfile", entityId: user.workerId },
    );
  });
  return rows.length;
}

/** One of the worker's own entries, still open to changes (not a past day). */
async function ownFutureEntry(workerId: string, id: string, today: Date) {
  if (!id) return null;
  const entry = await db.availability.findFirst({ where: { id, workerId } });
  return entry && !isLocked(entry.date, today) ? entry : null;
}

/** "Supprimer" on one entry; false when it is not the worker's or is past. */
export async function removeAvailabilityEntry(user: { workerId: string }, id: string, today: Date): Promise<boolean> {
  const entry = await ownFutureEntry(user.workerId, id, today);
  if (!entry) return false;
  await db.availability.deleteMany({ where: { id: entry.id, workerId: user.workerId } });
  return true;
}

/** Available ↔ unavailable on one entry; false when it is not the worker's or is past. */
export async function toggleAvailabilityEntry(user: { workerId: string }, id: string, today: Date): Promise<boolean> {
  const entry = await ownFutureEntry(user.workerId, id, today);
  if (!entry) return false;
  await db.availability.updateMany({ where: { id: entry.id, workerId: user.workerId }, data: { available: !entry.available } });
  return true;
}
