"use client";

import { startTransition, useActionState, useState } from "react";
import { addAvailability } from "@/app/(espace)/disponibilites/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { initialActionState, successOf } from "@/lib/result";

const PARTS = [
  { value: "FULL_DAY", label: "Journée entière" },
  { value: "MORNING", label: "Matin" },
  { value: "AFTERNOON", label: "Après-midi" },
  { value: "NIGHT", label: "Nuit" },
];
const WEEKDAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"];

function Err({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="text-sm font-medium text-red-700">
      {text}
    </p>
  ) : null;
}

export function AvailabilityForm({ minDay }: { minDay: string }) {
  const [state, action, pending] = useActionState(addAvailability, initialActionState);
  const [mode, setMode] = useState<"jour" | "periode">("jour");
  const e = (state && !state.ok ? state.fieldErrors : undefined) ?? {};
  // A refusal with no field to point at (an unexpected error) is said above the form.
  const formError = state && !state.ok && !state.fieldErrors ? state.message : undefined;
  // Submitting through a transition keeps what was typed when the server answers an error.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
      {successOf(state) ? <Alert variant="success">{successOf(state)}</Alert> : null}
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Je suis</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="statut" value="disponible" defaultChecked className="accent-brand-600 size-5" /> Disponible
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="statut" value="indisponible" className="accent-brand-600 size-5" /> Indisponible
          </label>
        </div>
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={e.parts ? "err-parts" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Moments de la journée</legend>
        <div className="flex flex-wrap gap-x-4">
          {PARTS.map((p) => (
            <label key={p.value} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="parts" value={p.value} className="accent-brand-600 size-5" /> {p.label}
            </label>
          ))}
        </div>
        <Err id="err-parts" text={e.parts} />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Quand ?</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="mode"
              value="jour"
              checked={mode === "jour"}
              onChange={() => setMode("jour")}
              className="accent-brand-600 size-5"
            />{" "}
            Un seul jour
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="mode"
              value="periode"
              checked={mode === "periode"}
              onChange={() => setMode("periode")}
              className="accent-brand-600 size-5"
            />{" "}
            Chaque semaine sur une période
          </label>
        </div>
      </fieldset>
      {mode === "jour" ? (
        <div className="max-w-xs space-y-1.5">
          <label htmlFor="dispo-jour" className="block text-sm font-medium text-slate-800">
            Jour
          </label>
          <input
            id="dispo-jour"
            type="date"
            name="jour"
            min={minDay}
            className={controlClasses(e.jour)}
            aria-invalid={e.jour ? true : undefined}
            aria-describedby={e.jour ? "err-jour" : undefined}
          />
          <Err id="err-jour" text={e.jour} />
        </div>
      ) : (
        <div className="space-y-3">
          <div className="grid max-w-md grid-cols-2 gap-3">
            <div className="space-y-1.5">
              <label htmlFor="dispo-du" className="block text-sm font-medium text-slate-800">
                Du
              </label>
              <input
                id="dispo-du"
                type="date"
                name="du"
                min={minDay}
                className={controlClasses(e.du)}
                aria-describedby={e.du ? "err-du" : undefined}
              />
              <Err id="err-du" text={e.du} />
            </div>
            <div className="space-y-1.5">
              <label htmlFor="dispo-au" className="block text-sm font-medium text-slate-800">
                Au
              </label>
              <input
                id="dispo-au"
                type="date"
                name="au"
                min={minDay}
                className={controlClasses(e.au)}
                aria-describedby={e.au ? "err-au" : undefined}
              />
              <Err id="err-au" text={e.au} />
            </div>
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Jours de la semaine</legend>
            <div className="flex flex-wrap gap-x-4">
              {WEEKDAYS.map((d, i) => (
                <label key={d} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="jours" value={i + 1} className="accent-brand-600 size-5" /> {d}
                </label>
              ))}
            </div>
            <Err id="err-jours" text={e.jours} />
          </fieldset>
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer"}
      </Button>
    </form>
  );
}
