"use server";

// "Déconnecter" a session, or all the others, from the sessions list. Plain
// form posts (they work without JavaScript) that answer with a redirect back
// to the list and a status in the query.
import { redirect } from "next/navigation";
import { formId } from "@/lib/forms";
import { getSessionUser, securityPageFor } from "./session";
import { endOtherSessions, endOwnSession } from "./user-sessions";
import type { SessionsStatus } from "./sessions-status";

function back(role: Parameters<typeof securityPageFor>[0], status: SessionsStatus): never {
  redirect(`${securityPageFor(role)}?sessions=${status}#sessions`);
}

export async function disconnectSession(formData: FormData): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/connexion");
  const id = formId(formData, "sessionId");
  const result = id ? await endOwnSession(user, id) : "not_found";
  back(user.role, result === "ended" ? "fermee" : result === "current" ? "courante" : "introuvable");
}

export async function disconnectOtherSessions(): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/connexion");
  await endOtherSessions(user);
  back(user.role, "autres");
}
