// Every write path that books a worker refuses what breaks a rule, next to
// its field (lib/contracts/booking.ts assertBookable). And two staff booking the same worker on the same hours at the same moment, by
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
import { createContract, type ContractInput } from "@/lib/contracts/create-contract";
import { issueContractForSignature } from "@/lib/contracts/issue-contract";
import { updateContractTerms } from "@/lib/contracts/update-contract-terms";
import { regenerateShifts, saveShift } from "@/lib/contracts/update-shifts";
import { parisTimeOnDay } from "@/lib/time/paris";
import { pickWorker } from "@/lib/ciblage/service";
import { COMPTE_E2E_WORKERS, seedWithFixtures, seededStaff } from "../helpers/seed";

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
    staff = await seededStaff(db.prisma);
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

  const input = (over: Partial<ContractInput> = {}): ContractInput => ({
    workerId,
    siteId,
    qualificationId,
    reference: "REGLES",
    startDate: new Date("2027-04-05T00:00:00Z"), // a Monday
    endDate: new Date("2027-04-09T00:00:00Z"),
    hoursLabel: "08:00-15:00 00:00-00:00",
    hourlyRateCents: 1450,
    recourseReason: "Accroissement temporaire d'activité",
    recourseCase: "ACTIVITY_INCREASE",
    replacedName: null,
    replacedPosition: null,
    detail: null,
    weeklyHours: 35,
    pattern: { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "15:00", breakMinutes: 0 },
    ...(over as object),
  });

  it("Nouveau contrat: a qualification not held and 5,00 € are refused next to their fields", async () => {
    const animator = await db.prisma.qualification.findFirstOrThrow({ where: { code: "610" } });
    expect(await createContract(staff, input({ qualificationId: animator.id }))).toMatchObject({
      ok: false,
      fieldErrors: { qualificationId: expect.stringContaining("n'a pas la qualification ANIMATEUR (610)") },
    });
    const low = await createContract(staff, input({ hourlyRateCents: 500 }));
    expect(!low.ok && low.fieldErrors?.hourlyRate?.replace(/\s/g, " ")).toBe(
      "Le taux horaire doit être d'au moins 12,02 € (SMIC en vigueur le 05/04/2027).",
    );
    // A diploma waiting for validation grants nothing.
    await db.prisma.diploma.create({ data: { workerId, name: "BPJEPS", obtainedOn: new Date("2020-06-30"), status: "PENDING" } });
    expect((await createContract(staff, input({ qualificationId: animator.id }))).ok).toBe(false);
    expect(await db.prisma.contract.count({ where: { workerId, reference: "REGLES" } })).toBe(0);
  });

  it("shift edits, regeneration, terms and issue re-check the contract; ciblage refuses a worker without the qualification", async () => {
    // Monday to Sunday, worked Monday to Friday and Sunday (Saturday off: 41 h of rest in a row).
    const made = await createContract(
      staff,
      input({
        endDate: new Date("2027-04-11T00:00:00Z"),
        pattern: { weekdays: [1, 2, 3, 4, 5, 7], start: "08:00", end: "15:00", breakMinutes: 0 },
      }),
    );
    expect(made.ok).toBe(true);
    const id = made.ok ? made.data.id : "";
    const version = async () => (await db.prisma.contract.findUniqueOrThrow({ where: { id } })).version;
    // 3 h 01 more on Monday: 10 h 01 that day.
    const monday = new Date("2027-04-05T00:00:00Z");
    const added = await saveShift(staff, id, await version(), {
      type: "add",
      shift: {
        day: monday,
        startsAt: parisTimeOnDay(monday, 16 * 60),
        endsAt: parisTimeOnDay(monday, 19 * 60 + 1),
        breakMinutes: 0,
        kind: "WORK",
        absenceCode: null,
      },
    });
    expect(added).toMatchObject({ ok: false, fieldErrors: { date: expect.stringContaining("10 h 01") } });
    // Seven days a week: no weekly rest.
    const seven = await regenerateShifts(staff, id, await version(), {
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      start: "08:00",
      end: "14:00",
      breakMinutes: 0,
    });
    expect(seven).toMatchObject({ ok: false, fieldErrors: { weekdays: expect.stringContaining("repos de 35 h") } });
    expect(await db.prisma.shift.count({ where: { contractId: id } })).toBe(6);
    // The rate lowered under the SMIC.
    const c = await db.prisma.contract.findUniqueOrThrow({ where: { id } });
    const terms = await updateContractTerms(staff, id, c.version, {
      reference: c.reference,
      startDate: c.startDate,
      endDate: c.endDate,
      hoursLabel: c.hoursLabel,
      hourlyRateCents: 500,
      recourseReason: c.recourseReason!,
      recourseCase: c.recourseCase,
      replacedName: c.replacedName,
      replacedPosition: c.replacedPosition,
      detail: c.detail,
      weeklyHours: c.weeklyHours,
      qualificationId: c.qualificationId,
    });
    expect(terms).toMatchObject({ ok: false, fieldErrors: { hourlyRate: expect.stringContaining("SMIC") } });
    // A draft left under the SMIC (written before the rule) is not sent for signature.
    await db.prisma.contract.update({ where: { id }, data: { hourlyRateCents: 900 } });
    const issued = await issueContractForSignature(staff, id, await version());
    expect(issued).toMatchObject({ ok: false, message: expect.stringContaining("SMIC") });
    expect((await db.prisma.contract.findUniqueOrThrow({ where: { id } })).state).toBe("DRAFT");

    // Ciblage: a need in 610, the worker said yes, "Retenir" refused.
    const animator = await db.prisma.qualification.findFirstOrThrow({ where: { code: "610" } });
    const need = await db.prisma.missionNeed.create({
      data: {
        agencyId,
        siteId,
        qualificationId: animator.id,
        startDate: new Date("2027-05-03T00:00:00Z"),
        endDate: new Date("2027-05-04T00:00:00Z"),
        hoursLabel: "08:00-15:00 00:00-00:00",
        hourlyRateCents: 1450,
      },
    });
    const offer = await db.prisma.missionOffer.create({ data: { needId: need.id, workerId, response: "ACCEPTED", respondedAt: MONDAY } });
    expect(await pickWorker(staff, need.id, offer.id)).toMatchObject({ ok: false, message: expect.stringContaining("ANIMATEUR (610)") });
    expect(await db.prisma.missionOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ contractId: null });
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
        recourseCase: "ACTIVITY_INCREASE",
        replacedName: null,
        replacedPosition: null,
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
