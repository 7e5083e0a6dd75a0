// Runs once when a server instance starts. The Node.js work lives in
// lib/server-start.ts, imported only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerNode } = await import("@/lib/server-start");
  await registerNode();
}

type ReportRequestError = (error: unknown, request: unknown, context: unknown) => void;

/**
 * Every server error of a request: logged with its request id (lib/log/request-error.ts,
 * installed by registerNode). Kept synchronous: the error's digest, which the
 * error page shows, is set to the request id before Next reads it.
 */
export function onRequestError(error: unknown, request: unknown, context: unknown) {
  const report = (globalThis as { __espaceReportRequestError?: ReportRequestError }).__espaceReportRequestError;
  report?.(error, request, context);
}
