// The issued PDF of a contract is written in the write path only: issuing
// stores exactly one PDF, a change of terms stores the new version, a storage
// failure issues nothing, and the worker's contract page and the PDF route
// (worker and staff) only read: they write no row and no file, and answer a
// French error when the stored PDF is missing. On a real database (PGlite,
// and PostgreSQL when a server answers) and a real storage folder.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StaffUser, WorkerUser } from "@/lib/auth/session";
import { getStorage } from "@/lib/storage";

// The signed-in user of the pages, routes and services.
const session = vi.hoisted(() => ({ staff: null as unknown, worker: null as unknown, current: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  requireStaff: async () => session.staff,
  requireWorker: async () => session.worker,
  requireClient: async () => {
    throw new Error("no client in these tests");
  },
  getSessionUser: async () => session.current,
  getCaller: async () => session.current,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("@/lib/contracts/rules", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/contracts/rules")>()),
  generateCode: () => "271828",
}));

const { issueContractForSignature } = await import("@/lib/contracts/issue-contract");
const { updateContractTerms } = await import("@/lib/contracts/update-contract-terms");
const { requestSignatureCode } = await import("@/lib/contracts/request-signature-code");
const { confirmSignature } = await import("@/lib/contracts/confirm-signature");
const { backfillIssuedDocuments } = await import("@/lib/contracts/pdf");
const { GET } = await import("@/app/(espace)/contrats/[id]/pdf/route");
const { default: ContractPage } = await import("@/app/(espace)/contrats/[id]/page");

const engines = await testEngines("cpdf");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

/** Every file under a folder, relative path -> size. */
function listFiles(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    let entries: string[] = [];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const name of entries) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(dir, full), statSync(full).size);
    }
  };
  walk(dir);
  return out;
}

