"use client";
// The three forms of "SMIC et minima"; each keeps what was typed when the server refuses it.
import { FormFeedback, useServerForm } from "@/components/backoffice/server-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, InputField, SelectField } from "@/components/ui/field";
import { addSmicAction, setAgreementAction, setMinimumAction } from "./actions";

export function AddSmicForm() {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(addSmicAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Ajouter une valeur du SMIC">
      <FormFeedback state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField label="En vigueur à partir du" name="effectiveFrom" type="date" required error={errorFor("effectiveFrom")} />
        <InputField
          label="Taux horaire brut (€)"
          name="hourlyRate"
          inputMode="decimal"
          placeholder="12,02"
          required
          error={errorFor("hourlyRate")}
        />
        <InputField label="Source" name="source" placeholder="Décret n° … du …" error={errorFor("source")} />
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Ajout…" : "Ajouter cette valeur"}
      </Button>
    </form>
  );
}

export function MinimumForm({ agencyId, qualifications }: { agencyId: string; qualifications: { value: string; label: string }[] }) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(setMinimumAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Taux minimum d'une qualification">
      <FormFeedback state={state} />
      <input type="hidden" name="agencyId" value={agencyId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Qualification" name="qualificationId" required defaultValue="" error={errorFor("qualificationId")}>
          <option value="" disabled>
            Choisir…
          </option>
          {qualifications.map((q) => (
            <option key={q.value} value={q.value}>
              {q.label}
            </option>
          ))}
        </SelectField>
        <InputField
          label="Taux horaire minimum (€)"
          name="minimum"
          inputMode="decimal"
          placeholder="13,50"
          hint="Laissez vide pour retirer le minimum."
          error={errorFor("minimum")}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer le minimum"}
      </Button>
    </form>
  );
}

export function AgreementForm({ agencyId, enabled }: { agencyId: string; enabled: boolean }) {
  const { state, pending, onSubmit, formAction } = useServerForm(setAgreementAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Durée quotidienne de travail">
      <FormFeedback state={state} />
      <input type="hidden" name="agencyId" value={agencyId} />
      <CheckboxField
        key={String(enabled)}
        label="Un accord (de branche ou d'entreprise) autorise jusqu'à 12 h de travail par jour"
        name="enabled"
        defaultChecked={enabled}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer"}
      </Button>
    </form>
  );
}
