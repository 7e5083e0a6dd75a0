import "server-only";
import { db } from "@/lib/db";
import type { AuthTokenKind } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailContent } from "@/lib/messaging";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import type { OutboxClient } from "@/lib/messaging/outbox";
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

export async function accountEmailAllowed(email: string, client?: Parameters<typeof hitRateLimit>[3]): Promise<boolean> {
  const result = await hitRateLimit(`account-email:${hashEmail(email)}`, ACCOUNT_EMAILS_PER_HOUR, 3600, client);
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
      if (
        !existing.emailVerifiedAt &&
        Date.now() - existing.createdAt.getTime() < REPEATED_SIGNUP_MS &&
        (await verifyPassword(existing.passwordHash, data.password))
      )
        return;
      // The owner of the address is told by email instead of the form.
      if (!(await accountEmailAllowed(existing.email))) return;
      await sendEmail({
        to: existing.email,
        userId: existing.id,
        ...signupAttemptOnExistingAccount({
          firstName: existing.firstName,
          loginUrl: await absoluteUrl("/connexion"),
          resetUrl: await absoluteUrl("/mot-de-passe-oublie"),
        }),
      });
      return;
    }
    // The account, its audit entry, the confirmation token and its email commit
    // together. The per-address email budget is counted here, once the row is
    // created: parallel twins of this sign-up wait on the email's unique key
    // and then fail, so they never use it up.
    let emailed = false;
    const user = await createWorkerAccount({ ...data, passwordHash }, async (tx, created) => {
      await recordAudit(tx, { type: "auth.signup", data: {} }, { actorId: created.id, subjectUserId: created.id, agencyId: data.agencyId });
      emailed = await accountEmailAllowed(data.email, tx);
      if (emailed) await queueTokenEmail(tx, created, "EMAIL_CONFIRMATION", confirmationContent(created));
    });
    if (user && emailed) wakeOutboxWorker(); // no user: lost a race with the same email
  });
}

/** Password reset request: nothing address-dependent happens in the request. */
export function requestPasswordResetFor(email: string, defer: Defer): void {
  defer(async () => {
    const user = await db.user.findUnique({ where: { email } });
    if (!user?.active) return;
    if (!(await accountEmailAllowed(user.email))) return;
    await sendPasswordResetEmail(user, { event: { type: "auth.password_reset_requested", data: {} }, context: { subjectUserId: user.id } });
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
async function createWorkerAccount(
  data: { firstName: string; lastName: string; email: string; phone: string; passwordHash: string; agencyId: string },
  inTransaction: (tx: Prisma.TransactionClient, user: { id: string; email: string; firstName: string }) => Promise<void>,
) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const numbers = await tx.workerAgency.findMany({ where: { agencyId: data.agencyId }, select: { workerNumber: true } });
        const next = numbers.reduce((max, n) => Math.max(max, Number.parseInt(n.workerNumber, 10) || 0), 1000) + 1;
        const user = await tx.user.create({
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
                [
                  "ADVANCE_ACCEPTED",
                  "ADVANCE_PAID",
                  "TARGETING_CLOSED",
                  "CONTRACT_DATE_CHANGED",
                  "NEW_PAYSLIP",
                  "NEW_WORK_CERTIFICATE",
                  "NEW_CONTRACT",
                  "NEW_ASSEDIC_CERTIFICATE",
                ] as const
              ).map((kind) => ({ kind, enabled: true })),
            },
          },
        });
        await inTransaction(tx, user);
        return user;
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

type TokenClient = Pick<Prisma.TransactionClient, "authToken">;

/** Issues a single-use emailed token; earlier unused tokens of that kind stop working. */
export async function issueToken(userId: string, kind: AuthTokenKind): Promise<string> {
  return (await db.$transaction((tx) => issueTokenIn(tx, userId, kind))).token;
}

/** The same, in the caller's transaction (with the email that carries it). */
export async function issueTokenIn(tx: TokenClient, userId: string, kind: AuthTokenKind): Promise<{ id: string; token: string }> {
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MINUTES[kind] * 60_000);
  await tx.authToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: new Date() } });
  const row = await tx.authToken.create({ data: { userId, kind, tokenHash, expiresAt }, select: { id: true } });
  return { id: row.id, token };
}

type TokenEmail = (url: (path: string) => Promise<string>, token: string) => Promise<EmailContent>;

/**
 * A new token and the email carrying its link, in the caller's transaction: a
 * link is never valid without its email queued, nor an email queued for a
 * link that was not stored. The email's dedupe key is the token's row.
 */
export async function queueTokenEmail(
  tx: TokenClient & OutboxClient,
  user: { id: string; email: string },
  kind: AuthTokenKind,
  build: TokenEmail,
): Promise<void> {
  const { id, token } = await issueTokenIn(tx, user.id, kind);
  const content = await build(absoluteUrl, token);
  await sendEmail({ to: user.email, userId: user.id, ...content }, { client: tx, dedupeKey: `token:${id}` });
}

/** The same in a transaction of its own, with an optional audit entry; the worker is woken after the commit. */
export async function emailToken(
  user: { id: string; email: string },
  kind: AuthTokenKind,
  build: TokenEmail,
  audit?: AuditEntry,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await queueTokenEmail(tx, user, kind, build);
    if (audit) await recordAudit(tx, audit.event, audit.context);
  });
  wakeOutboxWorker();
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

const confirmationContent =
  (user: { firstName: string }): TokenEmail =>
  async (url, token) =>
    emailConfirmation({ firstName: user.firstName, url: await url(`/confirmer-email?token=${encodeURIComponent(token)}`) });

export async function sendConfirmationEmail(user: { id: string; email: string; firstName: string }, audit?: AuditEntry): Promise<void> {
  await emailToken(user, "EMAIL_CONFIRMATION", confirmationContent(user), audit);
}

export async function sendPasswordResetEmail(user: { id: string; email: string; firstName: string }, audit?: AuditEntry): Promise<void> {
  await emailToken(
    user,
    "PASSWORD_RESET",
    async (url, token) =>
      passwordReset({
        firstName: user.firstName,
        url: await url(`/reinitialiser-mot-de-passe?token=${encodeURIComponent(token)}`),
        validMinutes: TOKEN_LIFETIME_MINUTES.PASSWORD_RESET,
      }),
    audit,
  );
}

/**
 * Sets a new password and ends sessions: all of them after a reset, all but
 * the current one after a change from the settings page.
 */
export async function setPassword(
  userId: string,
  password: string,
  options: { keepSessionId?: string; reason: "reset" | "change"; audit?: AuditEntry },
) {
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
    // The audit entries commit with the new password (an activation adds its own).
    await recordAudit(
      tx,
      { type: options.reason === "reset" ? "auth.password_reset" : "auth.password_changed", data: {} },
      { actorId: userId, subjectUserId: userId },
    );
    if (options.audit) await recordAudit(tx, options.audit.event, options.audit.context);
    return updated;
  });
  await db.loginThrottle.deleteMany({ where: { emailHash: hashEmail(user.email) } });
}
