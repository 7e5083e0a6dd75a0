// The worker's email notification preferences, one switch per kind.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export async function setNotificationPreference(userId: string, kind: NotificationKind, enabled: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.notificationPreference.upsert({
      where: { userId_kind: { userId, kind } },
      create: { userId, kind, enabled },
      update: { enabled },
    });
    await recordAudit(tx, { type: "settings.notification_changed", data: { kind, enabled } }, { actorId: userId, subjectUserId: userId });
  });
}
