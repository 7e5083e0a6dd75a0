// A contract's terms on a real seeded database (PGlite, and PostgreSQL when a
// server answers): a draft cancelled before it was ever sent stays invisible
// to the worker everywhere and mails nothing; a change of dates answers its
// shifts first and saves them with the dates once confirmed; an
// unavailability on a signed mission's day is refused, nothing stored.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import type { StaffUser } from "@/lib/auth/session";
import { COMPTE_E2E_WORKERS, seedWithFixtures, seededStaff } from "../helpers/seed";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { createContract } = await import("@/lib/contracts/create-contract");
const { cancelContract } = await import("@/lib/contracts/cancel-contract");
const { issueContractForSignature } = await import("@/lib/contracts/issue-contract");
const { updateContractTerms, datesKey } = await import("@/lib/contracts/update-contract-terms");
const { listWorkerContracts, countContractsToSign, findContractPdf } = await import("@/lib/contracts/queries");
const { workerContract } = await import("@/lib/contracts/worker-queries");
const { parseListParams } = await import("@/lib/contracts/rules");
const { planningSlots } = await import("@/lib/missions/planning");
const { calendarFeed } = await import("@/lib/missions/calendar-feed");
const { setAvailability } = await import("@/lib/missions/set-availability");

const engines = await testEngines("terms");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const MONDAY = new Date("2025-03-24T09:00:00.000Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe.each(engines)("contract terms on $name", ({ open }) => {
  let dir = "";
  let db: TestDb;
  let staff: StaffUser;
  let worker: { userId: string; workerId: string; email: string };
  let base: Parameters<typeof createContract>[1];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "terms-"));
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
    worker = { userId: w.id, workerId: w.workerProfile!.id, email: w.email };
    const agencyId = w.workerProfile!.agencies.find((a) => staff.agencyIds.includes(a.agencyId))!.agencyId;
    const site = await db.prisma.clientSite.findFirstOrThrow({ where: { client: { agencyId } }, orderBy: { name: "asc" } });
    const qualification = await db.prisma.qualification.findFirstOrThrow({ where: { code: "520" } }); // held by the worker through a validated diploma
    base = {
      workerId: worker.workerId,
      siteId: site.id,
      qualificationId: qualification.id,
      reference: "TERMES",
      startDate: day("2027-03-01"),
      endDate: day("2027-03-03"),
      hoursLabel: "13:30-20:30 00:00-00:00",
      hourlyRateCents: 1450,
      recourseCase: "REPLACEMENT_ABSENT",
      replacedName: "Mme Magalie Bonnafous",
      replacedPosition: "Aide-soignante",
      recourseReason: null,
      detail: null,
      weeklyHours: null,
      pattern: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: "13:30", end: "20:30", breakMinutes: 0 },
    };
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await db?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const outboxCount = () => db.prisma.outboxMessage.count({ where: { userId: worker.userId } });

  it("a replacement without the person replaced is refused next to the field; the case is saved with it", async () => {
    const refused = await createContract(staff, { ...base, replacedName: null });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { replacedName: "Renseignez le nom de la personne remplacée." } });
    const accepted = await createContract(staff, { ...base, startDate: day("2027-05-03"), endDate: day("2027-05-03") });
    expect(accepted.ok).toBe(true);
    const row = await db.prisma.contract.findUniqueOrThrow({ where: { id: accepted.ok ? accepted.data.id : "" } });
    expect(row).toMatchObject({
      recourseCase: "REPLACEMENT_ABSENT",
      replacedName: "Mme Magalie Bonnafous",
      replacedPosition: "Aide-soignante",
    });
    // Creating with an end date that is not a worked day is refused: the dates are those of the shifts.
    const weekend = await createContract(staff, {
      ...base,
      startDate: day("2027-05-10"),
      endDate: day("2027-05-16"),
      pattern: { ...base.pattern, weekdays: [1, 2, 3, 4, 5] },
    });
    expect(weekend).toMatchObject({ ok: false, fieldErrors: { endDate: expect.stringContaining("n'est pas un jour coché") } });
  });

  it("a draft cancelled before it was sent is invisible to the worker everywhere and mails nothing", async () => {
    const created = await createContract(staff, {
      ...base,
      reference: "BROUILLON",
      startDate: day("2027-04-05"),
      endDate: day("2027-04-07"),
    });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    const mailsBefore = await outboxCount();
    const c = await db.prisma.contract.findUniqueOrThrow({ where: { id } });
    expect(await cancelContract(staff, id, c.version, "Client a renoncé")).toEqual({ ok: true, data: undefined });
    expect((await db.prisma.contract.findUniqueOrThrow({ where: { id } })).state).toBe("CANCELLED");

    const caller = { role: "WORKER" as const, workerId: worker.workerId };
    const list = await listWorkerContracts(worker.workerId, parseListParams({ par: "50" }), MONDAY);
    expect(list.rows.map((r) => r.id)).not.toContain(id);
    const cancelledFilter = await listWorkerContracts(worker.workerId, parseListParams({ etat: "annule", par: "50" }), MONDAY);
    expect(cancelledFilter.rows.map((r) => r.id)).not.toContain(id);
    expect(await workerContract(caller, id)).toBeNull();
    expect(await findContractPdf(caller, id, false)).toEqual({ found: "no-contract" });
    expect(await planningSlots(worker.workerId, day("2027-04-01"), day("2027-04-30"))).toEqual([]);
    const profile = await db.prisma.workerProfile.update({ where: { id: worker.workerId }, data: { calendarToken: "terms-feed-token" } });
    const feed = await calendarFeed(profile.calendarToken!, new Date("2027-03-01T00:00:00Z"));
    expect(feed!.shifts.filter((s) => s.contract.number === created.data.number)).toEqual([]);
    expect(await outboxCount()).toBe(mailsBefore);

    // A draft never issued is not to sign either, whatever its state.
    const draft = await createContract(staff, {
      ...base,
      reference: "BROUILLON 2",
      startDate: day("2027-04-12"),
      endDate: day("2027-04-12"),
    });
    if (!draft.ok) throw new Error(draft.message);
    const toSign = await countContractsToSign(worker.workerId);
    expect(await workerContract(caller, draft.data.id)).toBeNull();
    expect(toSign).toBe(await db.prisma.contract.count({ where: { workerId: worker.workerId, state: "AWAITING_SIGNATURE" } }));
  });

  it("an issued contract cancelled stays in the worker's list as cancelled", async () => {
    const created = await createContract(staff, { ...base, reference: "EMIS", startDate: day("2027-06-07"), endDate: day("2027-06-07") });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    const issued = await issueContractForSignature(staff, id, 1);
    expect(issued.ok).toBe(true);
    const c = await db.prisma.contract.findUniqueOrThrow({ where: { id } });
    expect((await cancelContract(staff, id, c.version, "Annulée")).ok).toBe(true);
    const list = await listWorkerContracts(worker.workerId, parseListParams({ etat: "annule", par: "50" }), MONDAY);
    expect(list.rows.map((r) => r.id)).toContain(id);
  });

  it("moving the end date previews the shift it adds, then saves dates and shift together and tells the worker what changed", async () => {
    const created = await createContract(staff, { ...base, reference: "DATES", startDate: day("2027-12-15"), endDate: day("2027-12-17") });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    expect((await issueContractForSignature(staff, id, 1)).ok).toBe(true);
    const c = await db.prisma.contract.findUniqueOrThrow({ where: { id }, include: { shifts: true } });
    expect(c.shifts).toHaveLength(3);
    const terms = {
      reference: c.reference,
      startDate: c.startDate,
      endDate: day("2027-12-18"),
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
    const mailsBefore = await outboxCount();
    const preview = await updateContractTerms(staff, id, c.version, terms);
    expect(preview).toMatchObject({
      ok: false,
      data: { preview: { key: "2027-12-15:2027-12-18", added: ["le 18/12/2027 de 13:30 à 20:30"], removed: [] } },
    });
    // Nothing saved by the preview.
    expect(await db.prisma.shift.count({ where: { contractId: id } })).toBe(3);
    expect((await db.prisma.contract.findUniqueOrThrow({ where: { id } })).endDate).toEqual(day("2027-12-17"));
    // A confirmation of other dates is a new preview, never a save.
    expect(await updateContractTerms(staff, id, c.version, { ...terms, confirmDates: "2027-12-15:2027-12-19" })).toMatchObject({
      ok: false,
      data: { preview: { key: "2027-12-15:2027-12-18" } },
    });

    const saved = await updateContractTerms(staff, id, c.version, { ...terms, confirmDates: datesKey(terms.startDate, terms.endDate) });
    expect(saved).toEqual({ ok: true, data: { reissued: true } });
    const after = await db.prisma.contract.findUniqueOrThrow({ where: { id }, include: { shifts: { orderBy: { startsAt: "asc" } } } });
    expect(after.endDate).toEqual(day("2027-12-18"));
    expect(after.shifts).toHaveLength(4);
    expect(after.shifts[3].startsAt).toEqual(new Date("2027-12-18T12:30:00.000Z"));
    const mails = await db.prisma.outboxMessage.findMany({ where: { userId: worker.userId }, orderBy: { createdAt: "asc" } });
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails.at(-1)!.text).toContain("créneau ajouté le 18/12/2027 de 13:30 à 20:30");
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "contract.updated", entityId: id } });
    expect(audit.details).toMatchObject({ addedShifts: 1, removedShifts: 0 });
    // The worker's planning shows the new day.
    const slots = await planningSlots(worker.workerId, day("2027-12-18"), day("2027-12-18"));
    expect(slots.map((s) => s.contractId)).toEqual([id]);

    // Shrinking past a validated shift is refused, nothing changed.
    await db.prisma.shift.update({ where: { id: after.shifts[0].id }, data: { validated: true, validatedAt: new Date() } });
    const refused = await updateContractTerms(staff, id, after.version, {
      ...terms,
      startDate: day("2027-12-16"),
      confirmDates: "2027-12-16:2027-12-18",
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { startDate: expect.stringContaining("déjà été travaillé ou validé") } });
    expect(await db.prisma.shift.count({ where: { contractId: id } })).toBe(4);
  });

  it("removing the last shift of a day at the edge moves the contract's dates with it", async () => {
    const { saveShift } = await import("@/lib/contracts/update-shifts");
    const created = await createContract(staff, { ...base, reference: "BORD", startDate: day("2027-10-04"), endDate: day("2027-10-06") });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    const shifts = await db.prisma.shift.findMany({ where: { contractId: id }, orderBy: { startsAt: "asc" } });
    expect((await saveShift(staff, id, 1, { type: "remove", shiftId: shifts[2].id })).ok).toBe(true);
    const c = await db.prisma.contract.findUniqueOrThrow({ where: { id } });
    expect([c.startDate, c.endDate]).toEqual([day("2027-10-04"), day("2027-10-05")]);
    expect((await saveShift(staff, id, c.version, { type: "remove", shiftId: shifts[0].id })).ok).toBe(true);
    const last = await saveShift(staff, id, c.version + 1, { type: "remove", shiftId: shifts[1].id });
    expect(last).toMatchObject({ ok: false, message: expect.stringContaining("au moins un créneau") });
  });

  it("an unavailability on a signed mission's day is refused, nothing stored; the morning before an evening shift is fine", async () => {
    const shift = await db.prisma.shift
      .findFirstOrThrow({
        where: { kind: "WORK", startsAt: { gt: MONDAY }, contract: { state: "SIGNED", workerId: worker.workerId } },
        orderBy: { startsAt: "asc" },
        include: { contract: true },
      })
      .catch(async () => {
        // The fixture worker has no upcoming signed mission: sign one.
        const created = await createContract(staff, {
          ...base,
          reference: "SIGNE",
          startDate: day("2027-08-02"),
          endDate: day("2027-08-02"),
        });
        if (!created.ok) throw new Error(created.message);
        await db.prisma.contract.update({
          where: { id: created.data.id },
          data: { state: "SIGNED", issuedAt: new Date(), signedAt: new Date() },
        });
        return db.prisma.shift.findFirstOrThrow({ where: { contractId: created.data.id }, include: { contract: true } });
      });
    const date = new Date(`${new Date(shift.startsAt.getTime() + 2 * 3600_000).toISOString().slice(0, 10)}T00:00:00.000Z`);
    const user = { id: worker.userId, workerId: worker.workerId };
    const before = await db.prisma.availability.count({ where: { workerId: worker.workerId } });
    const refused = await setAvailability(user, [date], ["FULL_DAY"], false);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining(`contrat n° ${shift.contract.number}`) });
    expect(await db.prisma.availability.count({ where: { workerId: worker.workerId } })).toBe(before);
    // Available is always fine.
    expect(await setAvailability(user, [date], ["FULL_DAY"], true)).toEqual({ ok: true, data: 1 });
  });
});