/** Row count of every table of the schema, and the latest update of any contract. */
async function snapshotRows(prisma: PrismaClient): Promise<Record<string, number | string>> {
  const tables = await prisma.$queryRaw<
    { name: string }[]
  >`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const counts: Record<string, number | string> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = row.n;
  }
  const [latest] = await prisma.$queryRaw<{ c: Date | null }[]>`SELECT max("updatedAt") AS c FROM "Contract"`;
  counts["Contract.updatedAt"] = String(latest.c?.toISOString());
  return counts;
}

/** The text of a React element tree (the page's output), for assertions. */
function textOf(node: unknown): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(" ");
  if (typeof node === "object" && "props" in (node as object)) {
    const props = (node as { props: Record<string, unknown> }).props;
    return [props.title, props.children].map(textOf).join(" ");
  }
  return "";
}

describe.each(engines)("issued contract PDFs on $name", ({ open }) => {
  let dir = "";
  let storageDir = "";
  let tdb: TestDb;
  let prisma: PrismaClient;
  let staff: StaffUser;
  let worker: WorkerUser;
  let ids: { agencyId: string; clientId: string; siteId: string; qualificationId: string; workerId: string };
  let counter = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "cpdf-"));
    storageDir = path.join(dir, "storage");
    vi.stubEnv("STORAGE_DIR", storageDir);
    vi.stubEnv("APP_URL", "http://localhost:3200");
    tdb = await open();
    prisma = tdb.prisma;
    holder.__espacePrisma = prisma;
    const agency = await prisma.agency.create({ data: { code: "PDFAG", name: "Agence PDF" } });
    const staffUser = await prisma.user.create({
      data: {
        email: "staff@pdf.example.fr",
        role: "STAFF",
        firstName: "Paul",
        lastName: "Agent",
        staffMemberships: { create: { agencyId: agency.id } },
      },
    });
    const workerUser = await prisma.user.create({
      data: {
        email: "worker@pdf.example.fr",
        role: "WORKER",
        firstName: "Marie",
        lastName: "Dupont",
        workerProfile: { create: { phone: "+33612345678", agencies: { create: { agencyId: agency.id, workerNumber: "1001" } } } },
      },
      include: { workerProfile: true },
    });
    const client = await prisma.client.create({ data: { agencyId: agency.id, name: "CLIENT PDF" } });
    const site = await prisma.clientSite.create({
      data: { clientId: client.id, name: "Site", address: "1 rue A", postalCode: "31000", city: "Toulouse" },
    });
    const qualification = await prisma.qualification.create({ data: { code: "PDF1", label: "AGENT DE SERVICE" } });
    // The worker holds it through a validated diploma (a contract needs it).
    const diploma = await prisma.diploma.create({
      data: { workerId: workerUser.workerProfile!.id, name: "Titre", obtainedOn: new Date("2015-06-30"), status: "APPROVED" },
    });
    await prisma.workerQualification.create({
      data: { workerId: workerUser.workerProfile!.id, qualificationId: qualification.id, diplomaId: diploma.id },
    });
    ids = {
      agencyId: agency.id,
      clientId: client.id,
      siteId: site.id,
      qualificationId: qualification.id,
      workerId: workerUser.workerProfile!.id,
    };
    staff = {
      id: staffUser.id,
      sessionId: "s",
      email: staffUser.email,
      role: "STAFF",
      firstName: "Paul",
      lastName: "Agent",
      agencyIds: [agency.id],
    };
    worker = {
      id: workerUser.id,
      sessionId: "w",
      email: workerUser.email,
      role: "WORKER",
      firstName: "Marie",
      lastName: "Dupont",
      workerId: ids.workerId,
    };
    session.staff = staff;
    session.worker = worker;
  }, 120_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    vi.unstubAllEnvs();
    await tdb?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    session.current = null;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A draft ready to issue: one worked shift, a recourse reason and a rate. */
  async function draft(state: "DRAFT" | "AWAITING_SIGNATURE" = "DRAFT") {
    counter += 1;
    const day = new Date(Date.UTC(2027, 0, counter));
    return prisma.contract.create({
      data: {
        number: `7${String(counter).padStart(4, "0")}`,
        reference: "RENFORT",
        agencyId: ids.agencyId,
        workerId: ids.workerId,
        clientId: ids.clientId,
        siteId: ids.siteId,
        qualificationId: ids.qualificationId,
        startDate: day,
        endDate: day,
        hoursLabel: "08:00-12:00",
        hourlyRateCents: 1250,
        recourseCase: "ACTIVITY_INCREASE",
        recourseReason: "Surcroît d'activité lié à l'inventaire",
        state,
        issuedAt: state === "DRAFT" ? null : new Date(),
        shifts: {
          create: { startsAt: new Date(day.getTime() + 7 * 3_600_000), endsAt: new Date(day.getTime() + 11 * 3_600_000), breakMinutes: 0 },
        },
      },
    });
  }

  /** The issued documents of a contract (file names carry its number). */
  const issuedDocs = async (contractId: string) => {
    const c = await prisma.contract.findUniqueOrThrow({ where: { id: contractId } });
    return prisma.document.count({ where: { kind: "CONTRACT_ISSUED", workerId: ids.workerId, fileName: `contrat-${c.number}.pdf` } });
  };

  const asWorker = () => {
    session.current = worker;
  };
  const asStaff = () => {
    session.current = staff;
  };
  const getPdf = (contractId: string, signed = false) =>
    GET(new Request(`http://localhost/contrats/${contractId}/pdf${signed ? "?signe=1" : ""}`), {
      params: Promise.resolve({ id: contractId }),
    });
  const openPage = (contractId: string) => ContractPage({ params: Promise.resolve({ id: contractId }), searchParams: Promise.resolve({}) });

  it("issuing stores exactly one PDF, the one whose hash the worker signs", async () => {
    const c = await draft();
    const filesBefore = listFiles(storageDir);
    const docsBefore = await issuedDocs(c.id);
    const result = await issueContractForSignature(staff, c.id, c.version);
    expect(result).toEqual({ ok: true, data: { state: "AWAITING_SIGNATURE" } });
    const after = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { issuedDocument: true } });
    expect(await issuedDocs(c.id)).toBe(docsBefore + 1);
    const filesAfter = listFiles(storageDir);
    const added = [...filesAfter.keys()].filter((k) => !filesBefore.has(k));
    expect(added).toHaveLength(1);
    expect(added[0]).toBe(after.issuedDocument!.storageKey);
    const bytes = readFileSync(path.join(storageDir, added[0]));
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(after.issuedSha256);
    expect(after.issuedDocument!.sha256).toBe(after.issuedSha256);
  });

  it("GET of the contract page and of its PDF (worker and staff) writes no row and no file, and serves the stored bytes", async () => {
    const c = await draft();
    expect((await issueContractForSignature(staff, c.id, c.version)).ok).toBe(true);
    const issued = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { issuedDocument: true } });
    const stored = readFileSync(path.join(storageDir, issued.issuedDocument!.storageKey));
    const rowsBefore = await snapshotRows(prisma);
    const filesBefore = listFiles(storageDir);

    asWorker();
    const page = await openPage(c.id);
    expect(textOf(page)).toContain(`Contrat n° ${c.number}`);
    expect(textOf(page)).not.toContain("pas disponible");
    const workerPdf = await getPdf(c.id);
    expect(workerPdf.status).toBe(200);
    expect(workerPdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await workerPdf.arrayBuffer()).equals(stored)).toBe(true);
    asStaff();
    const staffPdf = await getPdf(c.id);
    expect(staffPdf.status).toBe(200);
    expect(Buffer.from(await staffPdf.arrayBuffer()).equals(stored)).toBe(true);

    expect(await snapshotRows(prisma)).toEqual(rowsBefore);
    expect(listFiles(storageDir)).toEqual(filesBefore);
  });

  it("a change of terms stores the new version: one more PDF, a new hash, served from then on; the old file stays", async () => {
    const c = await draft();
    expect((await issueContractForSignature(staff, c.id, c.version)).ok).toBe(true);
    const v1 = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { issuedDocument: true } });
    const filesBefore = listFiles(storageDir);
    const docsBefore = await issuedDocs(c.id);
    const terms = {
      reference: "R DUPONT",
      startDate: v1.startDate,
      endDate: v1.endDate,
      hoursLabel: v1.hoursLabel,
      hourlyRateCents: 1390,
      recourseCase: v1.recourseCase,
      replacedName: v1.replacedName,
      replacedPosition: v1.replacedPosition,
      recourseReason: v1.recourseReason,
      detail: v1.detail,
      weeklyHours: v1.weeklyHours,
      qualificationId: v1.qualificationId,
    };
    expect(await updateContractTerms(staff, c.id, v1.version, terms)).toEqual({ ok: true, data: { reissued: true } });
    const v2 = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { issuedDocument: true } });
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.issuedDocumentId).not.toBe(v1.issuedDocumentId);
    expect(v2.issuedSha256).not.toBe(v1.issuedSha256);
    expect(await issuedDocs(c.id)).toBe(docsBefore + 1);
    const added = [...listFiles(storageDir).keys()].filter((k) => !filesBefore.has(k));
    expect(added).toEqual([v2.issuedDocument!.storageKey]);
    expect(listFiles(storageDir).has(v1.issuedDocument!.storageKey)).toBe(true);
    asWorker();
    const res = await getPdf(c.id);
    const served = Buffer.from(await res.arrayBuffer());
    expect(createHash("sha256").update(served).digest("hex")).toBe(v2.issuedSha256);
  });

  it("when the PDF cannot be stored, the issue fails in French and nothing is half-done", async () => {
    const c = await draft();
    const rowsBefore = await snapshotRows(prisma);
    const filesBefore = listFiles(storageDir);
    vi.spyOn(getStorage(), "putObject").mockRejectedValueOnce(new Error("disk full"));
    const result = await issueContractForSignature(staff, c.id, c.version);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Le PDF du contrat n'a pas pu être enregistré\. Rien n'a été modifié/);
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      state: "DRAFT",
      version: c.version,
      issuedDocumentId: null,
      issuedSha256: null,
    });
    expect(await snapshotRows(prisma)).toEqual(rowsBefore);
    expect(listFiles(storageDir)).toEqual(filesBefore);
    // The next try issues.
    expect((await issueContractForSignature(staff, c.id, c.version)).ok).toBe(true);
  });

  it("a failure after the PDF is stored (in the same transaction) removes the file with the rows", async () => {
    const c = await draft();
    const rowsBefore = await snapshotRows(prisma);
    const filesBefore = listFiles(storageDir);
    // The audit entry is written after the PDF: make that write fail.
    const real = prisma.$transaction.bind(prisma);
    vi.spyOn(prisma, "$transaction").mockImplementationOnce(((work: (tx: unknown) => Promise<unknown>, options: unknown) =>
      real(async (tx) => {
        await work(tx);
        throw new Error("commit refused");
      }, options as never)) as never);
    await expect(issueContractForSignature(staff, c.id, c.version)).rejects.toThrow(/commit refused/);
    expect(await snapshotRows(prisma)).toEqual(rowsBefore);
    expect(listFiles(storageDir)).toEqual(filesBefore);
  });

  it("an issued contract without its stored PDF: the page and the PDF answer in French, log, and write nothing", async () => {
    // An old row: issued before issuing stored the PDF.
    const c = await draft("AWAITING_SIGNATURE");
    const rowsBefore = await snapshotRows(prisma);
    const filesBefore = listFiles(storageDir);
    asWorker();
    const page = await openPage(c.id);
    expect(textOf(page)).toContain("Le document de ce contrat n'est pas disponible pour le moment. Contactez votre agence.");
    const res = await getPdf(c.id);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("Le document de ce contrat n'est pas disponible pour le moment. Contactez votre agence.");
    asStaff();
    expect((await getPdf(c.id)).status).toBe(503);
    // Signing it is refused too, without rendering anything.
    const code = await requestSignatureCode(c.id, worker);
    expect(code).toMatchObject({ ok: false, message: "Le document du contrat n'est pas encore disponible : contactez votre agence." });
    expect(console.error).toHaveBeenCalledWith("[contracts] issued contract without its stored document", c.id);
    expect(await snapshotRows(prisma)).toEqual(rowsBefore);
    expect(listFiles(storageDir)).toEqual(filesBefore);

    // The one-off backfill completes it; the page and PDF then serve that file.
    const keys: string[] = [];
    expect(await backfillIssuedDocuments(prisma, getStorage(), (work) => prisma.$transaction((tx) => work(tx, keys)))).toBe(1);
    const done = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(done.state).toBe("AWAITING_SIGNATURE");
    expect(done.issuedDocumentId).not.toBeNull();
    expect(keys).toHaveLength(1);
    asWorker();
    const served = Buffer.from(await (await getPdf(c.id)).arrayBuffer());
    expect(createHash("sha256").update(served).digest("hex")).toBe(done.issuedSha256);
    expect(await backfillIssuedDocuments(prisma, getStorage(), (work) => prisma.$transaction((tx) => work(tx, keys)))).toBe(0);
  });

  it("a draft has no PDF yet: 404 for staff, hidden from the worker, nothing rendered", async () => {
    const c = await draft();
    const rowsBefore = await snapshotRows(prisma);
    const filesBefore = listFiles(storageDir);
    asStaff();
    const res = await getPdf(c.id);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("Introuvable");
    asWorker();
    expect((await getPdf(c.id)).status).toBe(404);
    expect(console.error).not.toHaveBeenCalled();
    expect(await snapshotRows(prisma)).toEqual(rowsBefore);
    expect(listFiles(storageDir)).toEqual(filesBefore);
  });

  it("a stored PDF whose file is gone: French error, nothing written", async () => {
    const c = await draft();
    expect((await issueContractForSignature(staff, c.id, c.version)).ok).toBe(true);
    const issued = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { issuedDocument: true } });
    rmSync(path.join(storageDir, issued.issuedDocument!.storageKey));
    const rowsBefore = await snapshotRows(prisma);
    const filesBefore = listFiles(storageDir);
    asWorker();
    const res = await getPdf(c.id);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/^Le document de ce contrat n'est pas disponible/);
    expect(await snapshotRows(prisma)).toEqual(rowsBefore);
    expect(listFiles(storageDir)).toEqual(filesBefore);
  });

  it("the signed PDF flow still works: signed from the stored issued PDF, served with ?signe=1, reads only", async () => {
    const c = await draft();
    expect((await issueContractForSignature(staff, c.id, c.version)).ok).toBe(true);
    const signer = {
      id: worker.id,
      workerId: worker.workerId,
      email: worker.email,
      firstName: worker.firstName,
      lastName: worker.lastName,
    };
    expect(await requestSignatureCode(c.id, signer)).toMatchObject({ ok: true });
    expect(await confirmSignature(c.id, "271828", signer)).toMatchObject({ ok: true });
    const signed = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { signedDocument: true, signatures: true } });
    expect(signed.state).toBe("SIGNED");
    expect(signed.signatures).toHaveLength(1);
    expect(signed.signatures[0].documentSha256).toBe(signed.issuedSha256);
    const rowsBefore = await snapshotRows(prisma);
    const filesBefore = listFiles(storageDir);
    asWorker();
    const res = await getPdf(c.id, true);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(signed.signatures[0].signedDocumentSha256);
    expect(signed.signedDocument!.sha256).toBe(signed.signatures[0].signedDocumentSha256);
    const issued = await getPdf(c.id);
    expect(
      createHash("sha256")
        .update(Buffer.from(await issued.arrayBuffer()))
        .digest("hex"),
    ).toBe(signed.issuedSha256);
    expect(await snapshotRows(prisma)).toEqual(rowsBefore);
    expect(listFiles(storageDir)).toEqual(filesBefore);
  });
});
