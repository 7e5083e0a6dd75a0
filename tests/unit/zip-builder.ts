// Builds zip bytes by hand, honest or hostile: each entry's declared size, CRC
// and compressed bytes can be set apart from the real ones, in both the local
// and the central headers, the way a crafted archive lies. Shared by the unit
// tests and the Playwright specs.
import { crc32, deflateRawSync } from "node:zlib";

export type BuiltEntry = {
  name: string;
  data: Buffer;
  /** 8 (deflate, default) or 0 (stored). */
  method?: 0 | 8;
  /** Declared uncompressed size; default the real one. */
  declaredSize?: number;
  /** Declared CRC-32; default the real one. */
  crc?: number;
  /** Keep only this many compressed bytes (a truncated stream); the declared compressed size follows. */
  truncateTo?: number;
};

export type BuildOptions = {
  /**
   * Write ZIP64 records, as tools do for archives over 4 GiB or 65,535 entries:
   * each entry's sizes (and, in the central directory, its offset) in a ZIP64
   * extended information extra field with 0xFFFFFFFF in the classic fields,
   * then a ZIP64 end of central directory record and its locator, with the
   * classic end record saturated (0xFFFF entries, 0xFFFFFFFF size and offset).
   */
  zip64?: boolean;
};

const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/** The ZIP64 extended information extra field (id 0x0001) with these 8-byte values. */
function zip64Extra(values: number[]): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(0x0001, 0);
  head.writeUInt16LE(values.length * 8, 2);
  return Buffer.concat([head, ...values.map(u64)]);
}

export function buildZip(entries: BuiltEntry[], options: BuildOptions = {}): Buffer {
  const zip64 = options.zip64 === true;
  const version = zip64 ? 45 : 20;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    let body = method === 8 ? deflateRawSync(e.data) : e.data;
    if (e.truncateTo !== undefined) body = body.subarray(0, e.truncateTo);
    const name = Buffer.from(e.name, "utf8");
    const crc = e.crc ?? crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const localExtra = zip64 ? zip64Extra([size, body.length]) : Buffer.alloc(0);
    const centralExtra = zip64 ? zip64Extra([size, body.length, offset]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : body.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(version, 4);
    central.writeUInt16LE(version, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : body.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    locals.push(local, name, localExtra, body);
    centrals.push(central, name, centralExtra);
    offset += 30 + name.length + localExtra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4); // size of the rest of the record
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, end]);
}

/** A PDF-looking payload of about `size` bytes carrying a marker. */
export function pdfBytes(marker: string, size = 2000): Buffer {
  return Buffer.concat([Buffer.from(`%PDF-1.4\n% ${marker}\n`, "latin1"), Buffer.alloc(Math.max(0, size), 0x20), Buffer.from("\n%%EOF\n")]);
}

/** The hostile variants of one payslip entry named `name`; each must refuse the whole archive. */
export function hostileEntries(name: string): { label: string; entry: BuiltEntry }[] {
  const data = pdfBytes(`hostile ${name}`, 300_000);
  const bomb = Buffer.concat([pdfBytes("bombe", 10), Buffer.alloc(12 * 1024 * 1024, 0)]);
  return [
    { label: "inflates past its declared size", entry: { name, data, declaredSize: 4_000 } },
    { label: "inflates past the per-file limit while declaring little", entry: { name, data: bomb, declaredSize: 50_000 } },
    { label: "truncated deflate stream", entry: { name, data, truncateTo: 200 } },
    { label: "CRC mismatch", entry: { name, data, crc: (crc32(data) ^ 0x5a5a5a5a) >>> 0 } },
    { label: "declared larger than it is", entry: { name, data, declaredSize: data.length + 10_000 } },
    { label: "stored entry declared larger than it is", entry: { name, data, method: 0, declaredSize: data.length + 10 } },
  ];
}
