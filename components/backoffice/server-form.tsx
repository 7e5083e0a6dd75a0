"use client";

import { startTransition, useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms";

export type ServerAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A server-action form that keeps what the user typed when the server answers
 * an error (the submit is intercepted, so React does not reset the form).
 * Without JavaScript the form still posts to the action.
 */
export function useServerForm(action: ServerAction) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return; // a double click sends once
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const errorFor = (name: string) => state.fieldErrors?.[name];
  return { state, pending, onSubmit, formAction, errorFor };
}

export function FormFeedback({ state }: { state: FormState }) {
  if (state.error) return <Alert variant="error">{state.error}</Alert>;
  if (state.ok && state.message) return <Alert variant="success" role="status">{state.message}</Alert>;
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
      {state.error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {state.error}
        </p>
      ) : state.ok && state.message ? (
        <p role="status" className="text-sm text-green-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
