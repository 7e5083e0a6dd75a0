// Reads a zip file entry by entry from a file on disk (central directory,
// then one entry stream at a time), so that a zip of 500 payslips is never
// loaded whole into memory. Guards against zip bombs and damaged archives:
// entry count, declared sizes, compression ratio, then for each entry read
// the inflated bytes never above the declared size nor the per-file limit,
// and exactly the declared size and CRC-32 at its end.
import { open } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { crc32, createInflateRaw } from "node:zlib";

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
const fmtMb = (n: number) => `${Math.round(n / MB).toLocaleString("fr-FR")} Mo`;

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
  if (total > limits.maxTotalBytes) return `Archive refusée : ${fmtMb(total)} une fois décompressée (${fmtMb(limits.maxTotalBytes)} au plus).`;
  return null;
}

/** Lists the entries of the zip at `file` from its central directory. */
export async function readZipEntries(file: string): Promise<ZipEntry[]> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipRejected("Ce fichier n'est pas une archive ZIP valide.");
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ZipRejected("Archive ZIP64 non prise en charge : envoyez une archive plus petite.");
    if (cdOffset + cdSize > size || cdSize > 64 * MB) throw new ZipRejected("Ce fichier n'est pas une archive ZIP valide.");
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipRejected("Ce fichier n'est pas une archive ZIP valide.");
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      const compressedSize = cd.readUInt32LE(p + 20);
      const uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? "utf8" : "latin1");
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff)
        throw new ZipRejected("Archive ZIP64 non prise en charge : envoyez une archive plus petite.");
      entries.push({ name, method, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) === 1, isDirectory: name.endsWith("/") });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

const damaged = (name: string, what: string) => new ZipRejected(`Archive refusée : le fichier « ${name} » ${what}. Aucun bulletin n'a été publié.`);

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
      if (seen !== entry.uncompressedSize) return callback(damaged(entry.name, "est plus petit que la taille annoncée (archive tronquée ou endommagée)"));
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
  const handle = await open(file, "r");
  const header = Buffer.alloc(30);
  let fileSize: number;
  try {
    await handle.read(header, 0, 30, entry.localHeaderOffset);
    fileSize = (await handle.stat()).size;
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw damaged(entry.name, "est endommagé (en-tête illisible)");
  if (entry.method !== 0 && entry.method !== 8) throw new ZipRejected(`Le fichier « ${entry.name} » utilise une compression non prise en charge.`);
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw damaged(entry.name, "est endommagé (tailles incohérentes)");
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) throw damaged(entry.name, "est tronqué (archive incomplète)");

  const check = entryCheck(entry, limits.maxEntryBytes);
  if (entry.compressedSize === 0) return Readable.from([]).pipe(check);
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1 });
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
