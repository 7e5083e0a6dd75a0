// Reads of the worker's settings page: their own rows only.
import "server-only";
import { db } from "@/lib/db";

/** The signed-in user's notification preferences (a kind without a row is on). */
export function notificationPreferences(user: { id: string }) {
  return db.notificationPreference.findMany({ where: { userId: user.id } });
}
