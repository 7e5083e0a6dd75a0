import { databaseHealth } from "@/lib/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * 200 once the database answers, 503 otherwise, within the probe's deadline
 * (DATABASE_HEALTH_TIMEOUT_MS, default 2 s): a silent database gets a quick
 * 503, and the abandoned probe's connection is destroyed, not pooled.
 */
export async function GET() {
  const started = Date.now();
  try {
    const { engine } = await databaseHealth();
    return Response.json(
      { status: "ok", database: "ok", engine, latencyMs: Date.now() - started },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
