// Encryption at rest of the social security number and the IBAN
// (AES-256-GCM). The key comes from ENCRYPTION_KEY (32 bytes, base64). For
// demo and test runs without it, a key is generated once into
// data/.encryption-key (git-ignored) so that the seed and the server agree.
// No "server-only" import: the seed encrypts the demo profiles too.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const VERSION = "v1";

type Key = { id: string; bytes: Buffer };

function parseKey(value: string, source: string): Key {
  const bytes = Buffer.from(value.trim(), "base64");
  if (bytes.length !== 32) throw new Error(`${source} must be 32 bytes encoded in base64 (openssl rand -base64 32)`);
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

function localKeyFile(): string {
  return path.join(process.cwd(), "data", ".encryption-key");
}

/** The demo/test key: generated once, then read back (first writer wins). */
function localKey(): Key {
  const file = localKeyFile();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
      console.warn(`ENCRYPTION_KEY absent : clé de chiffrement locale (démo/test uniquement) créée dans ${file}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return parseKey(readFileSync(file, "utf8"), file);
}

const holder = globalThis as unknown as { __espaceEncryptionKey?: { env: string | undefined; key: Key } };

function currentKey(): Key {
  const env = process.env.ENCRYPTION_KEY || undefined;
  if (holder.__espaceEncryptionKey?.env !== env || !holder.__espaceEncryptionKey) {
    holder.__espaceEncryptionKey = { env, key: env ? parseKey(env, "ENCRYPTION_KEY") : localKey() };
  }
  return holder.__espaceEncryptionKey.key;
}

/** "v1.<key id>.<iv>.<tag>.<ciphertext>", base64url parts. */
export function encryptSecret(plain: string, key: Key = currentKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, key.id, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(".");
}

/** Decrypts a value of encryptSecret; throws when it was tampered with or made with another key. */
export function decryptSecret(sealed: string, key: Key = currentKey()): string {
  const [version, keyId, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || data === undefined) throw new Error("Not an encrypted value");
  if (keyId !== key.id) throw new Error(`Encrypted with another key (${keyId}); check ENCRYPTION_KEY`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Decrypts, or null when empty or unreadable (wrong key): pages stay usable. */
export function tryDecryptSecret(sealed: string | null | undefined): string | null {
  if (!sealed) return null;
  try {
    return decryptSecret(sealed);
  } catch {
    return null;
  }
}

/** For tests: a key from 32 bytes. */
export function keyFromBase64(value: string): Key {
  return parseKey(value, "key");
}
