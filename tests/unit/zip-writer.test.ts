// The streaming ZIP writer of downloads, checked by three independent readers
// (jszip, Info-ZIP's `unzip -t`, Python's zipfile): accented names, an empty
// file, Paris dates, lazy opening, an aborted download, and both ZIP64 cases
// (more than 65,535 entries; an entry and offsets past 4 GiB, on a sparse file).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { zipStream } from "@/lib/documents/archive";
import { dosDateTime, zipChunks } from "@/lib/documents/zip-writer";

/** The bytes of a web stream (the archive is the route's response body). */
const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

const dir = mkdtempSync(path.join(os.tmpdir(), "zip-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const python = (script: string, ...args: string[]) => execFileSync("python3", ["-c", script, ...args], { encoding: "utf8" });

/** Names, sizes, CRCs, dates and contents' SHA-256 as Python's zipfile reads them, with testzip(). */
const PY_LIST = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    out = [{"name": i.filename, "size": i.file_size, "date": list(i.date_time), "utf8": bool(i.flag_bits & 0x800),
             "method": i.compress_type, "sha": hashlib.sha256(z.read(i)).hexdigest()} for i in z.infolist()]
    print(json.dumps({"bad": bad, "entries": out}))
`;

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function sourceOf(body: Buffer, chunk = 4096): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += chunk) parts.push(body.subarray(i, i + chunk));
  return Readable.from(parts);
}

describe("streaming zip writer", () => {
  const files = [
    { name: "bulletin_2026-01_Hélène Gaëlle Çelik.pdf", body: Buffer.concat([Buffer.from("%PDF-1.4 janvier "), Buffer.alloc(300_000, 7)]) },
    { name: "vide.pdf", body: Buffer.alloc(0) },
    { name: "contrat_n°42_été.pdf", body: Buffer.from("%PDF-1.7 contrat d'été") },
    { name: "vide.pdf", body: Buffer.alloc(0) },
  ];
  const july = new Date("2026-07-01T10:00:08Z"); // 12:00:08 in Paris (summer time)
  const january = new Date("2026-01-15T10:00:00Z"); // 11:00 in Paris (winter time)

  it("writes an archive that jszip, unzip -t and Python's zipfile all read back byte for byte", async () => {
    const bytes = await bytesOf(
      zipStream(files.map((f, i) => ({ name: f.name, date: i === 0 ? july : january, open: async () => sourceOf(f.body) }))),
    );
    const file = path.join(dir, "accents.zip");
    writeFileSync(file, bytes);

    const names = ["bulletin_2026-01_Hélène Gaëlle Çelik.pdf", "vide.pdf", "contrat_n°42_été.pdf", "vide_2.pdf"];
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(names);
    for (const [i, name] of names.entries()) expect((await zip.file(name)!.async("nodebuffer")).equals(files[i].body)).toBe(true);

    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toMatch(/No errors detected/);

    const read = JSON.parse(python(PY_LIST, file));
    expect(read.bad).toBeNull();
    expect(read.entries).toEqual(
      names.map((name, i) => ({
        name,
        size: files[i].body.length,
        date: i === 0 ? [2026, 7, 1, 12, 0, 8] : [2026, 1, 15, 11, 0, 0],
        utf8: true,
        method: 0,
        sha: sha(files[i].body),
      })),
    );
  });

  it("opens each source only when the archive reaches it, one at a time", async () => {
    const opened: string[] = [];
    let open = 0;
    let maxOpen = 0;
    const stream = zipStream(
      ["a.pdf", "b.pdf", "c.pdf"].map((name) => ({
        name,
        open: async () => {
          opened.push(name);
          maxOpen = Math.max(maxOpen, ++open);
          const s = sourceOf(Buffer.alloc(50_000, 1));
          s.once("close", () => open--);
          return s;
        },
      })),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(opened).toEqual([]);
    const bytes = await bytesOf(stream);
    expect(opened).toEqual(["a.pdf", "b.pdf", "c.pdf"]);
    expect(maxOpen).toBe(1);
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toEqual(["a.pdf", "b.pdf", "c.pdf"]);
  });

  it("stops reading when the download is cancelled: the open source is destroyed, the next ones never opened", async () => {
    const opened: string[] = [];
    let firstDestroyed = false;
    let chunksRead = 0;
    const stream = zipStream(
      ["a.pdf", "b.pdf"].map((name) => ({
        name,
        open: async () => {
          opened.push(name);
          // An endless source: only a cancel can stop it.
          const s = new Readable({
            read() {
              chunksRead++;
              this.push(Buffer.alloc(64 * 1024, 2));
            },
          });
          s.once("close", () => (firstDestroyed = name === "a.pdf"));
          return s;
        },
      })),
    );
    const reader = stream.getReader();
    for (let i = 0; i < 5; i++) await reader.read();
    await reader.cancel();
    const readAtCancel = chunksRead;
    await new Promise((r) => setTimeout(r, 50));
    expect(firstDestroyed).toBe(true);
    expect(opened).toEqual(["a.pdf"]);
    expect(chunksRead).toBe(readAtCancel);
  });

  it("fails the archive when a source cannot be opened or breaks mid-entry", async () => {
    await expect(bytesOf(zipStream([{ name: "a.pdf", open: () => Promise.reject(new Error("missing object")) }]))).rejects.toThrow(
      /missing object/,
    );
    const broken = new Readable({
      read() {
        this.destroy(new Error("connection reset"));
      },
    });
    await expect(bytesOf(zipStream([{ name: "a.pdf", open: async () => broken }]))).rejects.toThrow(/connection reset/);
  });

  it("writes DOS times on the Paris clock across both offsets, clamped to the DOS range", () => {
    const decode = ({ date, time }: { date: number; time: number }) => [
      (date >> 9) + 1980,
      (date >> 5) & 15,
      date & 31,
      time >> 11,
      (time >> 5) & 63,
      (time & 31) * 2,
    ];
    expect(decode(dosDateTime(new Date("2026-03-29T00:59:59Z")))).toEqual([2026, 3, 29, 1, 59, 58]);
    expect(decode(dosDateTime(new Date("2026-03-29T01:00:00Z")))).toEqual([2026, 3, 29, 3, 0, 0]);
    expect(decode(dosDateTime(new Date("2026-12-31T23:30:00Z")))).toEqual([2027, 1, 1, 0, 30, 0]);
    expect(decode(dosDateTime(new Date("1970-01-01T00:00:00Z")))).toEqual([1980, 1, 1, 0, 0, 0]);
  });

  it("switches to ZIP64 end records past 65,535 entries", async () => {
    const count = 65_536;
    const entries = Array.from({ length: count }, (_, i) => ({
      name: `f${i}.pdf`,
      date: january,
      open: async () => Readable.from(i % 1000 === 0 ? [Buffer.from(`%PDF ${i}`)] : []),
    }));
    const bytes = await bytesOf(zipStream(entries));
    const file = path.join(dir, "many.zip");
    writeFileSync(file, bytes);
    // The classic end record says "see ZIP64" (0xFFFF entries), preceded by the ZIP64 locator.
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(bytes.length - 22 + 10)).toBe(0xffff);
    expect(bytes.readUInt32LE(bytes.length - 42)).toBe(0x07064b50);
    const out = python(
      `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); infos = z.infolist()
print(len(infos), infos[-1].filename, z.read("f65000.pdf").decode(), z.testzip())`,
      file,
    );
    expect(out.trim()).toBe("65536 f65535.pdf %PDF 65000 None");
    expect(execFileSync("unzip", ["-tq", file], { encoding: "utf8" })).toMatch(/No errors detected/);
  }, 60_000);

  it("writes ZIP64 sizes and offsets for an entry of more than 4 GiB (sparse file, zero bytes not written)", async () => {
    const zero = Buffer.alloc(1024 * 1024);
    const bigChunks = 4097; // 4 GiB + 1 MiB
    async function* big() {
      for (let i = 0; i < bigChunks; i++) yield zero;
    }
    const file = path.join(dir, "big.zip");
    const fd = openSync(file, "w");
    let position = 0;
    let previous: Uint8Array | null = null;
    let descriptor: Buffer | null = null;
    try {
      for await (const chunk of zipChunks([
        { name: "grand.pdf", date: january, open: async () => big() },
        { name: "après.pdf", date: january, open: async () => Readable.from([Buffer.from("%PDF-1.4 après le gros")]) },
      ])) {
        if (chunk !== zero) writeSync(fd, chunk, 0, chunk.length, position);
        if (previous === zero && chunk !== zero) descriptor = Buffer.from(chunk);
        previous = chunk;
        position += chunk.length;
      }
      ftruncateSync(fd, position);
    } finally {
      closeSync(fd);
    }
    const out = python(
      `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); a, b = z.infolist()
print(a.file_size, a.CRC, b.header_offset, z.read(b).decode())`,
      file,
    );
    const [size, crc, offset, ...text] = out.trim().split(" ");
    expect(Number(size)).toBe(bigChunks * zero.length);
    expect(Number(offset)).toBeGreaterThan(2 ** 32);
    expect(text.join(" ")).toBe("%PDF-1.4 après le gros");
    // The data descriptor after the big entry carries 64-bit sizes and the CRC the central directory has.
    expect(descriptor!.length).toBe(24);
    expect(descriptor!.readUInt32LE(0)).toBe(0x08074b50);
    expect(descriptor!.readUInt32LE(4)).toBe(Number(crc));
    expect(Number(descriptor!.readBigUInt64LE(16))).toBe(bigChunks * zero.length);
  }, 120_000);
});
