import "server-only";
import { db } from "@/lib/db";
import type { AuthTokenKind } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit";
import { sendEmail } from "@/lib/messaging";
import { emailConfirmation, passwordReset, signupAttemptOnExistingAccount } from "@/lib/messaging/templates";
import { hitRateLimit } from "@/lib/rate-limit";
import { absoluteUrl } from "@/lib/url";
import { hashPassword, verifyPassword } from "./password";
import { TOKEN_LIFETIME_MINUTES, hashEmail, hashToken, newToken, tokenState, type TokenState } from "./tokens";

/** Runs work after the response is sent (next/server's after() in actions). */
export type Defer = (task: () => Promise<void>) => void;

/** At most this many account emails (confirmation, reset, sign-up notice) an hour to one address, whoever asks. */
export const ACCOUNT_EMAILS_PER_HOUR = 3;

export async function accountEmailAllowed(email: string): Promise<boolean> {
  const result = await hitRateLimit(`account-email:${hashEmail(email)}`, ACCOUNT_EMAILS_PER_HOUR, 3600);
  return result.allowed;
}

/** A sign-up for an unconfirmed account created this recently is the same person submitting twice. */
const REPEATED_SIGNUP_MS = 10 * 60_000;

export type SignupInput = { firstName: string; lastName: string; email: string; phone: string; password: string; agencyId: string };

/**
 * Sign-up. The request does the same work whether or not the address already
 * has an account: one password hash, then everything that depends on the
 * address (account creation or the "you already have an account" notice, and
 * the email) is deferred past the response.
 */
export async function registerWorker(data: SignupInput, defer: Defer): Promise<void> {
  const passwordHash = await hashPassword(data.password);
  defer(async () => {
    const existing = await db.user.findUnique({ where: { email: data.email } });
    if (existing) {
      // The same sign-up posted twice (double click, second tab): the account
      // made a moment ago with this very password has its confirmation email
      // already, no notice on top. Anyone else gets the notice.
      if (!existing.emailVerifiedAt && Date.now() - existing.createdAt.getTime() < REPEATED_SIGNUP_MS && (await verifyPassword(existing.passwordHash, data.password))) return;
      // The owner of the address is told by email instead of the form.
      if (!(await accountEmailAllowed(existing.email))) return;
      await sendEmail({
        to: existing.email,
        userId: existing.id,
        ...signupAttemptOnExistingAccount({ firstName: existing.firstName, loginUrl: await absoluteUrl("/connexion"), resetUrl: await absoluteUrl("/mot-de-passe-oublie") }),
      });
      return;
    }
    const user = await createWorkerAccount({ ...data, passwordHash });
    if (!user) return; // lost a race with the same email
    await recordAudit({ action: "auth.signup", actorId: user.id, subjectUserId: user.id, agencyId: data.agencyId });
    if (await accountEmailAllowed(user.email)) await sendConfirmationEmail(user);
  });
}

/** Password reset request: nothing address-dependent happens in the request. */
export function requestPasswordResetFor(email: string, defer: Defer): void {
  defer(async () => {
    const user = await db.user.findUnique({ where: { email } });
    if (!user?.active) return;
    if (!(await accountEmailAllowed(user.email))) return;
    await sendPasswordResetEmail(user);
    await recordAudit({ action: "auth.password_reset_requested", subjectUserId: user.id });
  });
}

/** New confirmation link: same deferral as the reset. */
export function resendConfirmationFor(email: string, defer: Defer): void {
  defer(async () => {
    const user = await db.user.findUnique({ where: { email } });
    if (!user || user.emailVerifiedAt || !user.active) return;
    if (!(await accountEmailAllowed(user.email))) return;
    await sendConfirmationEmail(user);
  });
}

/** Creates the worker, their number in the agency and default notification settings. */
async function createWorkerAccount(data: { firstName: string; lastName: string; email: string; phone: string; passwordHash: string; agencyId: string }) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const numbers = await tx.workerAgency.findMany({ where: { agencyId: data.agencyId }, select: { workerNumber: true } });
        const next = numbers.reduce((max, n) => Math.max(max, Number.parseInt(n.workerNumber, 10) || 0), 1000) + 1;
        return tx.user.create({
          data: {
            email: data.email,
            passwordHash: data.passwordHash,
            role: "WORKER",
            firstName: data.firstName,
            lastName: data.lastName.toUpperCase(),
            workerProfile: {
              create: { phone: data.phone, agencies: { create: { agencyId: data.agencyId, workerNumber: String(next) } } },
            },
            notificationPrefs: {
              create: (
                ["ADVANCE_ACCEPTED", "ADVANCE_PAID", "TARGETING_CLOSED", "CONTRACT_DATE_CHANGED", "NEW_PAYSLIP", "NEW_WORK_CERTIFICATE", "NEW_CONTRACT", "NEW_ASSEDIC_CERTIFICATE"] as const
              ).map((kind) => ({ kind, enabled: true })),
            },
          },
        });
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== "P2002") throw error;
      const taken = await db.user.findUnique({ where: { email: data.email } });
      if (taken) return null;
      // a worker number collided with a concurrent sign-up: try the next one
    }
  }
  throw new Error("Could not allocate a worker number");
}

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
