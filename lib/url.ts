import "server-only";
import { headers } from "next/headers";
import { publicOrigin } from "@/lib/http/client";

/** Absolute URL for links in emails: APP_URL (lib/http/client.ts), never a host the client chose. */
export async function absoluteUrl(path: string): Promise<string> {
  let h: Headers | null = null;
  try {
    h = await headers();
  } catch {
    h = null; // outside a request (after(), scripts)
  }
  const configured = process.env.APP_URL?.trim();
  // APP_URL may carry a base path (https://example.fr/espace).
  if (configured) return new URL(path.replace(/^\//, ""), configured.endsWith("/") ? configured : configured + "/").toString();
  return new URL(path, publicOrigin(process.env, h)).toString();
}

/** Only same-site paths are followed after sign-in. */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string") return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (next.startsWith("/api/")) return null;
  return next;
}
