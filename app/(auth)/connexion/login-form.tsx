"use client";

import Link from "next/link";
import { useActionState } from "react";
import { login, resendConfirmation } from "@/lib/auth/actions";
import { loginSchema } from "@/lib/auth/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, SubmitButton, TextField } from "@/components/auth/form-bits";
import { errorOf, successOf, fieldErrorOf, initialActionState } from "@/lib/result";

export function LoginForm({ notice, next }: { notice?: string; next?: string }) {
  const { state, pending, formRef, formAction, onSubmit, errorFor, register } = useActionForm(loginSchema, login);
  return (
    <div className="mt-6 space-y-5">
      {notice ? <FormMessage kind="success">{notice}</FormMessage> : null}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
        {next ? <input type="hidden" name="next" value={next} /> : null}
        {errorOf(state) ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
        <TextField
          label="Adresse e-mail"
          hint="C'est l'adresse sur laquelle vous avez reçu l'e-mail de confirmation d'inscription."
          type="email"
          autoComplete="username"
          inputMode="email"
          error={errorFor("email")}
          {...register("email")}
        />
        <TextField
          label="Mot de passe"
          type="password"
          autoComplete="current-password"
          error={errorFor("password")}
          {...register("password")}
        />
        <p className="text-sm">
          <Link href="/mot-de-passe-oublie" className="text-brand-700 font-medium underline-offset-2 hover:underline">
            › J&apos;ai oublié mon mot de passe
          </Link>
        </p>
        <SubmitButton pending={pending} pendingLabel="Connexion…">
          Connexion
        </SubmitButton>
      </form>
      {state && !state.ok && state.data?.unconfirmed ? <ResendConfirmation /> : null}
      <div className="border-t border-slate-200 pt-4 text-center text-sm text-slate-600">
        Pas encore de compte ?{" "}
        <Link href="/inscription" className="text-brand-700 font-semibold hover:underline">
          S&apos;inscrire
        </Link>
      </div>
    </div>
  );
}

function ResendConfirmation() {
  const [state, action, pending] = useActionState(resendConfirmation, initialActionState);
  return (
    <form action={action} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <p className="text-sm text-slate-700">Renvoyer le lien de confirmation à :</p>
      {successOf(state) ? <FormMessage kind="info">{successOf(state)}</FormMessage> : null}
      <TextField label="Adresse e-mail" name="email" type="email" error={fieldErrorOf(state, "email")} />
      <button
        type="submit"
        disabled={pending}
        className="border-brand-600 text-brand-700 hover:bg-brand-50 rounded-md border px-3 py-2 text-sm font-medium"
      >
        Renvoyer l&apos;email de confirmation
      </button>
    </form>
  );
}
