import { NextResponse } from "next/server";

// Server actions are decoded by Next.js (app-render/action-handler.js) with
// undici's formData() / busboy for multipart bodies and React's decodeReply for
// the Flight rows. A truncated multipart body, a wrong boundary, a 5,000-deep
// JSON row or text/plain garbage makes those throw, and Next answers 500. This
// guard runs first (from proxy.ts) and answers 400 for any action-shaped POST
// whose body Next could not decode; well-formed bodies go through untouched.

// Legitimate Flight rows are shallow (action arguments, FormData, plain
// objects); this is far above any of ours and far below a stack overflow.
export const MAX_ACTION_JSON_DEPTH = 64;
// Text rows bigger than this are not scanned (the body size limit still applies).
const MAX_SCANNED_ROW = 256 * 1024;

function badRequest(): NextResponse {
  return new NextResponse("Requête invalide.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Nesting depth of a JSON text, counted outside strings; Infinity past `limit`. */
export function jsonDepth(text: string, limit = MAX_ACTION_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return Infinity;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

/** True when `text` is JSON Next/React can revive without overflowing. */
export function isShallowJson(text: string, limit = MAX_ACTION_JSON_DEPTH): boolean {
  if (text.length > MAX_SCANNED_ROW) return true;
  if (jsonDepth(text, limit) > limit) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary && boundary.length <= 70 ? boundary : null;
}

/**
 * 400 for a server-action POST Next would fail to decode, null otherwise.
 * Action-shaped: a POST with a `Next-Action` header (client call) or a
 * multipart POST to a page (a form posted without JavaScript).
 */
export async function guardServerAction(request: Request): Promise<NextResponse | null> {
  if (request.method !== "POST") return null;
  const actionId = request.headers.get("next-action");
  const contentType = request.headers.get("content-type") ?? "";
  const isMultipart = /^multipart\/form-data\b/i.test(contentType);
  if (actionId === null && !isMultipart) return null;

  if (isMultipart) {
    if (!multipartBoundary(contentType)) return badRequest();
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return badRequest(); // truncated body, wrong boundary, broken part headers
    }
    if (actionId !== null) {
      // Client action call: numeric fields are Flight rows (JSON); named ones
      // ("1_title") are FormData entries, files are blobs.
      for (const [name, value] of form) {
        if (typeof value === "string" && /^\d+$/.test(name) && !isShallowJson(value)) return badRequest();
      }
    }
    return null;
  }

  // A client action call with a plain body: React's encodeReply string, sent as
  // text/plain by fetch; its root row is the JSON array of the arguments.
  if (!/^text\/plain\b/i.test(contentType)) return badRequest();
  let text: string;
  try {
    text = await request.clone().text();
  } catch {
    return badRequest();
  }
  if (!isShallowJson(text)) return badRequest();
  if (text.length <= MAX_SCANNED_ROW && !Array.isArray(JSON.parse(text))) return badRequest();
  return null;
}
