// Audit events commit with the change they record, on a real seeded database
// (PGlite, and PostgreSQL when a server answers). A crash right after the
// event row is written (inside the caller's transaction, before the commit)
// must leave neither the change nor the event: an event written outside the
// change's transaction would survive it. A committed change writes its event
// once, with data that renders in French (old → new values for edits).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import { DEMO_STAFF_EMAIL, DEMO_WORKER_EMAIL } from "@/prisma/seed/data";
import type { StaffUser } from "@/lib/auth/session";
import { renderAuditDetails } from "@/lib/audit/events";
import { fieldLabel } from "@/lib/profile/fields";
import { COMPTE_E2E_WORKERS, seedWithFixtures } from "../helpers/seed";

// The crash: armed, the next audit row written throws right after it is written.
const crash = vi.hoisted(() => ({ armed: false }));
vi.mock("@/lib/audit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/audit")>();
  return {
    ...real,
    recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
      await real.recordAudit(...args);
      if (crash.armed) {
        crash.armed = false;
        throw new Error("crash after the audit row was written");
      }
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { requestFieldChange } = await import("@/lib/profile/service");
const { updateContractTerms, datesKey } = await import("@/lib/contracts/update-contract-terms");
const { endOtherSessions } = await import("@/lib/auth/user-sessions");
const { submitAdvanceRequest } = await import("@/lib/advances/request");

const engines = await testEngines("audittx");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const DAY = 86_400_000;
// Monday 24 March 2025, 10:00 in Paris: the advances worker has 787 € available (see inputs-parallel-advances.test.ts).
const MONDAY = new Date("2025-03-24T09:00:00.000Z");

describe.each(engines)("audit events in the change's transaction on $name", ({ open }) => {
  let dir = "";
  let tdb: TestDb;
  let prisma: PrismaClient;
  let staff: StaffUser;
  let agencyId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "audittx-"));
    vi.stubEnv("STORAGE_DIR", path.join(dir, "storage"));
    vi.stubEnv("APP_URL", "http://localhost:3200");
    tdb = await open();
    prisma = tdb.prisma;
    await seedWithFixtures(prisma, { now: MONDAY, storage: localStorage(path.join(dir, "storage")), log: () => {} });
    holder.__espacePrisma = prisma;
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
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    vi.unstubAllEnvs();
    await tdb?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    crash.armed = false;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const events = (action: string, where: { entityId?: string; subjectUserId?: string } = {}) =>
    prisma.auditLog.findMany({ where: { action, ...where } });

  it("contract edit: a crash leaves the old dates and no event; committed, one event reading « Date de fin : old → new »", async () => {
    const c = await prisma.contract.findFirstOrThrow({
      where: { agencyId, state: { in: ["DRAFT", "AWAITING_SIGNATURE", "SIGNED", "INCOMPLETE"] } },
      orderBy: { number: "asc" },
    });
    const newEnd = new Date(c.endDate.getTime() + 7 * DAY);
    const terms = {
      reference: c.reference,
      startDate: c.startDate,
      endDate: newEnd,
      hoursLabel: c.hoursLabel,
      hourlyRateCents: c.hourlyRateCents,
      recourseCase: c.recourseCase,
      replacedName: c.replacedName,
      replacedPosition: c.replacedPosition,
      recourseReason: c.recourseReason,
      detail: c.detail,
      weeklyHours: c.weeklyHours,
      qualificationId: c.qualificationId,
    };
    const before = (await events("contract.updated", { entityId: c.id })).length;

    // A change of dates first answers the shifts it adds: nothing written, no event.
    const preview = await updateContractTerms(staff, c.id, c.version, terms);
    expect(preview).toMatchObject({ ok: false, data: { preview: { key: datesKey(terms.startDate, newEnd) } } });
    expect(await events("contract.updated", { entityId: c.id })).toHaveLength(before);
    const confirmed = { ...terms, confirmDates: datesKey(terms.startDate, newEnd) };

    crash.armed = true;
    expect(await updateContractTerms(staff, c.id, c.version, confirmed).catch((e: Error) => e.message)).toMatch(/crash/);
    expect(await prisma.contract.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ version: c.version, endDate: c.endDate });
    expect(await events("contract.updated", { entityId: c.id })).toHaveLength(before);

    expect(await updateContractTerms(staff, c.id, c.version, confirmed)).toMatchObject({ ok: true });
    const rows = await events("contract.updated", { entityId: c.id });
    expect(rows).toHaveLength(before + 1);
    const fr = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");
    const lines = renderAuditDetails("contract.updated", rows.at(-1)!.details);
    expect(lines).toContain(`Date de fin : ${fr(c.endDate)} → ${fr(newEnd)}`);
    expect(lines.join(" ")).not.toMatch(/endDate|undefined/);
  });

  it("profile change request: a crash leaves no pending change and no event; committed, one change and one event", async () => {
    const worker = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_WORKER_EMAIL }, include: { workerProfile: true } });
    const input = { userId: worker.id, workerId: worker.workerProfile!.id, field: "mobilityKm", value: "42" };
    await prisma.profileChange.deleteMany({ where: { workerId: input.workerId, field: "mobilityKm" } });

    crash.armed = true;
    await expect(requestFieldChange(input)).rejects.toThrow(/crash/);
    expect(await prisma.profileChange.count({ where: { workerId: input.workerId, field: "mobilityKm" } })).toBe(0);
    expect(await events("profile.change_requested", { subjectUserId: worker.id })).toHaveLength(0);

    expect(await requestFieldChange(input)).toMatchObject({ ok: true });
    const change = await prisma.profileChange.findFirstOrThrow({ where: { workerId: input.workerId, field: "mobilityKm" } });
    const rows = await events("profile.change_requested", { entityId: change.id });
    expect(rows).toHaveLength(1);
    expect(fieldLabel("mobilityKm")).not.toBe("mobilityKm");
    expect(renderAuditDetails(rows[0].action, rows[0].details)).toEqual([`Champ : ${fieldLabel("mobilityKm")}`]);
  });

  it("ending the other sessions: a crash keeps them and writes no event; committed, one event with the count", async () => {
    const worker = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_WORKER_EMAIL } });
    const expiresAt = new Date(Date.now() + DAY);
    const [current] = await Promise.all([0, 1, 2].map(() => prisma.userSession.create({ data: { userId: worker.id, expiresAt } })));
    const others = await prisma.userSession.count({ where: { userId: worker.id, NOT: { id: current.id } } });
    expect(others).toBeGreaterThanOrEqual(2);
    const owner = { id: worker.id, role: "WORKER" as const, sessionId: current.id };

    crash.armed = true;
    await expect(endOtherSessions(owner)).rejects.toThrow(/crash/);
    expect(await prisma.userSession.count({ where: { userId: worker.id, NOT: { id: current.id } } })).toBe(others);
    expect(await events("auth.other_sessions_ended", { subjectUserId: worker.id })).toHaveLength(0);

    expect(await endOtherSessions(owner)).toBe(others);
    const rows = await events("auth.other_sessions_ended", { subjectUserId: worker.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toEqual({ count: others });
    expect(renderAuditDetails(rows[0].action, rows[0].details)).toEqual([`${others} sessions fermées`]);
  });

  it("advance request: a rolled-back request writes no event; a committed one writes exactly one", async () => {
    const worker = await prisma.user.findUniqueOrThrow({ where: { email: COMPTE_E2E_WORKERS.acompte }, include: { workerProfile: true } });
    const w = { id: worker.id, workerId: worker.workerProfile!.id };
    await prisma.advanceRequest.deleteMany({ where: { workerId: w.workerId, status: "PENDING" } });
    const at = MONDAY;

    crash.armed = true;
    const crashed = await submitAdvanceRequest(w, { amount: "50" }, at).catch((e: Error) => e);
    expect(crashed).toBeInstanceOf(Error);
    expect((crashed as Error).message).toMatch(/crash/);
    expect(await prisma.advanceRequest.count({ where: { workerId: w.workerId, status: "PENDING" } })).toBe(0);
    expect(await events("advance.requested", { subjectUserId: worker.id })).toHaveLength(0);

    expect(await submitAdvanceRequest(w, { amount: "50" }, at)).toMatchObject({ ok: true });
    const open = await prisma.advanceRequest.findFirstOrThrow({ where: { workerId: w.workerId, status: "PENDING" } });
    const rows = await events("advance.requested", { entityId: open.id });
    expect(rows).toHaveLength(1);
    expect(renderAuditDetails(rows[0].action, rows[0].details)[0]).toMatch(/^Montant : 50,00\s€$/);
  });
});
