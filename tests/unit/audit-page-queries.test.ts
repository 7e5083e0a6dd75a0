// The audit page's read (staffAuditPage) on real databases: only the staff
// member's agencies, each filter on AuditLog's own columns (the worker text
// resolved to the agency's workers first), the capped count, keyset pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const { staffAuditPage } = await import("@/lib/audit/queries");
const { decodeCursor } = await import("@/lib/paging/keyset");

const engines = await testEngines("auditq_page");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const none = { worker: "", actorId: "", action: "", from: null, to: null };
const firstPage = { cursor: null, direction: "apres" as const };

describe.each(engines)("the audit page's read on $name", ({ open }) => {
  let tdb: TestDb;
  let prisma: PrismaClient;
  const ids = {} as Record<"agencyA" | "agencyB" | "staffA" | "staffB" | "workerA" | "workerB", string>;
  const staffA = () => ({ agencyIds: [ids.agencyA] });

  beforeAll(async () => {
    tdb = await open();
    prisma = tdb.prisma;
    holder.__espacePrisma = prisma;
    const a = await prisma.agency.create({ data: { code: "AQA", name: "Agence A" } });
    const b = await prisma.agency.create({ data: { code: "AQB", name: "Agence B" } });
    ids.agencyA = a.id;
    ids.agencyB = b.id;
    const staff = (email: string, agencyId: string) =>
      prisma.user.create({
        data: { email, role: "STAFF", firstName: "Agent", lastName: email, staffMemberships: { create: { agencyId } } },
      });
    ids.staffA = (await staff("a@auditq.example.fr", a.id)).id;
    ids.staffB = (await staff("b@auditq.example.fr", b.id)).id;
    const worker = (email: string, lastName: string, agencyId: string, workerNumber: string) =>
      prisma.user.create({
        data: {
          email,
          role: "WORKER",
          firstName: "Marie",
          lastName,
          workerProfile: { create: { agencies: { create: { agencyId, workerNumber } } } },
        },
      });
    ids.workerA = (await worker("durand@auditq.example.fr", "DURAND", a.id, "7001")).id;
    // Same name in agency B: the name filter of A's staff must not bring B's entries (nor B's worker).
    ids.workerB = (await worker("durand-b@auditq.example.fr", "DURAND", b.id, "7002")).id;
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 9, minute));
    await prisma.auditLog.createMany({
      data: [
        ...Array.from({ length: 7 }, (_, i) => ({
          action: "auth.login",
          agencyId: a.id,
          actorId: ids.workerA,
          subjectUserId: ids.workerA,
          createdAt: at(i),
        })),
        { action: "client.created", agencyId: a.id, actorId: ids.staffA, createdAt: new Date(Date.UTC(2026, 1, 2, 9)) },
        { action: "auth.login", agencyId: b.id, actorId: ids.workerB, subjectUserId: ids.workerB, createdAt: at(30) },
        { action: "client.created", agencyId: b.id, actorId: ids.staffB, createdAt: at(31) },
        { action: "demo.reset", agencyId: null, createdAt: at(32) },
      ],
    });
  }, 120_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await tdb?.cleanup();
  });

  it("reads the agency's entries only, newest first, with the capped count and keyset pages", async () => {
    const page1 = await staffAuditPage(staffA(), none, firstPage, 5);
    expect(page1.total).toBe(8);
    expect(page1.entries.map((e) => e.action)).toEqual(Array(5).fill("auth.login"));
    expect(page1.newer).toBeNull();
    const page2 = await staffAuditPage(staffA(), none, { cursor: decodeCursor(page1.older), direction: "apres" }, 5);
    expect(page2.entries.map((e) => e.action)).toEqual(["auth.login", "auth.login", "client.created"]);
    expect(page2.older).toBeNull();
    const back = await staffAuditPage(staffA(), none, { cursor: decodeCursor(page2.newer), direction: "avant" }, 5);
    expect(back.entries.map((e) => e.id)).toEqual(page1.entries.map((e) => e.id));
    // Staff of no agency: nothing, not the entries with no agency either.
    expect((await staffAuditPage({ agencyIds: [] }, none, firstPage, 5)).total).toBe(0);
    expect((await staffAuditPage({ agencyIds: [ids.agencyB] }, none, firstPage, 50)).entries.map((e) => e.action).sort()).toEqual([
      "auth.login",
      "client.created",
    ]);
  });

  it("filters by worker name or number within the agency, by action, by staff member and by Paris day", async () => {
    const byName = await staffAuditPage(staffA(), { ...none, worker: "durand" }, firstPage, 50);
    expect(byName.total).toBe(7);
    expect(byName.tooManyWorkers).toBe(false);
    expect((await staffAuditPage(staffA(), { ...none, worker: "7001" }, firstPage, 50)).total).toBe(7);
    // B's worker number, from A: no entry (and no other entry of A either).
    const foreign = await staffAuditPage(staffA(), { ...none, worker: "7002" }, firstPage, 50);
    expect([foreign.total, foreign.entries.length]).toEqual([0, 0]);
    expect((await staffAuditPage(staffA(), { ...none, action: "client.created" }, firstPage, 50)).total).toBe(1);
    expect((await staffAuditPage(staffA(), { ...none, actorId: ids.staffB }, firstPage, 50)).total).toBe(0);
    expect((await staffAuditPage(staffA(), { ...none, actorId: ids.staffA }, firstPage, 50)).total).toBe(1);
    const noon = (day: string) => new Date(`${day}T12:00:00.000Z`);
    expect((await staffAuditPage(staffA(), { ...none, from: noon("2026-03-10"), to: noon("2026-03-10") }, firstPage, 50)).total).toBe(7);
    expect((await staffAuditPage(staffA(), { ...none, from: noon("2026-02-01"), to: noon("2026-02-28") }, firstPage, 50)).total).toBe(1);
    expect((await staffAuditPage(staffA(), { ...none, from: noon("2026-03-11"), to: null }, firstPage, 50)).total).toBe(0);
  });
});
