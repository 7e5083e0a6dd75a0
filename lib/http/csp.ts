// Content-Security-Policy with a fresh nonce per request, and HSTS over https.
// Next.js reads the nonce from the request's CSP header while rendering and
// puts it on its own scripts; 'strict-dynamic' lets those load their chunks.
import { NextResponse, type NextRequest } from "next/server";

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    // React's development build uses eval for its error stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Stylesheets are files; <style> elements Next.js emits carry the nonce.
    // style="" attributes rendered on the server cannot carry one, and cannot run code.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Whether the public address is https: the request as the proxy in front saw it, or APP_URL. */
export function servedOverHttps(request: NextRequest, appUrl = process.env.APP_URL): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "https" || request.nextUrl.protocol === "https:") return true;
  return Boolean(appUrl?.trim().toLowerCase().startsWith("https://"));
}

/**
 * Lets the request through (or answers `redirect`) with the security headers:
 * the CSP on both the request (for Next.js's rendering) and the response.
 */
export function withSecurityHeaders(request: NextRequest, redirect?: URL): NextResponse {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  let response: NextResponse;
  if (redirect) {
    response = NextResponse.redirect(redirect);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}
