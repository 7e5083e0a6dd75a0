// The sealed contract flow on a real database and storage: issuing seals the
// PDF and records its hash (contract.document_issued), signing renders the
// pages again from the issued data with the signature mention and seals the
// whole; poppler's pdfsig checks both. The public check finds a document by
// its hash (signed, issued, replaced, legacy rows from before the seal) and
// says nothing personal beyond initials; the evidence file lists the events
// and is scoped to the contract's agency.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StaffUser } from "@/lib/auth/session";
import { shiftHoursRows } from "@/lib/contracts/rules";
import { pdfDataFromJson, pdfDataToJson, type ContractPdfData } from "@/lib/contracts/pdf";

vi.mock("@/lib/auth/session", () => ({
  requireStaff: async () => null,
  requireWorker: async () => null,
  requireClient: async () => null,
  getSessionUser: async () => null,
  getCaller: async () => null,
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
const { checkContractDocument } = await import("@/lib/contracts/public-check");
const { contractEvidence, buildContractEvidencePdf } = await import("@/lib/contracts/evidence");
const { verifyDocument } = await import("@/app/(auth)/verifier/actions");

const engines = await testEngines("cseal");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

const tmp = mkdtempSync(path.join(os.tmpdir(), "cseal-"));
function tool(cmd: string, bytes: Buffer, args: string[] = []): string {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync(cmd, [...args, file, ...(cmd === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  // pdftotext: reading order, whitespace collapsed (boxes side by side wrap their lines).
  return cmd === "pdftotext" ? r.stdout.replace(/\s+/g, " ") : `${r.stdout}${r.stderr}`;
}

describe("hours printed from the shifts (pure)", () => {
  const at = (iso: string) => new Date(iso);
  it("one row per time range, days in order; night shifts end the next day; breaks; Paris time across DST", () => {
    expect(
      shiftHoursRows([
        { startsAt: at("2026-12-08T20:00:00Z"), endsAt: at("2026-12-09T06:00:00Z"), breakMinutes: 30 },
        { startsAt: at("2026-12-07T20:00:00Z"), endsAt: at("2026-12-08T06:00:00Z"), breakMinutes: 30 },
        { startsAt: at("2026-12-09T06:30:00Z"), endsAt: at("2026-12-09T13:30:00Z"), breakMinutes: 0 },
      ]),
    ).toEqual([
      { hours: "21:00-07:00 (fin le lendemain), pause 30 min", days: "lun. 07/12, mar. 08/12" },
      { hours: "07:30-14:30", days: "mer. 09/12" },
    ]);
    // 07:30 Paris is 05:30Z in summer, 06:30Z in winter: the same row.
    expect(
      shiftHoursRows([
        { startsAt: at("2026-10-23T05:30:00Z"), endsAt: at("2026-10-23T12:30:00Z"), breakMinutes: 0 },
        { startsAt: at("2026-10-26T06:30:00Z"), endsAt: at("2026-10-26T13:30:00Z"), breakMinutes: 0 },
      ]),
    ).toEqual([{ hours: "07:30-14:30", days: "ven. 23/10, lun. 26/10" }]);
    // A shift ending at midnight ends the next day; none: no row.
    expect(shiftHoursRows([{ startsAt: at("2026-12-07T17:00:00Z"), endsAt: at("2026-12-07T23:00:00Z"), breakMinutes: 0 }])).toEqual([
      { hours: "18:00-00:00 (fin le lendemain)", days: "lun. 07/12" },
    ]);
    expect(shiftHoursRows([])).toEqual([]);
  });

  it("the issued data round-trips through JSON with its dates", () => {
    const data = {
      number: "1",
      startDate: new Date("2026-12-07T00:00:00.000Z"),
      issuedOn: new Date("2026-12-04T10:11:12.345Z"),
      worker: { firstName: "A", lastName: "B", birthDate: new Date("1990-01-02T00:00:00.000Z") },
      shifts: [{ startsAt: new Date("2026-12-07T20:00:00.000Z"), endsAt: new Date("2026-12-08T06:00:00.000Z"), breakMinutes: 0 }],
      reference: "2026-12-07", // a plain day string stays a string
      signature: { name: "x", signedAt: "y", phoneMasked: "z" },
    } as unknown as ContractPdfData;
    const back = pdfDataFromJson(pdfDataToJson(data))!;
    expect(back.startDate).toEqual(data.startDate);
    expect(back.issuedOn).toEqual(data.issuedOn);
    expect(back.worker.birthDate).toEqual(data.worker.birthDate);
    expect(back.shifts![0].endsAt).toEqual(data.shifts![0].endsAt);
    expect(back.reference).toBe("2026-12-07");
    expect(back.signature).toBeUndefined();
    expect(pdfDataFromJson(null)).toBeNull();
  });
});

describe.each(engines)("sealed contracts on $name", ({ open }) => {
  let tdb: TestDb;
  let prisma: PrismaClient;
  let staff: StaffUser;
  let otherStaff: StaffUser;
  let ids: { agencyId: string; clientId: string; siteId: string; qualificationId: string; workerId: string; userId: string };
  let counter = 0;
  const storageDir = path.join(tmp, "storage");
  const signer = () => ({ id: ids.userId, workerId: ids.workerId, email: "marie@seal.example.fr", firstName: "Marie", lastName: "Dupont" });

  beforeAll(async () => {
    vi.stubEnv("STORAGE_DIR", storageDir);
    vi.stubEnv("APP_URL", "http://localhost:3600");
    tdb = await open();
    prisma = tdb.prisma;
    holder.__espacePrisma = prisma;
    const agency = await prisma.agency.create({ data: { code: "SEALAG", name: "Agence Cachet", city: "Toulouse" } });
    const other = await prisma.agency.create({ data: { code: "OTHER", name: "Autre agence" } });
    const mk = async (email: string, agencyId: string) =>
      prisma.user.create({
        data: { email, role: "STAFF", firstName: "Paul", lastName: "Agent", staffMemberships: { create: { agencyId } } },
      });
    const s1 = await mk("staff@seal.example.fr", agency.id);
    const s2 = await mk("other@seal.example.fr", other.id);
    const asStaff = (u: { id: string; email: string }, agencyId: string): StaffUser => ({
      id: u.id,
      sessionId: "s",
      email: u.email,
      role: "STAFF",
      firstName: "Paul",
      lastName: "Agent",
      agencyIds: [agencyId],
    });
    staff = asStaff(s1, agency.id);
    otherStaff = asStaff(s2, other.id);
    const workerUser = await prisma.user.create({
      data: {
        email: "marie@seal.example.fr",
        role: "WORKER",
        firstName: "Marie",
        lastName: "Dupont",
        workerProfile: { create: { phone: "+33612345608", agencies: { create: { agencyId: agency.id, workerNumber: "1001" } } } },
      },
      include: { workerProfile: true },
    });
    const client = await prisma.client.create({ data: { agencyId: agency.id, name: "CLIENT CACHET" } });
    const site = await prisma.clientSite.create({
      data: { clientId: client.id, name: "Site", address: "1 rue A", postalCode: "31000", city: "Toulouse" },
    });
    const qualification = await prisma.qualification.create({ data: { code: "SEAL1", label: "AGENT DE SERVICE" } });
    // Held through a validated diploma: without it, no contract in this qualification is issued.
    const diploma = await prisma.diploma.create({
      data: {
        workerId: workerUser.workerProfile!.id,
        name: "Diplôme d'agent de service",
        obtainedOn: new Date("2020-06-30"),
        status: "APPROVED",
      },
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
      userId: workerUser.id,
    };
  }, 120_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    vi.unstubAllEnvs();
    await tdb?.cleanup();
  });
  beforeEach(() => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });

  async function draft() {
    counter += 1;
    const day = new Date(Date.UTC(2027, 1, counter));
    return prisma.contract.create({
      data: {
        number: `9${String(counter).padStart(4, "0")}`,
        reference: "RENFORT",
        agencyId: ids.agencyId,
        workerId: ids.workerId,
        clientId: ids.clientId,
        siteId: ids.siteId,
        qualificationId: ids.qualificationId,
        startDate: day,
        endDate: day,
        hoursLabel: "21:00-07:00 00:00-00:00",
        hourlyRateCents: 1250,
        recourseReason: "Accroissement temporaire d'activité",
        recourseCase: "ACTIVITY_INCREASE",
        shifts: {
          create: { startsAt: new Date(day.getTime() + 7 * 3_600_000), endsAt: new Date(day.getTime() + 11 * 3_600_000), breakMinutes: 0 },
        },
      },
    });
  }
  const stored = async (documentId: string) => {
    const d = await prisma.document.findUniqueOrThrow({ where: { id: documentId } });
    return readFileSync(path.join(storageDir, d.storageKey));
  };

  it("issue and sign: both PDFs sealed and valid for pdfsig, the signed one with the mention, the shifts and 'page 1 / 2'", async () => {
    const c = await draft();
    expect((await issueContractForSignature(staff, c.id, c.version)).ok).toBe(true);
    const issuedRow = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(issuedRow.issuedPdfData).toBeTruthy();
    const issued = await stored(issuedRow.issuedDocumentId!);
    expect(sha(issued)).toBe(issuedRow.issuedSha256);
    const sig1 = tool("pdfsig", issued);
    expect(sig1).toContain("Signature is Valid.");
    expect(sig1).toContain("Total document signed");
    const event = await prisma.auditLog.findFirst({ where: { action: "contract.document_issued", entityId: c.id } });
    expect(event?.details).toMatchObject({ documentSha256: issuedRow.issuedSha256, version: issuedRow.version });
    expect(tool("pdftotext", issued)).toContain("page 1 / 1");

    expect(await requestSignatureCode(c.id, signer())).toMatchObject({ ok: true });
    expect(await confirmSignature(c.id, "000000", signer())).toMatchObject({ ok: false });
    expect(await confirmSignature(c.id, "271828", signer())).toMatchObject({ ok: true });
    const signedRow = await prisma.contract.findUniqueOrThrow({ where: { id: c.id }, include: { signedDocument: true } });
    expect(signedRow.signedDocument!.contractId).toBe(c.id);
    const signed = await stored(signedRow.signedDocumentId!);
    const sig2 = tool("pdfsig", signed);
    expect(sig2).toContain("Signature is Valid.");
    expect(sig2).toContain("Total document signed");
    expect(sig2).toContain("Signature Type: ETSI.CAdES.detached");
    const text = tool("pdftotext", signed);
    expect(text).toMatch(/Signé électroniquement par Marie DUPONT, le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
    expect(text).toContain("code SMS envoyé au 06 •• •• •• 08");
    expect(text).toContain("page 1 / 2");
    expect(text).toContain("page 2 / 2");
    expect(text).toContain("08:00-12:00");
    expect(text).not.toContain("00:00-00:00");
    expect(text).toContain("Empreinte SHA-256 du certificat");
    // The signature dictionary names the reason and the place.
    expect(signed.toString("latin1")).toContain("/Location (Toulouse, France)");

    // The public check: the signed file, the issued one, an unknown one.
    const bySigned = await checkContractDocument(sha(signed));
    expect(bySigned).toMatchObject({
      found: true,
      kind: "signed",
      number: c.number,
      agency: "Agence Cachet",
      workerInitials: "M. D.",
      status: "signed",
    });
    expect(JSON.stringify(bySigned)).not.toMatch(/Marie|Dupont|RENFORT|\+336/);
    expect(await checkContractDocument(sha(issued))).toMatchObject({ found: true, kind: "issued", status: "signed" });
    const tampered = Buffer.from(signed);
    tampered[100] ^= 1;
    expect(await checkContractDocument(sha(tampered))).toEqual({ found: false });

    // The evidence: the events with full hashes, for the contract's agency only.
    expect(await contractEvidence(otherStaff, c.id)).toBeNull();
    const evidence = (await contractEvidence(staff, c.id))!;
    const labels = evidence.events.map((e) => e.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Contrat émis",
        "Document du contrat émis et scellé",
        "Code de signature envoyé",
        "Échec de signature",
        "Contrat signé",
      ]),
    );
    expect(evidence.events.flatMap((e) => e.lines).join("\n")).toContain(issuedRow.issuedSha256!);
    expect(evidence.documents.map((d) => d.sha256)).toEqual([issuedRow.issuedSha256, sha(signed)]);
    expect(evidence.signatures[0]).toMatchObject({ phoneMasked: "06 •• •• •• 08", documentSha256: issuedRow.issuedSha256 });
    expect(await buildContractEvidencePdf({ userId: otherStaff.id, agencyIds: otherStaff.agencyIds }, c.id)).toBeNull();
    const file = (await buildContractEvidencePdf({ userId: staff.id, agencyIds: staff.agencyIds }, c.id))!;
    expect(tool("pdfsig", file.bytes)).toContain("Signature is Valid.");
    const evText = tool("pdftotext", file.bytes).replace(/\s+/g, "");
    expect(evText).toContain(sha(signed));
    expect(await prisma.auditLog.count({ where: { action: "contract.evidence_downloaded", entityId: c.id, actorId: staff.id } })).toBe(1);
  });

  it("the public check action: a malformed hash refused next to the field, unknown answered, 20 checks per 10 minutes", async () => {
    await prisma.rateLimit.deleteMany({});
    const form = (value: string) => {
      const f = new FormData();
      f.set("sha256", value);
      return f;
    };
    expect(await verifyDocument(null, form("abc"))).toMatchObject({
      ok: false,
      fieldErrors: { sha256: expect.stringContaining("64 caractères") },
    });
    expect(await verifyDocument(null, form("f".repeat(64)))).toEqual({
      ok: true,
      data: { found: false },
      message: "Ce document ne correspond à aucun contrat émis.",
    });
    for (let i = 2; i <= 20; i++) expect((await verifyDocument(null, form("e".repeat(64)))).ok).toBe(true);
    expect(await verifyDocument(null, form("e".repeat(64)))).toMatchObject({
      ok: false,
      message: expect.stringContaining("Trop de vérifications"),
    });
    await prisma.rateLimit.deleteMany({});
  });

  it("a re-issue after a change: the old issued document is 'replaced', each issue is an event with its hash", async () => {
    const c = await draft();
    expect((await issueContractForSignature(staff, c.id, c.version)).ok).toBe(true);
    const first = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    const changed = await updateContractTerms(staff, c.id, first.version, {
      reference: "RENFORT 2",
      startDate: first.startDate,
      endDate: first.endDate,
      hoursLabel: first.hoursLabel,
      detail: null,
      hourlyRateCents: 1300,
      weeklyHours: null,
      recourseReason: first.recourseReason ?? "Accroissement temporaire d'activité",
      recourseCase: first.recourseCase ?? "ACTIVITY_INCREASE",
      replacedName: first.replacedName,
      replacedPosition: first.replacedPosition,
      qualificationId: ids.qualificationId,
    });
    expect(changed.ok).toBe(true);
    const second = await prisma.contract.findUniqueOrThrow({ where: { id: c.id } });
    expect(second.issuedSha256).not.toBe(first.issuedSha256);
    expect(await checkContractDocument(first.issuedSha256!)).toMatchObject({ found: true, kind: "issued", status: "replaced" });
    expect(await checkContractDocument(second.issuedSha256!)).toMatchObject({ found: true, kind: "issued", status: "awaiting" });
    const issues = await prisma.auditLog.findMany({ where: { action: "contract.document_issued", entityId: c.id } });
    expect(issues.map((e) => (e.details as { documentSha256: string }).documentSha256).sort()).toEqual(
      [first.issuedSha256, second.issuedSha256].sort(),
    );
  });

  it("a contract signed before the seal (no contractId on its documents): found by hash, evidence still built", async () => {
    const c = await draft();
    const issuedHash = "1".repeat(64);
    const signedHash = "2".repeat(64);
    const mkDoc = (kind: "CONTRACT_ISSUED" | "CONTRACT_SIGNED", hash: string, number: string) =>
      prisma.document.create({
        data: {
          kind,
          workerId: ids.workerId,
          agencyId: ids.agencyId,
          storageKey: `legacy-${hash}`,
          fileName: "x.pdf",
          mimeType: "application/pdf",
          sizeBytes: 1,
          sha256: hash,
          number,
        },
      });
    const issuedDoc = await mkDoc("CONTRACT_ISSUED", issuedHash, `${c.number}-abcdefabcdef`);
    const signedDoc = await mkDoc("CONTRACT_SIGNED", signedHash, `${c.number}-v1`);
    await prisma.contract.update({
      where: { id: c.id },
      data: {
        state: "SIGNED",
        issuedAt: new Date(),
        issuedDocumentId: issuedDoc.id,
        issuedSha256: issuedHash,
        signedDocumentId: signedDoc.id,
        signedAt: new Date(),
      },
    });
    expect(await checkContractDocument(signedHash)).toMatchObject({ found: true, kind: "signed", number: c.number, signedAt: null });
    await prisma.signature.create({
      data: {
        contractId: c.id,
        userId: ids.userId,
        contractVersion: 1,
        documentSha256: issuedHash,
        signedDocumentSha256: signedHash,
        phoneMasked: "06 •• •• •• 08",
      },
    });
    expect(await checkContractDocument(signedHash)).toMatchObject({
      found: true,
      kind: "signed",
      status: "signed",
      signedAt: expect.any(Date),
    });
    expect(await checkContractDocument(issuedHash)).toMatchObject({ found: true, kind: "issued", status: "signed" });
    const evidence = (await contractEvidence(staff, c.id))!;
    expect(evidence.documents.map((d) => d.sha256).sort()).toEqual([issuedHash, signedHash]);
    expect(evidence.signatures).toHaveLength(1);
  });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));
