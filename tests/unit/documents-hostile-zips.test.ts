// Hostile and damaged zips in the bulk payslip publish, with real zip bytes:
// an entry that inflates past its declared size or past the per-file limit,
// a truncated deflate stream, a CRC mismatch, an entry declared larger than it
// is. Each is refused with a French message naming the file, never throws an
// uncaught exception nor hangs, leaves no file handle nor temporary spool, and
// publishes nothing from its zip: at the check step and at the publish step
// (which reads the stored zip again), on PGlite and PostgreSQL.
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import { buildZip, hostileEntries, pdfBytes } from "./zip-builder";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openZipEntry, readZipEntries, verifyZip, ZipRejected } from "@/lib/documents/zip-reader";
import { previewZip, publishZip, type ZipProgress } from "@/lib/documents/bulk";
import { getStorage } from "@/lib/storage";

const root = mkdtempSync(path.join(os.tmpdir(), "hostile-zips-"));
const spoolDir = path.join(root, "tmp");
const storageDir = path.join(root, "storage");
mkdirSync(spoolDir, { recursive: true });
const saved = { TMPDIR: process.env.TMPDIR, STORAGE_DIR: process.env.STORAGE_DIR };

afterAll(() => {
  process.env.TMPDIR = saved.TMPDIR;
  if (saved.STORAGE_DIR === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = saved.STORAGE_DIR;
  rmSync(root, { recursive: true, force: true });
});

/** Uncaught exceptions and unhandled rejections while a test runs. */
const escaped: unknown[] = [];
const onEscape = (e: unknown) => escaped.push(e);
beforeEach(() => {
  escaped.length = 0;
  process.env.TMPDIR = spoolDir;
  process.env.STORAGE_DIR = storageDir;
  process.on("uncaughtException", onEscape);
  process.on("unhandledRejection", onEscape);
});
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 50)); // late stream errors would surface now
  process.off("uncaughtException", onEscape);
  process.off("unhandledRejection", onEscape);
  expect(escaped).toEqual([]);
});

/**
 * The descriptors this process holds on one file. Counting every descriptor
 * of the process was flaky: other handles (the test runner's, a socket) open
 * and close meanwhile; what matters is that none is left on the archive.
 */
const fdsOn = (file: string) =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed while listing
    }
  }).length;
const spools = () => readdirSync(spoolDir).filter((n) => n.startsWith("espace-"));
const storedFiles = (): string[] => {
  try {
    return readdirSync(storageDir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => d.name);
  } catch {
    return [];
  }
};

/** A zip of three payslips whose middle one is `hostile`. */
function zipWith(hostile: Parameters<typeof buildZip>[0][number]): Buffer {
  return buildZip([
    { name: "paie/1691_20190630.pdf", data: pdfBytes("premier", 5000) },
    hostile,
    { name: "paie/1693_20190630.pdf", data: pdfBytes("dernier", 5000) },
  ]);
}

