// A store-only ZIP writer that produces the archive as it is read. PDFs are
// already compressed, so entries are stored as they are: each one is read from
// its source in large chunks, its CRC-32 computed on the way (zlib.crc32, native),
// and its sizes and CRC written after the data in a data descriptor (general
// purpose bit 3), so nothing is buffered or read twice. Names are UTF-8 (bit 11);
// dates are DOS local time in Europe/Paris plus an extended timestamp in UTC.
// ZIP64 records are written only when needed: an entry or offset past 4 GiB,
// or more than 65,535 entries.
import { crc32 } from "node:zlib";

export type ZipSource = AsyncIterable<Uint8Array>;

export type ZipWriterEntry = {
  name: string;
  date?: Date;
  /** Opened only when the archive reaches the entry; the iterable is closed (return()) if the archive stops early. */
  open: () => Promise<ZipSource>;
};

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_END_OF_CENTRAL = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;

const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const VERSION_DEFAULT = 20; // 2.0: stored entries, data descriptors
const VERSION_ZIP64 = 45; // 4.5: ZIP64 records
const MADE_BY_UNIX = 3 << 8;
const EXTERNAL_ATTRS = (0o100644 << 16) >>> 0; // regular file, rw-r--r--

const MAX_32 = 0xffffffff;
const COALESCE_BYTES = 256 * 1024;
const MAX_16 = 0xffff;

const parisClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  hourCycle: "h23",
});
const HOUR_MS = 3_600_000;
// Paris's offset from UTC changes only on whole UTC hours: one lookup per
// hour, kept in a small map (an archive's documents share few hours).
const offsets = new Map<number, number>();

