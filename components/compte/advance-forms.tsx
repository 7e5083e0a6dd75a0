"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { cancelAdvance, requestAdvance, updateAdvance } from "@/lib/advances/actions";
import { FormMessage } from "@/components/auth/form-bits";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { keepInputs } from "./keep-form";
import { overCapNotice, parseEuros } from "@/lib/advances/rules";
import { errorOf, successOf, fieldErrorOf, initialActionState } from "@/lib/result";

/** The notice shown while typing an amount above the available one (the server says the same after sending). */
function OverCapHint({ amount, availableCents }: { amount: string; availableCents: number }) {
  const cents = parseEuros(amount);
  if (cents === null || cents <= availableCents) return null;
  return (
    <p className="text-sm text-orange-800" data-testid="avis-depassement">
      {overCapNotice(availableCents)}
    </p>
  );
}

export function AdvanceRequestForm({
  agencies,
  hasOpen,
}: {
  agencies: { id: string; code: string; availableCents: number }[];
  hasOpen: boolean;
}) {
  const [state, action, pending] = useActionState(requestAdvance, initialActionState);
  const ref = useRef<HTMLFormElement>(null);
  const [amount, setAmount] = useState("");
  const [agencyId, setAgencyId] = useState(agencies[0]?.id ?? "");
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  const available = agencies.find((a) => a.id === agencyId)?.availableCents ?? 0;
  return (
    <form
      ref={ref}
      action={action}
      onSubmit={keepInputs(action)}
      onChange={(e) => {
        const data = new FormData(e.currentTarget);
        setAmount(String(data.get("amount") ?? ""));
        setAgencyId(String(data.get("agencyId") ?? agencies[0]?.id ?? ""));
      }}
      onReset={() => setAmount("")}
      noValidate
      className="space-y-4"
    >
      {state?.ok ? <FormMessage kind="success">{successOf(state)}</FormMessage> : null}
      {errorOf(state) && !fieldErrorOf(state, "amount") ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      {agencies.length > 1 ? (
        <SelectField label="Agence" name="agencyId" required>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.code}
            </option>
          ))}
        </SelectField>
      ) : null}
      <InputField
        label="Montant de l'acompte souhaité (€)"
        required
        name="amount"
        inputMode="numeric"
        placeholder="230"
        error={fieldErrorOf(state, "amount")}
        hint={
          hasOpen
            ? "Vous avez déjà une demande en attente pour ce versement : une nouvelle demande modifie son montant."
            : "Renseignez le montant souhaité puis cliquez sur « Faire la demande ». Le montant de l'acompte est ensuite validé par le service paie en fonction de vos heures de travail."
        }
        className="max-w-xs"
      />
      <OverCapHint amount={amount} availableCents={available} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Envoi…" : "Faire la demande"}
        </Button>
        <Button type="reset" variant="ghost">
          Annuler
        </Button>
      </div>
    </form>
  );
}

export function AdvanceRowActions({
  id,
  version,
  amountEuros,
  availableCents,
}: {
  id: string;
  version: number;
  amountEuros: number;
  availableCents: number;
}) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  const [amount, setAmount] = useState(String(amountEuros));
  const [editState, editAction, editing] = useActionState(updateAdvance, initialActionState);
  const [cancelState, cancelAction, cancelling] = useActionState(cancelAdvance, initialActionState);
  // A successful answer closes the panel: adjusted while rendering, when the
  // answer changes (https://react.dev/learn/you-might-not-need-an-effect).
  const [answered, setAnswered] = useState(editState);
  if (editState !== answered) {
    setAnswered(editState);
    if (editState?.ok) setOpen(false);
  }
  return (
    <div className="space-y-2 text-left">
      <p className="text-xs text-slate-500">Modifiez votre demande tant qu&apos;elle est « En attente » de validation par l&apos;agence.</p>
      <div className="flex flex-wrap gap-2">
        <Button size="md" variant="secondary" onClick={() => setOpen(!open)} aria-expanded={open}>
          Modifier
        </Button>
        {confirming ? null : (
          <Button size="md" variant="ghost" onClick={() => setConfirming(true)} aria-expanded={false}>
            Annuler la demande
          </Button>
        )}
      </div>
      {confirming ? (
        // The accessible second step: a labelled group that takes the focus, no browser confirm().
        <form
          action={cancelAction}
          role="group"
          aria-labelledby={`annuler-${id}`}
          className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3"
        >
          <p id={`annuler-${id}`} tabIndex={-1} ref={question} className="text-sm font-semibold text-red-900 outline-none">
            Annuler cette demande d&apos;acompte ?
          </p>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <div className="flex flex-wrap gap-2">
            <Button size="md" variant="danger" type="submit" disabled={cancelling}>
              Oui, annuler la demande
            </Button>
            <Button size="md" variant="secondary" onClick={() => setConfirming(false)}>
              Non, la garder
            </Button>
          </div>
        </form>
      ) : null}
      {errorOf(cancelState) ? (
        <p role="alert" className="text-sm text-red-700">
          {errorOf(cancelState)}
        </p>
      ) : null}
      {editState?.ok && !open ? (
        <p role="status" className="text-sm text-green-800">
          {successOf(editState)}
        </p>
      ) : null}
      {open ? (
        <form action={editAction} onSubmit={keepInputs(editAction)} className="space-y-2" noValidate>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <InputField
            label="Nouveau montant (€)"
            name="amount"
            id={`montant-${id}`}
            inputMode="numeric"
            defaultValue={String(amountEuros)}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={fieldErrorOf(editState, "amount")}
          />
          <OverCapHint amount={amount} availableCents={availableCents} />
          {errorOf(editState) && !fieldErrorOf(editState, "amount") ? (
            <p role="alert" className="text-sm text-red-700">
              {errorOf(editState)}
            </p>
          ) : null}
          <Button size="sm" type="submit" disabled={editing}>
            Enregistrer
          </Button>
        </form>
      ) : null}
    </div>
  );
}
