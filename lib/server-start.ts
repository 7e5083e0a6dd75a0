// Start-up of a Node.js server instance (called by instrumentation.ts): kept in its
// own module so that the Edge bundle of instrumentation.ts never sees
// process.exit or the database.
export async function registerNode() {
  // Request errors are logged with their request id (instrumentation.ts onRequestError).
  const { reportRequestError } = await import("@/lib/log/request-error");
  (globalThis as { __espaceReportRequestError?: typeof reportRequestError }).__espaceReportRequestError = reportRequestError;
  // Refuse to start with settings that would make emailed links or client
  // addresses come from request headers (APP_URL, TRUSTED_PROXY_HOPS), or
  // that would serve full message texts next to a real provider.
  const [{ checkStartupSettings }, { assertSafeMessagingSetup }] = await Promise.all([
    import("@/lib/http/client"),
    import("@/lib/messaging/startup"),
  ]);
  try {
    checkStartupSettings();
    assertSafeMessagingSetup();
  } catch (error) {
    console.error(`Refusing to start: ${(error as Error).message}`);
    process.exit(1);
  }
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // The seal that signs every contract PDF: a missing passphrase or an expired
  // certificate stops the start, not the first signature.
  try {
    const { checkSealSettings } = await import("@/lib/seal/startup");
    checkSealSettings();
  } catch (error) {
    console.error(`Refusing to start: ${(error as Error).message}`);
    process.exit(1);
  }
  // A deploy preview: its database is migrated (the embedded one is created
  // under the temporary folder), then the demo data is reset (lib/preview).
  const { isPreview } = await import("@/lib/preview/env");
  if (isPreview()) {
    const { previewDefaults } = await import("@/lib/preview/startup");
    for (const note of previewDefaults()) console.info(`[preview] ${note}`);
    try {
      const { applyMigrations } = await import("@/lib/db/migrations");
      const applied = await applyMigrations();
      if (applied.length) console.info(`[preview] ${applied.length} migration(s) applied`);
    } catch (error) {
      console.error(`Refusing to start: preview migrations failed: ${(error as Error).message}`);
      process.exit(1);
    }
  }
  // The embedded database is opened (and its folder locked) now, so that a
  // second process on the same folder refuses to start instead of serving 503s.
  if (!process.env.DATABASE_URL) {
    const [{ db }, { DatabaseLockedError }] = await Promise.all([import("@/lib/db"), import("@/lib/db/lock")]);
    try {
      await db.$queryRaw`SELECT 1`;
    } catch (error) {
      if (error instanceof DatabaseLockedError || (error as Error).message?.includes("déjà ouverte")) {
        console.error(`Refusing to start: ${(error as Error).message}`);
        process.exit(1);
      }
      console.warn(`Database not reachable at start-up: ${(error as Error).message}`);
    }
  }
  if (isPreview()) {
    const { startDemoResets } = await import("@/lib/preview/reset");
    startDemoResets();
  }
  // Only a running server delivers messages.
  const { startOutboxWorker } = await import("@/lib/messaging/worker");
  startOutboxWorker();
  // Old form keys and elapsed rate-limit windows are deleted now and then.
  const { startHousekeeping } = await import("@/lib/housekeeping");
  startHousekeeping();
  // The register of communes takes a second or two to index: do it in the
  // background now rather than during the first site save or address change.
  setTimeout(() => {
    import("@/lib/geo/communes")
      .then((m) => m.warmCommuneIndex())
      .catch((error: unknown) => console.warn(`Commune index not warmed: ${(error as Error).message}`));
  }, 1_000);
  // Temporary spools (an uploaded zip on disk) left by a crashed process, or
  // older than an hour, are removed (lib/storage/spool.ts).
  const { sweepSpools, SPOOL_MAX_AGE_MS } = await import("@/lib/storage/spool");
  const swept = await sweepSpools({ deadProcesses: true, olderThanMs: SPOOL_MAX_AGE_MS });
  if (swept) console.info(`Removed ${swept} temporary spool file(s) left by an earlier run.`);
}
