import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import {
  bicFromIban,
  checkIban,
  ibanErrorMessage,
  maskIban,
  maskNir,
  normalizeBic,
  normalizeIban,
  normalizeNir,
} from "@/lib/profile/identifiers";
import { fieldDef } from "@/lib/profile/fields";
import { decryptSecret, encryptSecret, keyFromBase64 } from "@/lib/crypto/secrets";
import { detectFileType } from "@/lib/uploads/check";

describe("social security number (NIR)", () => {
  it("accepts a number with its key, spaces or not", () => {
    // 1 88 03 12 202 005, key 97 - (1880312202005 mod 97)
    const body = "1880312202005";
    const key = String(97 - Number(BigInt(body) % 97n)).padStart(2, "0");
    expect(normalizeNir(`${body}${key}`)).toBe(`${body}${key}`);
    expect(normalizeNir(`1 88 03 12 202 005 ${key}`)).toBe(`${body}${key}`);
    expect(maskNir(`${body}${key}`)).toBe(`1 88 03 12 *** *** ${key}`);
  });

  it("refuses a wrong key, a wrong length or letters", () => {
    const body = "1880312202005";
    const key = 97 - Number(BigInt(body) % 97n);
    const wrong = String((key % 97) + 1).padStart(2, "0");
    expect(normalizeNir(`${body}${wrong}`)).toBeNull();
    expect(normalizeNir(body)).toBeNull();
    expect(normalizeNir(`${body}${key}1`)).toBeNull();
    expect(normalizeNir("1880312X0200512")).toBeNull();
  });

  it("handles Corsica (2A / 2B)", () => {
    const body = "2900220A00100".replace("20A", "2A0");
    // Build a valid Corsican NIR: département 2A counts as 19.
    const nir = "290022A001001";
    const key = String(97 - Number(BigInt(nir.replace("2A", "19")) % 97n)).padStart(2, "0");
    expect(body.length).toBe(13);
    expect(normalizeNir(`${nir}${key}`)).toBe(`${nir}${key}`);
  });
});

