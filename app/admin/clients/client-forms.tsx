"use client";

import { FormFeedback, useServerForm } from "@/components/backoffice/server-form";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { saveClientAction, saveSiteAction } from "./actions";

export function ClientForm({
  agencies,
  defaults,
  formKey,
}: {
  /** For a new client (lib/forms.ts newFormKey): one client however often the form is posted. */
  formKey?: string;
  agencies: { id: string; code: string }[];
  defaults?: { clientId: string; agencyId: string; name: string; phone: string; email: string; siret: string };
}) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(saveClientAction);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-label={defaults ? "Modifier le client" : "Nouveau client"}
    >
      <FormFeedback state={state} />
      {defaults ? <input type="hidden" name="clientId" value={defaults.clientId} /> : null}
      {formKey ? <input type="hidden" name={FORM_KEY_FIELD} value={formKey} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {defaults ? (
          <input type="hidden" name="agencyId" value={defaults.agencyId} />
        ) : (
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
        )}
        <InputField label="Nom du client" name="name" required defaultValue={defaults?.name} error={errorFor("name")} />
        <InputField label="Téléphone" name="phone" type="tel" defaultValue={defaults?.phone} error={errorFor("phone")} />
        <InputField label="Email" name="email" type="email" defaultValue={defaults?.email} error={errorFor("email")} />
        <InputField label="SIRET" name="siret" defaultValue={defaults?.siret} error={errorFor("siret")} />
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Enregistrement…" : defaults ? "Enregistrer le client" : "Créer le client"}
      </Button>
    </form>
  );
}

export function SiteForm({
  clientId,
  defaults,
  title,
  formKey,
}: {
  /** For a new site (lib/forms.ts newFormKey): one site however often the form is posted. */
  formKey?: string;
  clientId: string;
  title: string;
  defaults?: { siteId: string; name: string; address: string; postalCode: string; city: string; phone: string; accessMeans: string };
}) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(saveSiteAction);
  const p = defaults ? `site-${defaults.siteId}` : "nouveau-site";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={title}>
      <FormFeedback state={state} />
      <input type="hidden" name="clientId" value={clientId} />
      {defaults ? <input type="hidden" name="siteId" value={defaults.siteId} /> : null}
      {formKey ? <input type="hidden" name={FORM_KEY_FIELD} value={formKey} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField id={`${p}-nom`} label="Nom du site" name="name" required defaultValue={defaults?.name} error={errorFor("name")} />
        <InputField
          id={`${p}-tel`}
          label="Téléphone du site"
          name="phone"
          type="tel"
          defaultValue={defaults?.phone}
          error={errorFor("phone")}
        />
        <InputField
          id={`${p}-adresse`}
          label="Adresse"
          name="address"
          required
          defaultValue={defaults?.address}
          error={errorFor("address")}
        />
        <InputField
          id={`${p}-cp`}
          label="Code postal"
          name="postalCode"
          required
          inputMode="numeric"
          defaultValue={defaults?.postalCode}
          error={errorFor("postalCode")}
        />
        <InputField id={`${p}-ville`} label="Ville" name="city" required defaultValue={defaults?.city} error={errorFor("city")} />
        <InputField
          id={`${p}-acces`}
          label="Moyen d'accès"
          name="accessMeans"
          placeholder="Par ses propres moyens"
          defaultValue={defaults?.accessMeans}
          error={errorFor("accessMeans")}
        />
      </div>
      <Button type="submit" variant={defaults ? "secondary" : "primary"} disabled={pending}>
        {pending ? "Enregistrement…" : defaults ? "Enregistrer le site" : "Ajouter le site"}
      </Button>
    </form>
  );
}
