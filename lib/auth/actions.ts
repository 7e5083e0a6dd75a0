"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { db } from "@/lib/db";
import { recordAudit, requestContext } from "@/lib/audit";
import { hitRateLimit } from "@/lib/rate-limit";
import { FIX_FIELDS, type FormState, parseForm } from "@/lib/forms";
import { sendEmail } from "@/lib/messaging";
import { signupAttemptOnExistingAccount } from "@/lib/messaging/templates";
import { safeNextPath, absoluteUrl } from "@/lib/url";
import { auth, signIn, signOut } from "./config";
import { consumeToken, sendConfirmationEmail, sendPasswordResetEmail, setPassword } from "./accounts";
import { verifyPassword, hashPassword } from "./password";
import { changePasswordSchema, forgotPasswordSchema, loginSchema, resetPasswordSchema, signupSchema } from "./schemas";
import { getSessionUser, homeFor } from "./session";
import { publicAction } from "./action";

const loginMessages: Record<string, string> = {
  invalid: "Email ou mot de passe incorrect.",
  unconfirmed: "Votre adresse email n'est pas encore confirmée. Cliquez sur le lien reçu par email, ou demandez un nouveau lien ci-dessous.",
  disabled: "Ce compte est désactivé. Contactez votre agence.",
};

function loginErrorMessage(error: unknown): string | null {
  if (!(error instanceof AuthError)) return null;
  const code =
    (error as { code?: string }).code ?? ((error.cause as { err?: { code?: string } } | undefined)?.err?.code) ?? "invalid";
  if (code.startsWith("locked:")) {
    const minutes = Math.max(1, Number(code.slice(7)) || 1);
    return `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}, ou réinitialisez votre mot de passe.`;
  }
  return loginMessages[code] ?? loginMessages.invalid;
}

export async function login(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    const message = loginErrorMessage(error);
    if (message) return { error: message, fieldErrors: {}, ...(message === loginMessages.unconfirmed ? { message: "unconfirmed" } : {}) };
    throw error;
  }
  const user = await db.user.findUnique({ where: { email: parsed.data.email }, select: { role: true } });
  const home = homeFor(user?.role ?? "WORKER");
  const next = safeNextPath(formData.get("next"));
  redirect(next && areaOf(next) === home ? next : home);
}

/** The home whose area a path belongs to, so that "next" never crosses roles. */
function areaOf(path: string): string {
  if (path === "/admin" || path.startsWith("/admin/")) return "/admin";
  if (path === "/client" || path.startsWith("/client/")) return "/client";
  return "/";
}

export async function logout(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) {
    const row = await db.userSession.findUnique({ where: { id: session.sessionId } });
    if (row) {
      await db.userSession.delete({ where: { id: row.id } }).catch(() => undefined);
      await recordAudit({ action: "auth.logout", actorId: row.userId, subjectUserId: row.userId });
    }
  }
  await signOut({ redirectTo: "/connexion?deconnecte=1" });
}

async function limited(key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const { ipAddress } = await requestContext();
  const result = await hitRateLimit(`${key}:${ipAddress ?? "unknown"}`, limit, windowSeconds);
  return !result.allowed;
}

const TOO_MANY = "Trop de demandes en peu de temps. Réessayez dans quelques minutes.";

export const signup = publicAction(signupSchema, async (data) => {
  if (await limited("signup", 30, 3600)) return { error: TOO_MANY };
  const agency = await db.agency.findUnique({ where: { id: data.agencyId } });
  if (!agency) return { error: FIX_FIELDS, fieldErrors: { agencyId: "Choisissez votre agence." } };

  const existing = await db.user.findUnique({ where: { email: data.email } });
  if (existing) {
    // Same answer as a new account, so the form does not reveal who is registered;
    // the owner of the address is told by email instead.
    await sendEmail({
      to: existing.email,
      userId: existing.id,
      ...signupAttemptOnExistingAccount({ firstName: existing.firstName, loginUrl: await absoluteUrl("/connexion"), resetUrl: await absoluteUrl("/mot-de-passe-oublie") }),
    });
    redirect("/inscription/verifiez-vos-emails");
  }

  const passwordHash = await hashPassword(data.password);
  const user = await createWorkerAccount({ ...data, passwordHash, agencyId: agency.id });
  if (!user) redirect("/inscription/verifiez-vos-emails"); // lost a race with the same email
  await recordAudit({ action: "auth.signup", actorId: user.id, subjectUserId: user.id, agencyId: agency.id });
  await sendConfirmationEmail(user);
  redirect("/inscription/verifiez-vos-emails");
});

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

export async function resendConfirmation(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(forgotPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  if (await limited("resend-confirmation", 5, 3600)) return { error: TOO_MANY };
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  if (user && !user.emailVerifiedAt && user.active) await sendConfirmationEmail(user);
  return { ok: true, message: "Si un compte en attente de confirmation existe pour cette adresse, un nouveau lien vient d'y être envoyé." };
}

export async function confirmEmail(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get("token") ?? "");
  const result = await consumeToken(token, "EMAIL_CONFIRMATION");
  if ("error" in result) {
    return {
      error:
        result.error === "expired"
          ? "Ce lien de confirmation a expiré. Demandez-en un nouveau depuis la page de connexion."
          : "Ce lien de confirmation n'est plus valable : il a déjà été utilisé ou il est incorrect.",
    };
  }
  await db.user.update({ where: { id: result.userId }, data: { emailVerifiedAt: new Date() } });
  await recordAudit({ action: "auth.email_confirmed", actorId: result.userId, subjectUserId: result.userId });
  redirect("/connexion?confirme=1");
}

export const requestPasswordReset = publicAction(forgotPasswordSchema, async (data) => {
  const sent = { ok: true, message: "Si un compte existe pour cette adresse, vous allez recevoir un email avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure." };
  if (await limited("password-reset", 20, 3600)) return { error: TOO_MANY };
  const perEmail = await hitRateLimit(`password-reset-email:${data.email}`, 3, 3600);
  if (!perEmail.allowed) return sent;
  const user = await db.user.findUnique({ where: { email: data.email } });
  if (user?.active) {
    await sendPasswordResetEmail(user);
    await recordAudit({ action: "auth.password_reset_requested", subjectUserId: user.id });
  }
  return sent;
});

export const resetPassword = publicAction(resetPasswordSchema, async (data) => {
  const result = await consumeToken(data.token, "PASSWORD_RESET");
  if ("error" in result) {
    return {
      error:
        result.error === "expired"
          ? "Ce lien a expiré. Demandez un nouveau lien de réinitialisation."
          : "Ce lien n'est plus valable : il a déjà été utilisé ou il est incorrect. Demandez un nouveau lien.",
    };
  }
  await setPassword(result.userId, data.password, { reason: "reset" });
  redirect("/connexion?reinitialise=1");
});

export async function changePassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) redirect("/connexion");
  const parsed = parseForm(changePasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  if (await limited(`change-password:${user.id}`, 10, 900)) return { error: TOO_MANY };
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row?.passwordHash, parsed.data.currentPassword))) {
    return { error: FIX_FIELDS, fieldErrors: { currentPassword: "Mot de passe actuel incorrect." } };
  }
  await setPassword(user.id, parsed.data.password, { reason: "change", keepSessionId: user.sessionId });
  return { ok: true, message: "Votre mot de passe a été modifié. Vos autres sessions ont été fermées." };
}
