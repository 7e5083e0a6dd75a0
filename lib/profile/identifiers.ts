// Checks and display of the French social security number (NIR) and of IBANs.
// Pure functions, unit-tested.

/** Digits and letters only, upper-cased: "1 88 03 12..." -> "18803...". */
function compact(value: string): string {
  return value.replace(/[\s.-]/g, "").toUpperCase();
}

/** The NIR without spaces, or null when it is not 15 characters with a valid key. Corsica: 2A/2B. */
export function normalizeNir(value: string): string | null {
  const nir = compact(value);
  if (!/^[12378]\d{4}(\d{2}|2A|2B)\d{6}\d{2}$/.test(nir)) return null;
  const body = nir.slice(0, 13).replace("2A", "19").replace("2B", "18");
  const key = Number(nir.slice(13));
  return 97 - Number(BigInt(body) % 97n) === key ? nir : null;
}

/** "1 88 03 12 *** *** 47" */
export function maskNir(nir: string): string {
  return `${nir[0]} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7)} *** *** ${nir.slice(13, 15)}`;
}

/** "1 88 03 12 345 678 47" */
export function formatNir(nir: string): string {
  return `${nir[0]} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7)} ${nir.slice(7, 10)} ${nir.slice(10, 13)} ${nir.slice(13, 15)}`;
}

const IBAN_LENGTHS: Record<string, number> = {
  FR: 27, MC: 27, BE: 16, DE: 22, ES: 24, IT: 27, LU: 20, NL: 18, PT: 25, CH: 21, GB: 22, IE: 22, AT: 20,
};

/** The IBAN without spaces, upper-cased, or null when its check digits are wrong. */
export function normalizeIban(value: string): string | null {
  const iban = compact(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return null;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected && iban.length !== expected) return null;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(digits) % 97n === 1n ? iban : null;
}

/** "FR76 3007 6..." */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, "$1 ").trim();
}

/** "FR76 **** **** **** **** ***1 234" style: country, check digits and the last 3 characters. */
export function maskIban(iban: string): string {
  const masked = iban.slice(0, 4) + "*".repeat(Math.max(0, iban.length - 7)) + iban.slice(-3);
  return formatIban(masked);
}

/** A BIC (8 or 11 characters), upper-cased, or null. */
export function normalizeBic(value: string): string | null {
  const bic = compact(value);
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) ? bic : null;
}
