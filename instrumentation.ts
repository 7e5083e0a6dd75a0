// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { unsafeEnvironmentReason } = await import("@/lib/messaging/startup");
  const unsafe = unsafeEnvironmentReason();
  if (unsafe) {
    console.error(unsafe);
    process.exit(1);
  }
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // The delivery worker of this instance (does nothing without a provider).
  import("@/lib/messaging/worker")
    .then((m) => m.startOutboxWorker())
    .catch((error: unknown) => console.error(`Outbox worker not started: ${(error as Error).message}`));
  // The register of communes takes a second or two to index: do it in the
  // background now rather than during the first site save or address change.
  setTimeout(() => {
    import("@/lib/geo/communes")
      .then((m) => m.warmCommuneIndex())
      .catch((error: unknown) => console.warn(`Commune index not warmed: ${(error as Error).message}`));
  }, 1_000);
}
