import type { NextRequest } from "next/server";
import { withSecurityHeaders } from "@/lib/http/csp";
import { guardServerAction } from "@/lib/http/action-guard";

// Optimistic redirects only: a missing session cookie sends protected pages to
// the sign-in page. The real checks (session row, role, ownership) happen on
// the server in every page, action and route handler (lib/auth/session.ts).
const PUBLIC_PREFIXES = [
  "/connexion",
  "/inscription",
  "/confirmer-email",
  "/mot-de-passe-oublie",
  "/reinitialiser-mot-de-passe",
  "/api/",
  "/_next/",
  "/favicon",
  "/calendrier/",
  "/verifier",
  "/apercu/",
];

export async function proxy(request: NextRequest) {
  const malformedAction = await guardServerAction(request);
  if (malformedAction) return malformedAction;
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return withSecurityHeaders(request);
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (hasSession) return withSecurityHeaders(request);
  const url = request.nextUrl.clone();
  url.pathname = "/connexion";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return withSecurityHeaders(request, url);
}

// /api is left out entirely: route handlers check the session themselves, and a
// proxy in front of them would buffer (and cap) large uploads' bodies.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)"] };