describe("IBAN and BIC", () => {
  it("accepts valid IBANs and refuses a changed digit", () => {
    expect(normalizeIban("FR76 3000 6000 0112 3456 7890 189")).toBe("FR7630006000011234567890189");
    expect(normalizeIban("fr7630006000011234567890189")).toBe("FR7630006000011234567890189");
    expect(normalizeIban("DE89 3704 0044 0532 0130 00")).toBe("DE89370400440532013000");
    expect(normalizeIban("FR7630006000011234567890188")).toBeNull();
    expect(normalizeIban("FR763000600001123456789018")).toBeNull(); // one character short
    expect(normalizeIban("bonjour")).toBeNull();
    expect(maskIban("FR7630006000011234567890189")).toBe("FR76 **** **** **** **** **** 189");
  });

  // The examples of the IBAN registry (SWIFT) for SEPA countries beyond the 13 the
  // hand-written check knew, and for a few it knew.
  const sepaIbans = [
    "AT611904300234573201",
    "BE68539007547034",
    "BG80BNBG96611020345678",
    "HR1210010051863000160",
    "CY17002001280000001200527600",
    "CZ6508000000192000145399",
    "DK5000400440116243",
    "EE382200221020145685",
    "FI2112345600000785",
    "GR1601101250000000012300695",
    "HU42117730161111101800000000",
    "IS140159260076545510730339",
    "LV80BANK0000435195001",
    "LI21088100002324013AA",
    "LT121000011101001000",
    "MT84MALT011000012345MTLCAST001S",
    "NO9386011117947",
    "PL61109010140000071219812874",
    "RO49AAAA1B31007593840000",
    "SK3112000000198742637541",
    "SI56263300012039086",
    "SE4550000000058398257466",
    "ES9121000418450200051332",
    "IT60X0542811101000000123456",
    "PT50000201231234567890154",
    "NL91ABNA0417164300",
    "MC5811222000010123456789030",
    "SM86U0322509800000000270100",
    "GB29NWBK60161331926819",
    "CH9300762011623852957",
    "LU280019400644750000",
    "IE29AIBK93115212345678",
  ];

  it("accepts the IBANs of every SEPA country, in paper format too", () => {
    for (const iban of sepaIbans) {
      expect(normalizeIban(iban), iban).toBe(iban);
      const paper = iban
        .replace(/(.{4})/g, "$1 ")
        .trim()
        .toLowerCase();
      expect(normalizeIban(paper), paper).toBe(iban);
    }
  });

  it("refuses each of them with wrong check digits, naming the key in French", () => {
    for (const iban of sepaIbans) {
      const digits = (Number(iban.slice(2, 4)) + 1) % 100;
      const wrong = iban.slice(0, 2) + String(digits).padStart(2, "0") + iban.slice(4);
      expect(normalizeIban(wrong), wrong).toBeNull();
      const checked = checkIban(wrong);
      expect(checked.ok, wrong).toBe(false);
      if (!checked.ok) {
        expect(checked.problem, wrong).toBe("checksum");
        expect(ibanErrorMessage(checked)).toBe("IBAN invalide : vérifiez les chiffres (la clé de contrôle ne correspond pas).");
      }
    }
  });

  it("refuses a valid IBAN checksum over a wrong French RIB key", () => {
    // FR IBAN whose ISO check digits were recomputed over a bank account with a wrong RIB key.
    const bban = "30006000011234567890188";
    const check = String(98 - Number(BigInt(`${bban}152700`) % 97n)).padStart(2, "0");
    const iban = `FR${check}${bban}`;
    expect(BigInt(`${bban}1527${check}`) % 97n).toBe(1n); // the ISO check passes
    expect(normalizeIban(iban)).toBeNull();
    expect(checkIban(iban)).toMatchObject({ ok: false, problem: "checksum" });
  });

  it("says when the country is unknown or the length is wrong for the country", () => {
    const unknown = checkIban("XX82 WEST 1234 5698 7654 32");
    expect(unknown).toMatchObject({ ok: false, problem: "country" });
    if (!unknown.ok) expect(ibanErrorMessage(unknown)).toMatch(/^IBAN invalide : il doit commencer par le code d'un pays/);
    // The United States have no IBAN: a mod-97-valid string is still refused.
    expect(normalizeIban("US64SVBKUS6S3300958879")).toBeNull();
    expect(checkIban("bonjour")).toMatchObject({ ok: false });
    const short = checkIban("DE89 3704 0044 0532 0130 0");
    expect(short).toMatchObject({ ok: false, problem: "length", country: "DE", length: 22 });
    if (!short.ok) expect(ibanErrorMessage(short)).toBe("IBAN invalide : un IBAN DE compte 22 caractères, vérifiez qu'il est complet.");
    const long = checkIban("BE68 5390 0754 7034 1");
    expect(long).toMatchObject({ ok: false, problem: "length", length: 16 });
    const letters = checkIban("FR76 3000 6000 0112 3456 7890 18X");
    expect(letters.ok).toBe(false);
  });

  it("shows the French message next to the IBAN field of the profile form", () => {
    const field = fieldDef("iban")!;
    const refused = field.parse({ iban: "FR76 3000 6000 0112 3456 7890 188", bic: "BNPAFRPP" });
    expect(refused).toEqual({
      ok: false,
      errors: { iban: "IBAN invalide : vérifiez les chiffres (la clé de contrôle ne correspond pas)." },
    });
    const short = field.parse({ iban: "FR76 3000 6000 0112 3456 7890 18", bic: "bnpafrpp" });
    expect(short).toEqual({ ok: false, errors: { iban: "IBAN invalide : un IBAN FR compte 27 caractères, vérifiez qu'il est complet." } });
    const both = field.parse({ iban: "", bic: "BNPA" });
    expect(both.ok).toBe(false);
    if (!both.ok) {
      expect(both.errors.iban).toMatch(/^IBAN invalide/);
      expect(both.errors.bic).toBe("BIC invalide : 8 ou 11 caractères (ex. BNPAFRPP), ou laissez le champ vide.");
    }
    expect(field.parse({ iban: "it60 x054 2811 1010 0000 0123 456", bic: "BCITITMM" })).toEqual({
      ok: true,
      value: JSON.stringify({ iban: "IT60X0542811101000000123456", bic: "BCITITMM" }),
    });
  });

  it("takes the BIC as optional (issue 18): derived from a known French bank, empty otherwise, checked when given", () => {
    const field = fieldDef("iban")!;
    // Code banque 30006 is Crédit Agricole.
    expect(field.parse({ iban: "FR76 3000 6000 0112 3456 7890 189", bic: "" })).toEqual({
      ok: true,
      value: JSON.stringify({ iban: "FR7630006000011234567890189", bic: "AGRIFRPP" }),
    });
    expect(bicFromIban("FR7630006000011234567890189")).toBe("AGRIFRPP");
    // A bank outside the table, or abroad: no BIC, still accepted.
    expect(field.parse({ iban: "IT60 X054 2811 1010 0000 0123 456", bic: "  " })).toEqual({
      ok: true,
      value: JSON.stringify({ iban: "IT60X0542811101000000123456", bic: "" }),
    });
    // A typed BIC wins over the derived one, and a wrong one is still refused.
    expect(field.parse({ iban: "FR76 3000 6000 0112 3456 7890 189", bic: "demofrppxxx" })).toEqual({
      ok: true,
      value: JSON.stringify({ iban: "FR7630006000011234567890189", bic: "DEMOFRPPXXX" }),
    });
    expect(field.parse({ iban: "FR76 3000 6000 0112 3456 7890 189", bic: "BNPA" })).toEqual({
      ok: false,
      errors: { bic: "BIC invalide : 8 ou 11 caractères (ex. BNPAFRPP), ou laissez le champ vide." },
    });
  });

  it("checks the BIC shape", () => {
    expect(normalizeBic("bnpafrpp")).toBe("BNPAFRPP");
    expect(normalizeBic("BNPAFRPPXXX")).toBe("BNPAFRPPXXX");
    expect(normalizeBic("BNPA")).toBeNull();
    expect(normalizeBic("DEMOFRPPXXX")).toBe("DEMOFRPPXXX");
    expect(normalizeBic("BNPAZZPP")).toBeNull(); // no country ZZ
  });
});

describe("encryption at rest", () => {
  const key = keyFromBase64(randomBytes(32).toString("base64"));

  it("round-trips and never stores the plain text", () => {
    const sealed = encryptSecret("FR7630006000011234567890189", key);
    expect(sealed).not.toContain("FR76");
    expect(sealed).not.toBe(encryptSecret("FR7630006000011234567890189", key)); // random IV
    expect(decryptSecret(sealed, key)).toBe("FR7630006000011234567890189");
  });

  it("refuses a tampered value or another key", () => {
    const sealed = encryptSecret("188031220200547", key);
    const parts = sealed.split(".");
    parts[4] = Buffer.from("000000000000000").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
    const other = keyFromBase64(randomBytes(32).toString("base64"));
    expect(() => decryptSecret(sealed, other)).toThrow(/another key/);
    expect(() => keyFromBase64("c2hvcnQ=")).toThrow(/32 bytes/);
  });
});

describe("uploaded file types by content", () => {
  it("recognises PDF, JPEG and PNG by their first bytes only", () => {
    expect(detectFileType(Buffer.from("%PDF-1.7\n"))?.mimeType).toBe("application/pdf");
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.mimeType).toBe("image/jpeg");
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.mimeType).toBe("image/png");
    expect(detectFileType(Buffer.from("Ceci n'est pas un PDF"))).toBeNull();
    expect(detectFileType(Buffer.from("MZ\x90\x00"))).toBeNull();
  });
});
