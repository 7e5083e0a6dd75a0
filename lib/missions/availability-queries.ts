// Reads of the worker's availability page: their own rows only.
import "server-only";
import { db } from "@/lib/db";
import { workerLiveContracts } from "@/lib/auth/scope";
import { keyOf } from "./calendar";
import { addDays } from "../time/days";
import { parisDayKey } from "../time/paris";

/** A day of the grid the worker is booked on by a contract (one per contract and day). */
export type MissionDay = {
  dayKey: string;
  contractId: string;
  contractNumber: string;
  client: string;
  site: string;
  /** Issued, not yet signed by the worker. */
  toSign: boolean;
  /** The day's shifts of that contract, in order. */
  shifts: { startsAt: Date; endsAt: Date }[];
};

/**
 * The worker's work shifts of contracts in force starting on the Paris days
 * of the grid, grouped by day and contract: one query for the whole grid.
 */
async function missionDays(workerId: string, gridStart: Date, gridEnd: Date): Promise<MissionDay[]> {
  const shifts = await db.shift.findMany({
    where: {
      kind: "WORK",
      // A Paris day starts before its UTC midnight: widen by a day each side, then keep the grid's Paris days.
      startsAt: { gte: addDays(gridStart, -1), lt: addDays(gridEnd, 2) },
      contract: workerLiveContracts(workerId),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      startsAt: true,
      endsAt: true,
      contract: { select: { id: true, number: true, state: true, client: { select: { name: true } }, site: { select: { name: true } } } },
    },
  });
  const first = keyOf(gridStart);
  const last = keyOf(gridEnd);
  const days = new Map<string, MissionDay>();
  for (const s of shifts) {
    const dayKey = parisDayKey(s.startsAt);
    if (dayKey < first || dayKey > last) continue;
    const key = `${dayKey}:${s.contract.id}`;
    const day = days.get(key) ?? {
      dayKey,
      contractId: s.contract.id,
      contractNumber: s.contract.number,
      client: s.contract.client.name,
      site: s.contract.site.name,
      toSign: s.contract.state !== "SIGNED",
      shifts: [],
    };
    day.shifts.push({ startsAt: s.startsAt, endsAt: s.endsAt });
    days.set(key, day);
  }
  return [...days.values()];
}

/** The worker's availabilities and missions of the month grid, and the next availabilities from today. */
export async function workerAvailabilities(worker: { workerId: string }, gridStart: Date, gridEnd: Date, today: Date) {
  const { workerId } = worker;
  const [entries, upcoming, missions] = await Promise.all([
    db.availability.findMany({
      where: { workerId, date: { gte: gridStart, lte: gridEnd } },
      select: { date: true, part: true, available: true },
    }),
    db.availability.findMany({ where: { workerId, date: { gte: today } }, orderBy: [{ date: "asc" }, { part: "asc" }], take: 60 }),
    missionDays(workerId, gridStart, gridEnd),
  ]);
  return { entries, upcoming, missions };
}
