"use client";

import { useActionState } from "react";
import { confirmCodeAction, requestCodeAction, type SignStep } from "@/app/(espace)/contrats/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { errorOf, fieldErrorOf, initialActionState, successOf } from "@/lib/result";

/** Consent, then the 6-digit code sent by SMS; resend stays at hand. */
export function SignPanel({ contractId, initial }: { contractId: string; initial: SignStep }) {
  const [requestState, request, requesting] = useActionState(requestCodeAction, initialActionState);
  const [confirmState, confirm, confirming] = useActionState(confirmCodeAction, initialActionState);
  const step = requestState?.data?.step === "code" || initial.step === "code" ? "code" : "consent";
  const maskedPhone = requestState?.data?.maskedPhone ?? confirmState?.data?.maskedPhone ?? initial.maskedPhone;
  const requestError = errorOf(requestState);
  const sent = successOf(requestState);

  if (step === "consent") {
    return (
      <form action={request} className="space-y-4" noValidate>
        <input type="hidden" name="contractId" value={contractId} />
        <input type="hidden" name="step" value="consent" />
        <label className="flex items-start gap-3 text-sm text-slate-800">
          <input
            type="checkbox"
            name="consent"
            className="accent-brand-600 mt-0.5 size-5 shrink-0"
            aria-describedby={requestError ? "consent-erreur" : undefined}
          />
          <span>J&apos;ai lu le contrat de mission et j&apos;accepte de le signer électroniquement avec un code reçu par SMS.</span>
        </label>
        {requestError ? (
          <p id="consent-erreur" className="text-sm font-medium text-red-700" role="alert">
            {requestError}
          </p>
        ) : null}
        <Button type="submit" disabled={requesting}>
          {requesting ? "Envoi du code…" : "Recevoir le code par SMS"}
        </Button>
      </form>
    );
  }

  return (
    <div className="space-y-4">
      {sent ? (
        <Alert variant="info">{sent}</Alert>
      ) : maskedPhone ? (
        <Alert variant="info">Un code à 6 chiffres a été envoyé par SMS au {maskedPhone}.</Alert>
      ) : null}
      {requestError ? (
        <p className="text-sm font-medium text-red-700" role="alert">
          {requestError}
        </p>
      ) : null}
      <form action={confirm} className="space-y-3" noValidate>
        <input type="hidden" name="contractId" value={contractId} />
        <InputField
          label="Code reçu par SMS"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          pattern="\d{6}"
          hint={`Envoyé au ${maskedPhone ?? "numéro de votre fiche"}, valable 10 minutes.`}
          error={fieldErrorOf(confirmState, "code")}
          className="max-w-xs"
        />
        <Button type="submit" disabled={confirming}>
          {confirming ? "Vérification…" : "Valider la signature"}
        </Button>
      </form>
      <form action={request}>
        <input type="hidden" name="contractId" value={contractId} />
        <input type="hidden" name="step" value="code" />
        <Button type="submit" variant="ghost" size="sm" disabled={requesting}>
          Renvoyer un code
        </Button>
      </form>
    </div>
  );
}
