"use client";

import { useActionState, useState, useTransition } from "react";
import { requestProfileChange, revealSecret, uploadProfileDocument } from "@/lib/profile/actions";
import { fieldDef, type FieldKey } from "@/lib/profile/fields";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "@/lib/uploads/check";
import { keepInputs } from "./keep-form";
import { errorOf, successOf, fieldErrorOf, fieldErrorsIn, initialActionState } from "@/lib/result";

export type RowState = {
  /** The validated value as shown (masked when sensitive). */
  display: string;
  hasValue: boolean;
  /** The pending value as shown, when a change waits for the agency. */
  pending: string | null;
  refusedReason: string | null;
  initial: Record<string, string>;
};

function Status({ pending, refusedReason }: { pending: string | null; refusedReason: string | null }) {
  if (pending !== null) {
    return (
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-orange-800">
        <Badge tone="warning">En attente de validation par l&apos;agence</Badge>
        <span>
          Nouvelle valeur : <strong>{pending}</strong>
        </span>
      </p>
    );
  }
  if (refusedReason) {
    return (
      <p className="mt-1 text-sm text-red-800">
        <Badge tone="danger">Refusé - {refusedReason}</Badge>
      </p>
    );
  }
  return null;
}

export function FieldRow({ field, state }: { field: FieldKey; state: RowState }) {
  const def = fieldDef(field)!;
  const [open, setOpen] = useState(false);
  const [formState, action, pending] = useActionState(requestProfileChange, initialActionState);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revealing, startReveal] = useTransition();

  // A successful answer closes the panel: adjusted while rendering, when the
  // answer changes (https://react.dev/learn/you-might-not-need-an-effect).
  const [answered, setAnswered] = useState(formState);
  if (formState !== answered) {
    setAnswered(formState);
    if (formState?.ok) setOpen(false);
  }

  const shown = revealed ?? state.display;
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{def.label}</dt>
      <dd className="mt-1 text-slate-900 sm:col-span-2 sm:mt-0">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span className="min-w-0 wrap-break-word" data-testid={`valeur-${field}`}>
            {shown}
          </span>
          <span className="flex gap-1">
            {def.sensitive && state.hasValue && revealed === null ? (
              <Button
                size="sm"
                variant="ghost"
                disabled={revealing}
                onClick={() =>
                  startReveal(async () => {
                    const answer = await revealSecret(field as "ssn" | "iban");
                    setRevealed(answer.ok ? answer.data : null);
                  })
                }
              >
                Afficher
              </Button>
            ) : null}
            <Button
              size="sm"
              variant="secondary"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              aria-label={`${state.hasValue ? "Modifier" : "Ajouter"} : ${def.label}`}
            >
              {state.hasValue ? "Modifier" : "Ajouter"}
            </Button>
          </span>
        </div>
        <Status pending={state.pending} refusedReason={state.refusedReason} />
        {formState?.ok && !open ? (
          <p role="status" className="mt-1 text-sm text-green-800">
            {successOf(formState)}
          </p>
        ) : null}
        {open ? (
          <form
            action={action}
            onSubmit={keepInputs(action)}
            className="mt-3 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
            noValidate
          >
            <input type="hidden" name="field" value={field} />
            {def.inputs.map((input) =>
              input.type === "select" ? (
                <SelectField
                  key={input.name}
                  label={input.label}
                  name={input.name}
                  defaultValue={state.initial[input.name]}
                  error={fieldErrorOf(formState, input.name)}
                  id={`${field}-${input.name}`}
                >
                  <option value="">Choisir…</option>
                  {input.options!.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </SelectField>
              ) : (
                <InputField
                  key={input.name}
                  id={`${field}-${input.name}`}
                  label={input.label}
                  name={input.name}
                  type={input.type}
                  inputMode={input.inputMode}
                  autoComplete={input.autoComplete}
                  placeholder={input.placeholder}
                  defaultValue={state.initial[input.name]}
                  error={fieldErrorOf(formState, input.name)}
                />
              ),
            )}
            {def.signingChannel ? (
              <InputField
                id={`${field}-currentPassword`}
                label="Mot de passe actuel (pour confirmer ce changement)"
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                error={fieldErrorOf(formState, "currentPassword")}
              />
            ) : null}
            {errorOf(formState) && !fieldErrorOf(formState, "value") && !Object.keys(fieldErrorsIn(formState)).length ? (
              <p role="alert" className="text-sm font-medium text-red-700">
                {errorOf(formState)}
              </p>
            ) : null}
            <p className="text-xs text-slate-500">La valeur actuelle reste en vigueur jusqu&apos;à la validation par l&apos;agence.</p>
            <div className="flex gap-2">
              <Button type="submit" size="sm" disabled={pending}>
                {pending ? "Enregistrement…" : "Enregistrer"}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
                Annuler
              </Button>
            </div>
          </form>
        ) : null}
      </dd>
    </div>
  );
}

