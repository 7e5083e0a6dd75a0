// Reads a zip file entry by entry from a file on disk, so that a zip of 500
// payslips is never loaded whole into memory. yauzl reads the archive's
// structure: end of central directory (ZIP64 included), the central
// directory entries (UTF-8 and Info-ZIP Unicode names, entry paths checked:
// no absolute path nor ".."), the local headers and the raw bytes of an
// entry within the file's bounds. On top of it, the guards against zip bombs
// and damaged archives stay ours: entry count, declared sizes, compression
// ratio, then for each entry read, the inflated bytes never above the declared
// size nor the per-file limit, and exactly the declared size and CRC-32 at its
// end (yauzl does not check CRC-32), every failure a French refusal naming the
// file.
import { Readable, Transform } from "node:stream";
import { crc32, createInflateRaw } from "node:zlib";
import yauzl, { Entry, type ZipFile } from "yauzl";
import { formatCount } from "@/lib/format";

export type ZipEntry = {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
  isDirectory: boolean;
};

export type ZipLimits = {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed / compressed, for entries above 1 MB. */
  maxRatio: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxEntryBytes: 10 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 50,
};

export class ZipRejected extends Error {}

const MB = 1024 * 1024;
const fmtMb = (n: number) => `${formatCount(Math.round(n / MB))} Mo`;

/** Refuses archives that would expand beyond the limits (a zip bomb) before anything is inflated. */
export function checkZipLimits(entries: ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | null {
  const files = entries.filter((e) => !e.isDirectory);
  if (files.length > limits.maxEntries) return `L'archive contient trop de fichiers (${files.length}, ${limits.maxEntries} au plus).`;
  let total = 0;
  for (const e of files) {
    if (e.encrypted) return `Le fichier « ${e.name} » est chiffré : archive refusée.`;
    if (e.method !== 0 && e.method !== 8) return `Le fichier « ${e.name} » utilise une compression non prise en charge.`;
    if (e.uncompressedSize > limits.maxEntryBytes)
      return `Archive refusée : le fichier « ${e.name} » ferait ${fmtMb(e.uncompressedSize)} une fois décompressé (${fmtMb(limits.maxEntryBytes)} au plus).`;
    if (e.uncompressedSize > MB && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio)
      return `Archive refusée : taux de compression anormal pour « ${e.name} » (archive piégée « zip bomb »).`;
    total += e.uncompressedSize;
  }
  if (total > limits.maxTotalBytes)
    return `Archive refusée : ${fmtMb(total)} une fois décompressée (${fmtMb(limits.maxTotalBytes)} au plus).`;
  return null;
}

/** More entries than this in the central directory (folders included) refuse the zip before they are listed. */
const MAX_LISTED_ENTRIES = 65_535;

const notAZip = () => new ZipRejected("Ce fichier n'est pas une archive ZIP valide.");

/** yauzl's refusals of an entry path ("absolute path: /x", "invalid relative path: ../x", "invalid characters in fileName: a\\b"). */
function pathRefusal(error: unknown): ZipRejected | null {
  const m =
    error instanceof Error ? /^(absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec(error.message) : null;
  return m ? new ZipRejected(`Archive refusée : le fichier « ${m[2]} » a un chemin interdit (chemin absolu ou « .. »).`) : null;
}

async function openZip(file: string): Promise<ZipFile> {
  try {
    // Entries one at a time, closed by us; sizes are checked by entryCheck below.
    // Backslashes in names (old Windows tools) are read as "/".
    return await yauzl.openPromise(file, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: true,
      validateEntrySizes: false,
      strictFileNames: false,
    });
  } catch {
    throw notAZip();
  }
}

/** Lists the entries of the zip at `file` from its central directory (ZIP64 too). */
export async function readZipEntries(file: string): Promise<ZipEntry[]> {
  const zip = await openZip(file);
  try {
    if (zip.entryCount > MAX_LISTED_ENTRIES)
      throw new ZipRejected(`L'archive contient trop de fichiers (${zip.entryCount}, ${DEFAULT_ZIP_LIMITS.maxEntries} au plus).`);
    const entries: ZipEntry[] = [];
    try {
      for await (const e of zip.eachEntry()) {
        entries.push({
          name: e.fileName,
          method: e.compressionMethod,
          crc32: e.crc32,
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          localHeaderOffset: e.relativeOffsetOfLocalHeader,
          encrypted: e.isEncrypted(),
          isDirectory: e.fileName.endsWith("/"),
        });
      }
    } catch (error) {
      throw pathRefusal(error) ?? notAZip();
    }
    return entries;
  } finally {
    zip.close();
  }
}

/** The entry as yauzl knows it, to find its local header and data. */
function yauzlEntry(entry: ZipEntry): Entry {
  const e = new Entry();
  e.fileName = entry.name;
  e.compressionMethod = entry.method;
  e.crc32 = entry.crc32;
  e.compressedSize = entry.compressedSize;
  e.uncompressedSize = entry.uncompressedSize;
  e.relativeOffsetOfLocalHeader = entry.localHeaderOffset;
  e.generalPurposeBitFlag = entry.encrypted ? 1 : 0;
  return e;
}

const damaged = (name: string, what: string) =>
  new ZipRejected(`Archive refusée : le fichier « ${name} » ${what}. Aucun bulletin n'a été publié.`);

/**
 * Checks the uncompressed bytes of an entry as they pass: never more than the
 * declared size nor the per-file limit (a lying header, a bomb), and at the
 * end exactly the declared size with the declared CRC-32 (truncated or
 * altered data).
 */
function entryCheck(entry: ZipEntry, maxBytes: number): Transform {
  let seen = 0;
  let crc = 0;
  const max = Math.min(entry.uncompressedSize, maxBytes);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max)
        return callback(
          seen > maxBytes
            ? damaged(entry.name, `dépasse ${fmtMb(maxBytes)} une fois décompressé (archive piégée)`)
            : damaged(entry.name, "dépasse la taille annoncée une fois décompressé (archive piégée)"),
        );
      crc = crc32(chunk, crc);
      callback(null, chunk);
    },
    flush(callback) {
      if (seen !== entry.uncompressedSize)
        return callback(damaged(entry.name, "est plus petit que la taille annoncée (archive tronquée ou endommagée)"));
      if (crc >>> 0 !== entry.crc32 >>> 0) return callback(damaged(entry.name, "est endommagé (somme de contrôle CRC incorrecte)"));
      callback();
    },
  });
}

