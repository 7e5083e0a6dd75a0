import { db } from "@/lib/db";
import { currentEngine } from "@/lib/db/adapter";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 200 once the database answers, 503 otherwise. */
export async function GET() {
  const started = Date.now();
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3000)),
    ]);
    return Response.json(
      { status: "ok", database: "ok", engine: currentEngine(), latencyMs: Date.now() - started },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
