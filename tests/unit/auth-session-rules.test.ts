import { describe, expect, it } from "vitest";
import { LONGEST_SESSION_SECONDS, SESSION_LIMITS, sessionEndReason, sessionExpiresAt, shouldTouchLastSeen } from "@/lib/auth/session-rules";

const now = new Date("2026-12-02T12:00:00Z");
const MIN = 60_000;
const ago = (minutes: number) => new Date(now.getTime() - minutes * MIN);
const DAY = 24 * 60;

/** A session opened `openedMinutesAgo` and last seen `idleMinutes` ago, with the expiry login writes for the role. */
function session(role: "STAFF" | "WORKER" | "CLIENT", openedMinutesAgo: number, idleMinutes: number) {
  const createdAt = ago(openedMinutesAgo);
  return { createdAt, lastSeenAt: ago(idleMinutes), expiresAt: sessionExpiresAt(role, createdAt) };
}

describe("session lifetime per role", () => {
  it("staff: 30 idle minutes", () => {
    expect(sessionEndReason("STAFF", session("STAFF", 60, 29.9), now)).toBeNull();
    expect(sessionEndReason("STAFF", session("STAFF", 60, 30.1), now)).toBe("idle");
  });

  it("staff: 12 hours at most, however active", () => {
    expect(sessionEndReason("STAFF", session("STAFF", 12 * 60 - 0.1, 0), now)).toBeNull();
    expect(sessionEndReason("STAFF", session("STAFF", 12 * 60, 0), now)).toBe("expired");
    expect(sessionEndReason("STAFF", session("STAFF", 12 * 60 + 0.1, 0), now)).toBe("expired");
  });

  for (const role of ["WORKER", "CLIENT"] as const) {
    it(`${role.toLowerCase()}: 7 idle days`, () => {
      expect(sessionEndReason(role, session(role, 10 * DAY, 7 * DAY - 1), now)).toBeNull();
      expect(sessionEndReason(role, session(role, 10 * DAY, 7 * DAY + 1), now)).toBe("idle");
    });

    it(`${role.toLowerCase()}: 30 days at most, however active (no longer 12 hours)`, () => {
      expect(sessionEndReason(role, session(role, 13 * 60, 0), now)).toBeNull();
      expect(sessionEndReason(role, session(role, 30 * DAY - 1, 0), now)).toBeNull();
      expect(sessionEndReason(role, session(role, 30 * DAY, 0), now)).toBe("expired");
      expect(sessionEndReason(role, session(role, 30 * DAY + 1, 0), now)).toBe("expired");
    });
  }

  it("the role's limit counts from the start even when the stored expiry is later (a worker made staff)", () => {
    const createdAt = ago(13 * 60);
    const row = { createdAt, lastSeenAt: ago(1), expiresAt: sessionExpiresAt("WORKER", createdAt) };
    expect(sessionEndReason("WORKER", row, now)).toBeNull();
    expect(sessionEndReason("STAFF", row, now)).toBe("expired");
  });

  it("a stored expiry earlier than the role's limit wins", () => {
    expect(sessionEndReason("WORKER", { createdAt: ago(60), lastSeenAt: ago(1), expiresAt: ago(0) }, now)).toBe("expired");
  });

  it("the cookie lives as long as the longest session, the row decides sooner", () => {
    expect(LONGEST_SESSION_SECONDS).toBe(30 * 24 * 3600);
    expect(SESSION_LIMITS.STAFF).toEqual({ idleMinutes: 30, absoluteMinutes: 720 });
  });

  it("writes last-seen at most once a minute", () => {
    expect(shouldTouchLastSeen(ago(0.5), now)).toBe(false);
    expect(shouldTouchLastSeen(ago(1), now)).toBe(true);
  });
});
