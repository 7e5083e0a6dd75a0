// A JSON POST to a provider's REST API with a timeout and errors that say
// what went wrong (status and the start of the body), never the API key.

export const PROVIDER_TIMEOUT_MS = 10_000;

export class ProviderError extends Error {
  readonly status: number | null;

  constructor(message: string, status: number | null = null) {
    super(message);
    this.name = "ProviderError";
    this.status = status;
  }
}

type PostJsonOptions = {
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  timeoutMs?: number;
};

/** A request already built (method, headers, body), e.g. by a provider's SDK. */
export type ProviderRequest = {
  provider: string;
  url: string;
  init: { method?: string; headers?: HeadersInit; body?: BodyInit | null };
  timeoutMs?: number;
};

/** At most 300 characters of a response body, on one line. */
export function excerpt(body: string, max = 300): string {
  const oneLine = body.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

async function request(options: ProviderRequest, timeoutMs: number): Promise<{ status: number; ok: boolean; body: string }> {
  try {
    const response = await fetch(options.url, {
      ...options.init,
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
    // Reading the body is still under the same timeout signal.
    return { status: response.status, ok: response.ok, body: await response.text() };
  } catch (error) {
    if (isTimeout(error)) throw new ProviderError(`${options.provider}: no answer within ${timeoutMs} ms`);
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new ProviderError(`${options.provider}: request failed (${reason})`);
  }
}

/**
 * Sends the request and returns the parsed JSON answer; throws ProviderError on
 * any failure, with the status and the start of the body.
 */
export async function requestJson(options: ProviderRequest): Promise<Record<string, unknown>> {
  const timeoutMs = options.timeoutMs ?? PROVIDER_TIMEOUT_MS;
  const { status, ok, body } = await request(options, timeoutMs);
  if (!ok) throw new ProviderError(`${options.provider} answered ${status}: ${excerpt(body) || "(empty body)"}`, status);
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object") return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ProviderError(`${options.provider} answered ${status} with an unexpected body: ${excerpt(body) || "(empty body)"}`, status);
}

/** POSTs JSON and returns the parsed JSON answer; throws ProviderError on any failure. */
export async function postJson(options: PostJsonOptions): Promise<Record<string, unknown>> {
  return requestJson({
    provider: options.provider,
    url: options.url,
    init: {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json", ...options.headers },
      body: JSON.stringify(options.body),
    },
    timeoutMs: options.timeoutMs,
  });
}

/** Joins a base URL and a path without doubling or dropping the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
