// Two staff booking the same worker on the same hours at the same moment, by
// "Nouveau contrat" and by a ciblage's "Retenir": assertBookable runs in each
// write's transaction under the worker's lock, so exactly one booking is made
// and the other is refused naming it. On a real database (PostgreSQL, and
// PGlite).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import type { StaffUser } from "@/lib/auth/session";
import { createContract } from "@/lib/contracts/create-contract";
import { pickWorker } from "@/lib/ciblage/service";
import { COMPTE_E2E_WORKERS, seedWithFixtures } from "../helpers/seed";

const MONDAY = new Date("2025-03-24T09:00:00.000Z");
const engines = await testEngines("race");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe.each(engines)("concurrent bookings of one worker on $name", ({ open }) => {
  let dir = "";
  let db: TestDb;
  let staff: StaffUser;
  let workerId = "";
  let siteId = "";
  let agencyId = "";
  let qualificationId = "";

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "race-"));
    process.env.APP_URL ??= "http://localhost:3000";
    db = await open();
    await seedWithFixtures(db.prisma, {
      now: MONDAY,
      storage: localStorage(path.join(dir, "storage")),
      log: () => {},
      issuedContractPdfs: false,
    });
    holder.__espacePrisma = db.prisma;
    const s = await db.prisma.user.findUniqueOrThrow({
      where: { email: "agence@demo.coop-emploi.fr" },
      include: { staffMemberships: true },
    });
    staff = {
      id: s.id,
      sessionId: "test",
      email: s.email,
      role: "STAFF",
      firstName: s.firstName,
      lastName: s.lastName,
      agencyIds: s.staffMemberships.map((m) => m.agencyId),
    };
    const w = await db.prisma.user.findUniqueOrThrow({
      where: { email: COMPTE_E2E_WORKERS.acompte },
      include: { workerProfile: { include: { agencies: true } } },
    });
    workerId = w.workerProfile!.id;
    agencyId = w.workerProfile!.agencies[0].agencyId;
    siteId = (await db.prisma.clientSite.findFirstOrThrow({ where: { client: { agencyId } }, orderBy: { name: "asc" } })).id;
    qualificationId = (await db.prisma.qualification.findFirstOrThrow({ where: { code: "520" } })).id;
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await db?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([1, 2, 3])("round %i: create-contract and ciblage retain in parallel leave exactly one booking", async (round) => {
    // A week of its own per round, far from the worker's seeded contracts.
    const startDate = new Date(Date.UTC(2027, 1, 1 + 7 * round));
    const endDate = new Date(Date.UTC(2027, 1, 5 + 7 * round));
    const need = await db.prisma.missionNeed.create({
      data: { agencyId, siteId, qualificationId, startDate, endDate, hoursLabel: "08:00-15:00 00:00-00:00", hourlyRateCents: 1450 },
    });
    const offer = await db.prisma.missionOffer.create({ data: { needId: need.id, workerId, response: "ACCEPTED", respondedAt: MONDAY } });
    const [created, retained] = await Promise.all([
      createContract(staff, {
        workerId,
        siteId,
        qualificationId,
        reference: `COURSE ${round}`,
        startDate,
        endDate,
        hoursLabel: "08:00-15:00 00:00-00:00",
        hourlyRateCents: 1450,
        recourseReason: "Accroissement temporaire d'activité",
        detail: null,
        weeklyHours: 35,
        pattern: { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "15:00", breakMinutes: 0 },
      }),
      pickWorker(staff, need.id, offer.id),
    ]);
    const live = await db.prisma.contract.findMany({
      where: { workerId, state: { not: "CANCELLED" }, startDate: { lte: endDate }, endDate: { gte: startDate } },
      select: { id: true, number: true },
    });
    expect(live).toHaveLength(1);
    const results = [created, retained!];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain(`déjà réservé(e) sur le contrat n° ${live[0].number}`);
  });
});
