"use server";

// "Déconnecter" a session, or all the others, from the sessions list. Plain
// form posts (they work without JavaScript) that answer with a redirect back
// to the list and a status in the query.
import { redirect } from "next/navigation";
import { z } from "zod";
import { cleanId } from "@/lib/forms";
import { userAction } from "./action";
import { securityPageFor } from "./session";
import { endOtherSessions, endOwnSession } from "./user-sessions";
import type { SessionsStatus } from "./sessions-status";

function back(role: Parameters<typeof securityPageFor>[0], status: SessionsStatus): never {
  redirect(`${securityPageFor(role)}?sessions=${status}#sessions`);
}

/** An id that cannot be one reads as none (the session is then not found). */
const sessionSchema = z.object({
  sessionId: z
    .string()
    .optional()
    .transform((v) => cleanId(v) ?? ""),
});

export const disconnectSession = userAction.post(sessionSchema, async (data, user) => {
  const result = data.sessionId ? await endOwnSession(user, data.sessionId) : "not_found";
  back(user.role, result === "ended" ? "fermee" : result === "current" ? "courante" : "introuvable");
});

export const disconnectOtherSessions = userAction.post(z.object({}), async (_data, user) => {
  await endOtherSessions(user);
  back(user.role, "autres");
});
