"use client";

import { useState } from "react";
import { InputField, SelectField, TextareaField } from "@/components/ui/field";

/** One legal case of recourse as the select offers it, with what it asks for (from lib/contracts/rules.ts). */
export type RecourseOption = { value: string; label: string; replaced: boolean; reason: boolean };

export type RecourseDefaults = { recourseCase: string; replacedName: string; replacedPosition: string; recourseReason: string };

/**
 * The motif de recours: a select of the legal cases, then the person replaced
 * (a replacement) or the justification (the other cases). Fields a case does
 * not ask for are hidden, not removed, so switching back keeps what was typed.
 */
export function RecourseFields({
  options,
  defaults,
  errorFor,
}: {
  options: RecourseOption[];
  defaults?: Partial<RecourseDefaults>;
  errorFor: (name: string) => string | undefined;
}) {
  const [value, setValue] = useState(defaults?.recourseCase ?? "");
  const chosen = options.find((o) => o.value === value);
  return (
    <>
      <SelectField
        label="Motif de recours"
        name="recourseCase"
        required
        className="sm:col-span-2"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        hint="Les cas de recours prévus par le code du travail (articles L. 1251-6 et L. 1251-7)."
        error={errorFor("recourseCase")}
      >
        <option value="">Choisir…</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <div className={chosen?.replaced ? "contents" : "hidden"}>
        <InputField
          label="Nom de la personne remplacée"
          name="replacedName"
          required
          placeholder="Mme Magalie Bonnafous"
          defaultValue={defaults?.replacedName ?? ""}
          error={errorFor("replacedName")}
        />
        <InputField
          label="Poste de la personne remplacée"
          name="replacedPosition"
          required
          placeholder="Aide-soignante"
          defaultValue={defaults?.replacedPosition ?? ""}
          error={errorFor("replacedPosition")}
        />
      </div>
      <TextareaField
        label={chosen && !chosen.reason ? "Précisions sur le motif (facultatif)" : "Justification du motif"}
        name="recourseReason"
        rows={2}
        required={!chosen || chosen.reason}
        className="sm:col-span-2"
        placeholder={chosen?.replaced ? "Absence pour congé maladie" : "Surcroît d'activité lié à l'inventaire annuel"}
        defaultValue={defaults?.recourseReason ?? ""}
        error={errorFor("recourseReason")}
      />
    </>
  );
}