export type DocumentRowState = {
  kind: string;
  label: string;
  validated: { id: string; fileName: string } | null;
  pending: { id: string; fileName: string } | null;
  refusedReason: string | null;
};

/** `formKey` (lib/forms.ts newFormKey): one document however often the form is posted. */
export function DocumentRow({ doc, formKey }: { doc: DocumentRowState; formKey: string }) {
  const [open, setOpen] = useState(false);
  const [formState, action, pending] = useActionState(uploadProfileDocument, initialActionState);
  const [clientError, setClientError] = useState<string | null>(null);
  // A successful answer closes the panel: adjusted while rendering, when the
  // answer changes (https://react.dev/learn/you-might-not-need-an-effect).
  const [answered, setAnswered] = useState(formState);
  if (formState !== answered) {
    setAnswered(formState);
    if (formState?.ok) setOpen(false);
  }
  const error = clientError ?? fieldErrorOf(formState, "file") ?? errorOf(formState);
  // The visible label starts the accessible name (WCAG 2.5.3).
  const docVerb = doc.validated || doc.pending ? "Remplacer" : "Ajouter";
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{doc.label}</dt>
      <dd className="mt-1 sm:col-span-2 sm:mt-0">
        <div className="flex flex-wrap items-center justify-between gap-2">
          {doc.validated ? (
            <a className="text-brand-700 underline" href={`/api/documents-personnels/${doc.validated.id}`}>
              {doc.validated.fileName}
            </a>
          ) : (
            <span className="text-slate-500">Aucun document validé</span>
          )}
          <Button
            size="sm"
            variant="secondary"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            aria-label={`${docVerb} : ${doc.label}`}
          >
            {docVerb}
          </Button>
        </div>
        {doc.pending ? (
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-orange-800">
            <Badge tone="warning">En attente de validation par l&apos;agence</Badge>
            <a className="underline" href={`/api/documents-personnels/${doc.pending.id}`}>
              {doc.pending.fileName}
            </a>
          </p>
        ) : doc.refusedReason ? (
          <p className="mt-1 text-sm text-red-800">Refusé - {doc.refusedReason}</p>
        ) : null}
        {formState?.ok && !open ? (
          <p role="status" className="mt-1 text-sm text-green-800">
            {successOf(formState)}
          </p>
        ) : null}
        {open ? (
          <form
            action={action}
            className="mt-3 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
            onSubmit={keepInputs(action, (form) => {
              const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
              const problem = !file ? UPLOAD_MESSAGES.missing : file.size > MAX_UPLOAD_BYTES ? UPLOAD_MESSAGES.tooLarge : null;
              setClientError(problem);
              return !problem;
            })}
          >
            <input type="hidden" name="kind" value={doc.kind} />
            <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
            <InputField
              label={`${doc.label} (PDF, JPEG ou PNG, 10 Mo maximum)`}
              name="file"
              id={`doc-${doc.kind}`}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              error={error ?? undefined}
            />
            <div className="flex gap-2">
              <Button type="submit" size="sm" disabled={pending}>
                {pending ? "Envoi…" : "Déposer"}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
                Annuler
              </Button>
            </div>
          </form>
        ) : null}
      </dd>
    </div>
  );
}
