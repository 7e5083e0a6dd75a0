import "server-only";
import { CredentialsSignin } from "next-auth";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { hitRateLimit, isRateLimited } from "@/lib/rate-limit";
import { dummyPasswordHash, verifyPassword } from "./password";
import { hashEmail, lockoutMinutes } from "./tokens";
import { loginSchema } from "./schemas";
import { sessionExpiresAt } from "./session-rules";

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

  // Failed attempts from one address across many accounts (password spraying).
  const ipKey = meta.ip ? `login-failures-ip:${meta.ip}` : null;
  if (ipKey) {
    const perIp = await isRateLimited(ipKey, IP_FAILURE_LIMIT);
    if (!perIp.allowed) throw new LockedOut(Math.ceil(perIp.retryAfterSeconds / 60));
  }

  const emailHash = hashEmail(email);
  const throttle = await db.loginThrottle.findUnique({ where: { emailHash } });
  if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
    throw new LockedOut(Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 60000));
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);

  if (!user || !passwordOk) {
    const failures = await registerFailure(emailHash);
    if (ipKey) await hitRateLimit(ipKey, IP_FAILURE_LIMIT, 15 * 60);
    await recordAudit({ action: "auth.login_failed", subjectUserId: user?.id ?? null, details: { failuresInARow: failures } });
    const minutes = lockoutMinutes(failures);
    if (minutes > 0) throw new LockedOut(minutes);
    throw new InvalidCredentials();
  }
  if (!user.active) throw new AccountDisabled();
  if (!user.emailVerifiedAt) throw new EmailNotConfirmed();

  await db.loginThrottle.deleteMany({ where: { emailHash } });
  const now = new Date();
  const session = await db.userSession.create({
    data: {
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiresAt(user.role, now),
      ipAddress: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
  });
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit({ action: "auth.login", actorId: user.id, subjectUserId: user.id, details: { role: user.role } });
  return { id: user.id, email: user.email, name: `${user.firstName} ${user.lastName}`, sessionId: session.id };
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
  const { count } = await db.userSession.deleteMany({ where: { id: sessionId } });
  if (count === 1) await recordAudit({ action: "auth.logout", actorId: row.userId, subjectUserId: row.userId });
}