function parisOffsetMs(date: Date): number {
  const hour = Math.floor(date.getTime() / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(parisClock.formatToParts(new Date(hour * HOUR_MS)).map((x) => [x.type, Number(x.value)]));
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour) - hour * HOUR_MS;
    if (offsets.size > 1000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** MS-DOS date and time of `date` as read on a clock in Paris (2-second steps, 1980–2107). */
export function dosDateTime(date: Date): { date: number; time: number } {
  const local = new Date(date.getTime() + parisOffsetMs(date));
  const year = local.getUTCFullYear();
  if (year < 1980) return { date: (0 << 9) | (1 << 5) | 1, time: 0 };
  if (year > 2107) return { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  return {
    date: ((year - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate(),
    time: (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | (local.getUTCSeconds() >> 1),
  };
}

/** Extended timestamp extra field (0x5455): modification time in Unix seconds, UTC. */
function extendedTimestamp(date: Date): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(0x5455, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(1, 4); // mtime present
  b.writeUInt32LE(Math.max(0, Math.min(MAX_32, Math.floor(date.getTime() / 1000))), 5);
  return b;
}

type Written = {
  name: Buffer;
  dos: { date: number; time: number };
  extra: Buffer;
  crc: number;
  size: number;
  offset: number;
};

function localHeader(name: Buffer, dos: { date: number; time: number }, extra: Buffer): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(LOCAL_HEADER, 0);
  b.writeUInt16LE(VERSION_DEFAULT, 4);
  b.writeUInt16LE(FLAG_DATA_DESCRIPTOR | FLAG_UTF8, 6);
  b.writeUInt16LE(0, 8); // stored
  b.writeUInt16LE(dos.time, 10);
  b.writeUInt16LE(dos.date, 12);
  // CRC-32 and sizes (bytes 14–25) are zero: they follow the data.
  b.writeUInt16LE(name.length, 26);
  b.writeUInt16LE(extra.length, 28);
  return Buffer.concat([b, name, extra]);
}

/** Data descriptor: 32-bit sizes, or 64-bit ones (ZIP64) for an entry of 4 GiB or more. */
function dataDescriptor(crc: number, size: number): Buffer {
  if (size >= MAX_32) {
    const b = Buffer.alloc(24);
    b.writeUInt32LE(DATA_DESCRIPTOR, 0);
    b.writeUInt32LE(crc, 4);
    b.writeBigUInt64LE(BigInt(size), 8);
    b.writeBigUInt64LE(BigInt(size), 16);
    return b;
  }
  const b = Buffer.alloc(16);
  b.writeUInt32LE(DATA_DESCRIPTOR, 0);
  b.writeUInt32LE(crc, 4);
  b.writeUInt32LE(size, 8);
  b.writeUInt32LE(size, 12);
  return b;
}

function centralHeader(e: Written): Buffer {
  // ZIP64 extended information: only the fields that overflow, in this order.
  const big: bigint[] = [];
  if (e.size >= MAX_32) big.push(BigInt(e.size), BigInt(e.size));
  if (e.offset >= MAX_32) big.push(BigInt(e.offset));
  let extra = e.extra;
  if (big.length) {
    const z = Buffer.alloc(4 + 8 * big.length);
    z.writeUInt16LE(0x0001, 0);
    z.writeUInt16LE(8 * big.length, 2);
    big.forEach((v, i) => z.writeBigUInt64LE(v, 4 + 8 * i));
    extra = Buffer.concat([z, e.extra]);
  }
  const version = big.length ? VERSION_ZIP64 : VERSION_DEFAULT;
  const b = Buffer.alloc(46);
  b.writeUInt32LE(CENTRAL_HEADER, 0);
  b.writeUInt16LE(MADE_BY_UNIX | version, 4);
  b.writeUInt16LE(version, 6);
  b.writeUInt16LE(FLAG_DATA_DESCRIPTOR | FLAG_UTF8, 8);
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(e.dos.time, 12);
  b.writeUInt16LE(e.dos.date, 14);
  b.writeUInt32LE(e.crc, 16);
  b.writeUInt32LE(Math.min(e.size, MAX_32), 20);
  b.writeUInt32LE(Math.min(e.size, MAX_32), 24);
  b.writeUInt16LE(e.name.length, 28);
  b.writeUInt16LE(extra.length, 30);
  b.writeUInt16LE(0, 32); // comment
  b.writeUInt16LE(0, 34); // disk
  b.writeUInt16LE(0, 36); // internal attributes
  b.writeUInt32LE(EXTERNAL_ATTRS, 38);
  b.writeUInt32LE(Math.min(e.offset, MAX_32), 42);
  return Buffer.concat([b, e.name, extra]);
}

function endRecords(count: number, cdOffset: number, cdSize: number): Buffer {
  const parts: Buffer[] = [];
  const zip64 = count > MAX_16 - 1 || cdOffset >= MAX_32 || cdSize >= MAX_32;
  if (zip64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(ZIP64_END_OF_CENTRAL, 0);
    z.writeBigUInt64LE(44n, 4); // size of the rest of this record
    z.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12);
    z.writeUInt16LE(VERSION_ZIP64, 14);
    z.writeUInt32LE(0, 16); // this disk
    z.writeUInt32LE(0, 20); // disk with the central directory
    z.writeBigUInt64LE(BigInt(count), 24);
    z.writeBigUInt64LE(BigInt(count), 32);
    z.writeBigUInt64LE(BigInt(cdSize), 40);
    z.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(ZIP64_LOCATOR, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8); // where the ZIP64 end record starts
    locator.writeUInt32LE(1, 16); // total disks
    parts.push(z, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(zip64 ? MAX_16 : count, 8);
  end.writeUInt16LE(zip64 ? MAX_16 : count, 10);
  end.writeUInt32LE(zip64 ? MAX_32 : cdSize, 12);
  end.writeUInt32LE(zip64 ? MAX_32 : cdOffset, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/**
 * The archive's bytes, in order: for each entry its local header, the
 * source's chunks as they come (not copied), and its data descriptor; then the
 * central directory. Pull-based: nothing is read before the consumer asks, and
 * closing the generator early closes the source being read.
 */
export async function* zipChunks(entries: ZipWriterEntry[]): AsyncGenerator<Uint8Array, void, undefined> {
  const written: Written[] = [];
  let offset = 0;
  const now = new Date();
  for (const entry of entries) {
    const date = entry.date ?? now;
    const name = Buffer.from(entry.name, "utf8");
    if (name.length > MAX_16) throw new Error(`zip entry name too long: ${entry.name.slice(0, 40)}…`);
    const dos = dosDateTime(date);
    const extra = extendedTimestamp(date);
    const header = localHeader(name, dos, extra);
    const record: Written = { name, dos, extra, crc: 0, size: 0, offset };
    yield header;
    offset += header.length;
    // Large chunks pass as they are; small ones (a network stream's) are
    // gathered up to COALESCE_BYTES, so the response is written in few large
    // writes. for await closes the source (return()) when this generator is
    // closed mid-entry.
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    for await (const chunk of await entry.open()) {
      if (chunk.length === 0) continue;
      record.crc = crc32(chunk, record.crc);
      record.size += chunk.length;
      if (pendingBytes === 0 && chunk.length >= COALESCE_BYTES) {
        yield chunk;
        continue;
      }
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= COALESCE_BYTES) {
        yield pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
      }
    }
    if (pending.length === 1) yield pending[0];
    else if (pendingBytes) yield Buffer.concat(pending, pendingBytes);
    offset += record.size;
    const descriptor = dataDescriptor(record.crc, record.size);
    yield descriptor;
    offset += descriptor.length;
    written.push(record);
  }
  const cdOffset = offset;
  let cdSize = 0;
  // The central directory in batches of about 64 KiB rather than one buffer per entry.
  let batch: Buffer[] = [];
  let batchBytes = 0;
  for (const e of written) {
    const h = centralHeader(e);
    batch.push(h);
    batchBytes += h.length;
    cdSize += h.length;
    if (batchBytes >= 64 * 1024) {
      yield Buffer.concat(batch);
      batch = [];
      batchBytes = 0;
    }
  }
  batch.push(endRecords(written.length, cdOffset, cdSize));
  yield Buffer.concat(batch);
}
