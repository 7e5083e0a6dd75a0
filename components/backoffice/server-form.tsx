"use client";

import { startTransition, useActionState, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { errorOf, successOf, fieldErrorOf, initialActionState, type ActionState, type Result } from "@/lib/result";

export type ServerAction = (state: ActionState, formData: FormData) => Promise<Result>;

/**
 * A server-action form that keeps what the user typed when the server answers
 * an error (the submit is intercepted, so React does not reset the form).
 * Without JavaScript the form still posts to the action.
 */
export function useServerForm<T = void>(action: (state: ActionState<T>, formData: FormData) => Promise<Result<T>>) {
  const [serverState, formAction, pending] = useActionState<ActionState<T>, FormData>(action, initialActionState);
  // Each submission shows its own outcome: the previous answer is hidden from the new attempt on.
  const [dismissed, setDismissed] = useState<ActionState<T>>(initialActionState);
  const state: ActionState<T> = serverState !== null && serverState === dismissed ? initialActionState : serverState;
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return; // a double click sends once
    setDismissed(serverState);
    // The button pressed counts, as in a post without JavaScript (a named "confirm" button).
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  const errorFor = (name: string) => fieldErrorOf(state, name);
  return { state, pending, onSubmit, formAction, errorFor };
}

export function FormFeedback({ state }: { state: ActionState<unknown> }) {
  if (errorOf(state)) return <Alert variant="error">{errorOf(state)}</Alert>;
  if (successOf(state))
    return (
      <Alert variant="success" role="status">
        {successOf(state)}
      </Alert>
    );
  return null;
}

/** One button posting hidden fields to an action, with its answer below. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
  size,
  confirmText,
  children,
}: {
  action: ServerAction;
  fields: Record<string, string | number>;
  label: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: "sm" | "md";
  confirmText?: string;
  children?: ReactNode;
}) {
  const { state, pending, onSubmit, formAction } = useServerForm(action);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) {
          event.preventDefault();
          return;
        }
        onSubmit(event);
      }}
      className="space-y-2"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" variant={variant} size={size} disabled={pending}>
        {pending ? (pendingLabel ?? "Veuillez patienter…") : label}
      </Button>
      {errorOf(state) ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errorOf(state)}
        </p>
      ) : successOf(state) ? (
        <p role="status" className="text-sm text-green-800">
          {successOf(state)}
        </p>
      ) : null}
    </form>
  );
}
