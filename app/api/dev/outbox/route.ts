// The outbox for automated tests, demos and previews: only when APP_ENV is "demo",
// "test" or "preview"; anywhere else the route does not exist (404).
import { listOutboxForRecipient } from "@/lib/messaging/queries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function outboxRouteEnabled(): boolean {
  const env = process.env.APP_ENV;
  return env === "demo" || env === "test" || env === "preview";
}

/** A "+" in a query string arrives as a space: "?to=+33612345678" reads " 33612345678". */
function recipientParam(url: URL): string | null {
  const raw = url.searchParams.get("to");
  if (raw === null) return null;
  return raw.replace(/^ (?=\d)/, "+").trim() || null;
}

export async function GET(request: Request): Promise<Response> {
  if (!outboxRouteEnabled()) return new Response("Not Found", { status: 404 });
  const messages = await listOutboxForRecipient(recipientParam(new URL(request.url)));
  return Response.json(messages, { headers: { "Cache-Control": "no-store" } });
}
