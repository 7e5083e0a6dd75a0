"use client";

import Link from "next/link";
import { startTransition, useActionState, useRef, useState } from "react";
import { login, resendConfirmation } from "@/lib/auth/actions";
import { FormMessage, SubmitButton, TextField } from "@/components/auth/form-bits";
import { errorOf, successOf, fieldErrorOf, initialActionState } from "@/lib/result";

// The login page stays light: no validation library in its bundle. The browser's
// own constraints (required, type=email) are read here to show the server's French
// messages next to the fields at once; the server checks everything again (loginSchema).
const MESSAGES = {
  email: {
    valueMissing: "Renseignez votre adresse e-mail.",
    typeMismatch: "Adresse e-mail invalide.",
    tooLong: "Adresse e-mail trop longue.",
  },
  password: { valueMissing: "Renseignez votre mot de passe.", typeMismatch: "", tooLong: "" },
} as const;

function checkField(input: HTMLInputElement, name: keyof typeof MESSAGES): string | undefined {
  const v = input.validity;
  if (v.valueMissing || !input.value.trim()) return MESSAGES[name].valueMissing;
  if (v.typeMismatch) return MESSAGES[name].typeMismatch || undefined;
  if (v.tooLong) return MESSAGES[name].tooLong || undefined;
  return undefined;
}

export function LoginForm({ notice, next }: { notice?: string; next?: string }) {
  const [state, formAction, pending] = useActionState(login, initialActionState);
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string | undefined>>({});
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Posted through a transition rather than the form's action, so React keeps what was typed on an error.
    event.preventDefault();
    const form = event.currentTarget;
    const fields = { email: form.elements.namedItem("email"), password: form.elements.namedItem("password") };
    const errors = {
      email: checkField(fields.email as HTMLInputElement, "email"),
      password: checkField(fields.password as HTMLInputElement, "password"),
    };
    setClientErrors(errors);
    const firstInvalid = errors.email ? fields.email : errors.password ? fields.password : null;
    if (firstInvalid) return (firstInvalid as HTMLInputElement).focus();
    const data = new FormData(form);
    startTransition(() => formAction(data));
  };
  const errorFor = (name: string) => clientErrors[name] ?? fieldErrorOf(state, name);
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
          name="email"
          required
          maxLength={254}
          error={errorFor("email")}
          onChange={() => clientErrors.email && setClientErrors({ ...clientErrors, email: undefined })}
        />
        <TextField
          label="Mot de passe"
          type="password"
          autoComplete="current-password"
          name="password"
          required
          maxLength={200}
          error={errorFor("password")}
          onChange={() => clientErrors.password && setClientErrors({ ...clientErrors, password: undefined })}
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
