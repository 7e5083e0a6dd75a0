"use client";

import { FormFeedback, useServerForm } from "@/components/backoffice/server-form";
import { WeeklyPatternFields } from "@/components/backoffice/weekly-pattern-fields";
import { RecourseFields, type RecourseOption } from "@/components/backoffice/recourse-fields";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { useEffect, useRef, useState } from "react";
import { SearchCombobox } from "@/components/backoffice/search-combobox";
import type { SiteChoice, WorkerChoice } from "@/lib/backoffice/contract-queries";
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
  const check = (form: HTMLFormElement) => {
    const data = new FormData(form);
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
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    if (WARNING_FIELDS.has((event.target as HTMLInputElement).name)) check(event.currentTarget);
  };
  return { warning, onChange, check };
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
  worker,
  site,
  qualifications,
  recourseOptions,
  formKey,
}: {
  formKey: string;
  /** The worker and site the form starts with (from the address), if any. */
  worker: WorkerChoice | null;
  site: SiteChoice | null;
  qualifications: Option[];
  recourseOptions: RecourseOption[];
}) {
  const { state, pending, onSubmit, formAction, errorFor } = useServerForm(createContractAction);
  const { warning, onChange, check } = useUnavailabilityWarning();
  const form = useRef<HTMLFormElement>(null);
  const [chosen, setChosen] = useState<WorkerChoice | null>(worker);
  // The picker's hidden input changes without a change event: ask again once it is rendered.
  useEffect(() => {
    if (form.current) check(form.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the worker changes
  }, [chosen]);
  // With a worker chosen, the qualifications they hold (through a validated diploma) come first; the others are flagged (the server refuses them).
  const mine = chosen?.held ?? null;
  const qualificationOptions = mine
    ? [
        ...qualifications.filter((q) => mine.includes(q.value)).map((q) => ({ ...q, group: "Qualifications de l'intérimaire" })),
        ...qualifications
          .filter((q) => !mine.includes(q.value))
          .map((q) => ({ ...q, group: "Non détenues (sans diplôme validé, contrat refusé)" })),
      ]
    : qualifications;
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-6">
      <FormFeedback state={state} />
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold text-slate-900">Mission</legend>
        <SearchCombobox
          label="Intérimaire"
          name="workerId"
          endpoint="/api/admin/interimaires/suggestions"
          initial={worker}
          required
          placeholder="Nom ou n° d'intérimaire"
          hint="Tapez le nom ou le numéro, puis choisissez dans la liste."
          onSelect={setChosen}
          error={errorFor("workerId")}
        />
        <SearchCombobox
          label="Site client"
          name="siteId"
          endpoint="/api/admin/sites/suggestions"
          initial={site}
          required
          placeholder="Site, ville ou client"
          hint="Tapez le nom du site, sa ville ou le client."
          error={errorFor("siteId")}
        />
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
