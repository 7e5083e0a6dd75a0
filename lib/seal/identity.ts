// The agency's seal: a PKCS#12 (key and certificate) from the settings
// (SEAL_P12_FILE or SEAL_P12_BASE64, with SEAL_P12_PASSPHRASE), checked when
// a server starts (lib/server-start.ts) so that a wrong passphrase or an
// expired certificate stops the start instead of the first signature. In demo
// and test modes without one, a self-signed seal is generated once into
// data/.seal.json (git-ignored), beside the local encryption key.
// No "server-only" import: the seed seals the demo contracts too.
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import forge from "node-forge";
import { certificateValidityProblem, colonHex, sealSource, type SealEnv, type SealSource } from "./rules";

export type SealIdentity = {
  keyPem: string;
  certDer: Buffer;
  chainDer: Buffer[];
  subject: string; // "CN=…, O=…, C=FR"
  issuer: string;
  fingerprint: string; // SHA-256 of the certificate, "AB:CD:…"
  notBefore: Date;
  notAfter: Date;
  selfSigned: boolean;
  source: SealSource["kind"];
};

/** A settings problem of the seal; the message is for the operator's log. */
export class SealSettingsError extends Error {}

function dn(attrs: forge.pki.CertificateField[]): string {
  return attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${forge.util.decodeUtf8(String(a.value))}`).join(", ");
}

const certDerOf = (cert: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");

/** Opens a PKCS#12 and checks that it holds an RSA key, its certificate, valid at `at`. */
export function identityFromP12(p12: Buffer, passphrase: string, at: Date, source: SealSource["kind"]): SealIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString("binary"))), false, passphrase);
  } catch (error) {
    const message = (error as Error).message ?? "";
    throw new SealSettingsError(
      /MAC|password|decrypt/i.test(message)
        ? "the seal certificate could not be opened: wrong SEAL_P12_PASSPHRASE"
        : `the seal certificate is not a readable PKCS#12 file (${message})`,
    );
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key || !key.n) throw new SealSettingsError("the seal PKCS#12 holds no RSA private key (RSA keys only)");
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => Boolean(c));
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!own) throw new SealSettingsError("the seal PKCS#12 holds no certificate matching its private key");
  const problem = certificateValidityProblem(own.validity, at);
  if (problem) throw new SealSettingsError(problem);
  const certDer = certDerOf(own);
  return {
    keyPem: forge.pki.privateKeyToPem(key),
    certDer,
    chainDer: certs.filter((c) => c !== own).map(certDerOf),
    subject: dn(own.subject.attributes),
    issuer: dn(own.issuer.attributes),
    fingerprint: colonHex(createHash("sha256").update(certDer).digest("hex")),
    notBefore: own.validity.notBefore,
    notAfter: own.validity.notAfter,
    selfSigned: own.isIssuer(own),
    source,
  };
}

/** A self-signed seal (demo and tests): an RSA-2048 key and a 10-year certificate, as a PKCS#12. */
export function generateSelfSignedP12(
  passphrase: string,
  options: { commonName?: string; notBefore?: Date; notAfter?: Date } = {},
): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = "01" + randomBytes(15).toString("hex");
  const start = options.notBefore ?? new Date(Date.now() - 86_400_000);
  cert.validity.notBefore = start;
  cert.validity.notAfter = options.notAfter ?? new Date(start.getTime() + 10 * 365 * 86_400_000);
  const name = [
    { name: "commonName", value: forge.util.encodeUtf8(options.commonName ?? "Coop Emploi - cachet de démonstration") },
    { name: "organizationName", value: "Coop Emploi" },
    { name: "countryName", value: "FR" },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", critical: true, digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: "aes256" });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary");
}

function localSealFile(): string {
  return path.join(process.cwd(), "data", ".seal.json");
}

/** The demo/test seal: generated once, then read back (the first writer wins, atomically). */
function localSeal(at: Date): SealIdentity {
  const file = localSealFile();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const passphrase = randomBytes(18).toString("base64url");
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(tmp, JSON.stringify({ p12: generateSelfSignedP12(passphrase).toString("base64"), passphrase }), { mode: 0o600 });
    try {
      linkSync(tmp, file);
      console.warn(`Aucun cachet configuré (SEAL_P12_FILE) : cachet auto-signé local (démo/test uniquement) créé dans ${file}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(tmp);
    }
  }
  const { p12, passphrase } = JSON.parse(readFileSync(file, "utf8")) as { p12: string; passphrase: string };
  return identityFromP12(Buffer.from(p12, "base64"), passphrase, at, "local");
}

/** Reads and checks the seal the settings name; throws SealSettingsError with the reason. */
export function loadSealIdentity(env: SealEnv = process.env, at: Date = new Date()): SealIdentity {
  const found = sealSource(env);
  if (!found.ok) throw new SealSettingsError(found.error);
  const source = found.source;
  if (source.kind === "local") return localSeal(at);
  let bytes: Buffer;
  if (source.kind === "file") {
    try {
      bytes = readFileSync(source.path);
    } catch (error) {
      throw new SealSettingsError(`SEAL_P12_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  } else {
    bytes = Buffer.from(source.value, "base64");
    if (bytes.length === 0) throw new SealSettingsError("SEAL_P12_BASE64 is not base64");
  }
  return identityFromP12(bytes, source.passphrase, at, source.kind);
}

const holder = globalThis as unknown as { __espaceSeal?: { key: string; identity: SealIdentity } };

/** The process's seal, read once per settings (and checked again for expiry at each use). */
export function sealIdentity(at: Date = new Date()): SealIdentity {
  const env = process.env;
  const key = [env.SEAL_P12_FILE, env.SEAL_P12_BASE64, env.SEAL_P12_PASSPHRASE, env.APP_ENV, env.NODE_ENV].join("\u0000");
  if (holder.__espaceSeal?.key !== key) holder.__espaceSeal = { key, identity: loadSealIdentity(env, at) };
  const problem = certificateValidityProblem(holder.__espaceSeal.identity, at);
  if (problem) throw new SealSettingsError(problem);
  return holder.__espaceSeal.identity;
}
