// Rules of the agency's electronic seal settings: pure, no file, no clock.

export type SealEnv = {
  SEAL_P12_FILE?: string;
  SEAL_P12_BASE64?: string;
  SEAL_P12_PASSPHRASE?: string;
  APP_ENV?: string;
  NODE_ENV?: string;
};

export type SealSource =
  { kind: "file"; path: string; passphrase: string } | { kind: "base64"; value: string; passphrase: string } | { kind: "local" }; // demo/test: a self-signed seal generated once

const LOCAL_ENVS = new Set(["demo", "test", "preview"]);

/** Where the seal comes from, or the settings error (English, for the operator's log). */
export function sealSource(env: SealEnv): { ok: true; source: SealSource } | { ok: false; error: string } {
  const file = env.SEAL_P12_FILE?.trim();
  const base64 = env.SEAL_P12_BASE64?.replace(/\s+/g, "");
  const passphrase = env.SEAL_P12_PASSPHRASE;
  if (file && base64) return { ok: false, error: "SEAL_P12_FILE and SEAL_P12_BASE64 are both set: keep one of them" };
  if (file || base64) {
    if (passphrase === undefined || passphrase === "")
      return {
        ok: false,
        error: `SEAL_P12_PASSPHRASE is missing: it is needed to open the seal certificate (${file ? "SEAL_P12_FILE" : "SEAL_P12_BASE64"})`,
      };
    return { ok: true, source: file ? { kind: "file", path: file, passphrase } : { kind: "base64", value: base64!, passphrase } };
  }
  if (passphrase) return { ok: false, error: "SEAL_P12_PASSPHRASE is set but neither SEAL_P12_FILE nor SEAL_P12_BASE64 is" };
  // APP_ENV demo/test/preview, or a unit-test process (Vitest sets NODE_ENV=test).
  if (LOCAL_ENVS.has(env.APP_ENV?.trim() ?? "") || env.NODE_ENV === "test") return { ok: true, source: { kind: "local" } };
  return {
    ok: false,
    error:
      "no seal certificate: set SEAL_P12_FILE (or SEAL_P12_BASE64) and SEAL_P12_PASSPHRASE to the agency's PKCS#12 seal (see the README); only APP_ENV=demo, test or preview generate a self-signed one",
  };
}

/** Whether the certificate can seal at `at`: null, or why not. */
export function certificateValidityProblem(validity: { notBefore: Date; notAfter: Date }, at: Date): string | null {
  if (at.getTime() > validity.notAfter.getTime()) return `the seal certificate expired on ${validity.notAfter.toISOString()}`;
  if (at.getTime() < validity.notBefore.getTime()) return `the seal certificate is not valid before ${validity.notBefore.toISOString()}`;
  return null;
}

/** Days left before the certificate expires (negative once expired), rounded down. */
export function daysLeft(notAfter: Date, at: Date): number {
  return Math.floor((notAfter.getTime() - at.getTime()) / 86_400_000);
}

/** "AB:CD:..." from a hex digest, as certificate viewers print fingerprints. */
export function colonHex(hex: string): string {
  return hex.toUpperCase().match(/.{2}/g)?.join(":") ?? "";
}

/** The worker's initials for the public check ("I. S."), nothing more. */
export function initials(firstName: string, lastName: string): string {
  const first = (s: string) => s.trim().charAt(0).toUpperCase();
  return [first(firstName), first(lastName)]
    .filter(Boolean)
    .map((c) => `${c}.`)
    .join(" ");
}

/** A typed SHA-256: 64 hex digits, spaces and colons allowed; lower-case, or null. */
export function parseSha256(input: string): string | null {
  const hex = input.replace(/[\s:]/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}
