// The health probe's read: does the database answer within its deadline, and on which engine.
import "server-only";
import { probeDatabase } from "@/lib/db";
import { currentEngine } from "@/lib/db/adapter";

/** Resolves with the engine once the database answers (DATABASE_HEALTH_TIMEOUT_MS), rejects otherwise. */
export async function databaseHealth(): Promise<{ engine: ReturnType<typeof currentEngine> }> {
  await probeDatabase();
  return { engine: currentEngine() };
}
