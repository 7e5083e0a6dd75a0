"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import "@/lib/zod-jitless";
import { fieldErrorOf, initialActionState, type ActionState, type Result } from "@/lib/result";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<Result<T>>;

/**
 * react-hook-form validates in the browser with the same zod schema as the
 * server; when valid, the native FormData goes to the server action. Without
 * JavaScript the form still posts to the action. Inputs are uncontrolled, so
 * what the user typed stays on screen when the server answers an error.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T = void>(schema: S, action: Action<T>) {
  const [serverState, formAction, pending] = useActionState<ActionState<T>, FormData>(action, initialActionState);
  // Each submission shows its own outcome: a new attempt hides the previous
  // server answer (its message and field errors) until the new one arrives,
  // also when the browser-side check stops the attempt before the server.
  const [dismissed, setDismissed] = useState<ActionState<T>>(initialActionState);
  const state: ActionState<T> = serverState !== null && serverState === dismissed ? initialActionState : serverState;
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    // Validate on submit, then as the user corrects: validating on blur moves
    // the submit button under the pointer when a message appears.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDismissed(serverState);
    void form.handleSubmit(() => {
      const data = new FormData(formRef.current!);
      startTransition(() => formAction(data));
    })(event);
  };

  /** The client-side message first, else the server's. */
  const errorFor = (name: string): string | undefined => {
    const clientError = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
    return clientError ?? fieldErrorOf(state, name);
  };

  return { form, state, pending, formRef, formAction, onSubmit, errorFor, register: form.register };
}
