// Zips in and out: the streamed archive of downloads (entries opened lazily)
// and the reader of bulk uploads (zip bombs, lying headers, non-PDF entries).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { zipStream } from "@/lib/documents/archive";
import { pdfGuard, UploadRejected } from "@/lib/documents/streams";
import { checkZipLimits, DEFAULT_ZIP_LIMITS, openZipEntry, readZipEntries, ZipRejected, type ZipEntry } from "@/lib/documents/zip-reader";

/** The bytes of a web stream (the archive is the route's response body). */
const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

const dir = mkdtempSync(path.join(os.tmpdir(), "documents-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdf = (marker: string, size = 1000) => Buffer.concat([Buffer.from(`%PDF-1.4 ${marker} `), Buffer.alloc(size, 32)]);

async function writeZip(name: string, files: Record<string, Buffer>, compression: "STORE" | "DEFLATE" = "DEFLATE"): Promise<string> {
  const zip = new JSZip();
  for (const [n, data] of Object.entries(files)) zip.file(n, data);
  const file = path.join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression }));
  return file;
}

describe("download archive", () => {
  it("streams stored entries with readable unique names, opening each source only when reached", async () => {
    let open = 0;
    let maxOpen = 0;
    const opened: string[] = [];
    const entry = (name: string, body: Buffer) => ({
      name,
      open: async () => {
        opened.push(name);
        open++;
        maxOpen = Math.max(maxOpen, open);
        const s = Readable.from([body.subarray(0, 10), body.subarray(10)]);
        s.on("end", () => open--);
        return s;
      },
    });
    const stream = zipStream([
      entry("bulletin_2019-06.pdf", pdf("juin")),
      entry("bulletin_2019-05.pdf", pdf("mai")),
      entry("bulletin_2019-06.pdf", pdf("bis")),
    ]);
    expect(opened).toEqual([]); // nothing opened before the archive is read
    const bytes = await bytesOf(stream);
    expect(opened).toEqual(["bulletin_2019-06.pdf", "bulletin_2019-05.pdf", "bulletin_2019-06.pdf"]);
    expect(maxOpen).toBe(1);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(["bulletin_2019-06.pdf", "bulletin_2019-05.pdf", "bulletin_2019-06_2.pdf"]);
    expect((await zip.file("bulletin_2019-05.pdf")!.async("nodebuffer")).toString()).toContain("mai");
    expect((await zip.file("bulletin_2019-06_2.pdf")!.async("nodebuffer")).toString()).toContain("bis");
    // Stored, not deflated: method 0 in every local header.
    expect(bytes.readUInt16LE(8)).toBe(0);
  });

  it("fails the archive when a source cannot be opened", async () => {
    const stream = zipStream([{ name: "a.pdf", open: async () => Promise.reject(new Error("missing object")) }]);
    await expect(bytesOf(stream)).rejects.toThrow(/missing object/);
  });
});

