// Structured logs: one JSON line per event on stdout (pino). The request
// lines are written by the server wrapper (scripts/serve.mjs, the same field
// names); this module writes the application's error lines. Never log personal
// data or secrets: no emails, names, tokens, codes, cookies, query strings.
// Error objects pass through `safeError`, and known secret fields are redacted.
import pino from "pino";

/** Field paths removed from every line, whatever a caller passes in. */
export const REDACTED_PATHS = [
  "email",
  "*.email",
  "password",
  "*.password",
  "token",
  "*.token",
  "code",
  "*.code",
  "cookie",
  "*.cookie",
  "headers",
  "*.headers",
  "authorization",
  "*.authorization",
];

/** The app's logger (stdout), or one writing to `destination` (tests). */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "espace-interimaire" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();

const EMAIL = /[^\s@<>"']+@[^\s@<>"']+\.[a-z]{2,}/gi;
// Long opaque strings (tokens, keys, signing codes in URLs): kept out of messages.
const OPAQUE = /\b[A-Za-z0-9_-]{32,}\b/g;
const QUERY = /\?[^\s"')]*/g;

/** Masks what may identify a person or open an account in a free text (an error message, a stack). */
export function scrub(text: string): string {
  return text.replace(EMAIL, "[email]").replace(QUERY, "?[query]").replace(OPAQUE, "[redacted]");
}

/** The loggable part of an error: its type, scrubbed message and stack, and digest. */
export function safeError(error: unknown): { type: string; message: string; stack?: string; digest?: string } {
  if (error instanceof Error) {
    const digest = (error as { digest?: unknown }).digest;
    return {
      type: error.name,
      message: scrub(error.message),
      stack: error.stack ? scrub(error.stack) : undefined,
      digest: typeof digest === "string" ? digest : undefined,
    };
  }
  return { type: typeof error, message: scrub(String(error)) };
}

/** Request ids are made by scripts/serve.mjs (or a proxy in front): short hex, nothing else accepted. */
export const REQUEST_ID_PATTERN = /^[0-9a-f]{8,32}$/;

/** One error line, tied to its request id. */
export function logError(source: string, requestId: string | null, error: unknown, extra: Record<string, unknown> = {}): void {
  logger.error({ event: "error", source, requestId, ...extra, err: safeError(error) }, `${source}: ${safeError(error).type}`);
}
