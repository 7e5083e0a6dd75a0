import { readiness } from "@/lib/readiness";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the database answers, every migration of this build is
 * applied and the file storage takes a write, read and delete; 503 with the
 * failed check and a French reason otherwise. /api/health stays the liveness probe.
 */
export async function GET() {
  const answer = await readiness();
  const headers = { "Cache-Control": "no-store" };
  if (answer.ready) return Response.json({ status: "ready", database: "ok", migrations: "ok", storage: "ok" }, { headers });
  return Response.json({ status: "not-ready", check: answer.check, reason: answer.reason }, { status: 503, headers });
}
