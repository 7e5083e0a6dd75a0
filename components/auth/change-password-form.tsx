"use client";

import { changePassword } from "@/lib/auth/actions";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { PASSWORD_RULES_TEXT } from "@/lib/auth/password-rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, SubmitButton, TextField } from "./form-bits";
import { errorOf, successOf } from "@/lib/result";

export function ChangePasswordForm() {
  const { state, pending, formRef, formAction, onSubmit, errorFor, register } = useActionForm(changePasswordSchema, changePassword);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="mt-4 max-w-md space-y-4">
      {errorOf(state) ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      {state?.ok ? <FormMessage kind="success">{successOf(state)}</FormMessage> : null}
      <TextField
        label="Mot de passe actuel *"
        type="password"
        autoComplete="current-password"
        placeholder="Tapez votre mot de passe actuel"
        error={errorFor("currentPassword")}
        {...register("currentPassword")}
      />
      <TextField
        label="Nouveau mot de passe *"
        type="password"
        autoComplete="new-password"
        placeholder="Choisissez votre nouveau mot de passe"
        hint={PASSWORD_RULES_TEXT}
        error={errorFor("password")}
        {...register("password")}
      />
      <TextField
        label="Vérification *"
        type="password"
        autoComplete="new-password"
        placeholder="Retapez votre nouveau mot de passe"
        error={errorFor("confirmPassword")}
        {...register("confirmPassword")}
      />
      <SubmitButton pending={pending}>Modifier le mot de passe</SubmitButton>
    </form>
  );
}
