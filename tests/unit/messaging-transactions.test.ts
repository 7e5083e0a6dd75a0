// Every message commits in its caller's transaction, on a real seeded
// database (PGlite, and PostgreSQL when a server answers). For each path a
// crash right after the message row is written (inside the transaction, before
// the commit) leaves neither the change nor the message; a committed call
// leaves exactly one message, even when called again or in parallel.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import JSZip from "jszip";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import { DEMO_STAFF_EMAIL } from "@/prisma/seed/data";
import type { StaffUser, WorkerUser } from "@/lib/auth/session";
import { seedWithFixtures } from "../helpers/seed";

// The crash: armed, the next message row written (any path) throws right
// after it is written, inside the caller's transaction.
const crash = vi.hoisted(() => ({ after: 0, calls: 0 }));
vi.mock("@/lib/messaging/outbox", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/messaging/outbox")>();
  return {
    ...real,
    enqueueMessage: async (...args: Parameters<typeof real.enqueueMessage>) => {
      const record = await real.enqueueMessage(...args);
      if (crash.after > 0 && ++crash.calls >= crash.after) {
        crash.after = 0;
        throw new Error("crash after the message was written");
      }
      return record;
    },
  };
});
/** The n-th message row written from now on throws (1: the next one). */
function crashAfterMessage(n = 1) {
  crash.after = n;
  crash.calls = 0;
}

