// Reads a zip file entry by entry from a file on disk (central directory,
// then one entry stream at a time), so that a zip of 500 payslips is never
// loaded whole into memory. Guards against zip bombs: entry count, declared
// sizes, compression ratio, and actual inflated bytes never above the
// declared size.
import { open } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { Transform, type Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

export type ZipEntry = {
  name: string;
  method: number;
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
      const compressedSize = cd.readUInt32LE(p + 20);
      const uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? "utf8" : "latin1");
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff)
        throw new ZipRejected("Archive ZIP64 non prise en charge : envoyez une archive plus petite.");
      entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) === 1, isDirectory: name.endsWith("/") });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Fails when a stream yields more bytes than announced (a lying header). */
function byteLimit(max: number, name: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) return callback(new ZipRejected(`Archive refusée : « ${name} » dépasse la taille annoncée (archive piégée).`));
      callback(null, chunk);
    },
  });
}

/** The uncompressed bytes of one entry, streamed from the file. */
export async function openZipEntry(file: string, entry: ZipEntry): Promise<Readable> {
  const handle = await open(file, "r");
  const header = Buffer.alloc(30);
  try {
    await handle.read(header, 0, 30, entry.localHeaderOffset);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw new ZipRejected("Ce fichier n'est pas une archive ZIP valide.");
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  if (entry.compressedSize === 0) {
    raw.destroy();
    const { Readable } = await import("node:stream");
    return Readable.from([]);
  }
  const limit = byteLimit(entry.uncompressedSize, entry.name);
  // Whoever stops reading the entry releases the file handle too.
  limit.once("close", () => raw.destroy());
  raw.on("error", (e) => limit.destroy(e));
  if (entry.method === 0) return raw.pipe(limit);
  const inflate = createInflateRaw();
  limit.once("close", () => inflate.destroy());
  inflate.on("error", (e) => limit.destroy(e));
  return raw.pipe(inflate).pipe(limit);
}
