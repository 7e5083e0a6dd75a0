"use client";

import { resetPasswordSchema } from "@/lib/auth/schemas";
import { PASSWORD_RULES_TEXT } from "@/lib/auth/password-rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, SubmitButton, TextField } from "@/components/auth/form-bits";
import { activateAccount } from "./actions";
import { errorOf } from "@/lib/result";

export function ActivateForm({ token }: { token: string }) {
  const { state, pending, formRef, formAction, onSubmit, errorFor, register } = useActionForm(resetPasswordSchema, activateAccount);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {errorOf(state) ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      <input type="hidden" value={token} {...register("token")} />
      <TextField
        label="Mot de passe"
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
      <SubmitButton pending={pending}>Activer mon espace</SubmitButton>
    </form>
  );
}
