// Storage faults, real ones: a storage folder that is a regular file
// (ENOTDIR), writes to /dev/full (ENOSPC), a closed port and an S3 server
// answering 503. Every path that writes a file (diploma, personal document,
// single publish, bulk zip check, bulk zip publish) answers the French
// message next to the file field, writes no row, no outbox message, leaves no
// file behind, and logs the cause once; on PGlite and PostgreSQL. Temporary
// spools are removed when done, and swept when their process died or after an
// hour.
import { spawnSync } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import { buildZip, pdfBytes } from "./zip-builder";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StaffUser, WorkerUser } from "@/lib/auth/session";
import { FORM_KEY_FIELD, newFormKey } from "@/lib/forms";
import type { Result } from "@/lib/result";
import { guardStorage, localStorage, STORAGE_UNAVAILABLE_MESSAGE, StorageUnavailableError, isStorageFailure } from "@/lib/storage";
import { classifyStorageError } from "@/lib/storage/errors";
import { SPOOL_MAX_AGE_MS, newSpoolPath, spoolStream, sweepSpools, withSpool } from "@/lib/storage/spool";
import { guardedPdf, UploadRejected } from "@/lib/documents/streams";

const session = vi.hoisted(() => ({ staff: null as null | StaffUser, worker: null as null | WorkerUser }));
vi.mock("@/lib/auth/session", () => ({
  requireStaff: async () => session.staff,
  requireWorker: async () => session.worker,
  requireClient: async () => {
    throw new Error("no client in these tests");
  },
  getSessionUser: async () => session.staff ?? session.worker,
  getCaller: async () => session.staff,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

const { addDiploma } = await import("@/lib/diplomas/actions");
const { uploadProfileDocument } = await import("@/lib/profile/actions");
const { publishDocument } = await import("@/lib/documents/publish");
const { previewZip, publishZip } = await import("@/lib/documents/bulk");
const { POST: checkZipRoute } = await import("@/app/api/admin/documents/bulk/zip/route");
const { POST: publishZipRoute } = await import("@/app/api/admin/documents/bulk/zip/publish/route");
const { POST: publishSingleRoute } = await import("@/app/api/admin/documents/single/route");
const { sweepOldSpools } = await import("@/lib/housekeeping");

const root = mkdtempSync(path.join(os.tmpdir(), "storage-faults-"));
const spoolDir = path.join(root, "tmp");
const goodDir = path.join(root, "storage");
/** A regular file where the storage folder should be: every write under it fails with ENOTDIR. */
const notAFolder = path.join(root, "not-a-folder");
mkdirSync(spoolDir, { recursive: true });
writeFileSync(notAFolder, "je ne suis pas un dossier\n");
const saved = { TMPDIR: process.env.TMPDIR };

afterAll(() => {
  process.env.TMPDIR = saved.TMPDIR;
  rmSync(root, { recursive: true, force: true });
});

const spools = () => readdirSync(spoolDir).filter((n) => n.startsWith("espace-"));
const filesUnder = (dir: string): string[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
};

// --- A small S3 server: path-style objects in memory, 503 on demand. ------

type FakeS3 = {
  server: Server;
  objects: Map<string, Buffer>;
  requests: { method: string; status: number }[];
  down: boolean;
  putsBeforeFailure: number | null;
  url: () => string;
};

function fakeS3(): FakeS3 {
  const fake: FakeS3 = {
    objects: new Map(),
    requests: [],
    down: false,
    putsBeforeFailure: null,
    url: () => `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`,
    server: createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const key = new URL(req.url!, "http://x").pathname;
      const reply = (status: number, body?: Buffer | string) => {
        fake.requests.push({ method: req.method!, status });
        res.statusCode = status;
        if (status >= 400) res.setHeader("content-type", "application/xml");
        res.end(body);
      };
      const failing = fake.down || (req.method === "PUT" && fake.putsBeforeFailure !== null && fake.putsBeforeFailure-- <= 0);
      if (failing) return reply(503, "<Error><Code>ServiceUnavailable</Code><Message>Please reduce your request rate.</Message></Error>");
      if (req.method === "PUT") {
        fake.objects.set(key, Buffer.concat(chunks));
        return reply(200);
      }
      if (req.method === "DELETE") {
        fake.objects.delete(key);
        return reply(204);
      }
      const found = fake.objects.get(key);
      if (!found) return reply(404, "<Error><Code>NoSuchKey</Code></Error>");
      return reply(200, req.method === "HEAD" ? undefined : found);
    }),
  };
  return fake;
}

const s3 = fakeS3();
beforeAll(() => new Promise<void>((resolve) => s3.server.listen(0, "127.0.0.1", resolve)));
afterAll(() => new Promise<void>((resolve) => s3.server.close(() => resolve())));

function pointAtFolder(dir: string) {
  vi.stubEnv("STORAGE_DIR", dir);
  vi.stubEnv("S3_BUCKET", "");
}
function pointAtS3() {
  vi.stubEnv("S3_BUCKET", "espace-test");
  vi.stubEnv("S3_ENDPOINT", s3.url());
  vi.stubEnv("S3_REGION", "eu-west-3");
  vi.stubEnv("S3_ACCESS_KEY_ID", "AKIAFAKE");
  vi.stubEnv("S3_SECRET_ACCESS_KEY", "fake-secret-key");
  vi.stubEnv("AWS_MAX_ATTEMPTS", "2");
}

/** The two broken storages of the path tests, and what "nothing left behind" means for each. */
const BROKEN = [
  {
    name: "storage folder is a regular file (ENOTDIR)",
    break: () => pointAtFolder(notAFolder),
    leftovers: () => (readFileSync(notAFolder, "utf8") === "je ne suis pas un dossier\n" ? 0 : 1),
  },
  {
    name: "S3 answering 503",
    break: () => {
      pointAtS3();
      s3.down = true;
    },
    leftovers: () => s3.objects.size,
  },
];

/** console.error lines of the storage classification (one per failure). */
function storageLogs(spy: ReturnType<typeof vi.spyOn>): string[] {
  return spy.mock.calls.map((c: unknown[]) => String(c[0])).filter((line: string) => line.startsWith("[storage]"));
}

beforeEach(() => {
  process.env.TMPDIR = spoolDir;
  s3.down = false;
  s3.putsBeforeFailure = null;
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  expect(spools()).toEqual([]); // no temporary spool outlives its request
});

describe("storage failures are classified in one place", () => {
  it("real filesystem and network faults are storage failures; a missing object, a refused file or a client error are not", async () => {
    const enotdir = await mkdir(path.join(notAFolder, "2026", "12"), { recursive: true }).catch((e: unknown) => e);
    expect(enotdir).toMatchObject({ code: "ENOTDIR" });
    expect(isStorageFailure(enotdir)).toBe(true);

    const enospc = await pipeline(Readable.from([Buffer.alloc(64 * 1024, 1)]), createWriteStream("/dev/full")).catch((e: unknown) => e);
    expect(enospc).toMatchObject({ code: "ENOSPC" });
    expect(isStorageFailure(enospc)).toBe(true);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await fetch(`http://127.0.0.1:${port}/bucket/key`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError); // undici: "fetch failed", cause ECONNREFUSED
    expect(isStorageFailure(refused)).toBe(true);

    expect(isStorageFailure(Object.assign(new Error("S3 PUT failed: HTTP 503"), { status: 503 }))).toBe(true);
    expect(isStorageFailure(Object.assign(new Error("SlowDown"), { $metadata: { httpStatusCode: 503 } }))).toBe(true);

    const missing = await writeFile(path.join(root, "absent", "x"), "x").catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "ENOENT" });
    expect(isStorageFailure(missing)).toBe(false);
    expect(isStorageFailure(Object.assign(new Error("NoSuchKey"), { status: 404 }))).toBe(false);
    expect(isStorageFailure(Object.assign(new Error("AccessDenied"), { $metadata: { httpStatusCode: 403 } }))).toBe(false);
    expect(isStorageFailure(new UploadRejected("Ce fichier n'est pas un PDF", "not_pdf"))).toBe(false);
    expect(isStorageFailure(new Error("bug"))).toBe(false);
  });

  it("classifyStorageError wraps a failure once, with its cause, logged once; anything else is passed on", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const cause = Object.assign(new Error("no space left on device, write"), { code: "ENOSPC" });
    const wrapped = classifyStorageError(cause, "put");
    expect(wrapped).toBeInstanceOf(StorageUnavailableError);
    expect((wrapped as Error).message).toBe(STORAGE_UNAVAILABLE_MESSAGE);
    expect((wrapped as Error).cause).toBe(cause);
    expect(classifyStorageError(wrapped, "put")).toBe(wrapped);
    const bug = new Error("bug");
    expect(classifyStorageError(bug, "put")).toBe(bug);
    // A copy of the class from another bundle (Next.js bundles per route) is recognised too.
    const copy = Object.assign(new Error(STORAGE_UNAVAILABLE_MESSAGE), { [Symbol.for("espace.storage.unavailable")]: true });
    expect(copy).toBeInstanceOf(StorageUnavailableError);
    expect(classifyStorageError(copy, "put")).toBe(copy);
    expect(new Error(STORAGE_UNAVAILABLE_MESSAGE)).not.toBeInstanceOf(StorageUnavailableError);
    expect(storageLogs(log)).toEqual([expect.stringMatching(/^\[storage\] unavailable during put: ENOSPC no space left on device/)]);
  });

  it("the storage folder being a file: every write rejects with the French message and leaves nothing; reads of a missing key still say missing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const storage = guardStorage(localStorage(notAFolder));
    await expect(storage.putObject(Buffer.from("%PDF-1.4 x"), { contentType: "application/pdf" })).rejects.toThrow(
      STORAGE_UNAVAILABLE_MESSAGE,
    );
    await expect(storage.putObject(Readable.from([Buffer.from("%PDF-1.4 y")]), { contentType: "application/pdf" })).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    expect(storageLogs(log)).toHaveLength(2);
    expect(readFileSync(notAFolder, "utf8")).toBe("je ne suis pas un dossier\n");

    const healthy = guardStorage(localStorage(goodDir));
    await expect(healthy.openObjectStream("2026/12/00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "ENOENT" });
    // A refused upload is the input's error, not the storage's.
    const refused = await healthy
      .putObject(guardedPdf(Readable.from([Buffer.from("GIF89a pas un pdf")]), 1000), { contentType: "application/pdf" })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UploadRejected);
    expect(storageLogs(log)).toHaveLength(2);
    expect(filesUnder(goodDir)).toEqual([]); // the temporary file of the refused upload is gone
  });

  it("S3 answering 503: the French message, the cause logged once", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    pointAtS3();
    s3.down = true;
    const { getStorage } = await import("@/lib/storage");
    await expect(getStorage().putObject(Buffer.from("%PDF-1.4 z"), { contentType: "application/pdf" })).rejects.toThrow(
      STORAGE_UNAVAILABLE_MESSAGE,
    );
    await expect(
      getStorage().putObject(Readable.from([Buffer.from("%PDF-1.4 z")]), { contentType: "application/pdf" }),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(storageLogs(log)).toEqual([expect.stringContaining("503"), expect.stringContaining("503")]);
    expect(s3.objects.size).toBe(0);
  });
});

