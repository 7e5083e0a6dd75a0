"use client";

import { startTransition, type FormEvent } from "react";

/**
 * React resets a form after its action runs; on an error that would wipe what
 * the user typed. Submitting through a transition keeps the inputs as they are.
 * `check` may refuse the submission (client-side checks) by returning false.
 */
export function keepInputs(formAction: (data: FormData) => void, check?: (form: HTMLFormElement) => boolean) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (check && !check(form)) return;
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
}
