// The one answer of every server action and service: read the same way by
// forms, buttons, toasts and tests. Client-safe (no server import).

export type Success<T = void> = { ok: true; data: T; message?: string };

/**
 * A refusal: a French message for the form, and the message of each field
 * to show next to it. `data` is what the form goes on from when a refusal
 * still moves it (the signing step that stays on the code).
 */
export type Failure<T = void> = { ok: false; message: string; fieldErrors?: Record<string, string>; data?: T };

export type Result<T = void> = Success<T> | Failure<T>;

/** What a form holds before its first answer. */
export type ActionState<T = void> = Result<T> | null;

export const initialActionState = null;

export function ok(message?: string): Success {
  return message === undefined ? { ok: true, data: undefined } : { ok: true, data: undefined, message };
}

export function okWith<T>(data: T, message?: string): Success<T> {
  return message === undefined ? { ok: true, data } : { ok: true, data, message };
}

export function fail(message: string, fieldErrors?: Record<string, string>): Failure<never> {
  return fieldErrors ? { ok: false, message, fieldErrors } : { ok: false, message };
}

/** The form-level error of an answer, if it is a refusal. */
export function errorOf(state: ActionState<unknown> | undefined): string | undefined {
  return state && !state.ok ? state.message : undefined;
}

/** The success text of an answer, if it is a success with one. */
export function successOf(state: ActionState<unknown> | undefined): string | undefined {
  return state?.ok ? state.message : undefined;
}

/** The server's message for one field. */
export function fieldErrorOf(state: ActionState<unknown> | undefined, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

/** The server's messages of all fields ({} unless a refusal has some). */
export function fieldErrorsIn(state: ActionState<unknown> | undefined): Record<string, string> {
  return (state && !state.ok ? state.fieldErrors : undefined) ?? {};
}
