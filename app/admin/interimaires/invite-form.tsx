"use client";

import { FormFeedback, useServerForm } from "@/components/backoffice/server-form";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { inviteWorkerAction } from "./actions";

export function InviteForm({ agencies, formKey }: { agencies: { id: string; code: string }[]; formKey: string }) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(inviteWorkerAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback state={state} />
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Agence"
          name="agencyId"
          required
          defaultValue={agencies.length === 1 ? agencies[0].id : ""}
          error={errorFor("agencyId")}
        >
          <option value="">Choisir…</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.code}
            </option>
          ))}
        </SelectField>
        <InputField label="Adresse e-mail" name="email" type="email" required autoComplete="off" error={errorFor("email")} />
        <InputField label="Prénom" name="firstName" required error={errorFor("firstName")} />
        <InputField label="Nom" name="lastName" required error={errorFor("lastName")} />
        <InputField
          label="Téléphone portable"
          name="phone"
          type="tel"
          hint="Pour recevoir les codes de signature des contrats."
          error={errorFor("phone")}
        />
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer l'invitation"}
      </Button>
    </form>
  );
}
