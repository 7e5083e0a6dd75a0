import "server-only";
import type { z } from "zod";
import { type FormState, parseForm } from "@/lib/forms";
import { requireClient, requireStaff, requireWorker, type ClientUser, type StaffUser, type WorkerUser } from "./session";

// A chain of guarantees for server actions (after dub's safe-action): the
// caller is checked first, then the input is parsed, then the action runs with
// typed data. An action built with these cannot forget either check.

type Handler<S extends z.ZodType, U> = (data: z.infer<S>, user: U, formData: FormData) => Promise<FormState>;

function guarded<U>(requireUser: () => Promise<U>) {
  return <S extends z.ZodType>(schema: S, handler: Handler<S, U>) =>
    async (_previous: FormState, formData: FormData): Promise<FormState> => {
      const user = await requireUser();
      const parsed = parseForm(schema, formData);
      if (!parsed.ok) return parsed.state;
      return handler(parsed.data, user, formData);
    };
}

export const workerAction = guarded<WorkerUser>(requireWorker);
export const staffAction = guarded<StaffUser>(requireStaff);
export const clientAction = guarded<ClientUser>(requireClient);

/** For public forms (sign-in, sign-up, reset): parsing only. */
export function publicAction<S extends z.ZodType>(schema: S, handler: (data: z.infer<S>, formData: FormData) => Promise<FormState>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return parsed.state;
    return handler(parsed.data, formData);
  };
}
