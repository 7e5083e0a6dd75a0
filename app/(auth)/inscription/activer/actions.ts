"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/auth/action";
import { consumeToken, setPassword } from "@/lib/auth/accounts";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { passwordStrengthError } from "@/lib/auth/password-strength";
import { FIX_FIELDS } from "@/lib/forms";
import { fail, type Result } from "@/lib/result";

/** An invited worker chooses a password; the link proves the mailbox, so the email is confirmed too. */
export const activateAccount = publicAction(resetPasswordSchema, async (data): Promise<Result> => {
  const weak = await passwordStrengthError(data.password);
  if (weak) return fail(FIX_FIELDS, { password: weak });
  const result = await consumeToken(data.token, "INVITATION");
  if ("error" in result) {
    return fail(
      result.error === "expired"
        ? "Ce lien d'invitation a expiré. Demandez à votre agence de vous renvoyer une invitation."
        : "Ce lien n'est plus valable : il a déjà été utilisé ou il est incorrect.",
    );
  }
  await setPassword(result.userId, data.password, {
    reason: "reset",
    audit: { event: { type: "auth.account_activated", data: {} }, context: { actorId: result.userId, subjectUserId: result.userId } },
  });
  redirect("/connexion?confirme=1");
});
