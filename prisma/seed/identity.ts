// Fictional but well-formed identifiers: French social security numbers
// (NIR, with their key) and French IBANs (RIB key and IBAN check digits).
import type { Random } from "./time";

const mod97 = (digits: string) => Number(BigInt(digits) % 97n);

/** A 15-digit NIR: sex, birth year and month, département, commune, order, key. */
export function socialSecurityNumber(sex: 1 | 2, birthDate: Date, inseeCode: string, order: number): string {
  const year = String(birthDate.getUTCFullYear() % 100).padStart(2, "0");
  const month = String(birthDate.getUTCMonth() + 1).padStart(2, "0");
  const dept = inseeCode.slice(0, 2);
  const commune = inseeCode.slice(2).padStart(3, "0");
  const body = `${sex}${year}${month}${dept}${commune}${String(order).padStart(3, "0")}`;
  const key = String(97 - mod97(body)).padStart(2, "0");
  return body + key;
}

/** "1 88 03 12 *** *** 47": enough for the worker to recognise it, not to reuse it. */
export function maskSocialSecurityNumber(nir: string): string {
  return `${nir[0]} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7)} *** *** ${nir.slice(13, 15)}`;
}

/** A French IBAN whose RIB key and check digits are valid. */
export function fictionalIban(rng: Random): { iban: string; bic: string } {
  const bank = "30076"; // kept constant: the demo bank "Banque de démonstration"
  const branch = String(rng.int(10000, 99999));
  const account = String(rng.int(10000, 99999)) + String(rng.int(100000, 999999));
  const ribKey = String(97 - mod97(String(89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)))).padStart(2, "0");
  const bban = `${bank}${branch}${account}${ribKey}`;
  // "FR" -> 15 27, then "00" for the check digits being computed.
  const check = String(98 - mod97(`${bban}152700`)).padStart(2, "0");
  const iban = `FR${check}${bban}`;
  return { iban, bic: "DEMOFRPPXXX" };
}