describe("temporary spools", () => {
  it("a spool is removed when its work ends, also when the work fails; a full disk gives the French message and no partial file", async () => {
    let seen = "";
    const result = await withSpool(Readable.from([Buffer.from("contenu")]), { suffix: ".zip" }, async (file) => {
      seen = file;
      expect(path.basename(file)).toMatch(new RegExp(`^espace-spool-${process.pid}-[0-9a-f-]{36}\\.zip$`));
      expect(readFileSync(file, "utf8")).toBe("contenu");
      return 42;
    });
    expect(result).toBe(42);
    expect(existsSync(seen)).toBe(false);
    await expect(
      withSpool(Readable.from([Buffer.from("x")]), {}, async () => Promise.reject(new Error("lecture impossible"))),
    ).rejects.toThrow("lecture impossible");

    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    process.env.TMPDIR = notAFolder; // the temporary folder is not a folder
    await expect(spoolStream(Readable.from([Buffer.from("x")]))).rejects.toThrow(STORAGE_UNAVAILABLE_MESSAGE);
    process.env.TMPDIR = spoolDir;
    expect(storageLogs(log)).toHaveLength(1);
    // Over the limit: the source's own error, and no file.
    await expect(
      spoolStream(Readable.from([Buffer.alloc(2000)]), { maxBytes: 1000, tooLarge: () => new Error("trop gros") }),
    ).rejects.toThrow("trop gros");
  });

  it("at start-up, spools of dead processes go and those of live ones stay; the hourly sweep removes any spool older than an hour", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout);
    expect(deadPid).toBeGreaterThan(0);
    const uuid = () => crypto.randomUUID();
    const crashed = path.join(spoolDir, `espace-spool-${deadPid}-${uuid()}.zip`);
    const mine = newSpoolPath(".zip");
    const parent = path.join(spoolDir, `espace-spool-${process.ppid}-${uuid()}`); // a live process (vitest's parent)
    const other = path.join(spoolDir, "autre-fichier.zip");
    for (const f of [crashed, mine, parent, other]) writeFileSync(f, "x");

    expect(await sweepSpools({ deadProcesses: true, olderThanMs: SPOOL_MAX_AGE_MS })).toBe(1);
    expect([crashed, mine, parent, other].map(existsSync)).toEqual([false, true, true, true]);

    // An hour and a bit without a write: swept by the housekeeping timer's sweep, whoever owns it.
    const old = (Date.now() - SPOOL_MAX_AGE_MS - 60_000) / 1000;
    utimesSync(parent, old, old);
    expect(await sweepOldSpools()).toBe(1);
    expect([mine, parent, other].map(existsSync)).toEqual([true, false, true]);
    // Fresh ones stay until they are an hour old.
    expect(await sweepOldSpools(Date.now() + SPOOL_MAX_AGE_MS + 60_000)).toBe(1);
    expect([mine, other].map(existsSync)).toEqual([false, true]);
    rmSync(other);
    // A folder that cannot be read: nothing removed, no exception.
    expect(await sweepSpools({ deadProcesses: true, dir: notAFolder })).toBe(0);
  });
});

