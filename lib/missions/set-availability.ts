// Writes the worker's availability for days × parts of the day. One row per
// worker, day and part (unique key): a second identical submission (double
// click, two tabs, parallel posts) replaces the same rows and creates none.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { DayPart } from "@/lib/generated/prisma/enums";

export async function setAvailability(user: { id: string; workerId: string }, days: Date[], parts: DayPart[], available: boolean): Promise<number> {
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
