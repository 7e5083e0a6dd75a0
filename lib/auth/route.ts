// The caller of a route handler, the one way: who they are (from the session,
// checked on the server), what scopes them, and the refusal to answer when
// they may not call. Route handlers are public endpoints: each one asks here.
import "server-only";
import { requestHost } from "@/lib/http/client";
import { getCaller } from "./session";

export type RouteWorker = { role: "WORKER"; userId: string; workerId: string };
export type RouteStaff = { role: "STAFF"; userId: string; agencyIds: string[] };
export type RouteClient = { role: "CLIENT"; userId: string; clientIds: string[] };
export type RouteCaller = RouteWorker | RouteStaff | RouteClient;
export type RouteRole = RouteCaller["role"];

/** The signed-in caller, or null (no session, or a worker account without its profile). */
export async function currentCaller(): Promise<RouteCaller | null> {
  const user = await getCaller();
  if (!user) return null;
  if (user.role === "WORKER") return { role: "WORKER", userId: user.id, workerId: user.workerId };
  if (user.role === "STAFF") return { role: "STAFF", userId: user.id, agencyIds: user.agencyIds };
  return { role: "CLIENT", userId: user.id, clientIds: user.clientIds };
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

export type RouteCallerOptions = {
  /** Refuse (403) a request whose Origin is another site: for writes. */
  sameOrigin?: boolean;
  /** The answer to a caller who is not signed in or has another role (default: 401 "Connexion requise."). */
  denied?: () => Response;
};

/**
 * The caller if signed in with one of `roles`, else the Response to return:
 * 403 for a foreign origin (when asked), `denied` (401 by default) otherwise.
 */
export async function routeCaller<R extends RouteRole>(
  request: Request,
  roles: readonly R[],
  options: RouteCallerOptions = {},
): Promise<Extract<RouteCaller, { role: R }> | Response> {
  if (options.sameOrigin && !sameOrigin(request)) return json({ error: "Requête refusée." }, 403);
  const caller = await currentCaller();
  if (!caller || !(roles as readonly RouteRole[]).includes(caller.role))
    return options.denied ? options.denied() : json({ error: "Connexion requise." }, 401);
  return caller as Extract<RouteCaller, { role: R }>;
}

/** The staff route handlers' guard: same origin, then a signed-in staff member. */
export function guardStaff(request: Request): Promise<RouteStaff | Response> {
  return routeCaller(request, ["STAFF"], { sameOrigin: true });
}
