// Storage failures, classified in one place: a full or read-only disk, a
// storage folder that is not a folder, an S3 endpoint answering 5xx or not
// answering at all. Each becomes one StorageUnavailableError, logged once with
// its cause, whose message is what the user reads next to the file field.
// No "server-only" import: scripts use the storage too.

export const STORAGE_UNAVAILABLE_MESSAGE = "Le stockage des fichiers est momentanément indisponible. Votre saisie est conservée : réessayez dans quelques minutes.";

/** Errno codes of a write or read that failed because of the disk or the folder, not because of the request. */
const FILESYSTEM_CODES = new Set(["ENOSPC", "EROFS", "EACCES", "EPERM", "ENOTDIR", "EISDIR", "EDQUOT", "EIO", "EMFILE", "ENFILE", "EFBIG", "ENXIO", "ESTALE"]);

/** Network failures on the way to an object store (node:net, undici's fetch, the AWS SDK). */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/** Error names of the AWS SDK and S3 for an unavailable service. */
const SERVICE_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException", "ServiceUnavailable", "SlowDown", "InternalError", "ThrottlingException", "NetworkingError"]);

// The storage instance is shared through globalThis (lib/storage getStorage),
// and Next.js may bundle this module once per route: `instanceof` answers by
// this brand, so an error made by one copy of the class is known to all.
const BRAND = Symbol.for("espace.storage.unavailable");

export class StorageUnavailableError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
  readonly [BRAND] = true;
  readonly code = "storage_unavailable";
  constructor(
    /** What was being done: "put", "open", "spool"... (for the log). */
    readonly operation: string,
    cause: unknown,
  ) {
    super(STORAGE_UNAVAILABLE_MESSAGE, { cause });
    this.name = "StorageUnavailableError";
  }
}

type ErrorLike = { code?: unknown; name?: unknown; status?: unknown; statusCode?: unknown; $metadata?: { httpStatusCode?: unknown }; $retryable?: unknown; cause?: unknown; errors?: unknown };

function httpStatusOf(e: ErrorLike): number | null {
  for (const value of [e.status, e.statusCode, e.$metadata?.httpStatusCode]) if (typeof value === "number") return value;
  return null;
}

/** One error, not its causes: is it the storage (disk, folder, object store) failing? */
function isFailureItself(e: ErrorLike): boolean {
  const code = typeof e.code === "string" ? e.code : "";
  if (FILESYSTEM_CODES.has(code) || NETWORK_CODES.has(code) || code.startsWith("UND_ERR_")) return true;
  const status = httpStatusOf(e);
  if (status !== null && (status >= 500 || status === 429)) return true;
  if (typeof e.name === "string" && SERVICE_NAMES.has(e.name)) return true;
  if (e.$retryable) return true;
  return false;
}

/**
 * True when this error (or one of its causes) is the storage failing: a
 * filesystem errno of the disk or folder, a network error, an S3 5xx/429.
 * A missing object (ENOENT, 404), a refused file or a bug is not.
 */
export function isStorageFailure(error: unknown, depth = 0): boolean {
  if (error instanceof StorageUnavailableError) return true;
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as ErrorLike;
  if (isFailureItself(e)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isStorageFailure(inner, depth + 1))) return true;
  return e.cause !== undefined && isStorageFailure(e.cause, depth + 1);
}

function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let i = 0; current && i < 5; i++) {
    const e = current as ErrorLike & { message?: unknown };
    const status = httpStatusOf(e);
    parts.push([typeof e.code === "string" ? e.code : null, status !== null ? `HTTP ${status}` : null, typeof e.message === "string" ? e.message : String(current)].filter(Boolean).join(" "));
    current = e.cause;
  }
  return parts.join(" <- ");
}

/**
 * The error to throw on: a storage failure becomes a StorageUnavailableError
 * (logged here, once, with its cause); anything else is returned unchanged.
 */
export function classifyStorageError(error: unknown, operation: string): unknown {
  if (error instanceof StorageUnavailableError) return error;
  if (!isStorageFailure(error)) return error;
  const wrapped = new StorageUnavailableError(operation, error);
  console.error(`[storage] unavailable during ${operation}: ${describe(error)}`);
  return wrapped;
}
