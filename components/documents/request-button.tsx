"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { requestNewDocument } from "@/lib/documents/request-actions";
import { errorOf, successOf, initialActionState } from "@/lib/result";

/** "Demander une nouvelle attestation" / "Demander un nouveau certificat". */
export function RequestDocumentForm({
  kind,
  label,
  pendingSince,
  formKey,
}: {
  kind: "ASSEDIC_CERTIFICATE" | "WORK_CERTIFICATE";
  label: string;
  pendingSince: string | null;
  /** lib/forms.ts newFormKey: the same click posted twice gets the same answer. */
  formKey: string;
}) {
  const [state, action, pending] = useActionState(requestNewDocument, initialActionState);
  return (
    <form action={action} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      <div className="space-y-1.5">
        <label htmlFor="demande-message" className="block text-sm font-medium text-slate-800">
          Message pour l&apos;agence (facultatif)
        </label>
        <textarea
          id="demande-message"
          name="message"
          rows={2}
          maxLength={1000}
          className="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      {pendingSince && !state?.ok ? (
        <p className="text-sm text-slate-700">Une demande envoyée le {pendingSince} est en cours de traitement.</p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
      {successOf(state) ? (
        <Alert variant="success" role="status">
          {successOf(state)}
        </Alert>
      ) : null}
      {errorOf(state) ? <Alert variant="error">{errorOf(state)}</Alert> : null}
    </form>
  );
}
