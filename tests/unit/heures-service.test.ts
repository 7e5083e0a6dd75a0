// The hours entry's writes and the payroll export on a real database
// (PostgreSQL when reachable, else PGlite): no hours ahead of time, the
// agency's daily limit, the client's figure kept through a correction, and the
// CSV payroll imports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import { cellName, correctTimesheet, extraName, saveClientWeek } from "@/lib/timesheets/service";
import { FUTURE_DAY_MESSAGE, isoDate, weekOf } from "@/lib/timesheets/rules";
import { payrollExport } from "@/lib/timesheets/payroll-export";
import { workerStatement } from "@/lib/timesheets/worker-queries";
import { HOURS_CLIENT_EMAIL, STATEMENT_CONTRACT_NUMBER, seedWithFixtures } from "../helpers/seed";

// Wednesday 26 March 2025, 15:46 in Paris (UTC+1): the seed's "now" and the entry's.
const NOW = new Date("2025-03-26T14:46:00.000Z");
const engines = (await testEngines("hours")).slice(-1);
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe.each(engines)("hours entry and payroll export on $name", ({ open }) => {
  let dir = "";
  let db: TestDb;
  let client: { id: string; clientIds: string[] };
  let staff: { id: string; userId: string; agencyIds: string[] };
  let contract: { id: string; agencyId: string; workerId: string };
  const week = weekOf(new Date("2025-03-24T00:00:00Z"));
  const last = weekOf(new Date("2025-03-17T00:00:00Z"));
  const cells = (w: typeof week, texts: string[]) =>
    Object.fromEntries(w.days.map((d, i) => [cellName(contract.id, isoDate(d)), texts[i] ?? ""]));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "hours-"));
    process.env.APP_URL ??= "http://localhost:3000";
    db = await open();
    await seedWithFixtures(db.prisma, {
      now: NOW,
      storage: localStorage(path.join(dir, "storage")),
      log: () => {},
      issuedContractPdfs: false,
    });
    holder.__espacePrisma = db.prisma;
    const c = await db.prisma.user.findUniqueOrThrow({ where: { email: HOURS_CLIENT_EMAIL }, include: { clientMemberships: true } });
    client = { id: c.id, clientIds: c.clientMemberships.map((m) => m.clientId) };
    const s = await db.prisma.user.findUniqueOrThrow({
      where: { email: "agence@demo.coop-emploi.fr" },
      include: { staffMemberships: true },
    });
    staff = { id: s.id, userId: s.id, agencyIds: s.staffMemberships.map((m) => m.agencyId) };
    contract = await db.prisma.contract.findFirstOrThrow({ where: { number: STATEMENT_CONTRACT_NUMBER } });
  }, 300_000);

  afterAll(async () => {
    await db?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses tomorrow and today beyond the time elapsed since 08:00; nothing is written", async () => {
    const input = { monday: week.monday, contractIds: [contract.id], submit: true, at: NOW };
    const r = await saveClientWeek(client, { ...input, values: cells(week, ["7", "7", "7h47", "7", "", "", ""]) });
    expect(r.ok).toBe(false);
    const errors = (r as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
    expect(errors[cellName(contract.id, "2025-03-26")]).toBe("Aujourd'hui, pas plus de 7h46 : le temps écoulé depuis 08:00.");
    expect(errors[cellName(contract.id, "2025-03-27")]).toBe(FUTURE_DAY_MESSAGE);
    expect(Object.keys(errors)).toHaveLength(2);
    expect(await db.prisma.timesheet.count({ where: { contractId: contract.id, weekStart: week.monday } })).toBe(0);
    // The hours already passed are accepted; the shifts of tomorrow stay unvalidated.
    const ok = await saveClientWeek(client, { ...input, values: cells(week, ["7", "7", "7h46", "", "", "", ""]) });
    expect(ok).toEqual({ ok: true, message: "Heures transmises à l'agence." });
    const shifts = await db.prisma.shift.findMany({
      where: { contractId: contract.id, startsAt: { gte: week.start, lt: week.end } },
      orderBy: { startsAt: "asc" },
    });
    expect(shifts.map((s) => s.validated)).toEqual([true, true, true, false, false]);
  });

  it("caps a day at 10 h, or 12 h with the agency's agreement", async () => {
    const input = { monday: last.monday, contractIds: [contract.id], submit: false, at: NOW };
    const over = await saveClientWeek(client, { ...input, values: cells(last, ["10h01"]) });
    expect((over as { fieldErrors?: Record<string, string> }).fieldErrors?.[cellName(contract.id, "2025-03-17")]).toBe(
      "Pas plus de 10 heures par jour.",
    );
    await db.prisma.agency.update({ where: { id: contract.agencyId }, data: { longDayAgreement: true } });
    try {
      expect((await saveClientWeek(client, { ...input, values: cells(last, ["10h01"]) })).ok).toBe(true);
      const twelve = await saveClientWeek(client, { ...input, values: cells(last, ["12h01"]) });
      expect((twelve as { fieldErrors?: Record<string, string> }).fieldErrors?.[cellName(contract.id, "2025-03-17")]).toBe(
        "Pas plus de 12 heures par jour.",
      );
    } finally {
      await db.prisma.agency.update({ where: { id: contract.agencyId }, data: { longDayAgreement: false } });
    }
  });

  it("stores the accessoires and the client's figure; a staff correction keeps it and is audited", async () => {
    const values = {
      ...cells(last, ["7,5", "7", "7", "7", "7", "", ""]),
      [extraName("meals", contract.id, "2025-03-17")]: "1",
      [extraName("travel", contract.id, "2025-03-17")]: "1",
      [extraName("night", contract.id, "2025-03-17")]: "1",
      [extraName("absence", contract.id, "2025-03-17")]: "",
    };
    const refused = await saveClientWeek(client, {
      monday: last.monday,
      contractIds: [contract.id],
      submit: true,
      at: NOW,
      values: { ...values, [extraName("night", contract.id, "2025-03-17")]: "8" },
    });
    expect((refused as { fieldErrors?: Record<string, string> }).fieldErrors?.[extraName("night", contract.id, "2025-03-17")]).toBe(
      "Pas plus d'heures de nuit que d'heures travaillées (7h30).",
    );
    expect((await saveClientWeek(client, { monday: last.monday, contractIds: [contract.id], submit: true, at: NOW, values })).ok).toBe(
      true,
    );
    const sheet = await db.prisma.timesheet.findUniqueOrThrow({
      where: { contractId_weekStart: { contractId: contract.id, weekStart: last.monday } },
      include: { entries: { orderBy: { date: "asc" } } },
    });
    expect(sheet.entries[0]).toMatchObject({
      minutes: 450,
      clientMinutes: 450,
      nightMinutes: 60,
      mealAllowances: 1,
      travelAllowances: 1,
      correctedAt: null,
    });
    // Days without posted accessoires take the shifts' (none at 08:00-15:00 on a weekday).
    expect(sheet.entries[1]).toMatchObject({ minutes: 420, clientMinutes: 420, nightMinutes: 0, sundayMinutes: 0 });

    const correction = await correctTimesheet(staff, {
      timesheetId: sheet.id,
      version: sheet.updatedAt.toISOString(),
      at: NOW,
      values: { ...values, [cellName(contract.id, "2025-03-18")]: "6h30", [extraName("meals", contract.id, "2025-03-17")]: "2" },
    });
    expect(correction).toEqual({ ok: true, message: "Correction enregistrée (2 jours modifiés)." });
    const after = await db.prisma.timesheetEntry.findMany({ where: { timesheetId: sheet.id }, orderBy: { date: "asc" } });
    expect(after[1]).toMatchObject({ minutes: 390, clientMinutes: 420, correctedById: staff.id });
    expect(after[1].correctedAt).toEqual(NOW);
    expect(after[0]).toMatchObject({ minutes: 450, clientMinutes: 450, mealAllowances: 2 });
    expect(after[2]).toMatchObject({ minutes: 420, clientMinutes: 420, correctedAt: null });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "timesheet.corrected", entityId: sheet.id } });
    expect(audit.details).toMatchObject({
      changes: [{ date: "2025-03-18", old: 420, new: 390 }],
      extras: [{ date: "2025-03-17", field: "paniers repas", old: "1", new: "2" }],
    });
    // A correction cannot put hours on a day not yet worked either.
    const future = await correctTimesheet(staff, {
      timesheetId: (
        await db.prisma.timesheet.findUniqueOrThrow({
          where: { contractId_weekStart: { contractId: contract.id, weekStart: week.monday } },
        })
      ).id,
      version: (
        await db.prisma.timesheet.findUniqueOrThrow({
          where: { contractId_weekStart: { contractId: contract.id, weekStart: week.monday } },
        })
      ).updatedAt.toISOString(),
      at: NOW,
      values: cells(week, ["7", "7", "7", "7", "", "", ""]),
    });
    expect((future as { fieldErrors?: Record<string, string> }).fieldErrors?.[cellName(contract.id, "2025-03-27")]).toBe(
      FUTURE_DAY_MESSAGE,
    );
  });

  it("the worker's relevé: planned, client, agency and the difference per day", async () => {
    const lines = await workerStatement({ role: "WORKER", workerId: contract.workerId }, last.monday, last.sunday);
    expect(lines).toHaveLength(1);
    const [tue] = lines[0].days.filter((d) => d.iso === "2025-03-18");
    expect(tue).toEqual({ iso: "2025-03-18", planned: 420, client: 420, agency: 390, retained: 390, difference: -30 });
    // Monday's meals were corrected: the day reads as the agency's, its hours unchanged.
    expect(lines[0].days[0]).toMatchObject({ planned: 420, client: 450, agency: 450, retained: 450, difference: 30 });
    expect(lines[0].days[2]).toMatchObject({ planned: 420, client: 420, agency: null, retained: 420, difference: 0 });
    expect(lines[0].totals).toMatchObject({ planned: 2100, retained: 2100, difference: 0, pending: 0 });
  });

  it("exports the month's validated hours and accessoires per worker and contract, with the advances, as a French Excel CSV", async () => {
    const worker = await db.prisma.workerProfile.findUniqueOrThrow({ where: { id: contract.workerId }, include: { user: true } });
    // An advance paid in the period, one refused (not exported).
    await db.prisma.advanceRequest.createMany({
      data: [
        { workerId: worker.id, agencyId: contract.agencyId, amountCents: 12050, payDate: new Date("2025-03-12T00:00:00Z"), status: "PAID" },
        {
          workerId: worker.id,
          agencyId: contract.agencyId,
          amountCents: 5000,
          payDate: new Date("2025-03-19T00:00:00Z"),
          status: "REFUSED",
        },
      ],
    });
    const file = await payrollExport(staff, contract.agencyId, new Date("2025-03-01T00:00:00Z"), new Date("2025-03-31T00:00:00Z"));
    expect(file).not.toBeNull();
    const csv = file!.csv;
    expect(csv.startsWith("\uFEFFAgence;Matricule;Nom;Prénom;Contrat;")).toBe(true);
    expect(csv).toContain("\r\n");
    console.log(contract, await db.prisma.agency.findMany({ select: { id: true, code: true } }));
    const line = csv.split("\r\n").find((l) => l.includes(`;${STATEMENT_CONTRACT_NUMBER};`))!;
    const cols = line.split(";");
    expect(cols.slice(1, 5)).toEqual(["6950", "RELEVE", "Paul", STATEMENT_CONTRACT_NUMBER]);
    // Week of 17 March: 7,5 + 6,5 + 7 + 7 + 7 = 35 h; week of 24 March: 7 + 7 + 7h46 = 21,77 h.
    expect(cols[7]).toBe("56,77");
    expect(cols.slice(8, 16)).toEqual(["1,00", "0,00", "0,00", "0,00", "2", "1", "", "120,50"]);
    // Another agency's export is not found; the export is audited.
    expect(await payrollExport({ ...staff, agencyIds: [] }, contract.agencyId, new Date("2025-03-01"), new Date("2025-03-31"))).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: "timesheet.payroll_exported", actorId: staff.id } })).toBe(1);
  });

  it("the days not yet worked when the week was submitted are submitted once worked, once per post", async () => {
    // Friday 28 March, 18:00: Thursday and Friday are worked.
    const friday = new Date("2025-03-28T17:00:00.000Z");
    const values = cells(week, ["9", "9", "9", "7", "6h30", "", ""]);
    const input = { monday: week.monday, contractIds: [contract.id], submit: true, at: friday, values };
    const results = await Promise.all([saveClientWeek(client, input), saveClientWeek(client, input)]);
    for (const r of results) expect(r).toEqual({ ok: true, message: "Heures transmises à l'agence." });
    const sheet = await db.prisma.timesheet.findUniqueOrThrow({
      where: { contractId_weekStart: { contractId: contract.id, weekStart: week.monday } },
      include: { entries: { orderBy: { date: "asc" } } },
    });
    // The submitted days keep their hours (the 9 h posted for them are ignored); Thursday and Friday are added.
    expect(sheet.entries.map((e) => [isoDate(e.date), e.minutes, e.clientMinutes])).toEqual([
      ["2025-03-24", 420, 420],
      ["2025-03-25", 420, 420],
      ["2025-03-26", 466, 466],
      ["2025-03-27", 420, 420],
      ["2025-03-28", 390, 390],
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "timesheet.submitted", entityId: sheet.id } })).toBe(2);
    const shifts = await db.prisma.shift.findMany({ where: { contractId: contract.id, startsAt: { gte: week.start, lt: week.end } } });
    expect(shifts.every((s) => s.validated)).toBe(true);
    // Nothing left open: the week is submitted.
    expect(await saveClientWeek(client, { ...input, values: cells(week, ["7", "7", "7", "8", "8", "", ""]) })).toEqual({
      ok: false,
      message: "Les heures de cette semaine ont déjà été transmises.",
    });
  });
});
