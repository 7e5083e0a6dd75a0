"use client";

import { useActionState, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { keepInputs } from "./keep-form";
import { errorOf, successOf, fieldErrorOf, initialActionState, type ActionState, type Result } from "@/lib/result";

type Action = (state: ActionState, formData: FormData) => Promise<Result>;

/** Approve (with optional extra inputs) or refuse with a reason. */
export function ReviewActions({
  id,
  token,
  approve,
  refuse,
  label,
  children,
}: {
  id: string;
  token?: string;
  approve: Action;
  refuse: Action;
  label: string;
  children?: ReactNode;
}) {
  const [approveState, approveAction, approving] = useActionState(approve, initialActionState);
  const [refuseState, refuseAction, refusing] = useActionState(refuse, initialActionState);
  const [refusingOpen, setRefusingOpen] = useState(false);
  const done = approveState?.ok || refuseState?.ok;
  if (done) {
    return (
      <p role="status" className="text-sm font-medium text-green-800">
        {successOf(approveState) ?? successOf(refuseState)}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <form action={approveAction} onSubmit={keepInputs(approveAction)} className="space-y-2">
        <input type="hidden" name="id" value={id} />
        {token ? <input type="hidden" name="token" value={token} /> : null}
        {children}
        <Button type="submit" size="sm" disabled={approving} aria-label={`Valider : ${label}`}>
          Valider
        </Button>
        {errorOf(approveState) ? (
          <p role="alert" className="text-sm text-red-700">
            {errorOf(approveState)}
          </p>
        ) : null}
      </form>
      {refusingOpen ? (
        <form action={refuseAction} onSubmit={keepInputs(refuseAction)} className="space-y-2">
          <input type="hidden" name="id" value={id} />
          <InputField
            label="Motif du refus"
            name="reason"
            id={`motif-${id}`}
            error={fieldErrorOf(refuseState, "reason") ?? errorOf(refuseState)}
          />
          <Button type="submit" size="sm" variant="danger" disabled={refusing} aria-label={`Confirmer le refus : ${label}`}>
            Refuser
          </Button>
        </form>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setRefusingOpen(true)} aria-label={`Refuser : ${label}`}>
          Refuser
        </Button>
      )}
    </div>
  );
}
