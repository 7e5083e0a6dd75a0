import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random URL-safe token (256 bits) and the hash that is stored instead of it. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Identifies an email address in throttle keys without storing it in clear. */
export function hashEmail(email: string): string {
  return createHash("sha256")
    .update("email:" + normalizeEmail(email), "utf8")
    .digest("hex");
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const TOKEN_LIFETIME_MINUTES = {
  EMAIL_CONFIRMATION: 48 * 60,
  PASSWORD_RESET: 60,
  INVITATION: 7 * 24 * 60,
} as const;

export type TokenState = "valid" | "expired" | "used" | "unknown";

/** Whether a stored token may still be used. Pure, so it is unit-tested. */
export function tokenState(token: { expiresAt: Date; usedAt: Date | null } | null, now = new Date()): TokenState {
  if (!token) return "unknown";
  if (token.usedAt) return "used";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

/** Lockout after repeated wrong passwords: nothing for 4, then 1, 2, 4 ... minutes, at most an hour. */
export const LOCKOUT_THRESHOLD = 5;
export function lockoutMinutes(failuresInARow: number): number {
  if (failuresInARow < LOCKOUT_THRESHOLD) return 0;
  return Math.min(60, 2 ** (failuresInARow - LOCKOUT_THRESHOLD));
}
