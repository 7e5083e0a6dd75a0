"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { requireWorker } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { newCalendarToken } from "@/lib/missions/planning";

/** Creates or renews the private address of the iCalendar feed; the old address stops working. */
export async function renewCalendarToken(): Promise<void> {
  const user = await requireWorker();
  await db.$transaction(async (tx) => {
    await tx.workerProfile.update({ where: { id: user.workerId }, data: { calendarToken: newCalendarToken() } });
    await recordAudit(
      tx,
      { type: "calendar.token_renewed", data: {} },
      { actorId: user.id, subjectUserId: user.id, entityType: "WorkerProfile", entityId: user.workerId },
    );
  });
  revalidatePath("/plannings");
}
