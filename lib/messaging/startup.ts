// Start-up check: the demo/test modes serve every message in full on
// /api/dev/outbox, so they must never run as a production server that sends
// real emails and SMS. No "server-only": instrumentation and tests import it.
type Env = Record<string, string | undefined>;

/** The reason this environment must not start, or null. */
export function unsafeEnvironmentReason(env: Env = process.env): string | null {
  const appEnv = env.APP_ENV?.trim();
  if (appEnv !== "demo" && appEnv !== "test") return null;
  if (env.NODE_ENV !== "production") return null;
  const keys = ["RESEND_API_KEY", "BREVO_API_KEY"].filter((k) => env[k]?.trim());
  if (!keys.length) return null;
  return `APP_ENV=${appEnv} ouvre /api/dev/outbox (codes et liens en clair) : refus de démarrer en production avec ${keys.join(" et ")}. Retirez APP_ENV ou la clé du fournisseur.`;
}
