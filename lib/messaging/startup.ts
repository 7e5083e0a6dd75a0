// Start-up checks of the messaging setup. No "server-only": instrumentation
// and tests import it.
type Env = Record<string, string | undefined>;

/**
 * APP_ENV demo/test opens /api/dev/outbox, which serves full texts (codes,
 * reset links): never in a production build that can reach real recipients.
 * Returns the French/English reason to refuse to start, or null.
 */
export function unsafeMessagingSetup(env: Env = process.env): string | null {
  const appEnv = env.APP_ENV?.trim();
  if (appEnv !== "demo" && appEnv !== "test") return null;
  if (env.NODE_ENV !== "production") return null;
  const keys = ["RESEND_API_KEY", "BREVO_API_KEY"].filter((name) => env[name]?.trim());
  if (!keys.length) return null;
  return `Refusing to start: APP_ENV=${appEnv} serves every message in full at /api/dev/outbox, and ${keys.join(" and ")} would send real emails/SMS. Unset APP_ENV in production, or remove the provider key for a demo.`;
}

/** Throws when the setup is unsafe (called from instrumentation.ts). */
export function assertSafeMessagingSetup(env: Env = process.env): void {
  const reason = unsafeMessagingSetup(env);
  if (reason) throw new Error(reason);
}
