"use client";

import { startTransition, useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { errorOf, fieldErrorsIn, initialActionState, type ActionState, type Result } from "@/lib/result";

type Option = { id: string; label: string };

/** "Nouveau ciblage": the need's site, qualification, dates and hours. */
export function NeedForm({
  sites,
  qualifications,
  action,
  minDate,
  formKey,
}: {
  sites: Option[];
  qualifications: Option[];
  action: (s: ActionState, f: FormData) => Promise<Result>;
  minDate: string;
  /** lib/forms.ts newFormKey: one need however often the form is posted. */
  formKey: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const e = fieldErrorsIn(state);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="grid gap-4 sm:grid-cols-2"
      noValidate
    >
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      {errorOf(state) ? (
        <Alert variant="error" className="sm:col-span-2">
          {errorOf(state)}
        </Alert>
      ) : null}
      <SelectField label="Site du client" name="siteId" required error={e.siteId} defaultValue="">
        <option value="">Choisir…</option>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Qualification" name="qualificationId" required error={e.qualificationId} defaultValue="">
        <option value="">Choisir…</option>
        {qualifications.map((q) => (
          <option key={q.id} value={q.id}>
            {q.label}
          </option>
        ))}
      </SelectField>
      <InputField label="Date de début" name="startDate" type="date" min={minDate} required error={e.startDate} />
      <InputField label="Date de fin" name="endDate" type="date" min={minDate} required error={e.endDate} />
      <InputField
        label="Horaires"
        name="hoursLabel"
        placeholder="08:00-15:00"
        required
        error={e.hoursLabel}
        hint="Une ou deux plages par jour : 07:00-11:00 17:00-20:30"
      />
      <InputField label="Taux horaire (€)" name="hourlyRate" inputMode="decimal" placeholder="14,50" error={e.hourlyRate} />
      <InputField
        label="Nombre d'intérimaires recherchés"
        name="workersWanted"
        type="number"
        min={1}
        max={20}
        defaultValue="1"
        required
        error={e.workersWanted}
      />
      <TextareaField
        label="Description"
        name="description"
        rows={3}
        className="sm:col-span-2"
        error={e.description}
        hint="Service, remplacement, consignes…"
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Création…" : "Créer le ciblage"}
        </Button>
      </div>
    </form>
  );
}
