import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { maskIban, maskNir, normalizeBic, normalizeIban, normalizeNir } from "@/lib/profile/identifiers";
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

  it("checks the BIC shape", () => {
    expect(normalizeBic("bnpafrpp")).toBe("BNPAFRPP");
    expect(normalizeBic("BNPAFRPPXXX")).toBe("BNPAFRPPXXX");
    expect(normalizeBic("BNPA")).toBeNull();
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
