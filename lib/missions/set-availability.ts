// Writes the worker's availability for days × parts of the day. A day holds
// one coherent state (lib/missions/availability.ts: "journée entière" when
// its three parts agree, else one row per part), computed here from what the
// day already says, under a per-worker lock: two tabs or a double click never
// leave overlapping rows, and a repeat changes nothing.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { workerContracts } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DayPart } from "@/lib/generated/prisma/enums";
import { formatDate, formatTime } from "@/lib/format";
import { fail, okWith, type Result } from "@/lib/result";
import { addDays } from "../time/days";
import { applyMarks, isLocked, sameDay, type DayMark } from "./availability";
import { keyOf } from "./calendar";
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

/** Serialises the availability writes of one worker (across transactions and instances). */
async function lockAvailability(tx: Prisma.TransactionClient, workerId: string) {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${"worker-availability:" + workerId}))`;
}

/**
 * Sets `parts` to `available` on each day, from what the day says now, and
 * stores each changed day's coherent rows. Answers the number of rows the
 * days hold afterwards. Inside the caller's transaction, after the lock.
 */
async function writeDays(tx: Prisma.TransactionClient, workerId: string, days: Date[], parts: DayPart[], available: boolean) {
  const unique = [...new Map(days.map((d) => [keyOf(d), d])).values()];
  const existing = await tx.availability.findMany({
    where: { workerId, date: { in: unique } },
    select: { date: true, part: true, available: true, updatedAt: true },
  });
  // The order they were written in: a later row wins a part it shares with an
  // earlier one (a part's own row on a tie), as the cleaning migration reads them.
  existing.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || Number(b.part === "FULL_DAY") - Number(a.part === "FULL_DAY"));
  const byDay = new Map<string, DayMark[]>();
  for (const row of existing) byDay.set(keyOf(row.date), [...(byDay.get(keyOf(row.date)) ?? []), row]);
  const changed: Date[] = [];
  const rows: Prisma.AvailabilityCreateManyInput[] = [];
  let count = 0;
  for (const date of unique) {
    const current = byDay.get(keyOf(date)) ?? [];
    const next = applyMarks(current, parts, available);
    count += next.length;
    if (sameDay(current, next)) continue;
    changed.push(date);
    rows.push(...next.map((m) => ({ workerId, date, part: m.part, available: m.available })));
  }
  if (changed.length) {
    await tx.availability.deleteMany({ where: { workerId, date: { in: changed } } });
    await tx.availability.createMany({ data: rows });
  }
  return count;
}

/**
 * Sets the marks; refused (nothing stored) when an unavailability meets a
 * signed mission. Answers the number of rows the days hold afterwards.
 */
export async function setAvailability(
  user: { id: string; workerId: string },
  days: Date[],
  parts: DayPart[],
  available: boolean,
): Promise<Result<number>> {
  const marks = days.flatMap((date) => parts.map((part) => ({ date, part })));
  try {
    const count = await db.$transaction(async (tx) => {
      await lockAvailability(tx, user.workerId);
      if (!available) await assertNoSignedMission(tx, user.workerId, marks);
      const stored = await writeDays(tx, user.workerId, days, parts, available);
      await recordAudit(
        tx,
        { type: "availability.set", data: { days: days.length, parts, available } },
        { actorId: user.id, subjectUserId: user.id, entityType: "WorkerProfile", entityId: user.workerId },
      );
      return stored;
    });
    return okWith(count);
  } catch (error) {
    if (error instanceof SignedMissionConflict) return fail(error.message);
    throw error;
  }
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
 * The day stays coherent: a part that now agrees with the other two merges
 * with them into "journée entière".
 */
export async function toggleAvailabilityEntry(user: { workerId: string }, id: string, today: Date): Promise<boolean | { refusal: string }> {
  if (!(await ownFutureEntry(user.workerId, id, today))) return false;
  try {
    return await db.$transaction(async (tx) => {
      await lockAvailability(tx, user.workerId);
      // Read again under the lock: another tab may have changed the day meanwhile.
      const entry = await tx.availability.findFirst({ where: { id, workerId: user.workerId } });
      if (!entry) return false;
      if (entry.available) await assertNoSignedMission(tx, user.workerId, [entry]);
      await writeDays(tx, user.workerId, [entry.date], [entry.part], !entry.available);
      return true;
    });
  } catch (error) {
    if (error instanceof SignedMissionConflict) return { refusal: error.message };
    throw error;
  }
}
