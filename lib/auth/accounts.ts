import "server-only";
import { db } from "@/lib/db";
import type { AuthTokenKind } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit";
import { sendEmail } from "@/lib/messaging";
import { emailConfirmation, passwordReset } from "@/lib/messaging/templates";
import { absoluteUrl } from "@/lib/url";
import { hashPassword } from "./password";
import { TOKEN_LIFETIME_MINUTES, hashEmail, hashToken, newToken, tokenState, type TokenState } from "./tokens";

/** Issues a single-use emailed token; earlier unused tokens of that kind stop working. */
export async function issueToken(userId: string, kind: AuthTokenKind): Promise<string> {
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MINUTES[kind] * 60_000);
  await db.$transaction([
    db.authToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: new Date() } }),
    db.authToken.create({ data: { userId, kind, tokenHash, expiresAt } }),
  ]);
  return token;
}

/** Looks a token up without using it (to show the right page). */
export async function inspectToken(token: string, kind: AuthTokenKind): Promise<TokenState> {
  const row = await db.authToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return tokenState(row && row.kind === kind ? row : null);
}

/**
 * Uses a token once: the conditional update succeeds for exactly one caller,
 * even when two tabs submit the same link at the same time.
 */
export async function consumeToken(token: string, kind: AuthTokenKind): Promise<{ userId: string } | { error: TokenState }> {
  const tokenHash = hashToken(token);
  const row = await db.authToken.findUnique({ where: { tokenHash } });
  const state = tokenState(row && row.kind === kind ? row : null);
  if (state !== "valid" || !row) return { error: state };
  const { count } = await db.authToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return { error: "used" };
  return { userId: row.userId };
}

export async function sendConfirmationEmail(user: { id: string; email: string; firstName: string }): Promise<void> {
  const token = await issueToken(user.id, "EMAIL_CONFIRMATION");
  const url = await absoluteUrl(`/confirmer-email?token=${encodeURIComponent(token)}`);
  await sendEmail({ to: user.email, userId: user.id, ...emailConfirmation({ firstName: user.firstName, url }) });
}

export async function sendPasswordResetEmail(user: { id: string; email: string; firstName: string }): Promise<void> {
  const token = await issueToken(user.id, "PASSWORD_RESET");
  const url = await absoluteUrl(`/reinitialiser-mot-de-passe?token=${encodeURIComponent(token)}`);
  await sendEmail({
    to: user.email,
    userId: user.id,
    ...passwordReset({ firstName: user.firstName, url, validMinutes: TOKEN_LIFETIME_MINUTES.PASSWORD_RESET }),
  });
}

/**
 * Sets a new password and ends sessions: all of them after a reset, all but
 * the current one after a change from the settings page.
 */
export async function setPassword(userId: string, password: string, options: { keepSessionId?: string; reason: "reset" | "change" }) {
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      // A reset proves the mailbox is the user's.
      data: options.reason === "reset" ? { passwordHash, emailVerifiedAt: new Date() } : { passwordHash },
    });
    await tx.userSession.deleteMany({
      where: { userId, ...(options.keepSessionId ? { id: { not: options.keepSessionId } } : {}) },
    });
    await tx.authToken.updateMany({ where: { userId, kind: "PASSWORD_RESET", usedAt: null }, data: { usedAt: new Date() } });
    return updated;
  });
  await db.loginThrottle.deleteMany({ where: { emailHash: hashEmail(user.email) } });
  await recordAudit({
    action: options.reason === "reset" ? "auth.password_reset" : "auth.password_changed",
    actorId: userId,
    subjectUserId: userId,
  });
}
