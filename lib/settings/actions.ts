"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireWorker } from "@/lib/auth/session";
import { NotificationKind } from "@/lib/generated/prisma/enums";

/** Turns one email notification on or off, saved at once. */
export async function setNotificationPreference(kind: string, enabled: boolean): Promise<{ ok: boolean }> {
  const worker = await requireWorker();
  if (!(Object.values(NotificationKind) as string[]).includes(kind) || typeof enabled !== "boolean") return { ok: false };
  const k = kind as NotificationKind;
  await db.$transaction(async (tx) => {
    await tx.notificationPreference.upsert({
      where: { userId_kind: { userId: worker.id, kind: k } },
      create: { userId: worker.id, kind: k, enabled },
      update: { enabled },
    });
    await recordAudit(tx, { type: "settings.notification_changed", data: { kind: k, enabled } }, { actorId: worker.id, subjectUserId: worker.id });
  });
  revalidatePath("/parametres");
  return { ok: true };
}
