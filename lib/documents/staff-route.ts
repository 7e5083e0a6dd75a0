// Shared bits of the staff route handlers: the caller, a same-origin check,
// JSON answers.
import "server-only";
import { requestHost } from "@/lib/http/client";
import { currentDocumentReader } from "./access";
import type { StaffContext } from "./publish";

export async function currentStaff(): Promise<StaffContext | null> {
  const reader = await currentDocumentReader();
  return reader?.role === "STAFF" ? { userId: reader.userId, agencyIds: reader.agencyIds } : null;
}

/** Browsers send Origin on POST/PUT: refuse writes coming from another site. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = requestHost(request.headers); // X-Forwarded-Host only behind a trusted proxy
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function guardStaff(request: Request): Promise<StaffContext | Response> {
  if (!sameOrigin(request)) return json({ error: "Requête refusée." }, 403);
  const staff = await currentStaff();
  if (!staff) return json({ error: "Connexion requise." }, 401);
  return staff;
}
