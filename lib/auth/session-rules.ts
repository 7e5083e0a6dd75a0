// How long a session lives, per role. Staff hold every agency's data: 30 idle
// minutes and 12 hours at most. Workers and clients sign in from their own
// phone and come back every few days: 7 idle days and 30 days at most.
// last-seen is written at most once a minute.
import type { Role } from "@/lib/generated/prisma/enums";

const MINUTE = 60_000;
const DAY = 24 * 60;

export const SESSION_LIMITS = {
  STAFF: { idleMinutes: 30, absoluteMinutes: 12 * 60 },
  WORKER: { idleMinutes: 7 * DAY, absoluteMinutes: 30 * DAY },
  CLIENT: { idleMinutes: 7 * DAY, absoluteMinutes: 30 * DAY },
} as const satisfies Record<Role, { idleMinutes: number; absoluteMinutes: number }>;

/** The longest any session lives: the cookie's own lifetime (the row decides sooner). */
export const LONGEST_SESSION_SECONDS = Math.max(...Object.values(SESSION_LIMITS).map((l) => l.absoluteMinutes)) * 60;

export const LAST_SEEN_WRITE_EVERY_MS = 60_000;

/** When a session opened at `createdAt` ends at the latest. */
export function sessionExpiresAt(role: Role, createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_LIMITS[role].absoluteMinutes * MINUTE);
}

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };

/**
 * Why a session is over, or null while it is open: past its absolute limit
 * (the stored expiry, or the role's limit from its start, whichever is first),
 * or idle for longer than the role allows.
 */
export function sessionEndReason(role: Role, s: SessionTimes, now = new Date()): "expired" | "idle" | null {
  const end = Math.min(s.expiresAt.getTime(), sessionExpiresAt(role, s.createdAt).getTime());
  if (now.getTime() >= end) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() > SESSION_LIMITS[role].idleMinutes * MINUTE) return "idle";
  return null;
}

/** Whether this request should refresh last-seen (cheap: not a write per request). */
export function shouldTouchLastSeen(lastSeenAt: Date, now = new Date()): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_WRITE_EVERY_MS;
}
