// The private iCalendar feed's read: the token is the only credential, so the
// worker is the token's owner and the shifts are that worker's only.
import "server-only";
import { db } from "@/lib/db";
import { workerLiveContracts } from "@/lib/auth/scope";

const DAY = 86_400_000;

/** The active worker owning this calendar token and their shifts from three months back to a year ahead, or null. */
export async function calendarFeed(token: string, now: Date) {
  const worker = await db.workerProfile.findUnique({
    where: { calendarToken: token },
    select: { id: true, user: { select: { firstName: true, active: true } } },
  });
  if (!worker || !worker.user.active) return null;
  const shifts = await db.shift.findMany({
    where: {
      startsAt: { gte: new Date(now.getTime() - 92 * DAY), lt: new Date(now.getTime() + 366 * DAY) },
      contract: workerLiveContracts(worker.id),
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      breakMinutes: true,
      kind: true,
      absenceCode: true,
      validated: true,
      updatedAt: true,
      contract: {
        select: {
          number: true,
          client: { select: { name: true } },
          qualification: { select: { label: true } },
          site: { select: { address: true, postalCode: true, city: true } },
        },
      },
    },
  });
  return { worker, shifts };
}

/** The worker's own calendar token (null until they create the feed). */
export function calendarTokenOf(worker: { workerId: string }) {
  return db.workerProfile.findUniqueOrThrow({ where: { id: worker.workerId }, select: { calendarToken: true } });
}
