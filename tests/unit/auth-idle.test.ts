import { describe, expect, it } from "vitest";
import { isIdleExpired, shouldTouchLastSeen } from "@/lib/auth/idle";

const now = new Date("2026-12-02T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("session idle timeout", () => {
  it("ends a staff session after 30 idle minutes", () => {
    expect(isIdleExpired("STAFF", ago(29), now)).toBe(false);
    expect(isIdleExpired("STAFF", ago(31), now)).toBe(true);
  });
  it("keeps workers and clients signed in for 7 idle days", () => {
    for (const role of ["WORKER", "CLIENT"] as const) {
      expect(isIdleExpired(role, ago(6 * 24 * 60), now)).toBe(false);
      expect(isIdleExpired(role, ago(7 * 24 * 60 + 1), now)).toBe(true);
    }
  });
  it("writes last-seen at most once a minute", () => {
    expect(shouldTouchLastSeen(ago(0.5), now)).toBe(false);
    expect(shouldTouchLastSeen(ago(1), now)).toBe(true);
  });
});
