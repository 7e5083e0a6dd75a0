"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { addDiploma } from "@/lib/diplomas/actions";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { FormMessage } from "@/components/auth/form-bits";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "@/lib/uploads/check";
import { keepInputs } from "./keep-form";
import { errorOf, successOf, fieldErrorOf, initialActionState } from "@/lib/result";

/** `formKey` (lib/forms.ts newFormKey): one diploma however often the form is posted. */
export function DiplomaForm({ today, formKey }: { today: string; formKey: string }) {
  const [state, action, pending] = useActionState(addDiploma, initialActionState);
  const [fileError, setFileError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      className="space-y-4"
      onSubmit={keepInputs(action, (form) => {
        const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
        const problem = !file ? UPLOAD_MESSAGES.missing : file.size > MAX_UPLOAD_BYTES ? UPLOAD_MESSAGES.tooLarge : null;
        setFileError(problem);
        return !problem;
      })}
    >
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      {state?.ok ? <FormMessage kind="success">{successOf(state)}</FormMessage> : null}
      {errorOf(state) ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      <InputField
        label="Nom du diplôme"
        required
        name="name"
        placeholder="DIPLOME INFIRMIER"
        error={fieldErrorOf(state, "name")}
        hint="Indiquez le nom du diplôme et la date d'obtention."
      />
      <InputField label="Date d'obtention" required name="obtainedOn" type="date" max={today} error={fieldErrorOf(state, "obtainedOn")} />
      <InputField
        label="Diplôme / certificat"
        required
        name="file"
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        hint="Insérez la pièce jointe : PDF, JPEG ou PNG, 10 Mo maximum."
        error={fileError ?? fieldErrorOf(state, "file")}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Envoi…" : "Ajouter le diplôme"}
        </Button>
        <Button type="reset" variant="ghost" onClick={() => setFileError(null)}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
