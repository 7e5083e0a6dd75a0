// The one query of the available amount (advanceBasisOf) and the writes that
// use it, on real databases (PGlite and PostgreSQL), with the advances
// fixture (prisma/fixtures/advances.ts): May 2025 validated and unpaid on
// Monday 2 June 2025, April paid by a published payslip.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import { ADVANCES_E2E } from "@/prisma/fixtures";
import { DEMO_STAFF_EMAIL } from "@/prisma/seed/data";
import { fieldErrorOf } from "@/lib/result";
import { seedWithFixtures } from "../helpers/seed";

const clock = vi.hoisted(() => ({ at: new Date("2025-06-02T08:00:00.000Z") }));
vi.mock("@/lib/clock", () => ({ now: async () => clock.at, TEST_CLOCK_COOKIE: "e2e-now" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { advanceBasesOf, advanceBasisOf, advanceContexts } = await import("@/lib/advances/queries");
const { submitAdvanceRequest } = await import("@/lib/advances/request");
const { updateAdvanceRequest } = await import("@/lib/advances/update-request");
const { decideAdvanceRequests } = await import("@/lib/advances/decide-advances");
const { staffAdvanceCounts, staffAdvancesOfPayDay } = await import("@/lib/advances/staff-queries");

const JUNE_2 = new Date(ADVANCES_E2E.clock);
const engines = await testEngines("advances");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe.each(engines)("the available amount on $name", ({ open }) => {
  let dir = "";
  let db: TestDb;
  let agencyId = "";
  let staff: { id: string; role: "STAFF"; agencyIds: string[]; email: string; firstName: string; lastName: string };
  const workers: Record<string, { id: string; workerId: string }> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "advances-available-"));
    db = await open();
    await seedWithFixtures(db.prisma, {
      now: JUNE_2,
      storage: localStorage(path.join(dir, "storage")),
      log: () => {},
      issuedContractPdfs: false,
    });
    holder.__espacePrisma = db.prisma;
    agencyId = (await db.prisma.agency.findUniqueOrThrow({ where: { code: "MEDIMP" } })).id;
    for (const p of [ADVANCES_E2E.second, ADVANCES_E2E.over, ...ADVANCES_E2E.bulk]) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email: p.email }, include: { workerProfile: true } });
      workers[p.email] = { id: user.id, workerId: user.workerProfile!.id };
    }
    const staffUser = await db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_STAFF_EMAIL }, include: { staffMemberships: true } });
    staff = { ...staffUser, role: "STAFF", agencyIds: staffUser.staffMemberships.map((m) => m.agencyId) } as typeof staff;
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await db?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const basis = (email: string, at = JUNE_2) => advanceBasisOf(workers[email].workerId, agencyId, 60, at);

  it("on the 2nd, counts May's submitted hours (April is paid by its payslip), less May's paid advance", async () => {
    const b = await basis(ADVANCES_E2E.second.email);
    expect(b.months).toEqual([
      { year: 2025, month: 5 },
      { year: 2025, month: 6 },
    ]);
    expect(b.minutes).toBe(10 * 420);
    expect(b.earnedCents).toBe(87_500);
    expect(b.advancedCents).toBe(10_000); // 21 May; the 23 April one is settled by April's payslip
    expect(b.availableCents).toBe(ADVANCES_E2E.availableEuros * 100);
    // The worker's page reads the same figures.
    const [context] = await advanceContexts(workers[ADVANCES_E2E.second.email].workerId, JUNE_2);
    expect(context.availableCents).toBe(ADVANCES_E2E.availableEuros * 100);
    expect(context.schedule.payDate.toISOString().slice(0, 10)).toBe(ADVANCES_E2E.payDate);
  });

  it("takes the agency's correction of a day, ignores draft timesheets and cancelled contracts", async () => {
    const w = workers[ADVANCES_E2E.second.email];
    const entry = await db.prisma.timesheetEntry.findFirstOrThrow({
      where: { date: new Date("2025-05-12"), timesheet: { contract: { workerId: w.workerId } } },
    });
    // Corrected by the agency: 7 h -> 8 h (+12,50 € earned, +7,50 € available at 60 %).
    await db.prisma.timesheetEntry.update({ where: { id: entry.id }, data: { minutes: 480, clientMinutes: 420 } });
    expect((await basis(ADVANCES_E2E.second.email)).availableCents).toBe(43_200); // 60 % of 887,50 € - 100 € = 432,50 € -> 432 €
    await db.prisma.timesheet.update({ where: { id: entry.timesheetId }, data: { status: "DRAFT" } });
    expect((await basis(ADVANCES_E2E.second.email)).minutes).toBe(5 * 420);
    await db.prisma.timesheet.update({ where: { id: entry.timesheetId }, data: { status: "SUBMITTED" } });
    await db.prisma.timesheetEntry.update({ where: { id: entry.id }, data: { minutes: 420 } });
    const contract = await db.prisma.contract.findFirstOrThrow({ where: { workerId: w.workerId } });
    await db.prisma.contract.update({ where: { id: contract.id }, data: { state: "CANCELLED" } });
    expect((await basis(ADVANCES_E2E.second.email)).minutes).toBe(0);
    await db.prisma.contract.update({ where: { id: contract.id }, data: { state: "SIGNED" } });
    expect((await basis(ADVANCES_E2E.second.email)).availableCents).toBe(42_500);
  });

  it("May is paid once its payslip is published by that agency, not before, and not by another agency's", async () => {
    const w = workers[ADVANCES_E2E.second.email];
    const other = await db.prisma.agency.findUniqueOrThrow({ where: { code: "EDUC31" } });
    const payslip = (id: string, agency: string, createdAt: Date) =>
      db.prisma.document.create({
        data: {
          id,
          kind: "PAYSLIP",
          workerId: w.workerId,
          agencyId: agency,
          storageKey: `test/${id}.pdf`,
          fileName: "bulletin_2025-05.pdf",
          mimeType: "application/pdf",
          sizeBytes: 1,
          sha256: id,
          number: id,
          periodStart: new Date("2025-05-01"),
          periodEnd: new Date("2025-05-31"),
          createdAt,
        },
      });
    await payslip("other-agency-may", other.id, new Date("2025-06-01T08:00:00Z"));
    expect((await basis(ADVANCES_E2E.second.email)).availableCents).toBe(42_500);
    await payslip("medimp-may", agencyId, new Date("2025-06-09T08:00:00Z"));
    // On the 2nd it is not published yet; on the 10th it is: May's hours and May's advance are settled.
    expect((await basis(ADVANCES_E2E.second.email)).availableCents).toBe(42_500);
    const after = await basis(ADVANCES_E2E.second.email, new Date("2025-06-10T08:00:00Z"));
    expect(after.months).toEqual([{ year: 2025, month: 6 }]);
    expect(after).toMatchObject({ minutes: 0, advancedCents: 0, availableCents: 0 });
    await db.prisma.document.deleteMany({ where: { id: { in: ["other-agency-may", "medimp-may"] } } });
  });

  it("a request above the available amount is recorded with the flag and the notice; editing it always works", async () => {
    const w = workers[ADVANCES_E2E.over.email];
    const asked = await submitAdvanceRequest(w, { amount: "600" }, JUNE_2);
    expect(asked).toEqual({
      ok: true,
      data: undefined,
      message: expect.stringMatching(
        /est enregistrée.*Votre demande dépasse le montant disponible \(425,00\s€\) : l'agence la vérifiera avec les heures validées\./,
      ),
    });
    const row = await db.prisma.advanceRequest.findFirstOrThrow({ where: { workerId: w.workerId, status: "PENDING" } });
    expect(row).toMatchObject({ amountCents: 60_000, overCap: true, availableCentsAtRequest: 42_500 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "advance.requested", entityId: row.id } });
    expect(audit.details).toMatchObject({ amountCents: 60_000, availableCents: 42_500, overCap: true });
    // Under the minimum is still refused, next to the field.
    expect(fieldErrorOf(await submitAdvanceRequest(w, { amount: "40" }, JUNE_2), "amount")).toMatch(/minimum/);
    // Lowered under the cap: the flag goes.
    const lowered = await updateAdvanceRequest(w, { id: row.id, version: row.version, amount: "400" }, JUNE_2);
    expect(lowered).toMatchObject({ ok: true, message: "Votre demande a été modifiée." });
    expect(await db.prisma.advanceRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      amountCents: 40_000,
      overCap: false,
    });
    // Raised again: accepted as a request, flagged.
    const raised = await updateAdvanceRequest(w, { id: row.id, version: row.version + 1, amount: "700" }, JUNE_2);
    expect(raised).toMatchObject({ ok: true, message: expect.stringMatching(/modifiée\. Votre demande dépasse le montant disponible/) });
    expect(await db.prisma.advanceRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      amountCents: 70_000,
      overCap: true,
    });
  });

  it("staff list, counts and acceptance read the same figures; over-cap acceptance needs the confirmation", async () => {
    const payDate = new Date(ADVANCES_E2E.payDate);
    const { requests } = await staffAdvancesOfPayDay(staff, payDate, JUNE_2);
    const over = requests.find((r) => r.workerId === workers[ADVANCES_E2E.over.email].workerId)!;
    expect(over.basis.availableCents).toBe(42_500);
    // The list reads every row's basis in one grouped read: the same figures as one worker at a time.
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const r of requests) expect(r.basis).toEqual(await advanceBasisOf(r.workerId, r.agencyId, 60, JUNE_2));
    const grouped = await advanceBasesOf(
      requests.map((r) => ({ workerId: r.workerId, agencyId: r.agencyId, ratioPct: 60 })),
      JUNE_2,
    );
    expect(new Set(grouped.keys())).toEqual(new Set(requests.map((r) => `${r.workerId}:${r.agencyId}`)));
    expect(await advanceBasesOf([], JUNE_2)).toEqual(new Map());
    expect(over.overCapNow).toBe(true);
    const counts = await staffAdvanceCounts(staff, JUNE_2);
    expect(counts.payDate.toISOString().slice(0, 10)).toBe(ADVANCES_E2E.payDate);
    expect(counts.pending).toBe(requests.filter((r) => r.status === "PENDING").length);
    expect(counts.pending).toBeGreaterThanOrEqual(3);

    const bulk = ADVANCES_E2E.bulk.map((b) => requests.find((r) => r.workerId === workers[b.email].workerId)!);
    const items = bulk.map((r) => ({ id: r.id, version: r.version }));
    const refused = await decideAdvanceRequests(staff as never, items, "accept", {});
    expect(refused.ok).toBe(false);
    expect(fieldErrorOf(refused, "confirmOverCap")).toBe(
      "2 demandes de la sélection dépassent le montant disponible : cochez la confirmation pour les accepter malgré tout.",
    );
    expect(await db.prisma.advanceRequest.count({ where: { id: { in: items.map((i) => i.id) }, status: "PENDING" } })).toBe(2);

    const accepted = await decideAdvanceRequests(staff as never, items, "accept", { overCapConfirmed: true });
    expect(accepted).toMatchObject({ ok: true, message: "2 demandes acceptées." });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "advance.accepted", entityId: items[0].id } });
    expect(audit.details).toMatchObject({ amountCents: 50_000, availableCents: 42_500, overCapConfirmed: true });
    // Accepted: deducted from what is available.
    expect((await basis(ADVANCES_E2E.bulk[0].email)).availableCents).toBe(0);

    // Within the cap: no confirmation needed.
    const second = workers[ADVANCES_E2E.second.email];
    await submitAdvanceRequest(second, { amount: "200" }, JUNE_2);
    const mine = await db.prisma.advanceRequest.findFirstOrThrow({ where: { workerId: second.workerId, status: "PENDING" } });
    expect(mine.overCap).toBe(false);
    expect(await decideAdvanceRequests(staff as never, [{ id: mine.id, version: mine.version }], "accept", {})).toMatchObject({
      ok: true,
      message: "1 demande acceptée.",
    });
    expect((await basis(ADVANCES_E2E.second.email)).availableCents).toBe(22_500);
  });
});
