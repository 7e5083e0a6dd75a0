// What the app believes about the client and its own public address. Headers a
// client can set itself (X-Forwarded-For, X-Forwarded-Host, X-Real-IP) are only
// believed as far as the settings say a proxy in front sets them.

type HeaderSource = { get(name: string): string | null };

/**
 * Number of reverse proxies in front of the app that each APPEND the address
 * they received the request from to X-Forwarded-For. 0 (default): no proxy,
 * the client is the socket's peer, which the server wrapper (scripts/serve)
 * appends as the last entry.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`TRUSTED_PROXY_HOPS must be an integer from 0 to 10, not "${raw}"`);
  return n;
}

/**
 * The client's address: the entry TRUSTED_PROXY_HOPS places from the right of
 * X-Forwarded-For (0 = the last one, appended from the socket). Entries to the
 * left of it were written by the client and are never read. Null when the list
 * is shorter than the configured hops (a request that did not come through
 * the proxies).
 */
export function clientAddress(headers: HeaderSource, hops = trustedProxyHops()): string | null {
  const list = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const index = list.length - 1 - hops;
  if (index < 0) return null;
  return normalizeAddress(list[index]);
}

function normalizeAddress(address: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (v4mapped ? v4mapped[1] : address).slice(0, 64);
}

/** The host the browser used: X-Forwarded-Host only behind a trusted proxy. */
export function requestHost(headers: HeaderSource, hops = trustedProxyHops()): string | null {
  const forwarded = hops > 0 ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host");
}

const FALLBACK_ENVS = new Set(["demo", "test", "preview"]);

/**
 * The public origin for links in emails. APP_URL in production; without it,
 * only demo/test/preview runs get a fallback, which never comes from a request
 * header a client could choose: the forwarded host of a trusted proxy, else
 * http://localhost:PORT.
 */
export function publicOrigin(env: Record<string, string | undefined> = process.env, headers?: HeaderSource | null): string {
  const configured = env.APP_URL?.trim();
  if (configured) return new URL(configured).origin;
  if (env.NODE_ENV === "production" && !FALLBACK_ENVS.has(env.APP_ENV ?? "")) {
    throw new Error("APP_URL must be set in production (the public URL used in emailed links).");
  }
  const hops = trustedProxyHops(env);
  const forwardedHost = hops > 0 ? headers?.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  if (forwardedHost && /^[a-z0-9.-]+(:\d+)?$/i.test(forwardedHost)) {
    const proto = headers?.get("x-forwarded-proto")?.split(",")[0]?.trim() === "http" ? "http" : "https";
    return `${proto}://${forwardedHost}`;
  }
  return `http://localhost:${env.PORT ?? 3000}`;
}

/** Throws at start-up when the production settings are incomplete. */
export function checkStartupSettings(env: Record<string, string | undefined> = process.env): void {
  publicOrigin(env);
  trustedProxyHops(env);
}
