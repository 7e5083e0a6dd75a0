"use client";
// Staff record a diploma checked on the original: it grants its qualification at once.
import { FormFeedback, useServerForm } from "@/components/backoffice/server-form";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { recordDiplomaAction } from "../actions";

export function CheckedDiplomaForm({
  workerId,
  formKey,
  qualifications,
}: {
  workerId: string;
  formKey: string;
  qualifications: { value: string; label: string }[];
}) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(recordDiplomaAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Enregistrer un diplôme vérifié">
      <FormFeedback state={state} />
      <input type="hidden" name="workerId" value={workerId} />
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField label="Intitulé du diplôme" name="name" required error={errorFor("name")} />
        <InputField label="Obtenu le" name="obtainedOn" type="date" required error={errorFor("obtainedOn")} />
        <SelectField label="Qualification accordée" name="qualificationId" required defaultValue="" error={errorFor("qualificationId")}>
          <option value="" disabled>
            Choisir…
          </option>
          {qualifications.map((q) => (
            <option key={q.value} value={q.value}>
              {q.label}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer le diplôme"}
      </Button>
    </form>
  );
}
