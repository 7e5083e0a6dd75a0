"use client";

import { signup } from "@/lib/auth/actions";
import { signupSchema } from "@/lib/auth/schemas";
import { PASSWORD_RULES_TEXT } from "@/lib/auth/password-rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, SubmitButton, TextField } from "@/components/auth/form-bits";
import { errorOf } from "@/lib/result";

export function SignupForm({ agencies }: { agencies: { id: string; label: string }[] }) {
  const { state, pending, formRef, formAction, onSubmit, errorFor, register } = useActionForm(signupSchema, signup);
  const agencyError = errorFor("agencyId");
  const termsError = errorFor("acceptTerms");
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {errorOf(state) ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Prénom" autoComplete="given-name" error={errorFor("firstName")} {...register("firstName")} />
        <TextField label="Nom" autoComplete="family-name" error={errorFor("lastName")} {...register("lastName")} />
      </div>
      <TextField
        label="Adresse e-mail"
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errorFor("email")}
        {...register("email")}
      />
      <TextField
        label="Téléphone portable"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        hint="Il servira à recevoir les codes de signature de vos contrats."
        error={errorFor("phone")}
        {...register("phone")}
      />
      <div className="space-y-1">
        <label htmlFor="f-agencyId" className="block text-sm font-medium text-slate-800">
          Agence
        </label>
        <select
          id="f-agencyId"
          defaultValue=""
          aria-invalid={agencyError ? true : undefined}
          aria-describedby={agencyError ? "f-agencyId-error" : undefined}
          className={`block w-full rounded-md border bg-white px-3 py-2.5 text-base ${agencyError ? "border-red-500" : "border-slate-300"}`}
          {...register("agencyId")}
        >
          <option value="" disabled>
            Choisissez votre agence
          </option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        {agencyError ? (
          <p id="f-agencyId-error" className="text-sm text-red-700" role="alert">
            {agencyError}
          </p>
        ) : null}
      </div>
      <TextField
        label="Mot de passe"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_RULES_TEXT}
        error={errorFor("password")}
        {...register("password")}
      />
      <TextField
        label="Confirmation du mot de passe"
        type="password"
        autoComplete="new-password"
        error={errorFor("confirmPassword")}
        {...register("confirmPassword")}
      />
      <div>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            value="on"
            className="mt-1 h-4 w-4"
            aria-invalid={termsError ? true : undefined}
            {...register("acceptTerms")}
          />
          <span>J&apos;accepte que mes données soient traitées par l&apos;agence pour la gestion de mes missions d&apos;intérim.</span>
        </label>
        {termsError ? (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {termsError}
          </p>
        ) : null}
      </div>
      <SubmitButton pending={pending} pendingLabel="Inscription…">
        S&apos;inscrire
      </SubmitButton>
    </form>
  );
}
