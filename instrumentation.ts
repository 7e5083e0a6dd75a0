// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Refuse to start with settings that would make emailed links or client
  // addresses come from request headers (APP_URL, TRUSTED_PROXY_HOPS).
  const { checkStartupSettings } = await import("@/lib/http/client");
  try {
    checkStartupSettings();
  } catch (error) {
    console.error(`Refusing to start: ${(error as Error).message}`);
    process.exit(1);
  }
  // The register of communes takes a second or two to index: do it in the
  // background now rather than during the first site save or address change.
  setTimeout(() => {
    import("@/lib/geo/communes")
      .then((m) => m.warmCommuneIndex())
      .catch((error: unknown) => console.warn(`Commune index not warmed: ${(error as Error).message}`));
  }, 1_000);
}
