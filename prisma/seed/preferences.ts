// Notification preferences of every worker (the demo worker's all on, some
// others without the ciblage-closed emails).
import { NotificationKind } from "../../lib/generated/prisma/enums";
import type { Context } from "./context";
import type { Workers } from "./workers";

export function addNotificationPreferences(ctx: Context, people: Workers): void {
  const { plan, rng } = ctx;
  const { workers, demo } = people;
  const kinds = Object.values(NotificationKind);
  for (const w of workers) {
    for (const kind of kinds) {
      plan.notificationPreferences.push({
        userId: w.userId,
        kind,
        enabled: w === demo ? true : !(kind === "TARGETING_CLOSED" && rng.chance(0.3)),
      });
    }
  }
}
