// One coherent availability state per worker and day: "journée entière" is
// the three parts at once, never stored beside them. The rule on every
// combination of a day's state and a choice, then the service and the cleaning
// migration on real databases (PGlite, and PostgreSQL when one answers).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DayPart } from "@/lib/generated/prisma/enums";
import { PARTS_OF_DAY, applyMarks, canonicalDay, partStates, type DayMark } from "@/lib/missions/availability";
import { removeAvailabilityEntry, setAvailability, toggleAvailabilityEntry } from "@/lib/missions/set-availability";

const ALL: DayPart[] = ["FULL_DAY", ...PARTS_OF_DAY];
type Answer = boolean | undefined;

/** Every state a day can be in: each of its three parts unset, available or unavailable (27). */
const DAY_STATES: Answer[][] = [undefined, true, false].flatMap((m) =>
  [undefined, true, false].flatMap((a) => [undefined, true, false].map((n) => [m, a, n])),
);
/** Every non-empty choice of boxes in the form (15). */
const CHOICES: DayPart[][] = Array.from({ length: 15 }, (_, i) => ALL.filter((_, bit) => (i + 1) & (1 << bit)));

const stateOf = (answers: Answer[]) =>
  new Map(PARTS_OF_DAY.flatMap((p, i) => (answers[i] === undefined ? [] : [[p, answers[i]!] as const])));
const answersOf = (rows: DayMark[]) => PARTS_OF_DAY.map((p) => partStates(rows).get(p));

/** A stored day is coherent: FULL_DAY alone, exactly when its three parts agree; each part at most once. */
function expectCoherent(rows: DayMark[]) {
  const parts = rows.map((r) => r.part);
  expect(new Set(parts).size).toBe(parts.length);
  if (parts.includes("FULL_DAY")) expect(parts).toEqual(["FULL_DAY"]);
  else if (parts.length === 3) expect(new Set(rows.map((r) => r.available)).size).toBe(2);
}

describe("a day's availability rule", () => {
  it("every day state × every choice × available or not: coherent rows, the chosen parts answered, the others kept", () => {
    let cases = 0;
    for (const before of DAY_STATES)
      for (const choice of CHOICES)
        for (const available of [true, false]) {
          const after = applyMarks(canonicalDay(stateOf(before)), choice, available);
          expectCoherent(after);
          const touched = (i: number) => choice.includes("FULL_DAY") || choice.includes(PARTS_OF_DAY[i]);
          expect(answersOf(after)).toEqual(before.map((old, i) => (touched(i) ? available : old)));
          // Choosing the same again changes nothing.
          expect(applyMarks(after, choice, available)).toEqual(after);
          cases++;
        }
    expect(cases).toBe(27 * 15 * 2);
  });

  it("the audit's example: journée entière + matin + nuit is one journée entière row", () => {
    expect(applyMarks([], ["FULL_DAY", "MORNING", "NIGHT"], true)).toEqual([{ part: "FULL_DAY", available: true }]);
  });

  it("a part on a journée entière day splits it; the three parts agreeing again merge back", () => {
    const full = applyMarks([], ["FULL_DAY"], true);
    const split = applyMarks(full, ["MORNING"], false);
    expect(split).toEqual([
      { part: "MORNING", available: false },
      { part: "AFTERNOON", available: true },
      { part: "NIGHT", available: true },
    ]);
    expect(applyMarks(split, ["MORNING"], true)).toEqual(full);
    expect(applyMarks(applyMarks([], ["MORNING", "AFTERNOON"], false), ["NIGHT"], false)).toEqual([{ part: "FULL_DAY", available: false }]);
  });

  it("legacy overlapping rows read as their latest choice, part by part", () => {
    const rows: DayMark[] = [
      { part: "MORNING", available: true },
      { part: "FULL_DAY", available: false },
      { part: "NIGHT", available: true },
    ];
    expect(answersOf(rows)).toEqual([false, false, true]);
    expect(canonicalDay(partStates(rows))).toEqual([
      { part: "MORNING", available: false },
      { part: "AFTERNOON", available: false },
      { part: "NIGHT", available: true },
    ]);
  });
});

