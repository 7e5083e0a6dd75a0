// Idle timeout of a session: staff 30 minutes, workers and clients 7 days
// without a request. last-seen is written at most once a minute.
export const IDLE_TIMEOUT_MINUTES = { STAFF: 30, WORKER: 7 * 24 * 60, CLIENT: 7 * 24 * 60 } as const;
export const LAST_SEEN_WRITE_EVERY_MS = 60_000;

type Role = keyof typeof IDLE_TIMEOUT_MINUTES;

/** Whether a session last seen at `lastSeenAt` has been idle too long for its role. */
export function isIdleExpired(role: Role, lastSeenAt: Date, now = new Date()): boolean {
  return now.getTime() - lastSeenAt.getTime() > IDLE_TIMEOUT_MINUTES[role] * 60_000;
}

/** Whether this request should refresh last-seen (cheap: not a write per request). */
export function shouldTouchLastSeen(lastSeenAt: Date, now = new Date()): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_WRITE_EVERY_MS;
}