/**
 * The uncompressed bytes of one entry, streamed from the file and checked
 * (entryCheck). Every failure, inflate errors included, comes out of the
 * returned stream as a ZipRejected naming the file; whoever stops reading it
 * (destroy) releases the file handle and the inflater.
 */
export async function openZipEntry(file: string, entry: ZipEntry, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Readable> {
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipRejected(`Le fichier « ${entry.name} » utilise une compression non prise en charge.`);
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize)
    throw damaged(entry.name, "est endommagé (tailles incohérentes)");
  const zip = await openZip(file);
  let raw: Readable;
  try {
    try {
      // The compressed bytes as they are in the file (inflated and checked below),
      // after yauzl has read the local header and checked they lie within the file.
      raw = await zip.openReadStreamPromise(yauzlEntry(entry), { decodeFileData: false });
    } catch (error) {
      // yauzl: "file data overflows file bounds", or a bad local header signature.
      throw /overflows file bounds/.test((error as Error).message)
        ? damaged(entry.name, "est tronqué (archive incomplète)")
        : damaged(entry.name, "est endommagé (en-tête illisible)");
    }
  } finally {
    // The read stream holds its own reference: the file closes when it ends or is destroyed.
    zip.close();
  }

  const check = entryCheck(entry, limits.maxEntryBytes);
  check.once("close", () => raw.destroy());
  raw.on("error", () => check.destroy(damaged(entry.name, "n'a pas pu être lu")));
  if (entry.method === 0) return raw.pipe(check);
  const inflate = createInflateRaw();
  check.once("close", () => inflate.destroy());
  inflate.on("error", () => check.destroy(damaged(entry.name, "est endommagé (données compressées invalides ou tronquées)")));
  return raw.pipe(inflate).pipe(check);
}

/** Reads an entry to its end (all checks of openZipEntry) and returns its first bytes. */
export async function verifyZipEntry(file: string, entry: ZipEntry, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Buffer> {
  const stream = await openZipEntry(file, entry, limits);
  const head: Buffer[] = [];
  let headLength = 0;
  try {
    for await (const chunk of stream) {
      if (headLength < 16) {
        head.push(chunk as Buffer);
        headLength += (chunk as Buffer).length;
      }
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(head).subarray(0, 16);
}

/**
 * Reads every entry through, in order, before anything is done with any of
 * them: one hostile or damaged entry refuses the whole archive (ZipRejected).
 * Returns the first bytes of each entry, by position.
 */
export async function verifyZip(file: string, entries: ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Buffer[]> {
  const heads: Buffer[] = [];
  for (const entry of entries) heads.push(await verifyZipEntry(file, entry, limits));
  return heads;
}
