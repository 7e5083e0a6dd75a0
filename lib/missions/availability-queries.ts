// Reads of the worker's availability page: their own rows only.
import "server-only";
import { db } from "@/lib/db";

/** The worker's availabilities of the month grid, and the next ones from today. */
export async function workerAvailabilities(worker: { workerId: string }, gridStart: Date, gridEnd: Date, today: Date) {
  const { workerId } = worker;
  const [entries, upcoming] = await Promise.all([
    db.availability.findMany({
      where: { workerId, date: { gte: gridStart, lte: gridEnd } },
      select: { date: true, part: true, available: true },
    }),
    db.availability.findMany({ where: { workerId, date: { gte: today } }, orderBy: [{ date: "asc" }, { part: "asc" }], take: 60 }),
  ]);
  return { entries, upcoming };
}
