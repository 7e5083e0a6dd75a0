"use client";

import { useActionState } from "react";
import { confirmEmail } from "@/lib/auth/actions";
import { FormMessage, SubmitButton } from "@/components/auth/form-bits";
import { errorOf, initialActionState } from "@/lib/result";

export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(confirmEmail, initialActionState);
  return (
    <form action={action} className="mt-4 space-y-4">
      <p className="text-slate-700">Cliquez sur le bouton pour confirmer votre adresse et activer votre espace.</p>
      {errorOf(state) ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending}>Confirmer mon adresse</SubmitButton>
    </form>
  );
}