// --- Every path that writes a file, on a real database. --------------------

const engines = await testEngines("storagefaults");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe.each(engines)("uploads with broken storage on $name", ({ open }) => {
  let tdb: TestDb;
  let prisma: PrismaClient;
  let staff: StaffUser;
  let agencyId: string;
  let nextNumber = 2000;

  async function newWorker(tag: string): Promise<WorkerUser & { number: string }> {
    const number = String(nextNumber++);
    const u = await prisma.user.create({
      data: {
        email: `${tag}-${number}@faults.example.fr`,
        role: "WORKER",
        firstName: tag,
        lastName: "PANNE",
        workerProfile: { create: { phone: "+33612340000", agencies: { create: { agencyId, workerNumber: number } } } },
      },
      include: { workerProfile: true },
    });
    return {
      id: u.id,
      sessionId: "s",
      email: u.email,
      role: "WORKER",
      firstName: u.firstName,
      lastName: u.lastName,
      workerId: u.workerProfile!.id,
      number,
    };
  }

  /** Rows any of these paths could have written. */
  const counts = async () => ({
    documents: await prisma.document.count(),
    diplomas: await prisma.diploma.count(),
    changes: await prisma.profileChange.count(),
    outbox: await prisma.outboxMessage.count(),
    audit: await prisma.auditLog.count(),
    submissions: await prisma.formSubmission.count(),
  });

  beforeAll(async () => {
    tdb = await open();
    prisma = tdb.prisma;
    holder.__espacePrisma = prisma;
    const agency = await prisma.agency.create({ data: { code: "PANNE", name: "Agence Panne" } });
    agencyId = agency.id;
    const user = await prisma.user.create({
      data: {
        email: "staff@faults.example.fr",
        role: "STAFF",
        firstName: "Sam",
        lastName: "STAFF",
        staffMemberships: { create: { agencyId } },
      },
    });
    staff = {
      id: user.id,
      sessionId: "s",
      email: user.email,
      role: "STAFF",
      firstName: user.firstName,
      lastName: user.lastName,
      agencyIds: [agencyId],
    };
    session.staff = staff;
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    session.staff = null;
    session.worker = null;
    await tdb?.cleanup();
  });

  beforeEach(() => {
    vi.stubEnv("APP_URL", "http://localhost:3200");
    s3.objects.clear();
  });

  const pdf = (marker: string) => pdfBytes(marker, 3000);

  describe.each(BROKEN)("$name", (broken) => {
    it("diploma: the message next to the file field, the typed values kept, no row; the same form then goes through once storage is back", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const worker = await newWorker("diplome");
      session.worker = worker;
      const form = new FormData();
      form.set(FORM_KEY_FIELD, newFormKey());
      form.set("name", "DIPLOME INFIRMIER");
      form.set("obtainedOn", "2019-06-28");
      form.set("file", new File([new Uint8Array(pdf("diplome"))], "diplome.pdf", { type: "application/pdf" }));
      const before = await counts();
      broken.break();
      const state: Result = await addDiploma(null, form);
      expect(state).toEqual({ ok: false, message: "Le diplôme n'a pas été ajouté.", fieldErrors: { file: STORAGE_UNAVAILABLE_MESSAGE } });
      expect(await counts()).toEqual(before);
      expect(broken.leftovers()).toBe(0);
      expect(storageLogs(log)).toHaveLength(1);

      vi.unstubAllEnvs();
      pointAtFolder(goodDir);
      expect(await addDiploma(null, form)).toMatchObject({ ok: true });
      expect(await prisma.diploma.count({ where: { workerId: worker.workerId, name: "DIPLOME INFIRMIER" } })).toBe(1);
    });

    it("personal document (Fiche perso): the message next to the file field, no document, no pending change", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const worker = await newWorker("rib");
      session.worker = worker;
      const form = new FormData();
      form.set(FORM_KEY_FIELD, newFormKey());
      form.set("kind", "RIB");
      form.set("file", new File([new Uint8Array(pdf("rib"))], "rib.pdf", { type: "application/pdf" }));
      const before = await counts();
      broken.break();
      expect(await uploadProfileDocument(null, form)).toEqual({
        ok: false,
        message: "Le document n'a pas été déposé.",
        fieldErrors: { file: STORAGE_UNAVAILABLE_MESSAGE },
      });
      expect(await counts()).toEqual(before);
      expect(broken.leftovers()).toBe(0);
      expect(storageLogs(log)).toHaveLength(1);
    });

    it("single publish: 503 with the message on the file field, no document, no audit entry, no email", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const worker = await newWorker("certificat");
      const before = await counts();
      broken.break();
      const direct = await publishDocument({
        staff: { userId: staff.id, agencyIds: staff.agencyIds },
        agencyId,
        workerId: worker.workerId,
        kind: "PAYSLIP",
        number: `${worker.number}_20261130`,
        periodStart: new Date("2026-11-01T00:00:00Z"),
        periodEnd: new Date("2026-11-30T00:00:00Z"),
        source: Readable.from([pdf("bulletin")]),
      });
      expect(direct).toEqual({ ok: false, message: STORAGE_UNAVAILABLE_MESSAGE, data: { code: "storage_unavailable" } });

      const form = new FormData();
      form.set(FORM_KEY_FIELD, newFormKey());
      form.set("agencyId", agencyId);
      form.set("kind", "WORK_CERTIFICATE");
      form.set("workerNumber", worker.number);
      form.set("periodStart", "2026-10-01");
      form.set("periodEnd", "2026-10-31");
      form.set("file", new File([new Uint8Array(pdf("certificat"))], "certificat.pdf", { type: "application/pdf" }));
      const response = await publishSingleRoute(
        new Request("http://localhost:3200/api/admin/documents/single", { method: "POST", body: form }),
      );
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error: "Le document n'a pas été publié.",
        code: "storage_unavailable",
        fieldErrors: { file: STORAGE_UNAVAILABLE_MESSAGE },
      });
      expect(await counts()).toEqual(before);
      expect(broken.leftovers()).toBe(0);
      expect(storageLogs(log)).toHaveLength(2);
    });

    it("bulk zip check: JSON 503 with the message (never an empty 500), no upload kept, no audit entry, no spool left", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const worker = await newWorker("zipcheck");
      const zip = buildZip([{ name: `${worker.number}_20261130.pdf`, data: pdf("zip") }]);
      const before = await counts();
      broken.break();
      await expect(previewZip({ userId: staff.id, agencyIds: staff.agencyIds }, agencyId, Readable.from([zip]))).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
      const response = await checkZipRoute(
        new Request(`http://localhost:3200/api/admin/documents/bulk/zip?agency=${agencyId}`, {
          method: "POST",
          body: new Uint8Array(zip),
          headers: { "content-type": "application/zip" },
        }),
      );
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toMatch(/json/);
      expect(await response.json()).toEqual({ error: STORAGE_UNAVAILABLE_MESSAGE, code: "storage_unavailable" });
      expect(await counts()).toEqual(before);
      expect(broken.leftovers()).toBe(0);
      expect(storageLogs(log)).toHaveLength(2);
    });

    it("bulk zip publish with the storage gone since the check: the message, nothing published, the upload kept for a re-run", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const worker = await newWorker("zippub");
      const zip = buildZip([{ name: `${worker.number}_20261130.pdf`, data: pdf("zip") }]);
      pointAtFolder(goodDir);
      const context = { userId: staff.id, agencyIds: staff.agencyIds };
      const preview = await previewZip(context, agencyId, Readable.from([zip]));
      expect(preview.rows.map((r) => r.ok)).toEqual([true]);
      const before = await counts();
      const storedBefore = filesUnder(goodDir).length;
      vi.unstubAllEnvs();
      broken.break();
      const response = await publishZipRoute(
        new Request("http://localhost:3200/api/admin/documents/bulk/zip/publish", {
          method: "POST",
          body: JSON.stringify({ agencyId, uploadKey: preview.uploadKey, batch: "batch-panne-1" }),
          headers: { "content-type": "application/json" },
        }),
      );
      expect(response.status).toBe(200);
      const lines = (await response.text())
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines).toEqual([{ type: "error", message: STORAGE_UNAVAILABLE_MESSAGE }]);
      expect(await counts()).toEqual(before);
      expect(storageLogs(log)).toHaveLength(1);
      // Storage back: the same check publishes.
      vi.unstubAllEnvs();
      pointAtFolder(goodDir);
      const events = [];
      for await (const e of publishZip(context, agencyId, preview.uploadKey, "batch-panne-2")) events.push(e);
      expect(events.at(-1)).toEqual({ type: "finished", published: 1, skipped: 0, emails: 1 });
      expect(filesUnder(goodDir).length).toBe(storedBefore); // the zip went, the payslip came
    });
  });

  it("bulk zip publish when S3 fails half way: whole workers published and emailed, the rest reported and not half-saved; a re-run publishes the rest", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    pointAtS3();
    const [a, b, c] = [await newWorker("alice"), await newWorker("bruno"), await newWorker("chloe")];
    const names = {
      a1: `${a.number}_20261031.pdf`,
      b1: `${b.number}_20261031.pdf`,
      a2: `${a.number}_20261130.pdf`,
      c1: `${c.number}_20261031.pdf`,
    };
    const zip = buildZip([
      { name: names.a1, data: pdf("a1") },
      { name: names.b1, data: pdf("b1") },
      { name: names.a2, data: pdf("a2") },
      { name: names.c1, data: pdf("c1") },
    ]);
    const context = { userId: staff.id, agencyIds: staff.agencyIds };
    const preview = await previewZip(context, agencyId, Readable.from([zip]));
    expect(preview.rows.every((r) => r.ok)).toBe(true);
    expect(s3.objects.size).toBe(1); // the zip, kept for the publish step

    s3.putsBeforeFailure = 2; // a1 and b1 are stored, then every PUT answers 503
    const events = [];
    for await (const e of publishZip(context, agencyId, preview.uploadKey, "batch-half-1")) events.push(e);
    const last = events.at(-1);
    expect(last).toMatchObject({ type: "interrupted", message: STORAGE_UNAVAILABLE_MESSAGE, published: 1, emails: 1 });
    expect(last?.type === "interrupted" && [...last.notPublished].sort((x, y) => x.name.localeCompare(y.name))).toEqual(
      [
        { name: names.a2, reason: STORAGE_UNAVAILABLE_MESSAGE },
        { name: names.c1, reason: STORAGE_UNAVAILABLE_MESSAGE },
        { name: names.a1, reason: "Non publié : un autre bulletin de cet intérimaire n'a pas pu être enregistré." },
      ].sort((x, y) => x.name.localeCompare(y.name)),
    );
    const docsOf = (w: WorkerUser) =>
      prisma.document.findMany({ where: { workerId: w.workerId }, select: { storageKey: true, number: true } });
    const mailsOf = (w: WorkerUser) => prisma.outboxMessage.count({ where: { userId: w.id } });
    expect((await docsOf(b)).map((d) => d.number)).toEqual([`${b.number}_20261031`]);
    expect(await mailsOf(b)).toBe(1);
    expect([(await docsOf(a)).length, await mailsOf(a), (await docsOf(c)).length, await mailsOf(c)]).toEqual([0, 0, 0, 0]);
    // In the bucket: the zip and bruno's payslip only (alice's first one was removed).
    const bKey = (await docsOf(b))[0].storageKey;
    expect([...s3.objects.keys()].sort()).toEqual([`/espace-test/${preview.uploadKey}`, `/espace-test/${bKey}`].sort());
    expect(storageLogs(log)).toHaveLength(1);

    // The storage is back: the same check publishes exactly the rest.
    s3.putsBeforeFailure = null;
    const again = [];
    for await (const e of publishZip(context, agencyId, preview.uploadKey, "batch-half-2")) again.push(e);
    expect(again.at(-1)).toEqual({ type: "finished", published: 3, skipped: 1, emails: 2 });
    expect([
      (await docsOf(a)).length,
      await mailsOf(a),
      (await docsOf(b)).length,
      await mailsOf(b),
      (await docsOf(c)).length,
      await mailsOf(c),
    ]).toEqual([2, 1, 1, 1, 1, 1]);
    expect(s3.objects.size).toBe(4); // four payslips; the zip is gone
  });
});