const within = <T>(promise: Promise<T>, ms = 10_000) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer after ${ms} ms (hang)`)), ms))]);

describe("zip reader: every hostile entry is refused, named, and released", () => {
  for (const { label, entry } of hostileEntries("paie/1692_20190630.pdf")) {
    it(label, async () => {
      const file = path.join(root, `reader-${label.replace(/\W+/g, "-")}.zip`);
      writeFileSync(file, zipWith(entry));
      const started = Date.now();
      const error = await within(verifyZip(file, await readZipEntries(file))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZipRejected);
      expect((error as Error).message).toMatch(
        /^Archive refusée : le fichier « paie\/1692_20190630\.pdf » .+\. Aucun bulletin n'a été publié\.$/,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      await new Promise((r) => setTimeout(r, 20));
      expect(fdsOn(file)).toBe(0); // file handle released
    });
  }

  it("an honest zip reads through: sizes and CRCs match, first bytes returned", async () => {
    const file = path.join(root, "honest.zip");
    writeFileSync(
      file,
      buildZip([
        { name: "a.pdf", data: pdfBytes("a", 100_000) },
        { name: "b.pdf", data: pdfBytes("b", 10), method: 0 },
      ]),
    );
    const heads = await verifyZip(file, await readZipEntries(file));
    expect(heads.map((h) => h.subarray(0, 5).toString())).toEqual(["%PDF-", "%PDF-"]);
  });

  it("a ZIP64 zip (sizes and offsets in ZIP64 records) is read: names, sizes, CRCs and first bytes", async () => {
    const file = path.join(root, "zip64.zip");
    const a = pdfBytes("a", 100_000);
    const b = pdfBytes("b", 10);
    writeFileSync(
      file,
      buildZip(
        [
          { name: "paie/1691_20190630.pdf", data: a },
          { name: "paie/1692_20190630.pdf", data: b, method: 0 },
        ],
        { zip64: true },
      ),
    );
    const entries = await readZipEntries(file);
    expect(entries.map((e) => [e.name, e.uncompressedSize, e.method])).toEqual([
      ["paie/1691_20190630.pdf", a.length, 8],
      ["paie/1692_20190630.pdf", b.length, 0],
    ]);
    expect(entries[1].localHeaderOffset).toBeGreaterThan(0);
    const heads = await verifyZip(file, entries);
    expect(heads.map((h) => h.subarray(0, 5).toString())).toEqual(["%PDF-", "%PDF-"]);
  });

  for (const { label, entry } of hostileEntries("paie/1692_20190630.pdf")) {
    it(`ZIP64 too: ${label} is refused and named`, async () => {
      const file = path.join(root, `zip64-${label.replace(/\W+/g, "-")}.zip`);
      writeFileSync(file, buildZip([{ name: "paie/1691_20190630.pdf", data: pdfBytes("premier", 5000) }, entry], { zip64: true }));
      const error = await within(verifyZip(file, await readZipEntries(file))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZipRejected);
      expect((error as Error).message).toMatch(
        /^Archive refusée : le fichier « paie\/1692_20190630\.pdf » .+\. Aucun bulletin n'a été publié\.$/,
      );
    });
  }

  it("refuses entry paths that climb out or are absolute, naming them", async () => {
    for (const name of ["../1691_20190630.pdf", "paie/../../1691_20190630.pdf", "/etc/1691_20190630.pdf"]) {
      const file = path.join(root, "paths.zip");
      writeFileSync(
        file,
        buildZip([
          { name: "ok.pdf", data: pdfBytes("ok", 10) },
          { name, data: pdfBytes("x", 10) },
        ]),
      );
      const error = await readZipEntries(file).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ZipRejected);
      expect((error as Error).message).toBe(`Archive refusée : le fichier « ${name} » a un chemin interdit (chemin absolu ou « .. »).`);
    }
  });

  it("refuses a central directory of more than 65,535 entries before listing them", async () => {
    const file = path.join(root, "many.zip");
    writeFileSync(
      file,
      buildZip(
        Array.from({ length: 65_536 }, (_, i) => ({ name: `d${i}/`, data: Buffer.alloc(0), method: 0 as const })),
        { zip64: true },
      ),
    );
    const started = Date.now();
    await expect(readZipEntries(file)).rejects.toThrow("L'archive contient trop de fichiers (65536, 2000 au plus).");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a truncated archive and a damaged local header, naming the file", async () => {
    const zip = buildZip([{ name: "a.pdf", data: pdfBytes("a", 1000) }]);
    const cut = path.join(root, "cut.zip");
    // Cut in the middle (the archive is small: its data compresses to a few bytes),
    // so the end-of-central-directory record is gone whatever the zip size.
    writeFileSync(cut, zip.subarray(0, Math.floor(zip.length / 2)));
    await expect(readZipEntries(cut)).rejects.toThrow("Ce fichier n'est pas une archive ZIP valide.");
    const bad = Buffer.from(zip);
    bad.writeUInt32LE(0xdeadbeef, 0); // local header signature
    const file = path.join(root, "badheader.zip");
    writeFileSync(file, bad);
    const entries = await readZipEntries(file);
    await expect(openZipEntry(file, entries[0])).rejects.toThrow(
      "Archive refusée : le fichier « a.pdf » est endommagé (en-tête illisible). Aucun bulletin n'a été publié.",
    );
    // An entry whose data runs past the end of a sound archive (its header read
    // fine): truncated, not damaged.
    const whole = path.join(root, "whole.zip");
    writeFileSync(whole, zip);
    const [sound] = await readZipEntries(whole);
    await expect(openZipEntry(whole, { ...sound, compressedSize: sound.compressedSize + 100_000 })).rejects.toThrow(
      "Archive refusée : le fichier « a.pdf » est tronqué (archive incomplète). Aucun bulletin n'a été publié.",
    );
  });

  it("a reader that stops early releases the entry without an error escaping", async () => {
    const file = path.join(root, "early.zip");
    writeFileSync(file, buildZip([{ name: "a.pdf", data: pdfBytes("a", 2_000_000) }]));
    const [entry] = await readZipEntries(file);
    const stream = await openZipEntry(file, entry);
    expect(fdsOn(file)).toBe(1); // the entry holds the archive open while read
    for await (const _chunk of stream) break;
    expect(stream.destroyed).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(fdsOn(file)).toBe(0);
  });
});

const engines = await testEngines("hostilezips");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe.each(engines)("bulk publish of hostile zips on $name", ({ open }) => {
  let testDb: TestDb;
  let prisma: PrismaClient;
  let staff: { userId: string; agencyIds: string[] };
  let agencyId = "";

  beforeAll(async () => {
    testDb = await open();
    prisma = testDb.prisma;
    holder.__espacePrisma = prisma;
    const agency = await prisma.agency.create({ data: { code: "MEDIMP", name: "Coop Emploi Médical" } });
    agencyId = agency.id;
    for (const n of ["1691", "1692", "1693"]) {
      const user = await prisma.user.create({
        data: {
          email: `w${n}@example.fr`,
          role: "WORKER",
          firstName: "Marie",
          lastName: `N${n}`,
          workerProfile: { create: { phone: "+33612345678" } },
        },
        include: { workerProfile: true },
      });
      await prisma.workerAgency.create({ data: { workerId: user.workerProfile!.id, agencyId, workerNumber: n } });
    }
    const staffUser = await prisma.user.create({
      data: {
        email: "agence@example.fr",
        role: "STAFF",
        firstName: "Alice",
        lastName: "Agence",
        staffMemberships: { create: { agencyId } },
      },
    });
    staff = { userId: staffUser.id, agencyIds: [agencyId] };
  });

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await testDb?.cleanup();
  });

  beforeEach(async () => {
    await prisma.outboxMessage.deleteMany();
    await prisma.document.deleteMany();
    await prisma.auditLog.deleteMany();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const nothingPublished = async () => {
    expect(await prisma.document.count()).toBe(0);
    expect(await prisma.outboxMessage.count()).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "document.published" } })).toBe(0);
    expect(spools()).toEqual([]);
  };

  const drain = async (events: AsyncGenerator<ZipProgress>) => {
    const out: ZipProgress[] = [];
    for await (const e of events) out.push(e);
    return out;
  };

  for (const { label, entry } of hostileEntries("paie/1692_20190630.pdf")) {
    it(`check step refuses a zip with an entry that ${label === "CRC mismatch" ? "has a CRC mismatch" : label}: nothing kept`, async () => {
      const error = await within(previewZip(staff, agencyId, Readable.from([zipWith(entry)]))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZipRejected);
      expect((error as Error).message).toContain("« paie/1692_20190630.pdf »");
      expect(storedFiles()).toEqual([]); // the zip was not kept for a publish
      expect(await prisma.auditLog.count({ where: { action: "document.bulk_uploaded" } })).toBe(0);
      await nothingPublished();
    });

    it(`publish step reads the stored zip again and publishes nothing (${label})`, async () => {
      // A stored upload that turned hostile (kept by an earlier version, or altered in storage).
      const stored = await getStorage().putObject(zipWith(entry), { contentType: "application/zip" });
      await prisma.auditLog.create({
        data: { action: "document.bulk_uploaded", actorId: staff.userId, agencyId, entityType: "Upload", entityId: stored.key },
      });
      const events = await within(drain(publishZip(staff, agencyId, stored.key, "batch-hostile-1")));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: "error", message: expect.stringContaining("« paie/1692_20190630.pdf »") });
      await nothingPublished();
    });
  }

  it("a ZIP64 zip goes through both steps: three payslips, three emails", async () => {
    const zip = buildZip(
      ["1691", "1692", "1693"].map((n) => ({ name: `paie/${n}_20190630.pdf`, data: pdfBytes(n, 5000) })),
      { zip64: true },
    );
    const preview = await previewZip(staff, agencyId, Readable.from([zip]));
    expect(preview.rows.map((r) => r.ok)).toEqual([true, true, true]);
    const events = await drain(publishZip(staff, agencyId, preview.uploadKey, "batch-zip64-1"));
    expect(events.at(-1)).toEqual({ type: "finished", published: 3, skipped: 0, emails: 3 });
    expect(await prisma.document.count()).toBe(3);
    expect(spools()).toEqual([]);
  });

  it("an honest zip still goes through both steps: three payslips, three emails", async () => {
    const zip = buildZip(["1691", "1692", "1693"].map((n) => ({ name: `paie/${n}_20190630.pdf`, data: pdfBytes(n, 5000) })));
    const preview = await previewZip(staff, agencyId, Readable.from([zip]));
    expect(preview.rows.map((r) => r.ok)).toEqual([true, true, true]);
    const events = await drain(publishZip(staff, agencyId, preview.uploadKey, "batch-honest-1"));
    expect(events.at(-1)).toEqual({ type: "finished", published: 3, skipped: 0, emails: 3 });
    expect(await prisma.document.count()).toBe(3);
    expect(await prisma.outboxMessage.count()).toBe(3);
    expect(spools()).toEqual([]);
  });
});
