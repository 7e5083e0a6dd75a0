"use client";
// Staff correct the worker's data directly: every field of the Fiche perso,
// checked in the browser and on the server by the same schema.
import { useActionForm } from "@/components/forms/use-action-form";
import { FormFeedback } from "@/components/backoffice/server-form";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { PROFILE_FIELDS, type FieldDef, type FieldKey } from "@/lib/profile/fields";
import { formNameOf, STAFF_LABELS, staffProfileSchema } from "@/lib/profile/staff-edit";
import { updateWorkerProfileAction } from "../../actions";

const SECTIONS: { id: FieldDef["section"]; title: string }[] = [
  { id: "general", title: "Général" },
  { id: "coordonnees", title: "Coordonnées et banque" },
  { id: "situation", title: "Situation" },
];

export function WorkerEditForm({
  workerId,
  formKey,
  initial,
  masked,
  pending,
}: {
  workerId: string;
  formKey: string;
  initial: Record<string, string>;
  masked: Record<"ssn" | "iban", string | null>;
  pending: { field: FieldKey; label: string; value: string }[];
}) {
  const {
    state,
    pending: saving,
    formRef,
    formAction,
    onSubmit,
    errorFor,
    register,
  } = useActionForm(staffProfileSchema, updateWorkerProfileAction);

  // The field names come from lib/profile/fields, which the schema's type does not spell out.
  const registerField = register as unknown as (name: string) => ReturnType<typeof register>;

  const hintOf = (def: FieldDef, first: boolean) => {
    if (!first) return undefined;
    const parts: string[] = [];
    if (def.sensitive) {
      const onFile = masked[def.key as "ssn" | "iban"];
      parts.push(onFile ? `Enregistré : ${onFile}. Laissez vide pour le conserver.` : "Aucune valeur enregistrée.");
    }
    const request = pending.find((p) => p.field === def.key);
    if (request) parts.push(`Demande de l'intérimaire en attente : ${request.value}.`);
    return parts.length ? parts.join(" ") : undefined;
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-6"
      aria-label="Modifier les informations de l'intérimaire"
    >
      <input type="hidden" value={workerId} {...register("workerId")} />
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      {SECTIONS.map((section) => (
        <Card as="section" key={section.id} aria-labelledby={`section-${section.id}`}>
          <CardHeader id={`section-${section.id}`} title={section.title} />
          <div className="grid gap-4 sm:grid-cols-2">
            {PROFILE_FIELDS.filter((def) => def.section === section.id).flatMap((def) =>
              def.inputs.map((input, i) => {
                const name = formNameOf(def, input.name);
                const label = (input.name === "value" && STAFF_LABELS[def.key]) || input.label;
                const common = {
                  id: `champ-${name}`,
                  label,
                  hint: hintOf(def, i === 0),
                  error: errorFor(name),
                  defaultValue: initial[name] ?? "",
                  ...registerField(name),
                };
                return input.type === "select" ? (
                  <SelectField key={name} {...common}>
                    <option value="">Non renseigné</option>
                    {input.options!.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </SelectField>
                ) : (
                  <InputField
                    key={name}
                    {...common}
                    type={input.type}
                    inputMode={input.inputMode}
                    // A sample value next to a masked one would read as the one on file.
                    placeholder={def.sensitive ? undefined : input.placeholder}
                    autoComplete="off"
                  />
                );
              }),
            )}
          </div>
        </Card>
      ))}
      <FormFeedback state={state} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? "Enregistrement…" : "Enregistrer les modifications"}
        </Button>
        <p className="text-sm text-slate-600">L&apos;intérimaire reçoit un e-mail listant les informations modifiées.</p>
      </div>
    </form>
  );
}
