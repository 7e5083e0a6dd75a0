// The agency's PAdES seal (lib/seal): the settings checked at start-up, the
// sealed PDF verified by poppler's pdfsig (a tool nobody here wrote), a
// changed byte detected, and the RFC 3161 timestamp of a local authority.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import forge from "node-forge";
import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import { certificateValidityProblem, colonHex, daysLeft, initials, parseSha256, sealSource } from "@/lib/seal/rules";
import { SealSettingsError, generateSelfSignedP12, identityFromP12, loadSealIdentity } from "@/lib/seal/identity";
import { sealPdf } from "@/lib/seal/seal-pdf";
import { fromDer } from "@/lib/seal/cms";
import { startTestTsa, type TestTsa } from "../helpers/tsa-server";

const dir = mkdtempSync(path.join(tmpdir(), "seal-test-"));
const day = 86_400_000;

function pdfsig(bytes: Uint8Array): { out: string; status: number } {
  const file = path.join(dir, `f-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync("pdfsig", [file], { encoding: "utf8" });
  return { out: `${r.stdout}${r.stderr}`, status: r.status ?? -1 };
}

async function samplePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595.28, 841.89]).drawText("Contrat de mission 42691", { x: 48, y: 780, size: 12, font });
  return pdf.save({ useObjectStreams: false });
}

/** The CMS of the (last) signature of a PDF, as forge ASN.1. */
function cmsOf(pdf: Buffer): forge.asn1.Asn1 {
  const m = [...pdf.toString("latin1").matchAll(/\/Contents\s*<([0-9a-fA-F]+)>/g)].pop()!;
  return forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(m[1], "hex").toString("binary")), {
    parseAllBytes: false,
  } as unknown as boolean);
}

const p12Of = (passphrase: string, options: Parameters<typeof generateSelfSignedP12>[1] = {}) => generateSelfSignedP12(passphrase, options);

describe("seal settings (pure rules)", () => {
  it("needs the passphrase with a PKCS#12, refuses two sources, and has no default outside demo/test", () => {
    expect(sealSource({ SEAL_P12_FILE: "/etc/seal.p12" })).toEqual({
      ok: false,
      error: expect.stringContaining("SEAL_P12_PASSPHRASE is missing"),
    });
    expect(sealSource({ SEAL_P12_BASE64: "AAAA", SEAL_P12_PASSPHRASE: "" })).toMatchObject({ ok: false });
    expect(sealSource({ SEAL_P12_FILE: "/a", SEAL_P12_BASE64: "AAAA", SEAL_P12_PASSPHRASE: "x" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("both set"),
    });
    expect(sealSource({ SEAL_P12_PASSPHRASE: "x", APP_ENV: "demo" })).toMatchObject({ ok: false });
    expect(sealSource({ NODE_ENV: "production" })).toMatchObject({ ok: false, error: expect.stringContaining("no seal certificate") });
    expect(sealSource({ APP_ENV: "staging", NODE_ENV: "production" })).toMatchObject({ ok: false });
    expect(sealSource({ APP_ENV: "preview", NODE_ENV: "production" })).toEqual({ ok: true, source: { kind: "local" } });
    expect(sealSource({ NODE_ENV: "test" })).toEqual({ ok: true, source: { kind: "local" } });
    expect(sealSource({ APP_ENV: "test" })).toEqual({ ok: true, source: { kind: "local" } });
    expect(sealSource({ APP_ENV: "demo", SEAL_P12_FILE: " /s.p12 ", SEAL_P12_PASSPHRASE: "p" })).toEqual({
      ok: true,
      source: { kind: "file", path: "/s.p12", passphrase: "p" },
    });
  });

  it("certificate validity: boundaries included", () => {
    const notBefore = new Date("2026-01-01T00:00:00Z");
    const notAfter = new Date("2027-01-01T00:00:00Z");
    expect(certificateValidityProblem({ notBefore, notAfter }, notAfter)).toBeNull();
    expect(certificateValidityProblem({ notBefore, notAfter }, notBefore)).toBeNull();
    expect(certificateValidityProblem({ notBefore, notAfter }, new Date(notAfter.getTime() + 1))).toContain("expired on 2027-01-01");
    expect(certificateValidityProblem({ notBefore, notAfter }, new Date(notBefore.getTime() - 1))).toContain("not valid before");
    expect(daysLeft(notAfter, new Date(notAfter.getTime() - 1.5 * day))).toBe(1);
    expect(daysLeft(notAfter, new Date(notAfter.getTime() + 1))).toBe(-1);
  });

  it("small helpers: fingerprints, initials, typed hashes", () => {
    expect(colonHex("0a1b2c")).toBe("0A:1B:2C");
    expect(initials("Inès", "signature")).toBe("I. S.");
    expect(initials("", "Durand")).toBe("D.");
    const h = "ab".repeat(32);
    expect(parseSha256(` ${h.toUpperCase()} `)).toBe(h);
    expect(parseSha256(colonHex(h))).toBe(h);
    expect(parseSha256(h.slice(1))).toBeNull();
    expect(parseSha256(`${h}0`)).toBeNull();
    expect(parseSha256("g".repeat(64))).toBeNull();
  });
});

describe("seal settings (loading, as at start-up)", () => {
  it("opens a PKCS#12 given as a file or base64, with its subject and fingerprint", () => {
    const p12 = p12Of("correct horse", { commonName: "Agence Test" });
    const file = path.join(dir, "seal.p12");
    writeFileSync(file, p12);
    const fromFile = loadSealIdentity({ SEAL_P12_FILE: file, SEAL_P12_PASSPHRASE: "correct horse" });
    const fromBase64 = loadSealIdentity({ SEAL_P12_BASE64: p12.toString("base64"), SEAL_P12_PASSPHRASE: "correct horse" });
    expect(fromFile.subject).toBe("CN=Agence Test, O=Coop Emploi, C=FR");
    expect(fromFile.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fromBase64.fingerprint).toBe(fromFile.fingerprint);
    expect(fromFile.selfSigned).toBe(true);
  });

  it("a missing passphrase, a wrong one, an unreadable file, an expired or not yet valid certificate: clear errors", () => {
    const p12 = p12Of("right");
    const b64 = p12.toString("base64");
    const error = (env: Record<string, string>, at?: Date) => {
      try {
        loadSealIdentity(env, at);
      } catch (e) {
        expect(e).toBeInstanceOf(SealSettingsError);
        return (e as Error).message;
      }
      return "no error";
    };
    expect(error({ SEAL_P12_BASE64: b64 })).toContain("SEAL_P12_PASSPHRASE is missing");
    expect(error({ SEAL_P12_BASE64: b64, SEAL_P12_PASSPHRASE: "wrong" })).toContain("wrong SEAL_P12_PASSPHRASE");
    expect(error({ SEAL_P12_FILE: path.join(dir, "absent.p12"), SEAL_P12_PASSPHRASE: "x" })).toContain(
      "SEAL_P12_FILE cannot be read (ENOENT)",
    );
    expect(error({ SEAL_P12_BASE64: Buffer.from("not a p12").toString("base64"), SEAL_P12_PASSPHRASE: "x" })).toContain(
      "not a readable PKCS#12",
    );
    const expired = p12Of("p", { notBefore: new Date(Date.now() - 400 * day), notAfter: new Date(Date.now() - day) });
    expect(error({ SEAL_P12_BASE64: expired.toString("base64"), SEAL_P12_PASSPHRASE: "p" })).toMatch(/seal certificate expired on \d{4}-/);
    const future = p12Of("p", { notBefore: new Date(Date.now() + 10 * day) });
    expect(error({ SEAL_P12_BASE64: future.toString("base64"), SEAL_P12_PASSPHRASE: "p" })).toContain("not valid before");
    // The same certificate at a time it covers loads.
    expect(identityFromP12(expired, "p", new Date(Date.now() - 100 * day), "base64").subject).toContain("CN=");
  });

  it("the start-up check refuses to start with an expired seal", async () => {
    const { checkSealSettings } = await import("@/lib/seal/startup");
    const expired = p12Of("p", { notBefore: new Date(Date.now() - 400 * day), notAfter: new Date(Date.now() - day) });
    expect(() => checkSealSettings({ SEAL_P12_BASE64: expired.toString("base64"), SEAL_P12_PASSPHRASE: "p" })).toThrow(
      /^Seal settings: the seal certificate expired/,
    );
    expect(() => checkSealSettings({ SEAL_P12_BASE64: expired.toString("base64") })).toThrow(/SEAL_P12_PASSPHRASE is missing/);
    expect(() => checkSealSettings({ NODE_ENV: "production" })).toThrow(/no seal certificate/);
  });
});

describe("sealed PDF, checked by poppler's pdfsig", () => {
  const identity = identityFromP12(p12Of("p", { commonName: "Coop Emploi Test" }), "p", new Date(), "base64");
  let tsa: TestTsa;
  beforeAll(async () => {
    tsa = await startTestTsa();
  });
  afterAll(async () => {
    await tsa.close();
  });

  it("is valid and covers the whole document; one changed byte makes it invalid", async () => {
    const at = new Date("2026-11-27T13:03:12Z");
    const { bytes, timestamped } = await sealPdf(
      await samplePdf(),
      { reason: "Contrat de mission signé par Inès SIGNATURE par code SMS", location: "Lyon, France", signingTime: at },
      { identity, tsaUrl: null },
    );
    expect(timestamped).toBe(false);
    const ok = pdfsig(bytes);
    expect(ok.out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(ok.out).toContain("Signer Certificate Common Name: Coop Emploi Test");
    expect(ok.out).toContain("Total document signed");
    expect(ok.out).toContain("Signature Validation: Signature is Valid.");
    expect(ok.out).toContain("Signing Hash Algorithm: SHA-256");
    const text = bytes.toString("latin1");
    expect(text).toMatch(/\/M \(D:20261127130312/);
    expect(text).toContain("/SubFilter /ETSI.CAdES.detached");
    // Reason as a PDF text string (UTF-16 for the accent).
    expect(text).toMatch(/\/Reason/);

    // One byte of the signed content changed (the drawn text): invalid.
    const tampered = Buffer.from(bytes);
    const at42 = tampered.indexOf("42691");
    const pos = at42 > 0 ? at42 : tampered.indexOf("/MediaBox") + 2;
    tampered[pos] = tampered[pos] === 0x31 ? 0x32 : 0x31;
    const bad = pdfsig(tampered);
    expect(bad.out).not.toContain("Signature is Valid.");
    expect(bad.out).toMatch(/Signature Validation: Digest Mismatch|Signature is Invalid/);
  });

  it("with TSA_URL the signature carries an RFC 3161 timestamp of its value (B-T), verified by openssl", async () => {
    const before = tsa.requests;
    const { bytes, timestamped } = await sealPdf(
      await samplePdf(),
      { reason: "Émis par Coop Emploi MEDIMP", location: "Lyon, France", signingTime: new Date() },
      { identity, tsaUrl: tsa.url },
    );
    expect(timestamped).toBe(true);
    expect(tsa.requests).toBe(before + 1);
    expect(pdfsig(bytes).out).toContain("Signature is Valid.");
    // signerInfo: [version, sid, digestAlg, [0] signedAttrs, sigAlg, signature, [1] unsignedAttrs]
    const signedData = (cmsOf(bytes).value as forge.asn1.Asn1[])[1].value[0] as forge.asn1.Asn1;
    const signerInfo = ((signedData.value as forge.asn1.Asn1[]).at(-1)!.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
    const signatureValue = Buffer.from(signerInfo[5].value as string, "binary");
    const unsigned = signerInfo[6].value as forge.asn1.Asn1[];
    const [attrType, attrValues] = unsigned[0].value as forge.asn1.Asn1[];
    expect(forge.asn1.derToOid(attrType.value as string)).toBe("1.2.840.113549.1.9.16.2.14");
    const token = Buffer.from(forge.asn1.toDer((attrValues.value as forge.asn1.Asn1[])[0]).getBytes(), "binary");
    writeFileSync(path.join(dir, "sig.bin"), signatureValue);
    writeFileSync(path.join(dir, "token.der"), token);
    writeFileSync(path.join(dir, "tsa.pem"), tsa.certPem);
    const out = execFileSync(
      "openssl",
      [
        "ts",
        "-verify",
        "-data",
        path.join(dir, "sig.bin"),
        "-in",
        path.join(dir, "token.der"),
        "-token_in",
        "-CAfile",
        path.join(dir, "tsa.pem"),
      ],
      { encoding: "utf8" },
    );
    expect(out).toContain("Verification: OK");
    expect(fromDer(token)).toBeTruthy();
  });

  it("a timestamp authority that refuses or is down: sealed without timestamp (B-B), still valid", async () => {
    const refusing = await startTestTsa({ refuse: true });
    try {
      const r = await sealPdf(
        await samplePdf(),
        { reason: "Émis", location: "France", signingTime: new Date() },
        { identity, tsaUrl: refusing.url },
      );
      expect(r.timestamped).toBe(false);
      expect(pdfsig(r.bytes).out).toContain("Signature is Valid.");
    } finally {
      await refusing.close();
    }
    const down = await sealPdf(
      await samplePdf(),
      { reason: "Émis", location: "France", signingTime: new Date() },
      { identity, tsaUrl: "http://127.0.0.1:9/tsa" },
    );
    expect(down.timestamped).toBe(false);
    expect(pdfsig(down.bytes).out).toContain("Signature is Valid.");
  });
});
