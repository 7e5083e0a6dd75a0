"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { AuthError } from "next-auth";
import { db } from "@/lib/db";
import { recordAudit, requestContext } from "@/lib/audit";
import { hitRateLimit } from "@/lib/rate-limit";
import { z } from "zod";
import { FIX_FIELDS } from "@/lib/forms";
import { safeNextPath } from "@/lib/url";
import { auth, signIn, signOut } from "./config";
import { confirmCurrentPassword, endSession } from "./login";
import { consumeToken, registerWorker, requestPasswordResetFor, resendConfirmationFor, setPassword, type Defer } from "./accounts";
import { passwordStrengthError } from "./password-strength";
import { changePasswordSchema, forgotPasswordSchema, loginSchema, resetPasswordSchema, signupSchema } from "./schemas";
import { homeFor } from "./session";
import { publicAction, userAction } from "./action";
import { fail, ok, type Result } from "@/lib/result";

const loginMessages: Record<string, string> = {
  invalid: "Adresse e-mail ou mot de passe incorrect.",
  unconfirmed:
    "Votre adresse e-mail n'est pas encore confirmée. Cliquez sur le lien reçu par e-mail, ou demandez un nouveau lien ci-dessous.",
  disabled: "Ce compte est désactivé. Contactez votre agence.",
};

function loginErrorMessage(error: unknown): string | null {
  if (!(error instanceof AuthError)) return null;
  const code = (error as { code?: string }).code ?? (error.cause as { err?: { code?: string } } | undefined)?.err?.code ?? "invalid";
  if (code.startsWith("locked:")) {
    const minutes = Math.max(1, Number(code.slice(7)) || 1);
    return `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}, ou réinitialisez votre mot de passe.`;
  }
  return loginMessages[code] ?? loginMessages.invalid;
}

/** A refused sign-in says whether the address still waits for its confirmation (the form then offers a new link). */
export type LoginAnswer = { unconfirmed: boolean };

export const login = publicAction(loginSchema, async (data, _user, formData): Promise<Result<LoginAnswer>> => {
  try {
    await signIn("credentials", { email: data.email, password: data.password, redirect: false });
  } catch (error) {
    const message = loginErrorMessage(error);
    if (message) return { ok: false, message, fieldErrors: {}, data: { unconfirmed: message === loginMessages.unconfirmed } };
    throw error;
  }
  const user = await db.user.findUnique({ where: { email: data.email }, select: { role: true } });
  const home = homeFor(user?.role ?? "WORKER");
  const next = safeNextPath(formData.get("next"));
  redirect(next && areaOf(next) === home ? next : home);
});

/** The home whose area a path belongs to, so that "next" never crosses roles. */
function areaOf(path: string): string {
  if (path === "/admin" || path.startsWith("/admin/")) return "/admin";
  if (path === "/client" || path.startsWith("/client/")) return "/client";
  return "/";
}

/** "Déconnexion": a plain form, also posted by an expired session (no caller required). */
export const logout = publicAction.post(z.object({}), async () => {
  const session = await auth();
  if (session?.sessionId) await endSession(session.sessionId);
  await signOut({ redirectTo: "/connexion?deconnecte=1" });
});

async function limited(key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const { ipAddress } = await requestContext(); // lib/http/client.ts: trusted proxy hops only
  const result = await hitRateLimit(`${key}:${ipAddress ?? "unknown"}`, limit, windowSeconds);
  return !result.allowed;
}

const TOO_MANY = "Trop de demandes en peu de temps. Réessayez dans quelques minutes.";

/** Deferred account work runs after the response; a failure is logged, never shown. */
const deferred: Defer = (task) =>
  after(() => task().catch((error: unknown) => console.error("[auth] deferred account task failed", error)));

export const signup = publicAction(signupSchema, async (data): Promise<Result> => {
  if (await limited("signup", 30, 3600)) return fail(TOO_MANY);
  const agency = await db.agency.findUnique({ where: { id: data.agencyId } });
  if (!agency) return fail(FIX_FIELDS, { agencyId: "Choisissez votre agence." });
  const weak = await passwordStrengthError(data.password, [data.email, data.firstName, data.lastName]);
  if (weak) return fail(FIX_FIELDS, { password: weak });
  // Same answer and the same work whether or not the address is registered.
  await registerWorker({ ...data, agencyId: agency.id }, deferred);
  redirect("/inscription/verifiez-vos-emails");
});

export const resendConfirmation = publicAction(forgotPasswordSchema, async (data): Promise<Result> => {
  if (await limited("resend-confirmation", 5, 3600)) return fail(TOO_MANY);
  resendConfirmationFor(data.email, deferred);
  return ok("Si un compte en attente de confirmation existe pour cette adresse, un nouveau lien vient d'y être envoyé.");
});

const confirmSchema = z.object({ token: z.string().optional().default("") });

export const confirmEmail = publicAction(confirmSchema, async (data): Promise<Result> => {
  const result = await consumeToken(data.token, "EMAIL_CONFIRMATION");
  if ("error" in result) {
    return fail(
      result.error === "expired"
        ? "Ce lien de confirmation a expiré. Demandez-en un nouveau depuis la page de connexion."
        : "Ce lien de confirmation n'est plus valable : il a déjà été utilisé ou il est incorrect.",
    );
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: result.userId }, data: { emailVerifiedAt: new Date() } });
    await recordAudit(tx, { type: "auth.email_confirmed", data: {} }, { actorId: result.userId, subjectUserId: result.userId });
  });
  redirect("/connexion?confirme=1");
});

export const requestPasswordReset = publicAction(forgotPasswordSchema, async (data) => {
  const sent = ok(
    "Si un compte existe pour cette adresse, vous allez recevoir un e-mail avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure.",
  );
  if (await limited("password-reset", 20, 3600)) return fail(TOO_MANY);
  requestPasswordResetFor(data.email, deferred);
  return sent;
});

export const resetPassword = publicAction(resetPasswordSchema, async (data): Promise<Result> => {
  // Checked before the link is used, so a refused password does not burn it.
  const weak = await passwordStrengthError(data.password);
  if (weak) return fail(FIX_FIELDS, { password: weak });
  const result = await consumeToken(data.token, "PASSWORD_RESET");
  if ("error" in result) {
    return fail(
      result.error === "expired"
        ? "Ce lien a expiré. Demandez un nouveau lien de réinitialisation."
        : "Ce lien n'est plus valable : il a déjà été utilisé ou il est incorrect. Demandez un nouveau lien.",
    );
  }
  await setPassword(result.userId, data.password, { reason: "reset" });
  redirect("/connexion?reinitialise=1");
});

export const changePassword = userAction(changePasswordSchema, async (data, user): Promise<Result> => {
  if (await limited(`change-password:${user.id}`, 10, 900)) return fail(TOO_MANY);
  const { ipAddress } = await requestContext();
  const confirmed = await confirmCurrentPassword(user, data.currentPassword, ipAddress);
  if (!confirmed.ok) return fail(FIX_FIELDS, { currentPassword: confirmed.message });
  const weak = await passwordStrengthError(data.password, [user.email, user.firstName, user.lastName]);
  if (weak) return fail(FIX_FIELDS, { password: weak });
  await setPassword(user.id, data.password, { reason: "change", keepSessionId: user.sessionId });
  return ok("Votre mot de passe a été modifié. Vos autres sessions ont été fermées.");
});