const engines = await testEngines("avail");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const MIGRATION = readFileSync(
  path.join(process.cwd(), "prisma/migrations/20261207231501_availability_one_state_per_day/migration.sql"),
  "utf8",
);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe.each(engines)("availability writes on $name", ({ open }) => {
  let db: TestDb;
  let worker: { id: string; workerId: string };
  const today = day("2026-01-05");

  async function newWorker(tag: string) {
    const user = await db.prisma.user.create({
      data: { email: `dispo.${tag}@exemple.fr`, role: "WORKER", firstName: "Dispo", lastName: tag, workerProfile: { create: {} } },
      include: { workerProfile: true },
    });
    return { id: user.id, workerId: user.workerProfile!.id };
  }
  const rowsOf = async (w: { workerId: string }, date: Date) =>
    (await db.prisma.availability.findMany({ where: { workerId: w.workerId, date }, select: { part: true, available: true } })).sort(
      (a, b) => ALL.indexOf(a.part) - ALL.indexOf(b.part),
    );

  beforeAll(async () => {
    db = await open();
    holder.__espacePrisma = db.prisma;
    worker = await newWorker("service");
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it("journée entière + matin + nuit stores one row; the form's message counts it", async () => {
    const date = day("2026-02-02");
    expect(await setAvailability(worker, [date], ["FULL_DAY", "MORNING", "NIGHT"], true)).toEqual({ ok: true, data: 1 });
    expect(await rowsOf(worker, date)).toEqual([{ part: "FULL_DAY", available: true }]);
  });

  it("journée entière on a day with parts replaces them, available or not", async () => {
    const date = day("2026-02-03");
    await setAvailability(worker, [date], ["MORNING"], true);
    await setAvailability(worker, [date], ["NIGHT"], false);
    expect(await setAvailability(worker, [date], ["FULL_DAY"], false)).toEqual({ ok: true, data: 1 });
    expect(await rowsOf(worker, date)).toEqual([{ part: "FULL_DAY", available: false }]);
  });

  it("a part on a journée entière day splits it, the other parts keeping their answer; agreeing again merges", async () => {
    const date = day("2026-02-04");
    await setAvailability(worker, [date], ["FULL_DAY"], true);
    expect(await setAvailability(worker, [date], ["AFTERNOON"], false)).toEqual({ ok: true, data: 3 });
    expect(await rowsOf(worker, date)).toEqual([
      { part: "MORNING", available: true },
      { part: "AFTERNOON", available: false },
      { part: "NIGHT", available: true },
    ]);
    await setAvailability(worker, [date], ["AFTERNOON"], true);
    expect(await rowsOf(worker, date)).toEqual([{ part: "FULL_DAY", available: true }]);
  });

  it("the same choice twice is one row, left as it was (same id, same time)", async () => {
    const date = day("2026-02-05");
    await setAvailability(worker, [date], ["MORNING", "MORNING"], false);
    const first = await db.prisma.availability.findMany({ where: { workerId: worker.workerId, date } });
    expect(await setAvailability(worker, [date, date], ["MORNING"], false)).toEqual({ ok: true, data: 1 });
    expect(await db.prisma.availability.findMany({ where: { workerId: worker.workerId, date } })).toEqual(first);
  });

  it("a day left with overlapping rows by earlier versions is made coherent by its next write", async () => {
    const date = day("2026-02-06");
    const at = (h: number) => new Date(Date.UTC(2025, 0, 1, h));
    await db.prisma.availability.createMany({
      data: [
        { workerId: worker.workerId, date, part: "MORNING", available: false, createdAt: at(0), updatedAt: at(0) },
        { workerId: worker.workerId, date, part: "FULL_DAY", available: true, createdAt: at(1), updatedAt: at(1) },
        { workerId: worker.workerId, date, part: "NIGHT", available: false, createdAt: at(2), updatedAt: at(2) },
      ],
    });
    expect(await setAvailability(worker, [date], ["AFTERNOON"], false)).toEqual({ ok: true, data: 3 });
    // The morning takes the newer full day's answer, the night keeps its own newer one.
    expect(await rowsOf(worker, date)).toEqual([
      { part: "MORNING", available: true },
      { part: "AFTERNOON", available: false },
      { part: "NIGHT", available: false },
    ]);
  });

  it("every day state × every choice × available or not, through the service: the rows the rule says", async () => {
    // Each case on its own day: 27 states × 15 choices × 2 answers, written in batches.
    const cases = DAY_STATES.flatMap((before) =>
      CHOICES.flatMap((choice) => [true, false].map((available) => ({ before, choice, available }))),
    );
    const w = await newWorker("grid");
    const dateOf = (i: number) => new Date(day("2027-01-01").getTime() + i * 86_400_000);
    await db.prisma.availability.createMany({
      data: cases.flatMap((c, i) => canonicalDay(stateOf(c.before)).map((m) => ({ workerId: w.workerId, date: dateOf(i), ...m }))),
    });
    // One call per (choice, answer), over all the days of those cases.
    for (const choice of CHOICES)
      for (const available of [true, false]) {
        const days = cases.flatMap((c, i) => (c.choice === choice && c.available === available ? [dateOf(i)] : []));
        expect((await setAvailability(w, days, choice, available)).ok).toBe(true);
      }
    const rows = await db.prisma.availability.findMany({
      where: { workerId: w.workerId },
      select: { date: true, part: true, available: true },
    });
    cases.forEach((c, i) => {
      const stored = rows
        .filter((r) => r.date.getTime() === dateOf(i).getTime())
        .map(({ part, available }) => ({ part, available }))
        .sort((a, b) => ALL.indexOf(a.part) - ALL.indexOf(b.part));
      expect(stored, JSON.stringify(c)).toEqual(applyMarks(canonicalDay(stateOf(c.before)), c.choice, c.available));
    });
  });

  it("parallel writes of a day from several tabs (full day, parts, both answers) leave it coherent", async () => {
    const date = day("2026-02-09");
    const choices: DayPart[][] = [["FULL_DAY"], ["MORNING"], ["AFTERNOON", "NIGHT"], ["FULL_DAY", "MORNING"], ["NIGHT"]];
    const settled = await Promise.allSettled(
      Array.from({ length: 15 }, (_, i) => setAvailability(worker, [date], choices[i % choices.length], i % 2 === 0)),
    );
    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    expectCoherent(await rowsOf(worker, date));
  });

  it("Passer en (in)disponible keeps the day coherent; another worker's entry or a past one is left alone", async () => {
    const date = day("2026-02-10");
    await setAvailability(worker, [date], ["MORNING", "AFTERNOON"], true);
    await setAvailability(worker, [date], ["NIGHT"], false);
    const night = await db.prisma.availability.findFirstOrThrow({ where: { workerId: worker.workerId, date, part: "NIGHT" } });
    expect(await toggleAvailabilityEntry(worker, night.id, today)).toBe(true);
    expect(await rowsOf(worker, date)).toEqual([{ part: "FULL_DAY", available: true }]);
    const full = await db.prisma.availability.findFirstOrThrow({ where: { workerId: worker.workerId, date } });
    const other = await newWorker("other");
    expect(await toggleAvailabilityEntry(other, full.id, today)).toBe(false);
    expect(await removeAvailabilityEntry(other, full.id, today)).toBe(false);
    expect(await toggleAvailabilityEntry(worker, full.id, day("2026-02-11"))).toBe(false);
    expect(await rowsOf(worker, date)).toEqual([{ part: "FULL_DAY", available: true }]);
    expect(await removeAvailabilityEntry(worker, full.id, today)).toBe(true);
    expect(await rowsOf(worker, date)).toEqual([]);
  });

  it("the migration merges legacy overlapping rows as the service reads them, and leaves coherent days alone", async () => {
    const w = await newWorker("legacy");
    // Random legacy days: any subset of the four rows, any answers, in any order of writing.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const legacy: { date: Date; part: DayPart; available: boolean; updatedAt: Date }[] = [];
    for (let i = 0; i < 120; i++) {
      const date = new Date(day("2028-01-01").getTime() + i * 86_400_000);
      for (const part of ALL)
        if (random() < 0.6)
          legacy.push({ date, part, available: random() < 0.5, updatedAt: new Date(Date.UTC(2025, 0, 1, Math.floor(random() * 4))) });
    }
    await db.prisma.availability.createMany({ data: legacy.map((r) => ({ workerId: w.workerId, createdAt: r.updatedAt, ...r })) });
    const untouched = await db.prisma.availability.findMany({ where: { workerId: worker.workerId }, orderBy: { id: "asc" } });
    for (const statement of MIGRATION.split(/;\s*$/m).filter((s) => s.replace(/--.*$/gm, "").trim()))
      await db.prisma.$executeRawUnsafe(statement);
    const after = await db.prisma.availability.findMany({
      where: { workerId: w.workerId },
      select: { date: true, part: true, available: true },
    });
    for (const date of new Set(legacy.map((r) => r.date.getTime()))) {
      const written = legacy
        .filter((r) => r.date.getTime() === date)
        .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || Number(b.part === "FULL_DAY") - Number(a.part === "FULL_DAY"));
      const stored = after
        .filter((r) => r.date.getTime() === date)
        .map(({ part, available }) => ({ part, available }))
        .sort((a, b) => ALL.indexOf(a.part) - ALL.indexOf(b.part));
      expect(stored, JSON.stringify(written)).toEqual(canonicalDay(partStates(written)));
    }
    // The service's coherent rows are what the migration would write: nothing changes.
    expect(await db.prisma.availability.findMany({ where: { workerId: worker.workerId }, orderBy: { id: "asc" } })).toEqual(untouched);
  });
});
