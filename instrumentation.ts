// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertSafeMessagingSetup } = await import("@/lib/messaging/startup");
  try {
    assertSafeMessagingSetup();
  } catch (error) {
    console.error(`[startup] ${(error as Error).message}`);
    process.exit(1);
  }
  // Not while building: only a running server delivers messages.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startOutboxWorker } = await import("@/lib/messaging/worker");
    startOutboxWorker();
  }
  // The register of communes takes a second or two to index: do it in the
  // background now rather than during the first site save or address change.
  setTimeout(() => {
    import("@/lib/geo/communes")
      .then((m) => m.warmCommuneIndex())
      .catch((error: unknown) => console.warn(`Commune index not warmed: ${(error as Error).message}`));
  }, 1_000);
}
