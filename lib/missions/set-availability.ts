// Writes the worker's availability for days × parts of the day. One row per
// worker, day and part (unique key): a second identical submission (double
// click, two tabs, parallel posts) replaces the same rows and creates none.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { workerContracts } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DayPart } from "@/lib/generated/prisma/enums";
import { formatDate, formatTime } from "@/lib/format";
import { fail, okWith, type Result } from "@/lib/result";
import { addDays } from "../time/days";
import { isLocked } from "./availability";
import { unavailabilityConflicts, type UnavailableMark } from "./rules";

class SignedMissionConflict extends Error {}

/**
 * Refuses marks of unavailability on a day and part where the worker has a
 * shift of a signed contract: the agency and the client count on it, so an
 * absence goes through the agency. Inside the write's transaction.
 */
async function assertNoSignedMission(tx: Prisma.TransactionClient, workerId: string, marks: UnavailableMark[]) {
  if (!marks.length) return;
  const times = marks.map((m) => m.date.getTime());
  const shifts = await tx.shift.findMany({
    where: {
      kind: "WORK",
      startsAt: { gte: addDays(new Date(Math.min(...times)), -1), lt: addDays(new Date(Math.max(...times)), 2) },
      contract: { AND: [workerContracts(workerId), { state: "SIGNED" }] },
    },
    select: { startsAt: true, endsAt: true, contract: { select: { number: true } } },
  });
  const [first] = unavailabilityConflicts(
    marks,
    shifts.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, contractNumber: s.contract.number })),
  );
  if (first) {
    const s = first.shift;
    throw new SignedMissionConflict(
      `Vous avez une mission signée le ${formatDate(s.startsAt)} de ${formatTime(s.startsAt)} à ${formatTime(s.endsAt)} (contrat n° ${s.contractNumber}) : vous ne pouvez pas vous déclarer indisponible sur ce créneau. Pour une absence, contactez votre agence.`,
    );
  }
}

/** Sets the marks; refused (nothing stored) when an unavailability meets a signed mission. */
export async function setAvailability(
  user: { id: string; workerId: string },
  days: Date[],
  parts: DayPart[],
  available: boolean,
): Promise<Result<number>> {
  const rows = days.flatMap((date) => parts.map((part) => ({ workerId: user.workerId, date, part, available })));
  try {
    await db.$transaction(async (tx) => {
      if (!available) await assertNoSignedMission(tx, user.workerId, rows);
      await tx.availability.deleteMany({ where: { workerId: user.workerId, OR: rows.map((r) => ({ date: r.date, part: r.part })) } });
      // A twin transaction inserting the same rows waits on the unique key, then skips them.
      await tx.availability.createMany({ data: rows, skipDuplicates: true });
      await recordAudit(
        tx,
        { type: "availability.set", data: { days: days.length, parts, available } },
        { actorId: user.id, subjectUserId: user.id, entityType: "WorkerProfile", entityId: user.workerId },
      );
    });
  } catch (error) {
    if (error instanceof SignedMissionConflict) return fail(error.message);
    throw error;
  }
  return okWith(rows.length);
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

/**
 * Available ↔ unavailable on one entry; false when it is not the worker's or
 * is past, the refusal when it would mark a signed mission's day unavailable.
 */
export async function toggleAvailabilityEntry(user: { workerId: string }, id: string, today: Date): Promise<boolean | { refusal: string }> {
  const entry = await ownFutureEntry(user.workerId, id, today);
  if (!entry) return false;
  try {
    await db.$transaction(async (tx) => {
      if (entry.available) await assertNoSignedMission(tx, user.workerId, [entry]);
      await tx.availability.updateMany({ where: { id: entry.id, workerId: user.workerId }, data: { available: !entry.available } });
    });
  } catch (error) {
    if (error instanceof SignedMissionConflict) return { refusal: error.message };
    throw error;
  }
  return true;
}
