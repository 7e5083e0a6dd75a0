// Errors of a request (Next's onRequestError, see instrumentation.ts): one
// error line with the request id and the error's digest, which the French
// error page shows as "code d'erreur". Next computes the digest (a hash of the
// error) before this hook runs, so it cannot be the request id itself: the
// digest is also handed to the server wrapper (scripts/serve.mjs), which adds
// it to the request's own line (`errorCodes`). A complaint's code thus leads
// to the error line and to the request line.
import { logError, REQUEST_ID_PATTERN } from "./index";

type RequestInfo = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
type ErrorContext = { routerKind: string; routePath: string; routeType: string };

/** Digests of errors per request id, read (and removed) by scripts/serve.mjs when the response ends. */
type ErrorCodes = Map<string, string[]>;
const holder = globalThis as { __espaceRequestErrorCodes?: ErrorCodes };
const MAX_PENDING = 1_000;

export function reportRequestError(error: unknown, request: RequestInfo, context: ErrorContext): void {
  const header = request.headers["x-request-id"];
  const requestId = typeof header === "string" && REQUEST_ID_PATTERN.test(header) ? header : null;
  const digest = typeof error === "object" && error !== null ? (error as { digest?: unknown }).digest : undefined;
  logError("render", requestId, error, { method: request.method, route: context.routePath, routeType: context.routeType });
  if (!requestId || typeof digest !== "string") return;
  const codes = (holder.__espaceRequestErrorCodes ??= new Map());
  // Lines for requests already ended are never read: keep the map bounded.
  if (codes.size >= MAX_PENDING) codes.delete(codes.keys().next().value!);
  codes.set(requestId, [...(codes.get(requestId) ?? []), digest]);
}
