// Object storage for uploaded and generated files (payslips, contracts,
// diplomas...). Keys are generated here, never taken from an uploaded name.
// A local folder by default; S3-compatible object storage (lib/storage/s3.ts)
// when the S3_* settings are present, so that several app instances share files.
// No "server-only" import: scripts (seed, maintenance) use it too.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { classifyStorageError } from "./errors";
import { s3ConfigFromEnv, type S3Config } from "./s3-config";

export { STORAGE_UNAVAILABLE_MESSAGE, StorageUnavailableError, isStorageFailure } from "./errors";

export type StoredObject = { key: string; sha256: string; size: number };

export type Storage = {
  /** Stores the bytes under a new key and returns it with the SHA-256 (hex) and size in bytes. */
  putObject(input: Buffer | Readable, meta: { contentType: string }): Promise<StoredObject>;
  /** Opens a stored object; rejects when it does not exist. */
  openObjectStream(key: string): Promise<Readable>;
  objectExists(key: string): Promise<boolean>;
  /** Deletes an object; deleting a missing object is not an error. */
  deleteObject(key: string): Promise<void>;
};

// "2026/11/3f2c...-uuid": only what newObjectKey() produces is accepted, so a
// key can never point outside the storage folder.
const READ_CHUNK_BYTES = 1024 * 1024;

const KEY_PATTERN = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newObjectKey(now: Date = new Date()): string {
  const year = now.getUTCFullYear();
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${year}/${month}/${randomUUID()}`;
}

export function isValidObjectKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

function checkedKey(key: string): string {
  if (!isValidObjectKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  return key;
}

/** Files in a local folder; writes go to a temporary file renamed into place once complete. */
export function localStorage(dir: string): Storage {
  const root = path.resolve(dir);
  const fileOf = (key: string) => path.join(root, ...checkedKey(key).split("/"));

  return {
    async putObject(input) {
      const key = newObjectKey();
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      const hash = createHash("sha256");
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      const source = Buffer.isBuffer(input) ? Readable.from([input]) : input;
      try {
        await pipeline(source, measure, createWriteStream(temp, { flags: "wx", mode: 0o640 }));
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return { key, sha256: hash.digest("hex"), size };
    },

    async openObjectStream(key) {
      const file = fileOf(key);
      const { size } = await stat(file); // rejects with ENOENT before a stream is handed out
      // Large reads, bounded by the file: each read allocates a buffer of the
      // read's size, and a 1 MiB buffer per 150 KB payslip (plus one more to
      // find the end) made the garbage collector the main cost of a zip.
      // Stored objects never change, so the size read here is the file's.
      return createReadStream(file, size > 0 ? { highWaterMark: Math.min(READ_CHUNK_BYTES, size), end: size - 1 } : {});
    },

    async objectExists(key) {
      if (!isValidObjectKey(key)) return false;
      try {
        return (await stat(fileOf(key))).isFile();
      } catch {
        return false;
      }
    },

    async deleteObject(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

/**
 * The same storage, whose failures (full or read-only disk, a folder that is
 * not one, S3 5xx or unreachable) reject with StorageUnavailableError, logged
 * once. An error raised by the input stream itself (a refused upload, a client
 * that went away) is passed on as it is: it is not the storage failing.
 */
export function guardStorage(inner: Storage): Storage {
  const guard = async <T>(operation: string, run: () => Promise<T>, isInputError: (error: unknown) => boolean = () => false): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw isInputError(error) ? error : classifyStorageError(error, operation);
    }
  };
  return {
    putObject(input, meta) {
      const inputErrors = new Set<unknown>();
      if (!Buffer.isBuffer(input)) input.on("error", (error) => inputErrors.add(error));
      return guard("put", () => inner.putObject(input, meta), (error) => inputErrors.has(error));
    },
    openObjectStream: (key) => guard("open", () => inner.openObjectStream(key)),
    objectExists: (key) => guard("exists", () => inner.objectExists(key)),
    deleteObject: (key) => guard("delete", () => inner.deleteObject(key)),
  };
}

/** The S3 driver, its module (and the AWS SDK) loaded on the first operation. */
function lazyS3Storage(config: S3Config): Storage {
  let driver: Promise<Storage> | null = null;
  const load = () => (driver ??= import("./s3").then((m) => m.s3Storage(config)));
  return {
    putObject: async (input, meta) => (await load()).putObject(input, meta),
    openObjectStream: async (key) => (await load()).openObjectStream(key),
    objectExists: async (key) => (await load()).objectExists(key),
    deleteObject: async (key) => (await load()).deleteObject(key),
  };
}

/** The configured storage: S3 when S3_BUCKET is set, else the folder in STORAGE_DIR, else ./storage (git-ignored). */
export function storageDir(): string {
  // A folder chosen at run time: not traced into the build output.
  return path.resolve(/*turbopackIgnore: true*/ process.env.STORAGE_DIR ?? path.join(process.cwd(), "storage"));
}

const holder = globalThis as unknown as { __espaceStorage?: { dir: string; storage: Storage } };

export function getStorage(): Storage {
  const s3 = s3ConfigFromEnv();
  const id = s3 ? `s3:${s3.endpoint ?? s3.region}/${s3.bucket}/${s3.prefix ?? ""}` : storageDir();
  if (holder.__espaceStorage?.dir !== id) holder.__espaceStorage = { dir: id, storage: guardStorage(s3 ? lazyS3Storage(s3) : localStorage(id)) };
  return holder.__espaceStorage.storage;
}
