"use client";

import { resetPassword } from "@/lib/auth/actions";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { PASSWORD_RULES_TEXT } from "@/lib/auth/password-rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, SubmitButton, TextField } from "@/components/auth/form-bits";
import { errorOf } from "@/lib/result";

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, pending, formRef, formAction, onSubmit, errorFor, register } = useActionForm(resetPasswordSchema, resetPassword);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {errorOf(state) ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      <input type="hidden" value={token} {...register("token")} />
      <TextField
        label="Nouveau mot de passe"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_RULES_TEXT}
        error={errorFor("password")}
        {...register("password")}
      />
      <TextField
        label="Vérification"
        type="password"
        autoComplete="new-password"
        error={errorFor("confirmPassword")}
        {...register("confirmPassword")}
      />
      <SubmitButton pending={pending}>Modifier le mot de passe</SubmitButton>
      <p className="text-xs text-slate-500">Toutes vos sessions ouvertes seront fermées.</p>
    </form>
  );
}
