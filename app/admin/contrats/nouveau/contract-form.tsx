"use client";

import { FormFeedback, useServerForm } from "@/components/backoffice/server-form";
import { WeeklyPatternFields } from "@/components/backoffice/weekly-pattern-fields";
import { RecourseFields, type RecourseOption } from "@/components/backoffice/recourse-fields";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { useRef, useState } from "react";
import { createContractAction, unavailabilityWarningAction } from "../actions";

const WARNING_FIELDS = new Set([
  "workerId",
  "startDate",
  "endDate",
  "start",
  "end",
  "day1",
  "day2",
  "day3",
  "day4",
  "day5",
  "day6",
  "day7",
]);

/**
 * Asks the server, once the worker and the dates are chosen (and again when
 * they or the weekly pattern change), whether the worker marked any of those
 * days unavailable. The latest answer wins.
 */
function useUnavailabilityWarning() {
  const [warning, setWarning] = useState<string | null>(null);
  const asked = useRef(0);
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (!WARNING_FIELDS.has(target.name)) return;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((n) => data.get(`day${n}`) === "on");
    if (!text("workerId") || !text("startDate") || !text("endDate")) return setWarning(null);
    const id = ++asked.current;
    void unavailabilityWarningAction(text("workerId"), text("startDate"), text("endDate"), text("start"), text("end"), weekdays).then(
      (answer) => {
        if (id === asked.current) setWarning(answer.ok ? answer.data : null);
      },
    );
  };
  return { warning, onChange };
}

export type Option = { value: string; label: string; group?: string };

function Options({ options }: { options: Option[] }) {
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  return (
    <>
      <option value="">Choisir…</option>
      {groups.map((g) =>
        g ? (
          <optgroup key={g} label={g}>
            {options
              .filter((o) => o.group === g)
              .map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
          </optgroup>
        ) : (
          options
            .filter((o) => !o.group)
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))
        ),
      )}
    </>
  );
}

export function ContractForm({
  workers,
  sites,
  qualifications,
  held,
  recourseOptions,
  defaults,
  formKey,
}: {
  formKey: string;
  workers: Option[];
  sites: Option[];
  qualifications: Option[];
  /** Per worker, the qualifications held through a validated diploma. */
  held: Record<string, string[]>;
  recourseOptions: RecourseOption[];
  defaults: { workerId?: string; siteId?: string };
}) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(createContractAction);
  const { warning, onChange } = useUnavailabilityWarning();
  const [workerId, setWorkerId] = useState(defaults.workerId ?? "");
  // With a worker chosen, the qualifications they hold come first; the others are flagged (the server refuses them).
  const mine = workerId ? (held[workerId] ?? []) : null;
  const qualificationOptions = mine
    ? [
        ...qualifications.filter((q) => mine.includes(q.value)).map((q) => ({ ...q, group: "Qualifications de l'intérimaire" })),
        ...qualifications
          .filter((q) => !mine.includes(q.value))
          .map((q) => ({ ...q, group: "Non détenues (sans diplôme validé, contrat refusé)" })),
      ]
    : qualifications;
  return (
    <form action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-6">
      <FormFeedback state={state} />
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold text-slate-900">Mission</legend>
        <SelectField
          label="Intérimaire"
          name="workerId"
          required
          defaultValue={defaults.workerId ?? ""}
          onChange={(e) => setWorkerId(e.target.value)}
          error={errorFor("workerId")}
        >
          <Options options={workers} />
        </SelectField>
        <SelectField label="Site client" name="siteId" required defaultValue={defaults.siteId ?? ""} error={errorFor("siteId")}>
          <Options options={sites} />
        </SelectField>
        <SelectField label="Qualification" name="qualificationId" required defaultValue="" error={errorFor("qualificationId")}>
          <Options options={qualificationOptions} />
        </SelectField>
        <InputField
          label="Référence"
          name="reference"
          required
          placeholder="B MAGALIE"
          hint="Personne remplacée ou référence de la mission."
          error={errorFor("reference")}
        />
        <InputField label="Date de début" name="startDate" type="date" required error={errorFor("startDate")} />
        <InputField label="Date de fin" name="endDate" type="date" required error={errorFor("endDate")} />
        {warning ? (
          <div className="sm:col-span-2" data-testid="avertissement-indisponibilite">
            <Alert variant="warning">{warning}</Alert>
          </div>
        ) : null}
        <InputField
          label="Taux horaire (€)"
          name="hourlyRate"
          inputMode="decimal"
          required
          placeholder="12,45"
          error={errorFor("hourlyRate")}
        />
        <InputField
          label="Durée hebdomadaire (heures)"
          name="weeklyHours"
          inputMode="decimal"
          placeholder="35"
          error={errorFor("weeklyHours")}
        />
        <RecourseFields options={recourseOptions} errorFor={errorFor} />
        <InputField label="Détail" name="detail" placeholder="Unité Les Lilas" error={errorFor("detail")} />
        <InputField
          label="Horaires affichés"
          name="hoursLabel"
          placeholder="13:30-20:30 00:00-00:00"
          hint="Laissez vide pour reprendre les horaires du motif."
          error={errorFor("hoursLabel")}
        />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-semibold text-slate-900">Créneaux : motif hebdomadaire</legend>
        <p className="text-sm text-slate-600">
          Les créneaux sont générés pour chaque jour coché entre les dates du contrat ; vous pourrez ensuite les modifier un par un
          (absences comprises).
        </p>
        <WeeklyPatternFields errorFor={errorFor} />
      </fieldset>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Création…" : "Créer le contrat"}
      </Button>
    </form>
  );
}