describe("bulk upload zip reader", () => {
  it("lists entries and streams each one, deflated or stored", async () => {
    for (const compression of ["DEFLATE", "STORE"] as const) {
      const file = await writeZip(
        `ok-${compression}.zip`,
        { "1691_20190630.pdf": pdf("a", 50_000), "dossier/1692_20190630.pdf": pdf("b", 20_000) },
        compression,
      );
      const entries = (await readZipEntries(file)).filter((e) => !e.isDirectory);
      expect(entries.map((e) => e.name)).toEqual(["1691_20190630.pdf", "dossier/1692_20190630.pdf"]);
      expect(checkZipLimits(entries)).toBeNull();
      const first = await buffer(await openZipEntry(file, entries[0]));
      expect(first.length).toBe(entries[0].uncompressedSize);
      expect(first.subarray(0, 10).toString()).toBe("%PDF-1.4 a");
    }
  });

  it("refuses a zip bomb by declared size and by compression ratio", async () => {
    const bomb = await writeZip("bomb.zip", { "1691_20190630.pdf": Buffer.alloc(30 * 1024 * 1024, 0) });
    const entries = await readZipEntries(bomb);
    expect(entries[0].compressedSize).toBeLessThan(100_000);
    expect(checkZipLimits(entries)).toMatch(/décompressé/);

    const dense = await writeZip("ratio.zip", { "1691_20190630.pdf": Buffer.alloc(5 * 1024 * 1024, 0) });
    expect(checkZipLimits(await readZipEntries(dense))).toMatch(/zip bomb/);

    const e = (n: number): ZipEntry => ({
      name: `f${n}.pdf`,
      method: 8,
      crc32: 0,
      compressedSize: 9 * 1024 * 1024,
      uncompressedSize: 9 * 1024 * 1024,
      localHeaderOffset: 0,
      encrypted: false,
      isDirectory: false,
    });
    expect(checkZipLimits(Array.from({ length: 120 }, (_, i) => e(i)))).toMatch(/Archive refusée : .* Mo une fois décompressée/);
    expect(
      checkZipLimits(
        Array.from({ length: 3 }, (_, i) => e(i)),
        { ...DEFAULT_ZIP_LIMITS, maxEntries: 2 },
      ),
    ).toMatch(/trop de fichiers/);
    expect(checkZipLimits([{ ...e(1), encrypted: true }])).toMatch(/chiffré/);
  });

  it("stops an entry that inflates beyond its declared size (lying header)", async () => {
    const file = await writeZip("liar.zip", { "1691_20190630.pdf": pdf("x", 200_000) });
    const entries = await readZipEntries(file);
    const lying = { ...entries[0], uncompressedSize: 1000 };
    expect(checkZipLimits([lying])).toBeNull();
    await expect(buffer(await openZipEntry(file, lying))).rejects.toBeInstanceOf(ZipRejected);
  });

  it("refuses something that is not a zip", async () => {
    const file = path.join(dir, "not.zip");
    writeFileSync(file, "bonjour, je ne suis pas une archive");
    await expect(readZipEntries(file)).rejects.toThrow(/pas une archive ZIP/);
  });
});

describe("PDF guard", () => {
  it("passes a PDF through and refuses other content, empty files and oversized ones", async () => {
    const ok = await buffer(Readable.from([Buffer.from("%P"), Buffer.from("DF-1.7 contenu")]).pipe(pdfGuard(1000)));
    expect(ok.toString()).toBe("%PDF-1.7 contenu");
    const run = (chunks: Buffer[], max = 1000) =>
      new Promise<unknown>((resolve) => {
        const guard = pdfGuard(max);
        guard.on("error", resolve);
        guard.on("finish", () => resolve(null));
        guard.resume();
        Readable.from(chunks).pipe(guard);
      });
    expect(await run([Buffer.from("PK\u0003\u0004 zip")])).toMatchObject({ code: "not_pdf" });
    expect(await run([])).toMatchObject({ code: "empty" });
    expect(await run([Buffer.from("%PDF-"), Buffer.alloc(2000)])).toBeInstanceOf(UploadRejected);
  });
});

describe("guarded upload stream", () => {
  it("refuses a non-PDF upload without an uncaught exception, even while the source keeps writing", async () => {
    const { guardedPdf } = await import("@/lib/documents/streams");
    const { pipeline } = await import("node:stream/promises");
    const { Writable } = await import("node:stream");
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      const source = Readable.from(
        (function* () {
          yield Buffer.from("Ceci n'est pas un PDF");
          for (let i = 0; i < 200; i++) yield Buffer.alloc(16 * 1024, 1);
        })(),
      );
      const sink = new Writable({ write: (_c, _e, cb) => cb() });
      await expect(pipeline(guardedPdf(source, 10 * 1024 * 1024), sink)).rejects.toMatchObject({ code: "not_pdf" });
      await new Promise((r) => setTimeout(r, 50));
      expect(uncaught).toEqual([]);
      expect(source.destroyed).toBe(true);

      const ok = await buffer(guardedPdf(Readable.from([Buffer.from("%PDF-1.7 ok")]), 1000));
      expect(ok.toString()).toBe("%PDF-1.7 ok");
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});
