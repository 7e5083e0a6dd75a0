// Start-up of a deploy preview (APP_ENV=preview), called by lib/server-start.ts
// before the database is opened. No "server-only": instrumentation imports it.
import os from "node:os";
import path from "node:path";
import { isPreview } from "./env";

type Env = Record<string, string | undefined>;

/**
 * Without DATABASE_URL, a preview keeps its embedded database (and its files,
 * unless S3 or STORAGE_DIR is set) under the writable temporary folder: the
 * hosts' application folder may be read-only. Returns the notes to log.
 */
export function previewDefaults(env: Env = process.env): string[] {
  if (!isPreview(env)) return [];
  const notes: string[] = [];
  const base = path.join(os.tmpdir(), "espace-interimaire-preview");
  if (!env.DATABASE_URL && !env.PGLITE_DIR) {
    env.PGLITE_DIR = path.join(base, "pglite");
    notes.push(`embedded database in ${env.PGLITE_DIR}`);
  }
  if (!env.S3_BUCKET && !env.STORAGE_DIR) {
    env.STORAGE_DIR = path.join(base, "storage");
    notes.push(`files in ${env.STORAGE_DIR}`);
  }
  const keys = ["RESEND_API_KEY", "BREVO_API_KEY"].filter((name) => env[name]?.trim());
  if (keys.length) notes.push(`${keys.join(" and ")} ignored: a preview never sends, its messages are read at /apercu/messages`);
  return notes;
}
