"use client";

import { requestPasswordReset } from "@/lib/auth/actions";
import { forgotPasswordSchema } from "@/lib/auth/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, SubmitButton, TextField } from "@/components/auth/form-bits";
import { errorOf, successOf } from "@/lib/result";

export function ForgotPasswordForm() {
  const { state, pending, formRef, formAction, onSubmit, errorFor, register } = useActionForm(forgotPasswordSchema, requestPasswordReset);
  if (state?.ok)
    return (
      <div className="mt-6">
        <FormMessage kind="success">{successOf(state)}</FormMessage>
      </div>
    );
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {errorOf(state) ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      <TextField
        label="Adresse e-mail"
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errorFor("email")}
        {...register("email")}
      />
      <SubmitButton pending={pending}>Envoyer le lien</SubmitButton>
    </form>
  );
}