// The signed-in user of the server actions.
const session = vi.hoisted(() => ({ staff: null as unknown, worker: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  requireStaff: async () => session.staff,
  requireWorker: async () => session.worker,
  requireClient: async () => {
    throw new Error("no client in these tests");
  },
  getSessionUser: async () => session.staff ?? session.worker,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// A known signature code.
vi.mock("@/lib/contracts/rules", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/contracts/rules")>()),
  generateCode: () => "482913",
}));

const { approveChange, refuseChange, valueToken } = await import("@/lib/profile/service");
const { issueContractForSignature } = await import("@/lib/contracts/issue-contract");
const { updateContractTerms } = await import("@/lib/contracts/update-contract-terms");
const { sendOffers, closeNeed, needForStaff } = await import("@/lib/ciblage/service");
const { matchingPage } = await import("@/lib/ciblage/matching");
const { requestPasswordResetFor, registerWorker } = await import("@/lib/auth/accounts");
const { inviteWorker } = await import("@/lib/backoffice/workers");
const { requestSignatureCode } = await import("@/lib/contracts/request-signature-code");
const { confirmSignature } = await import("@/lib/contracts/confirm-signature");
const { requestNewDocument } = await import("@/lib/documents/request-actions");
const { publishDocument } = await import("@/lib/documents/publish");
const { previewZip, publishZip } = await import("@/lib/documents/bulk");

const engines = await testEngines("msgtx");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

const pdf = (marker: string) => Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

describe.each(engines)("messages in the caller's transaction on $name", ({ open }) => {
  let dir = "";
  let tdb: TestDb;
  let prisma: PrismaClient;
  let staff: StaffUser;
  let agencyId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "msgtx-"));
    vi.stubEnv("STORAGE_DIR", path.join(dir, "storage"));
    vi.stubEnv("APP_URL", "http://localhost:3200");
    tdb = await open();
    prisma = tdb.prisma;
    await seedWithFixtures(prisma, { storage: localStorage(path.join(dir, "storage")), log: () => {}, issuedContractPdfs: false });
    holder.__espacePrisma = prisma; // lib/db's client for the services
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_STAFF_EMAIL }, include: { staffMemberships: true } });
    staff = {
      id: user.id,
      sessionId: "s",
      email: user.email,
      role: "STAFF",
      firstName: user.firstName,
      lastName: user.lastName,
      agencyIds: user.staffMemberships.map((m) => m.agencyId),
    };
    agencyId = (await prisma.agency.findUniqueOrThrow({ where: { code: "MEDIMP" } })).id;
    expect(staff.agencyIds).toContain(agencyId);
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    vi.unstubAllEnvs();
    await tdb?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    crash.after = 0;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const messages = (prefix: string) =>
    prisma.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: prefix } },
      select: { dedupeKey: true, to: true, subject: true, status: true },
    });
  const audits = (action: string, entityId: string) => prisma.auditLog.count({ where: { action, entityId } });

  async function worker(email: string): Promise<WorkerUser> {
    const u = await prisma.user.findUniqueOrThrow({ where: { email }, include: { workerProfile: true } });
    return {
      id: u.id,
      sessionId: "s",
      email: u.email,
      role: "WORKER",
      firstName: u.firstName,
      lastName: u.lastName,
      workerId: u.workerProfile!.id,
    };
  }

  /** A worker of MEDIMP with the next free number (sign-up and invitation take the next one too). */
  async function newWorker(tag: string) {
    const numbers = await prisma.workerAgency.findMany({ where: { agencyId }, select: { workerNumber: true } });
    const number = String(numbers.reduce((max, n) => Math.max(max, Number.parseInt(n.workerNumber, 10) || 0), 1000) + 1);
    return prisma.user.create({
      data: {
        email: `${tag}@tx.example.fr`,
        role: "WORKER",
        firstName: tag,
        lastName: "TX",
        workerProfile: { create: { phone: "+33612340000", agencies: { create: { agencyId, workerNumber: number } } } },
      },
      include: { workerProfile: true },
    });
  }

  it("profile decision: a crash leaves the change pending and no email; approved once, emailed once", async () => {
    const w = await newWorker("fiche");
    const change = await prisma.profileChange.create({
      data: { workerId: w.workerProfile!.id, field: "mobilityKm", newValue: "35", pendingKey: `${w.workerProfile!.id}:mobilityKm` },
    });
    crashAfterMessage();
    await expect(approveChange(staff, change.id, valueToken("35"))).rejects.toThrow(/crash/);
    expect((await prisma.profileChange.findUniqueOrThrow({ where: { id: change.id } })).status).toBe("PENDING");
    expect((await prisma.workerProfile.findUniqueOrThrow({ where: { id: w.workerProfile!.id } })).mobilityKm).not.toBe(35);
    expect(await audits("profile.change_approved", change.id)).toBe(0);
    expect(await messages(`profile-decided:${change.id}`)).toEqual([]);

    const results = await Promise.all([
      approveChange(staff, change.id, valueToken("35")),
      approveChange(staff, change.id, valueToken("35")),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await prisma.workerProfile.findUniqueOrThrow({ where: { id: w.workerProfile!.id } })).mobilityKm).toBe(35);
    expect(await audits("profile.change_approved", change.id)).toBe(1);
    expect(await messages(`profile-decided:${change.id}`)).toMatchObject([{ to: w.email, subject: "Modification de votre fiche validée" }]);

    const refused = await prisma.profileChange.create({
      data: { workerId: w.workerProfile!.id, field: "mobilityKm", newValue: "50", pendingKey: `${w.workerProfile!.id}:mobilityKm` },
    });
    crashAfterMessage();
    await expect(refuseChange(staff, refused.id, "Trop loin")).rejects.toThrow(/crash/);
    expect((await prisma.profileChange.findUniqueOrThrow({ where: { id: refused.id } })).status).toBe("PENDING");
    expect(await audits("profile.change_refused", refused.id)).toBe(0);
    expect(await messages(`profile-decided:${refused.id}`)).toEqual([]);
    expect((await refuseChange(staff, refused.id, "Trop loin")).ok).toBe(true);
    expect((await refuseChange(staff, refused.id, "Trop loin")).ok).toBe(false);
    expect(await messages(`profile-decided:${refused.id}`)).toHaveLength(1);
    expect(await audits("profile.change_refused", refused.id)).toBe(1);
  });

  describe("contracts", () => {
    let contractId = "";
    let workerEmail = "";

    it("issue: a crash leaves the draft and no email; issued once, one 'Nouveau contrat'", async () => {
      const draft = await prisma.contract.findFirstOrThrow({
        where: {
          state: "DRAFT",
          agencyId: { in: staff.agencyIds },
          hourlyRateCents: { gt: 0 },
          shifts: { some: { kind: "WORK" } },
          worker: { phone: { not: null } },
        },
        include: { worker: { include: { user: true } } },
      });
      contractId = draft.id;
      workerEmail = draft.worker.user.email;
      crashAfterMessage();
      expect(await issueContractForSignature(staff, draft.id, draft.version).catch((e: Error) => e.message)).toMatch(/crash/);
      const after = await prisma.contract.findUniqueOrThrow({ where: { id: draft.id } });
      expect(after).toMatchObject({ state: "DRAFT", version: draft.version, issuedSha256: null });
      expect(await audits("contract.issued", draft.id)).toBe(0);
      expect(await messages(`contract-issued:${draft.id}`)).toEqual([]);

      const results = await Promise.all([
        issueContractForSignature(staff, draft.id, draft.version),
        issueContractForSignature(staff, draft.id, draft.version),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await audits("contract.issued", draft.id)).toBe(1);
      expect(await messages(`contract-issued:${draft.id}`)).toMatchObject([{ to: workerEmail, subject: "Nouveau contrat" }]);
    });

    it("date change of an issued contract: a crash changes nothing; committed, one email for that version", async () => {
      const c = await prisma.contract.findUniqueOrThrow({ where: { id: contractId } });
      expect(c.state).toBe("AWAITING_SIGNATURE");
      const terms = {
        reference: c.reference,
        startDate: c.startDate,
        endDate: c.endDate,
        hoursLabel: `${c.hoursLabel} (modifié)`,
        hourlyRateCents: c.hourlyRateCents,
        recourseCase: c.recourseCase,
        replacedName: c.replacedName,
        replacedPosition: c.replacedPosition,
        recourseReason: c.recourseReason,
        detail: c.detail,
        weeklyHours: c.weeklyHours,
        qualificationId: c.qualificationId,
      };
      crashAfterMessage();
      expect(await updateContractTerms(staff, c.id, c.version, terms).catch((e: Error) => e.message)).toMatch(/crash/);
      expect(await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
        version: c.version,
        hoursLabel: c.hoursLabel,
        issuedSha256: c.issuedSha256,
      });
      expect(await audits("contract.updated", c.id)).toBe(0);
      expect(await messages(`contract-changed:${c.id}`)).toEqual([]);

      const results = await Promise.all([
        updateContractTerms(staff, c.id, c.version, terms),
        updateContractTerms(staff, c.id, c.version, terms),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await audits("contract.updated", c.id)).toBe(1);
      expect(await messages(`contract-changed:${c.id}`)).toMatchObject([
        { dedupeKey: `contract-changed:${c.id}:v${c.version + 1}`, to: workerEmail },
      ]);
    });

    it("signature: a crash keeps the contract to sign and the code usable; signed once, one confirmation", async () => {
      const c = await prisma.contract.findUniqueOrThrow({ where: { id: contractId }, include: { worker: { include: { user: true } } } });
      const signer = {
        id: c.worker.user.id,
        workerId: c.workerId,
        email: c.worker.user.email,
        firstName: c.worker.user.firstName,
        lastName: c.worker.user.lastName,
      };
      expect((await requestSignatureCode(c.id, signer)).ok).toBe(true);
      crashAfterMessage();
      expect((await confirmSignature(c.id, "482913", signer)).ok).toBe(false);
      expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("AWAITING_SIGNATURE");
      expect(await audits("contract.signed", c.id)).toBe(0);
      expect(await messages(`contract-signed:${c.id}`)).toEqual([]);

      const results = await Promise.all([confirmSignature(c.id, "482913", signer), confirmSignature(c.id, "482913", signer)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect((await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("SIGNED");
      expect(await audits("contract.signed", c.id)).toBe(1);
      expect(await messages(`contract-signed:${c.id}`)).toMatchObject([
        { dedupeKey: `contract-signed:${c.id}:v${c.version}`, subject: `Votre contrat n° ${c.number} est signé` },
      ]);
    });
  });

  it("ciblage: offers and closing commit with their emails; a second send or close emails no one again", async () => {
    // A need of its own, a year past any seeded contract or unavailability, so
    // that matching workers exist whatever day the suite runs on.
    const seeded = await prisma.missionNeed.findFirstOrThrow({
      where: { status: "OPEN", agencyId: { in: staff.agencyIds } },
      orderBy: { createdAt: "asc" },
    });
    const later = (d: Date) => new Date(d.getTime() + 400 * 86_400_000);
    const { id: _seededId, ...copy } = seeded;
    const row = await prisma.missionNeed.create({
      data: { ...copy, startDate: later(seeded.startDate), endDate: later(seeded.endDate), createdAt: new Date() },
    });
    const need = (await needForStaff(staff.agencyIds, row.id))!;
    const matches = (await matchingPage(need, { limits: { match: 5000, unknown: 0, excluded: 0 } })).rows.filter(
      (m) => m.status === "match",
    );
    expect(matches.length).toBeGreaterThan(0);
    // A matching worker not offered yet (their earlier offer, if any, removed).
    const chosen = matches[0].workerId;
    await prisma.missionOffer.deleteMany({ where: { needId: row.id, workerId: chosen } });
    crashAfterMessage();
    await expect(sendOffers(staff, row.id, [chosen])).rejects.toThrow(/crash/);
    expect(await prisma.missionOffer.count({ where: { needId: row.id, workerId: chosen } })).toBe(0);
    expect(await messages(`mission-offer:${row.id}:`)).toEqual([]);

    const sent = await Promise.all([sendOffers(staff, row.id, [chosen]), sendOffers(staff, row.id, [chosen])]);
    expect(sent.map((s) => (s?.ok ? s.data.count : -1)).sort()).toEqual([0, 1]);
    expect(await prisma.missionOffer.count({ where: { needId: row.id, workerId: chosen } })).toBe(1);
    expect(await messages(`mission-offer:${row.id}:`)).toMatchObject([
      { dedupeKey: `mission-offer:${row.id}:${chosen}`, subject: "Nouvelle proposition de mission" },
    ]);

    const closing = (await needForStaff(staff.agencyIds, row.id))!;
    const notRetained = closing.offers.filter((o) => !o.contractId).length;
    expect(notRetained).toBeGreaterThan(0);
    crashAfterMessage();
    await expect(closeNeed(staff, row.id, new Date())).rejects.toThrow(/crash/);
    expect((await prisma.missionNeed.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("OPEN");
    expect(await messages(`targeting-closed:${row.id}:`)).toEqual([]);
    expect(await audits("targeting.closed", row.id)).toBe(0);

    const closed = await Promise.all([closeNeed(staff, row.id, new Date()), closeNeed(staff, row.id, new Date())]);
    const notified = closed.map((c) => (c?.ok ? c.data.notified : -1));
    expect(Math.min(...notified)).toBe(0);
    const emails = await messages(`targeting-closed:${row.id}:`);
    expect(emails.length).toBe(Math.max(...notified));
    expect(emails.length).toBeGreaterThan(0);
    expect(await audits("targeting.closed", row.id)).toBe(1);
  });

  describe("account emails", () => {
    const run = async (work: (defer: (task: () => Promise<void>) => void) => unknown) => {
      const tasks: (() => Promise<void>)[] = [];
      await work((task) => tasks.push(task));
      for (const task of tasks) await task();
    };

    it("password reset: a crash leaves no usable link and no email; each request one token, one email, one audit", async () => {
      const w = await newWorker("reset");
      crashAfterMessage();
      await expect(run((defer) => requestPasswordResetFor(w.email, defer))).rejects.toThrow(/crash/);
      expect(await prisma.authToken.count({ where: { userId: w.id } })).toBe(0);
      expect(await prisma.outboxMessage.count({ where: { userId: w.id } })).toBe(0);
      expect(await prisma.auditLog.count({ where: { action: "auth.password_reset_requested", subjectUserId: w.id } })).toBe(0);

      await run((defer) => requestPasswordResetFor(w.email, defer));
      const tokens = await prisma.authToken.findMany({ where: { userId: w.id } });
      expect(tokens).toHaveLength(1);
      expect(await messages(`token:${tokens[0].id}`)).toMatchObject([{ to: w.email, subject: "Réinitialisation de votre mot de passe" }]);
      expect(await prisma.auditLog.count({ where: { action: "auth.password_reset_requested", subjectUserId: w.id } })).toBe(1);
    });

    it("sign-up: a crash leaves no account; one account, one confirmation email, one audit entry", async () => {
      const data = {
        firstName: "Inès",
        lastName: "Nouvelle",
        email: "signup@tx.example.fr",
        phone: "+33612349999",
        password: "Un-mot-de-passe-2026",
        agencyId,
      };
      crashAfterMessage();
      await expect(run((defer) => registerWorker(data, defer))).rejects.toThrow(/crash/);
      expect(await prisma.user.count({ where: { email: data.email } })).toBe(0);
      expect(await prisma.outboxMessage.count({ where: { to: data.email } })).toBe(0);

      await run((defer) => registerWorker(data, defer));
      const user = await prisma.user.findUniqueOrThrow({ where: { email: data.email } });
      expect(await prisma.auditLog.count({ where: { action: "auth.signup", subjectUserId: user.id } })).toBe(1);
      expect(await prisma.outboxMessage.findMany({ where: { to: data.email }, select: { subject: true } })).toEqual([
        { subject: "Confirmez votre adresse e-mail" },
      ]);
    });

    it("invitation: a crash leaves no account; one account, one invitation", async () => {
      const input = { agencyId, firstName: "Invité", lastName: "Tx", email: "invite@tx.example.fr", phone: null };
      crashAfterMessage();
      await expect(inviteWorker(staff, input)).rejects.toThrow(/crash/);
      expect(await prisma.user.count({ where: { email: input.email } })).toBe(0);
      expect(await prisma.outboxMessage.count({ where: { to: input.email } })).toBe(0);

      const results = await Promise.all([inviteWorker(staff, input), inviteWorker(staff, input)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const user = await prisma.user.findUniqueOrThrow({ where: { email: input.email } });
      expect(await prisma.auditLog.count({ where: { action: "worker.invited", subjectUserId: user.id } })).toBe(1);
      expect(await prisma.outboxMessage.count({ where: { to: input.email } })).toBe(1);
    });
  });

  it("document request: a crash leaves no request and no email to the front desk; one request, one email", async () => {
    const w = await newWorker("demande");
    session.worker = await worker(w.email);
    const form = () => {
      const f = new FormData();
      f.set("kind", "WORK_CERTIFICATE");
      f.set("message", "Fin de mission");
      return f;
    };
    crashAfterMessage();
    // The crash reaches the worker as the generic message; the log keeps it under the request id.
    const { logger } = await import("@/lib/log");
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const crashed = await requestNewDocument(null, form());
    expect(crashed).toMatchObject({ ok: false, message: expect.stringMatching(/^Une erreur est survenue\. Réessayez dans un instant\./) });
    const code = /code d'erreur : (\w+)\)$/.exec(crashed.ok ? "" : crashed.message)?.[1];
    expect(
      log.mock.calls.some((call) => {
        const line = call[0] as unknown as { source?: string; requestId?: string; err?: { message?: string } };
        return line.source === "action" && line.requestId === code && /crash/.test(String(line.err?.message));
      }),
    ).toBe(true);
    log.mockRestore();
    expect(await prisma.documentRequest.count({ where: { workerId: w.workerProfile!.id } })).toBe(0);
    expect(
      await prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "document-request:" }, text: { contains: w.email } } }),
    ).toBe(0);
    await prisma.rateLimit.deleteMany({ where: { key: { contains: w.workerProfile!.id } } });

    expect((await requestNewDocument(null, form())).ok).toBe(true);
    expect((await requestNewDocument(null, form())).ok).toBe(true); // "already in progress"
    const requests = await prisma.documentRequest.findMany({ where: { workerId: w.workerProfile!.id } });
    expect(requests).toHaveLength(1);
    expect(await audits("document.requested", requests[0].id)).toBe(1);
    expect(await messages(`document-request:${requests[0].id}:`)).toMatchObject([{ to: "accueil@coop-emploi.fr" }]);
  });

  it("single publish: a crash leaves no document and no email; published once, one email", async () => {
    const w = await newWorker("bulletin");
    const { workerNumber } = await prisma.workerAgency.findFirstOrThrow({ where: { workerId: w.workerProfile!.id } });
    const input = () => ({
      staff: { userId: staff.id, agencyIds: staff.agencyIds },
      agencyId,
      workerId: w.workerProfile!.id,
      kind: "PAYSLIP" as const,
      number: `${workerNumber}_20261031`,
      periodStart: new Date("2026-10-01"),
      periodEnd: new Date("2026-10-31"),
      source: Readable.from([pdf("oct")]),
    });
    crashAfterMessage();
    await expect(publishDocument(input())).rejects.toThrow(/crash/);
    expect(await prisma.document.count({ where: { workerId: w.workerProfile!.id } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { userId: w.id } })).toBe(0);

    const results = await Promise.all([publishDocument(input()), publishDocument(input())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.data?.code)).toEqual(["duplicate"]);
    const docs = await prisma.document.findMany({ where: { workerId: w.workerProfile!.id } });
    expect(docs).toHaveLength(1);
    expect(await audits("document.published", docs[0].id)).toBe(1);
    expect(await messages(`document-published:${docs[0].id}`)).toMatchObject([
      { subject: "Nouveau bulletin de salaire", status: "OUTBOX" },
    ]);
  });

  it("bulk publish of a zip for 20 workers: a crash after 8 then a re-run emails every worker exactly once", async () => {
    const workers = [];
    for (let i = 0; i < 20; i++) workers.push(await newWorker(`zip${i}`));
    const zip = new JSZip();
    for (const w of workers) {
      const { workerNumber: number } = await prisma.workerAgency.findFirstOrThrow({ where: { workerId: w.workerProfile!.id } });
      zip.file(`${number}_20261031.pdf`, pdf(`oct-${number}`));
      zip.file(`${number}_20261130.pdf`, pdf(`nov-${number}`));
    }
    const body = await zip.generateAsync({ type: "nodebuffer" });
    const context = { userId: staff.id, agencyIds: staff.agencyIds };
    const drain = async (events: AsyncGenerator<unknown>) => {
      const all = [];
      for await (const e of events) all.push(e as { type: string; published?: number; emails?: number });
      return all.at(-1)!;
    };
    const first = await previewZip(context, agencyId, Readable.from([body]));
    expect(first.rows.filter((r) => r.ok)).toHaveLength(40);
    crashAfterMessage(9); // 8 workers committed (2 payslips and 1 email each), the 9th crashes
    await expect(drain(publishZip(context, agencyId, first.uploadKey, "batch-1"))).rejects.toThrow(/crash/);
    const ids = workers.map((w) => w.workerProfile!.id);
    expect(await prisma.document.count({ where: { workerId: { in: ids } } })).toBe(16);
    expect(await prisma.outboxMessage.count({ where: { userId: { in: workers.map((w) => w.id) } } })).toBe(8);

    // Re-run of the same upload (it is kept until a run finishes).
    const finished = await drain(publishZip(context, agencyId, first.uploadKey, "batch-2"));
    expect(finished).toMatchObject({ type: "finished", published: 24, emails: 12 });
    expect(await prisma.document.count({ where: { workerId: { in: ids } } })).toBe(40);
    const rows = await prisma.outboxMessage.findMany({
      where: { userId: { in: workers.map((w) => w.id) } },
      select: { userId: true, subject: true },
    });
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(20);
    expect(rows.every((r) => r.subject === "Nouveaux bulletins de salaire")).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "document.published", subjectUserId: { in: workers.map((w) => w.id) } } })).toBe(
      40,
    );

    // Five parallel publishes of a new upload of the same zip: nothing more.
    const again = await previewZip(context, agencyId, Readable.from([body]));
    const runs = await Promise.all([1, 2, 3, 4, 5].map((n) => drain(publishZip(context, agencyId, again.uploadKey, `batch-p${n}`))));
    for (const t of runs) if (t.type === "finished") expect(t).toMatchObject({ published: 0, emails: 0 });
    expect(await prisma.outboxMessage.count({ where: { userId: { in: workers.map((w) => w.id) } } })).toBe(20);
  });
});
