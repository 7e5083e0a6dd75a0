// Checks and display of the French social security number (NIR) and of IBANs.
// Pure functions, unit-tested. IBANs and BICs are checked with ibantools.
import { countrySpecs, extractIBAN, isValidBIC, validateIBAN, ValidationErrorsIBAN } from "ibantools";

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

/** Why an IBAN is refused: unknown country, wrong length or format for that country, wrong check digits. */
type IbanProblem = "country" | "length" | "checksum";

export type IbanCheck = { ok: true; iban: string } | { ok: false; problem: IbanProblem; country: string | null; length: number | null };

/**
 * Checks an IBAN with ibantools: a country of the IBAN registry, that country's length
 * and BBAN format, the ISO 13616 check digits and, where the country has one (France,
 * Monaco, Belgium, Spain, Italy, Portugal...), the national account key.
 */
export function checkIban(value: string): IbanCheck {
  const iban = compact(value);
  const country = /^[A-Z]{2}/.test(iban) ? iban.slice(0, 2) : null;
  const spec = country ? countrySpecs[country] : undefined;
  const length = spec?.chars ?? null;
  const result = validateIBAN(iban);
  if (result.valid) return { ok: true, iban };
  const codes = result.errorCodes;
  const problem: IbanProblem =
    !spec?.chars || codes.includes(ValidationErrorsIBAN.NoIBANCountry)
      ? "country"
      : codes.includes(ValidationErrorsIBAN.WrongBBANLength) || codes.includes(ValidationErrorsIBAN.WrongBBANFormat)
        ? "length"
        : "checksum";
  return { ok: false, problem, country: spec?.chars ? country : null, length };
}

/** The IBAN without spaces, upper-cased, or null when it is not a valid IBAN (see checkIban). */
export function normalizeIban(value: string): string | null {
  const checked = checkIban(value);
  return checked.ok ? checked.iban : null;
}

/** The French message shown next to the IBAN field for a refused IBAN. */
export function ibanErrorMessage(checked: Extract<IbanCheck, { ok: false }>): string {
  switch (checked.problem) {
    case "country":
      return "IBAN invalide : il doit commencer par le code d'un pays qui utilise l'IBAN (ex. FR76).";
    case "length":
      return `IBAN invalide : un IBAN ${checked.country} compte ${checked.length} caractères, vérifiez qu'il est complet.`;
    default:
      return "IBAN invalide : vérifiez les chiffres (la clé de contrôle ne correspond pas).";
  }
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
  // ibantools also checks that the country part (letters 5 and 6) is a real country.
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) && isValidBIC(bic) ? bic : null;
}

/** BICs of major French banks by their code banque (the first 5 digits of a French BBAN). */
const FRENCH_BANK_BICS: Record<string, string> = {
  "30004": "BNPAFRPP", // BNP Paribas
  "30003": "SOGEFRPP", // Société Générale
  "30002": "CRLYFRPP", // LCL
  "30006": "AGRIFRPP", // Crédit Agricole
  "20041": "PSSTFRPP", // La Banque Postale
  "30066": "CMCIFRPP", // CIC
  "30056": "CCFRFRPP", // HSBC Continental Europe
  "30076": "NORDFRPP", // Crédit du Nord
  "12548": "AXABFRPP", // AXA Banque
  "16958": "QNTOFRP1", // Qonto
};

/**
 * The BIC of a (valid, compact) IBAN's bank where it is known, else null. A
 * transfer within SEPA needs no BIC, so an unknown bank simply gives none.
 */
export function bicFromIban(iban: string): string | null {
  if (!iban.startsWith("FR") && !iban.startsWith("MC")) return null;
  const bank = extractIBAN(iban).bankIdentifier;
  return bank ? (FRENCH_BANK_BICS[bank] ?? null) : null;
}
