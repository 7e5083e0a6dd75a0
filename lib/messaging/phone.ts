// Phone numbers as French users type them, turned into E.164.

/**
 * "+33612345678", "0612345678", "06 12 34 56 78", "06.12.34.56.78",
 * "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78" and "33612345678" all give
 * "+33612345678". Other international numbers are kept when they start with
 * "+" or "00". Returns null when the input is not a phone number.
 */
export function normalizePhone(input: string): string | null {
  const compact = input
    .trim()
    .replace(/\(0\)/g, "")
    .replace(/[\s.\-()/]/g, "");
  if (!compact) return null;
  const international = compact.startsWith("+") ? compact.slice(1) : compact.startsWith("00") ? compact.slice(2) : null;
  if (international !== null) return normalizeInternational(international);
  if (/^0[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (/^33[1-9]\d{8}$/.test(compact)) return `+${compact}`;
  return null;
}

function normalizeInternational(digits: string): string | null {
  if (!/^\d+$/.test(digits)) return null;
  // "+33 0612345678": the trunk zero is often kept by mistake.
  if (/^330[1-9]\d{8}$/.test(digits)) return `+33${digits.slice(3)}`;
  if (digits.startsWith("33")) return /^33[1-9]\d{8}$/.test(digits) ? `+${digits}` : null;
  if (digits.startsWith("0")) return null;
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
}

/**
 * Whether the string is one plain email address (no display name, no list):
 * "local@domain.tld". Loose on purpose; the provider has the last word.
 */
export function looksLikeEmail(input: string): boolean {
  return /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]+$/.test(input.trim());
}

export function normalizeEmailAddress(input: string): string {
  return input.trim().toLowerCase();
}
