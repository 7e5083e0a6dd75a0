// The answer of a sessions action, carried in the query of the page it
// redirects to (so it shows without JavaScript too). Fixed texts only.
export const SESSIONS_STATUS = {
  fermee: { kind: "success", text: "La session a été déconnectée." },
  autres: { kind: "success", text: "Vos autres sessions ont été déconnectées." },
  introuvable: { kind: "error", text: "Session introuvable : elle est peut-être déjà fermée." },
  courante: { kind: "error", text: "Pour fermer cette session, utilisez « Déconnexion »." },
} as const;

export type SessionsStatus = keyof typeof SESSIONS_STATUS;

export function sessionsStatusOf(value: unknown): (typeof SESSIONS_STATUS)[SessionsStatus] | null {
  return typeof value === "string" && Object.hasOwn(SESSIONS_STATUS, value) ? SESSIONS_STATUS[value as SessionsStatus] : null;
}
