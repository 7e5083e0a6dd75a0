import "server-only";
import { headers } from "next/headers";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { FIX_FIELDS, parseForm } from "@/lib/forms";
import { logError, REQUEST_ID_PATTERN } from "@/lib/log";
import { fail, type ActionState, type Failure, type Result } from "@/lib/result";
import {
  getSessionUser,
  requireClient,
  requireStaff,
  requireWorker,
  type ClientUser,
  type SessionUser,
  type StaffUser,
  type WorkerUser,
} from "./session";

// The one chain of server actions (after dub's safe-action). The base client
// turns any unexpected error into a generic French message, logged with a
// request id (Next's redirect and notFound go through untouched); each client
// above it adds the caller, checked before the input is read; the input is
// parsed by the action's zod schema before the handler runs with typed data.
// An action built with these cannot forget a check. Every export of a
// "use server" module is built here (scripts/check-conventions.ts).

export const GENERIC_ERROR = "Une erreur est survenue. Réessayez dans un instant.";

/** A short id that ties the user's message to the server log line. */
export function newRequestId(): string {
  return crypto.randomUUID().slice(0, 8);
}

/** The id scripts/serve.mjs gave this request (X-Request-Id), or a new one outside a server request. */
async function currentRequestId(): Promise<string> {
  try {
    const id = (await headers()).get("x-request-id");
    if (id && REQUEST_ID_PATTERN.test(id)) return id;
  } catch {
    // outside a request (tests, scripts)
  }
  return newRequestId();
}

/** The generic message with its error code (the request id), after logging the error under it. */
export async function unexpected(error: unknown): Promise<Failure<never>> {
  const requestId = await currentRequestId();
  logError("action", requestId, error);
  return fail(`${GENERIC_ERROR} (code d'erreur : ${requestId})`);
}

/** Runs an action body: redirect/notFound rethrown, anything else logged and answered generically. */
async function guard<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    return unexpected(error);
  }
}

type FormHandler<S extends z.ZodType, U, T> = (data: z.infer<S>, user: U, formData: FormData) => Promise<Result<T>>;
type PostHandler<S extends z.ZodType, U> = (data: z.infer<S>, user: U, formData: FormData) => Promise<void>;

export type FormAction<T = void> = (previous: ActionState<T>, formData: FormData) => Promise<Result<T>>;

export type ActionClient<U> = {
  /** A form read with useActionState: `(previous, formData) => Result`. */
  <S extends z.ZodType, T = void>(schema: S, handler: FormHandler<S, U, T>): FormAction<T>;
  /** A plain `<form action>` that answers by a redirect or a refreshed page. Invalid input is a 404 (only a forged post has it). */
  post<S extends z.ZodType>(schema: S, handler: PostHandler<S, U>): (formData: FormData) => Promise<void>;
  /** An action called with arguments: the schema is a tuple of them. */
  call<S extends z.ZodType<unknown[]>, T = void>(
    schema: S,
    handler: (args: z.output<S>, user: U) => Promise<Result<T>>,
  ): (...args: Extract<z.input<S>, unknown[]>) => Promise<Result<T>>;
};

/** A client whose caller comes from `resolve` (which redirects or 404s a wrong caller). */
export function createActionClient<U>(resolve: () => Promise<U>): ActionClient<U> {
  const form =
    <S extends z.ZodType, T = void>(schema: S, handler: FormHandler<S, U, T>): FormAction<T> =>
    async (_previous, formData) =>
      guard(async () => {
        const user = await resolve();
        const parsed = parseForm(schema, formData);
        if (!parsed.ok) return parsed.state;
        return handler(parsed.data, user, formData);
      });

  const post =
    <S extends z.ZodType>(schema: S, handler: PostHandler<S, U>) =>
    async (formData: FormData): Promise<void> => {
      const answer = await guard(async () => {
        const user = await resolve();
        const parsed = parseForm(schema, formData);
        if (!parsed.ok) notFound();
        await handler(parsed.data, user, formData);
        return { ok: true, data: undefined };
      });
      // A plain form has no place for a message: the error page shows the reference.
      if (!answer.ok) throw new Error(answer.message);
    };

  const call =
    <S extends z.ZodType<unknown[]>, T = void>(schema: S, handler: (args: z.output<S>, user: U) => Promise<Result<T>>) =>
    async (...args: Extract<z.input<S>, unknown[]>): Promise<Result<T>> =>
      guard(async () => {
        const user = await resolve();
        const parsed = schema.safeParse(args);
        if (!parsed.success) return fail(FIX_FIELDS);
        return handler(parsed.data, user);
      });

  return Object.assign(form, { post, call });
}

/** Public forms (sign-in, sign-up, reset): no caller. */
export const publicAction = createActionClient(async () => undefined);

/** Any signed-in user (password change, own sessions, sign-out); the others go to the sign-in page. */
export const userAction = createActionClient<SessionUser>(async () => {
  const user = await getSessionUser();
  if (!user) redirect("/connexion");
  return user;
});

export const workerAction = createActionClient<WorkerUser>(requireWorker);
export const staffAction = createActionClient<StaffUser>(requireStaff);
export const clientAction = createActionClient<ClientUser>(requireClient);
