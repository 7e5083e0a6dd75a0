// The private address of the worker's iCalendar feed: renewing it makes the
// old address stop working.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { newCalendarToken } from "./planning";

export async function renewCalendarToken(user: { id: string; workerId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.workerProfile.update({ where: { id: user.workerId }, data: { calendarToken: newCalendarToken() } });
    await recordAudit(
      tx,
      { type: "calendar.token_renewed", data: {} },
      { actorId: user.id, subjectUserId: user.id, entityType: "WorkerProfile", entityId: user.workerId },
    );
  });
}
