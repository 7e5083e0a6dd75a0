// Secret spans of a message (one-time codes, tokens in links). Templates mark
// them with markSecret; the outbox stores the text with numbered placeholders
// and the values encrypted apart, so that a stored copy can be shown to staff
// masked, filled back for the provider or the dev route, and stripped of every
// secret once delivered. No "server-only": templates and tests import it.
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";

const MASK = "••••••";

const MARK_OPEN = "[[secret:";
const MARK_CLOSE = "]]";
const MARKED = /\[\[secret:([^\]\s]*)\]\]/g;
const PLACEHOLDER = /\[\[secret#(\d+)\]\]/g;

/** Marks a value as a secret of the message it goes into. */
export function markSecret(value: string): string {
  if (!value) return value;
  if (/[\]\s]/.test(value)) throw new Error("A secret cannot contain spaces or ']'");
  return `${MARK_OPEN}${value}${MARK_CLOSE}`;
}

/** Marks the token of a link (its `token` or `code` query parameter). */
export function markUrlToken(url: string): string {
  return url.replace(/([?&](?:token|code)=)([^&#\s]+)/g, (_, name: string, value: string) => `${name}${markSecret(value)}`);
}

/** Replaces marked secrets by placeholders in each part; returns the parts and the secret values. */
export function extractSecrets<T extends Record<string, string | null>>(parts: T): { parts: T; secrets: string[] } {
  const secrets: string[] = [];
  const out = {} as Record<string, string | null>;
  for (const [key, value] of Object.entries(parts)) {
    out[key] =
      value === null
        ? null
        : value.replace(MARKED, (_, secret: string) => {
            let index = secrets.indexOf(secret);
            if (index < 0) index = secrets.push(secret) - 1;
            return `[[secret#${index}]]`;
          });
  }
  return { parts: out as T, secrets };
}

export function sealSecrets(secrets: string[]): string | null {
  return secrets.length ? encryptSecret(JSON.stringify(secrets)) : null;
}

function openSecrets(sealed: string | null | undefined): string[] {
  if (!sealed) return [];
  try {
    const values = JSON.parse(decryptSecret(sealed)) as unknown;
    return Array.isArray(values) ? values.map(String) : [];
  } catch {
    return [];
  }
}

/** The text as the recipient gets it; secrets no longer stored stay masked. */
export function revealText(text: string, sealed: string | null | undefined): string;
export function revealText(text: string | null, sealed: string | null | undefined): string | null;
export function revealText(text: string | null, sealed: string | null | undefined): string | null {
  if (text === null) return null;
  const secrets = openSecrets(sealed);
  return text.replace(PLACEHOLDER, (_, i: string) => secrets[Number(i)] ?? MASK);
}

/**
 * The text as staff see it: placeholders masked, and, for rows stored before
 * secrets were marked, link tokens and code-looking numbers masked too.
 */
export function maskText(text: string): string {
  return text
    .replace(PLACEHOLDER, MASK)
    .replace(/([?&](?:token|code)=)[^&#\s"<]+/g, `$1${MASK}`)
    .replace(/(code de signature est )\d{4,8}/g, `$1${MASK}`);
}
