// The email provider down or slow, on the real code paths (a seeded database,
// PGlite and PostgreSQL; Resend pointed at a local fake server that answers
// 500 or never answers; this process's delivery worker running): requests
// commit and answer without waiting on the provider, the messages wait in the
// outbox, and once the provider is back each is delivered exactly once.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import { startFakeProviders, type FakeProviders } from "./messaging-fake-providers";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import { DEMO_STAFF_EMAIL } from "@/prisma/seed/data";
import type { Result } from "@/lib/result";
import { seedWithFixtures } from "../helpers/seed";

const session = vi.hoisted(() => ({ staff: null as null | { id: string; agencyIds: string[] } }));
vi.mock("@/lib/auth/session", () => ({
  requireStaff: async () => session.staff,
  requireWorker: async () => {
    throw new Error("no worker in these tests");
  },
  requireClient: async () => {
    throw new Error("no client in these tests");
  },
  getCaller: async () => session.staff && { ...session.staff, role: "STAFF" },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// The auth actions' framework edges: after() runs the task once the answer is built.
const deferred = vi.hoisted(() => ({ tasks: [] as Promise<unknown>[] }));
vi.mock("next/server", () => ({ after: (task: () => Promise<unknown>) => void deferred.tasks.push(task()) }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));

const { decideAdvances } = await import("@/lib/advances/staff-actions");
const { POST: publishSingle } = await import("@/app/api/admin/documents/single/route");
const { requestPasswordReset } = await import("@/lib/auth/actions");
const { deliverDueMessages, startOutboxWorker } = await import("@/lib/messaging/worker");

const engines = await testEngines("provdown");
const holder = globalThis as unknown as {
  __espacePrisma?: PrismaClient;
  __espaceOutboxWorker?: { timer: NodeJS.Timeout | null; running: boolean };
};

/** Stops this instance's worker once its current pass is over (a hanging send is cut first). */
async function stopWorker(fake: FakeProviders) {
  const state = holder.__espaceOutboxWorker;
  if (state?.timer) clearInterval(state.timer);
  fake.reset();
  await vi.waitFor(() => expect(state?.running ?? false).toBe(false), { timeout: 15_000, interval: 50 });
  delete holder.__espaceOutboxWorker;
}

const pdf = Buffer.from("%PDF-1.4\n% bulletin\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const DAY = 86_400_000;

describe.each(engines)("provider down or slow on $name", ({ open }) => {
  let dir = "";
  let tdb: TestDb;
  let prisma: PrismaClient;
  let fake: FakeProviders;
  let agencyId: string;
  let staffId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "provdown-"));
    tdb = await open();
    prisma = tdb.prisma;
    await seedWithFixtures(prisma, { storage: localStorage(path.join(dir, "storage")), log: () => {}, issuedContractPdfs: false });
    holder.__espacePrisma = prisma;
    fake = await startFakeProviders();
    const staff = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_STAFF_EMAIL }, include: { staffMemberships: true } });
    staffId = staff.id;
    session.staff = { id: staff.id, agencyIds: staff.staffMemberships.map((m) => m.agencyId) };
    agencyId = (await prisma.agency.findUniqueOrThrow({ where: { code: "MEDIMP" } })).id;
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await fake?.close();
    await tdb?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await prisma.outboxMessage.deleteMany(); // the seed's, and the previous test's
    fake.reset();
    vi.stubEnv("STORAGE_DIR", path.join(dir, "storage"));
    vi.stubEnv("APP_URL", "http://localhost:3200");
    vi.stubEnv("RESEND_API_KEY", "re_test_down");
    vi.stubEnv("RESEND_BASE_URL", fake.baseUrl);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    startOutboxWorker(); // this instance's worker, woken after each commit
  });

  afterEach(async () => {
    await stopWorker(fake);
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  async function newWorker(tag: string) {
    const numbers = await prisma.workerAgency.findMany({ where: { agencyId }, select: { workerNumber: true } });
    const number = String(numbers.reduce((max, n) => Math.max(max, Number.parseInt(n.workerNumber, 10) || 0), 1000) + 1);
    const user = await prisma.user.create({
      data: {
        email: `${tag}@down.example.fr`,
        role: "WORKER",
        firstName: tag,
        lastName: "DOWN",
        workerProfile: { create: { phone: "+33612340001", agencies: { create: { agencyId, workerNumber: number } } } },
      },
      include: { workerProfile: true },
    });
    return { ...user, number };
  }

  /** The worker's pass after the commit has tried (and failed) every message of these users. */
  async function settled(userIds: string[], attempts: number) {
    await vi.waitFor(
      async () => {
        const rows = await prisma.outboxMessage.findMany({ where: { userId: { in: userIds } } });
        expect(rows).toHaveLength(attempts);
        for (const r of rows) expect(r).toMatchObject({ status: "OUTBOX", attempts: 1, lockedUntil: null });
      },
      { timeout: 15_000, interval: 100 },
    );
  }

  it("batch accept of 3 advances with the provider answering 500: all 3 accepted and audited, answer OK; provider back, each delivered once", async () => {
    const workers = [await newWorker("avance1"), await newWorker("avance2"), await newWorker("avance3")];
    const payDate = new Date("2026-12-16");
    const advances = [];
    for (const w of workers) {
      advances.push(
        await prisma.advanceRequest.create({
          data: {
            workerId: w.workerProfile!.id,
            agencyId,
            amountCents: 15_000,
            payDate,
            openKey: `${w.workerProfile!.id}:${agencyId}:2026-12-16`,
          },
        }),
      );
    }
    for (let i = 0; i < 10; i++) fake.failNext({ status: 500, body: JSON.stringify({ message: "Internal server error" }) });
    const form = new FormData();
    form.set("decision", "accept");
    // New workers without validated hours: above the available amount, so staff confirm.
    form.set("confirmOverCap", "1");
    for (const a of advances) form.append("sel", `${a.id}:${a.version}`);

    const answer: Result = await decideAdvances(null, form);

    expect(answer).toEqual({ ok: true, message: "3 demandes acceptées." });
    const rows = await prisma.advanceRequest.findMany({ where: { id: { in: advances.map((a) => a.id) } } });
    expect(rows.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(await prisma.auditLog.count({ where: { action: "advance.accepted", entityId: { in: advances.map((a) => a.id) } } })).toBe(3);
    const userIds = workers.map((w) => w.id);
    await settled(userIds, 3); // the worker tried each once: 500, kept for a retry
    expect(fake.requests.filter((r) => r.path === "/emails")).toHaveLength(3);
    const failed = await prisma.outboxMessage.findMany({ where: { userId: { in: userIds } } });
    expect(failed.every((m) => m.error?.includes("500"))).toBe(true);
    // Each try carried Resend's Idempotency-Key: the outbox row's id.
    const keyOf = (r: (typeof fake.requests)[number]) => [(r.json as { to: string }).to, r.headers["idempotency-key"]];
    const firstKeys = Object.fromEntries(fake.requests.map(keyOf));
    expect(new Set(Object.values(firstKeys))).toEqual(new Set(failed.map((m) => m.id)));

    // The provider is back; the next passes (after the backoff) deliver each once.
    fake.reset();
    const later = new Date(Date.now() + DAY);
    expect(await deliverDueMessages({ now: later })).toMatchObject({ sent: 3, retried: 0, failed: 0 });
    expect(await deliverDueMessages({ now: new Date(later.getTime() + DAY) })).toMatchObject({ claimed: 0 });
    expect(fake.requests).toHaveLength(3);
    expect(new Set(fake.requests.map((r) => (r.json as { to: string }).to))).toEqual(new Set(workers.map((w) => w.email)));
    // The retry of each row sent the same key as its first try, so Resend cannot send it twice.
    expect(Object.fromEntries(fake.requests.map(keyOf))).toEqual(firstKeys);
    const sent = await prisma.outboxMessage.findMany({ where: { userId: { in: userIds } } });
    expect(sent.map((m) => m.status)).toEqual(["SENT", "SENT", "SENT"]);
  });

  it("single payslip publish with the provider not answering: stored, reported as published, its email pending", async () => {
    const w = await newWorker("bulletin");
    fake.failNext("hang");
    const form = new FormData();
    form.set("agencyId", agencyId);
    form.set("kind", "PAYSLIP");
    form.set("workerNumber", w.number);
    form.set("month", "2026-10");
    form.set("file", new File([pdf], "bulletin.pdf", { type: "application/pdf" }));
    const started = Date.now();

    const response = await publishSingle(new Request("http://localhost:3200/api/admin/documents/single", { method: "POST", body: form }));

    expect(Date.now() - started).toBeLessThan(5_000); // not waiting on the provider
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      message: `Document publié pour ${w.firstName} DOWN (n° ${w.number}). Un e-mail l'en a informé.`,
    });
    const docs = await prisma.document.findMany({ where: { workerId: w.workerProfile!.id } });
    expect(docs).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { action: "document.published", entityId: docs[0].id, actorId: staffId } })).toBe(1);
    const [message] = await prisma.outboxMessage.findMany({ where: { userId: w.id } });
    expect(message).toMatchObject({ status: "OUTBOX", subject: "Nouveau bulletin de salaire" });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1), { timeout: 5_000 }); // the worker's send hangs meanwhile
  });

  it("password reset with the provider down: the same answer for an existing and an unknown address, nothing thrown, the email pending", async () => {
    const w = await newWorker("oubli");
    for (let i = 0; i < 5; i++) fake.failNext({ status: 500, body: "{}" });
    const ask = async (email: string) => {
      deferred.tasks = [];
      const form = new FormData();
      form.set("email", email);
      const answer = await requestPasswordReset(null, form);
      const after = await Promise.allSettled(deferred.tasks);
      return { answer, after: after.map((a) => a.status) };
    };

    const known = await ask(w.email);
    const unknown = await ask("personne@down.example.fr");

    expect(known).toEqual(unknown);
    expect(known.answer).toMatchObject({ ok: true, message: expect.stringMatching(/^Si un compte existe pour cette adresse/) });
    expect(known.after).toEqual(["fulfilled"]);
    await settled([w.id], 1);
    expect(await prisma.authToken.count({ where: { userId: w.id, kind: "PASSWORD_RESET" } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { to: "personne@down.example.fr" } })).toBe(0);
    fake.reset();
    expect(await deliverDueMessages({ now: new Date(Date.now() + DAY) })).toMatchObject({ sent: 1 });
    expect((fake.requests[0].json as { subject: string }).subject).toBe("Réinitialisation de votre mot de passe");
  });
});
