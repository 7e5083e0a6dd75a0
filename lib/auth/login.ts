import "server-only";
import { CredentialsSignin } from "next-auth";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { hitRateLimit, isRateLimited } from "@/lib/rate-limit";
import { dummyPasswordHash, verifyPassword } from "./password";
import { hashEmail, lockoutMinutes } from "./tokens";
import { loginSchema } from "./schemas";
import { sessionExpiresAt } from "./session-rules";
import { fail, ok, type Result } from "@/lib/result";

const IP_FAILURE_LIMIT = 100; // wrong passwords per address per 15 minutes

// Codes travel to the login form; none of them tells whether an address exists.
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class LockedOut extends CredentialsSignin {
  code = "locked";
  constructor(public minutes: number) {
    super();
    this.code = `locked:${minutes}`;
  }
}
export class EmailNotConfirmed extends CredentialsSignin {
  code = "unconfirmed";
}
export class AccountDisabled extends CredentialsSignin {
  code = "disabled";
}

export type AuthorizedUser = { id: string; email: string; name: string; sessionId: string };

/**
 * Checks an email and password and opens a session row. The lockout counter is
 * kept per email address whether or not an account has it, and a dummy hash is
 * verified for unknown addresses, so neither the message nor the timing says
 * whether the account exists.
 */
export async function authorizeCredentials(input: unknown, meta: { ip: string | null; userAgent: string | null }): Promise<AuthorizedUser> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) throw new InvalidCredentials();
  const { email, password } = parsed.data;

  const emailHash = hashEmail(email);
  const locked = await lockedMinutes(emailHash, meta.ip);
  if (locked > 0) throw new LockedOut(locked);

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);

  if (!user || !passwordOk) {
    const minutes = await countWrongPassword(emailHash, meta.ip, user?.id ?? null, "auth.login_failed");
    if (minutes > 0) throw new LockedOut(minutes);
    throw new InvalidCredentials();
  }
  if (!user.active) throw new AccountDisabled();
  if (!user.emailVerifiedAt) throw new EmailNotConfirmed();

  await db.loginThrottle.deleteMany({ where: { emailHash } });
  const now = new Date();
  // The session, the last login and the audit entry commit together.
  const session = await db.$transaction(async (tx) => {
    const created = await tx.userSession.create({
      data: {
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: sessionExpiresAt(user.role, now),
        ipAddress: meta.ip,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
      },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { type: "auth.login", data: { role: user.role } }, { actorId: user.id, subjectUserId: user.id });
    return created;
  });
  return { id: user.id, email: user.email, name: `${user.firstName} ${user.lastName}`, sessionId: session.id };
}

const ipFailureKey = (ip: string | null) => (ip ? `login-failures-ip:${ip}` : null);

/**
 * Minutes left before this address may try a password again: the account
 * lockout of the email, or the per-IP limit of wrong passwords. 0 when free.
 */
async function lockedMinutes(emailHash: string, ip: string | null): Promise<number> {
  // Failed attempts from one address across many accounts (password spraying).
  const ipKey = ipFailureKey(ip);
  if (ipKey) {
    const perIp = await isRateLimited(ipKey, IP_FAILURE_LIMIT);
    if (!perIp.allowed) return Math.max(1, Math.ceil(perIp.retryAfterSeconds / 60));
  }
  const throttle = await db.loginThrottle.findUnique({ where: { emailHash } });
  if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
    return Math.max(1, Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 60000));
  }
  return 0;
}

/** One wrong password, for the email and for the address, audited; returns the lock it triggers (minutes, 0 = none). */
async function countWrongPassword(
  emailHash: string,
  ip: string | null,
  userId: string | null,
  action: "auth.login_failed" | "auth.reauth_failed",
): Promise<number> {
  const failures = await registerFailure(emailHash);
  const ipKey = ipFailureKey(ip);
  if (ipKey) await hitRateLimit(ipKey, IP_FAILURE_LIMIT, 15 * 60);
  await recordAudit(
    db,
    { type: action, data: { failuresInARow: failures } },
    { actorId: action === "auth.reauth_failed" ? userId : null, subjectUserId: userId },
  );
  return lockoutMinutes(failures);
}

export const REAUTH_MESSAGES = {
  missing: "Saisissez votre mot de passe actuel pour confirmer ce changement.",
  wrong: "Mot de passe actuel incorrect.",
  locked: (minutes: number) =>
    `Trop de mots de passe incorrects. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}, ou réinitialisez votre mot de passe.`,
};

/**
 * The signed-in user confirms a sensitive change (sign-in email, signing
 * phone, password) with their current password. Wrong guesses count toward the
 * same lockout and per-address limit as the sign-in form, so this form cannot
 * be used to guess the password either; a locked account is refused before
 * any comparison.
 */
export async function confirmCurrentPassword(
  user: { id: string },
  password: string | null | undefined,
  ip: string | null,
): Promise<Result> {
  if (!password) return fail(REAUTH_MESSAGES.missing);
  const row = await db.user.findUnique({ where: { id: user.id }, select: { email: true, passwordHash: true } });
  if (!row) return fail(REAUTH_MESSAGES.wrong);
  const emailHash = hashEmail(row.email);
  const locked = await lockedMinutes(emailHash, ip);
  if (locked > 0) return fail(REAUTH_MESSAGES.locked(locked));
  if (password.length <= 1024 && (await verifyPassword(row.passwordHash, password))) {
    await db.loginThrottle.deleteMany({ where: { emailHash } });
    return ok();
  }
  const minutes = await countWrongPassword(emailHash, ip, user.id, "auth.reauth_failed");
  return fail(minutes > 0 ? REAUTH_MESSAGES.locked(minutes) : REAUTH_MESSAGES.wrong);
}

/** Counts one more wrong password in a row and sets the lock when due. Atomic. */
async function registerFailure(emailHash: string): Promise<number> {
  const row = await db.loginThrottle.upsert({
    where: { emailHash },
    create: { emailHash, failures: 1 },
    update: { failures: { increment: 1 } },
  });
  const minutes = lockoutMinutes(row.failures);
  if (minutes > 0) {
    await db.loginThrottle.update({ where: { emailHash }, data: { lockedUntil: new Date(Date.now() + minutes * 60000) } });
  }
  return row.failures;
}

/** Ends one session row (sign-out); audited once even if called twice. */
export async function endSession(sessionId: string): Promise<void> {
  const row = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true } });
  if (!row) return;
  await db.$transaction(async (tx) => {
    const { count } = await tx.userSession.deleteMany({ where: { id: sessionId } });
    if (count === 1) await recordAudit(tx, { type: "auth.logout", data: {} }, { actorId: row.userId, subjectUserId: row.userId });
  });
}
