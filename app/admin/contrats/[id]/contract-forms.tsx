"use client";

import { useState } from "react";
import { FormFeedback, useServerForm } from "@/components/backoffice/server-form";
import { WeeklyPatternFields } from "@/components/backoffice/weekly-pattern-fields";
import { RecourseFields, type RecourseOption } from "@/components/backoffice/recourse-fields";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { cancelContractAction, regenerateShiftsAction, saveShiftAction, updateTermsAction } from "../actions";

export type TermsDefaults = {
  contractId: string;
  version: number;
  qualificationId: string;
  reference: string;
  startDate: string;
  endDate: string;
  hoursLabel: string;
  hourlyRate: string;
  recourseCase: string;
  replacedName: string;
  replacedPosition: string;
  recourseReason: string;
  detail: string;
  weeklyHours: string;
};

export function TermsForm({
  defaults,
  qualifications,
  recourseOptions,
  readOnly,
}: {
  defaults: TermsDefaults;
  qualifications: { value: string; label: string }[];
  recourseOptions: RecourseOption[];
  readOnly: boolean;
}) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(updateTermsAction);
  const preview = state && !state.ok ? state.data?.preview : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback state={state} />
      {preview ? (
        <section
          aria-labelledby="apercu-dates"
          className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm"
          data-testid="apercu-dates"
        >
          <h3 id="apercu-dates" className="font-semibold text-slate-900">
            Ces nouvelles dates modifient les créneaux du contrat
          </h3>
          {preview.added.length ? (
            <div>
              <p className="font-medium text-slate-800">Créneaux ajoutés ({preview.added.length})</p>
              <ul className="list-disc pl-5">
                {preview.added.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.removed.length ? (
            <div>
              <p className="font-medium text-slate-800">Créneaux supprimés ({preview.removed.length})</p>
              <ul className="list-disc pl-5">
                {preview.removed.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="text-slate-700">
            Rien n&apos;est enregistré tant que vous n&apos;avez pas confirmé. Vous pouvez aussi modifier les dates puis enregistrer de
            nouveau.
          </p>
          <Button type="submit" name="confirmDates" value={preview.key} variant="primary" size="sm" disabled={pending}>
            {pending ? "Enregistrement…" : "Confirmer les dates et les créneaux"}
          </Button>
        </section>
      ) : null}
      <input type="hidden" name="contractId" value={defaults.contractId} />
      <input type="hidden" name="version" value={defaults.version} />
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Qualification"
          name="qualificationId"
          defaultValue={defaults.qualificationId}
          error={errorFor("qualificationId")}
        >
          {qualifications.map((q) => (
            <option key={q.value} value={q.value}>
              {q.label}
            </option>
          ))}
        </SelectField>
        <InputField label="Référence" name="reference" defaultValue={defaults.reference} error={errorFor("reference")} />
        <InputField label="Date de début" name="startDate" type="date" defaultValue={defaults.startDate} error={errorFor("startDate")} />
        <InputField label="Date de fin" name="endDate" type="date" defaultValue={defaults.endDate} error={errorFor("endDate")} />
        <InputField label="Horaires" name="hoursLabel" defaultValue={defaults.hoursLabel} error={errorFor("hoursLabel")} />
        <InputField
          label="Taux horaire (€)"
          name="hourlyRate"
          inputMode="decimal"
          defaultValue={defaults.hourlyRate}
          error={errorFor("hourlyRate")}
        />
        <InputField
          label="Durée hebdomadaire (heures)"
          name="weeklyHours"
          inputMode="decimal"
          defaultValue={defaults.weeklyHours}
          error={errorFor("weeklyHours")}
        />
        <InputField label="Détail" name="detail" defaultValue={defaults.detail} error={errorFor("detail")} />
        <RecourseFields options={recourseOptions} defaults={defaults} errorFor={errorFor} />
      </fieldset>
      {readOnly ? null : (
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </Button>
      )}
    </form>
  );
}

export type ShiftDefaults = {
  shiftId?: string;
  date: string;
  start: string;
  end: string;
  breakMinutes: string;
  kind: "WORK" | "ABSENCE";
  absenceCode: string;
};

/** Adds a shift, or edits one (shiftId) in place. */
export function ShiftForm({
  contractId,
  version,
  defaults,
  absenceCodes,
  onDone,
  submitLabel,
}: {
  contractId: string;
  version: number;
  defaults: ShiftDefaults;
  absenceCodes: { code: string; label: string }[];
  onDone?: () => void;
  submitLabel: string;
}) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(saveShiftAction);
  const [kind, setKind] = useState(defaults.kind);
  const prefix = defaults.shiftId ? `creneau-${defaults.shiftId}` : "nouveau-creneau";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={submitLabel}>
      <FormFeedback state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="version" value={version} />
      {defaults.shiftId ? <input type="hidden" name="shiftId" value={defaults.shiftId} /> : null}
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <InputField id={`${prefix}-date`} label="Date" name="date" type="date" defaultValue={defaults.date} error={errorFor("date")} />
        <InputField id={`${prefix}-debut`} label="Début" name="start" type="time" defaultValue={defaults.start} error={errorFor("start")} />
        <InputField id={`${prefix}-fin`} label="Fin" name="end" type="time" defaultValue={defaults.end} error={errorFor("end")} />
        <InputField
          id={`${prefix}-pause`}
          label="Pause (min)"
          name="breakMinutes"
          type="number"
          min={0}
          defaultValue={defaults.breakMinutes}
          error={errorFor("breakMinutes")}
        />
        <SelectField
          id={`${prefix}-type`}
          label="Type"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as "WORK" | "ABSENCE")}
          error={errorFor("kind")}
        >
          <option value="WORK">Travail</option>
          <option value="ABSENCE">Absence</option>
        </SelectField>
        <SelectField
          id={`${prefix}-absence`}
          label="Code d'absence"
          name="absenceCode"
          defaultValue={defaults.absenceCode}
          disabled={kind !== "ABSENCE"}
          error={errorFor("absenceCode")}
        >
          <option value="">—</option>
          {absenceCodes.map((a) => (
            <option key={a.code} value={a.code}>
              {a.code} – {a.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={pending}>
          {pending ? "Enregistrement…" : submitLabel}
        </Button>
        {onDone ? (
          <Button size="sm" variant="ghost" onClick={onDone}>
            Fermer
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function EditShiftToggle(props: {
  contractId: string;
  version: number;
  defaults: ShiftDefaults;
  absenceCodes: { code: string; label: string }[];
  label: string;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={props.label}>
        Modifier
      </Button>
    );
  return <ShiftForm {...props} submitLabel="Enregistrer le créneau" onDone={() => setOpen(false)} />;
}

export function RegenerateForm({ contractId, version }: { contractId: string; version: number }) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(regenerateShiftsAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="version" value={version} />
      <WeeklyPatternFields errorFor={errorFor} idPrefix="regenerer" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Génération…" : "Remplacer les créneaux non validés"}
      </Button>
    </form>
  );
}

export function CancelForm({ contractId, version }: { contractId: string; version: number }) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(cancelContractAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormFeedback state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="version" value={version} />
      <InputField label="Motif d'annulation" name="reason" error={errorFor("reason")} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Annulation…" : "Annuler le contrat"}
      </Button>
    </form>
  );
}
