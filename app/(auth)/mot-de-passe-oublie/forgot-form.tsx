"use client";

import { requestPasswordReset } from "@/lib/auth/actions";
import { forgotPasswordSchema } from "@/lib/auth/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, SubmitButton, TextField } from "@/components/auth/form-bits";

export function ForgotPasswordForm() {
  const { state, pending, formRef, formAction, onSubmit, errorFor, register } = useActionForm(forgotPasswordSchema, requestPasswordReset);
  if (state.ok) return <div className="mt-6"><FormMessage kind="success">{state.message}</FormMessage></div>;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {state.error ? <FormMessage kind="error">{state.error}</FormMessage> : null}
      <TextField label="Adresse email" type="email" autoComplete="email" inputMode="email" error={errorFor("email")} {...register("email")} />
      <SubmitButton pending={pending}>Envoyer le lien</SubmitButton>
    </form>
  );
}
