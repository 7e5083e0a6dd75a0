// The pure rules of a contract's terms: the motif de recours per legal case,
// the shifts a change of dates adds and removes, the worker's unavailability
// meeting a shift, and which contracts a worker may see.
import { describe, expect, it } from "vitest";
import {
  RECOURSE_CASES,
  datesOfShifts,
  isVisibleToWorker,
  missingForIssue,
  normalizeRecourse,
  planDateChange,
  recourseCaseFromText,
  recourseErrors,
  recourseLines,
  recourseNeeds,
  replacedNameFromText,
  usualSlot,
} from "@/lib/contracts/rules";
import { parisInstant } from "@/lib/contracts/shifts";
import { partsOfShift, unavailabilityConflicts, unavailabilityWarning } from "@/lib/missions/rules";
import { formatDate } from "@/lib/format";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (iso: string, hhmm: string, plusDays = 0) => {
  const [h, m] = hhmm.split(":").map(Number);
  return parisInstant(day(iso), h * 60 + m, plusDays);
};
const none = { recourseCase: null, replacedName: null, replacedPosition: null, recourseReason: null };

describe("motif de recours", () => {
  it("a replacement asks for the person replaced and their position, the other cases for a justification", () => {
    for (const c of RECOURSE_CASES) {
      const needs = recourseNeeds(c);
      expect(needs.replaced).toBe(c.startsWith("REPLACEMENT_"));
      expect(needs.reason).toBe(!needs.replaced);
    }
    expect(recourseErrors(none)).toEqual({ recourseCase: expect.stringContaining("Choisissez le motif de recours") });
    expect(recourseErrors({ ...none, recourseCase: "REPLACEMENT_ABSENT" })).toEqual({
      replacedName: "Renseignez le nom de la personne remplacée.",
      replacedPosition: "Renseignez le poste (qualification) de la personne remplacée.",
    });
    expect(recourseErrors({ ...none, recourseCase: "REPLACEMENT_ABSENT", replacedName: "  ", replacedPosition: "Aide-soignante" })).toEqual(
      {
        replacedName: "Renseignez le nom de la personne remplacée.",
      },
    );
    expect(recourseErrors({ ...none, recourseCase: "REPLACEMENT_HEAD", replacedName: "M. Puech", replacedPosition: "Gérant" })).toEqual({});
    expect(recourseErrors({ ...none, recourseCase: "ACTIVITY_INCREASE" })).toEqual({
      recourseReason: expect.stringContaining("justification"),
    });
    expect(recourseErrors({ ...none, recourseCase: "SEASONAL", recourseReason: "Vendanges" })).toEqual({});
  });

  it("issuing needs the case and its fields", () => {
    const base = { workShiftCount: 2, hourlyRateCents: 1250 };
    expect(missingForIssue({ ...base, ...none, recourseReason: "Remplacement de Mme B." })).toEqual(["le motif de recours"]);
    expect(missingForIssue({ ...base, ...none, recourseCase: "REPLACEMENT_ABSENT", replacedName: "Mme B. Magalie" })).toEqual([
      "le poste de la personne remplacée",
    ]);
    expect(missingForIssue({ ...base, ...none, recourseCase: "URGENT_WORK" })).toEqual(["la justification du motif de recours"]);
    expect(missingForIssue({ ...base, ...none, recourseCase: "URGENT_WORK", recourseReason: "Réfection du toit" })).toEqual([]);
  });

  it("keeps the person replaced only for a replacement, and prints the case, the person and the justification", () => {
    expect(
      normalizeRecourse({ recourseCase: "ACTIVITY_INCREASE", replacedName: "X", replacedPosition: "Y", recourseReason: " Inventaire " }),
    ).toEqual({ recourseCase: "ACTIVITY_INCREASE", replacedName: null, replacedPosition: null, recourseReason: "Inventaire" });
    expect(
      recourseLines({
        recourseCase: "REPLACEMENT_ABSENT",
        replacedName: "Mme Magalie Bonnafous",
        replacedPosition: "Aide-soignante",
        recourseReason: null,
      }),
    ).toEqual([
      { label: "Motif de recours", value: "Remplacement d'un salarié absent" },
      { label: "Personne remplacée", value: "Mme Magalie Bonnafous" },
      { label: "Poste de la personne remplacée", value: "Aide-soignante" },
    ]);
    // An older row without a case still prints its text.
    expect(recourseLines({ ...none, recourseReason: "Surcroît" })).toEqual([{ label: "Motif de recours", value: "Surcroît" }]);
  });

  it("reads the case and the person replaced from the free text of older rows", () => {
    expect(recourseCaseFromText("Remplacement de Mme B. Magalie, absente")).toBe("REPLACEMENT_ABSENT");
    expect(recourseCaseFromText("  remplacement congé maternité")).toBe("REPLACEMENT_ABSENT");
    expect(recourseCaseFromText("Accroissement temporaire d'activité")).toBe("ACTIVITY_INCREASE");
    expect(recourseCaseFromText("Surcroît lié à l'inventaire")).toBe("ACTIVITY_INCREASE");
    expect(recourseCaseFromText("Emploi saisonnier")).toBe("SEASONAL");
    expect(recourseCaseFromText("Renfort")).toBeNull();
    expect(recourseCaseFromText(null)).toBeNull();
    expect(replacedNameFromText("Remplacement de Mme B. Magalie, absente")).toBe("Mme B. Magalie");
    expect(replacedNameFromText("Remplacement du chef de cuisine (congés)")).toBe("chef de cuisine");
    expect(replacedNameFromText("Accroissement temporaire d'activité")).toBeNull();
  });
});

describe("a change of dates and the shifts", () => {
  // Wednesday 16 to Friday 18 December 2026, 13:30-20:30 every day.
  const evening = (iso: string, id = iso) => ({
    id,
    startsAt: at(iso, "13:30"),
    endsAt: at(iso, "20:30"),
    breakMinutes: 0,
    kind: "WORK" as const,
    validated: false,
  });
  const shifts = [evening("2026-12-16"), evening("2026-12-17"), evening("2026-12-18")];
  const from = { startDate: day("2026-12-16"), endDate: day("2026-12-18") };
  const before = new Date("2026-12-10T09:00:00Z");

  it("the end moved from the 18th to the 19th adds the usual shift on the 19th", () => {
    const plan = planDateChange({ shifts, from, to: { ...from, endDate: day("2026-12-19") }, hoursLabel: "13:30-20:30", now: before });
    expect(plan.removed).toEqual([]);
    expect(plan.blocked).toEqual([]);
    expect(plan.added).toEqual([{ startsAt: at("2026-12-19", "13:30"), endsAt: at("2026-12-19", "20:30"), breakMinutes: 0 }]);
    expect(plan.result).toEqual({ startDate: day("2026-12-16"), endDate: day("2026-12-19") });
  });

  it("shrinking removes the shifts outside, and refuses to remove a worked or validated one", () => {
    const to = { startDate: day("2026-12-17"), endDate: day("2026-12-18") };
    const plan = planDateChange({ shifts, from, to, hoursLabel: "", now: before });
    expect(plan.removed.map((s) => s.id)).toEqual(["2026-12-16"]);
    expect(plan.added).toEqual([]);
    expect(plan.result).toEqual(to);
    // Validated, or already ended: blocked.
    const validated = planDateChange({
      shifts: [{ ...shifts[0], validated: true }, ...shifts.slice(1)],
      from,
      to,
      hoursLabel: "",
      now: before,
    });
    expect(validated.blocked.map((s) => s.id)).toEqual(["2026-12-16"]);
    expect(validated.removed).toEqual([]);
    const worked = planDateChange({ shifts, from, to, hoursLabel: "", now: at("2026-12-16", "20:30") });
    expect(worked.blocked.map((s) => s.id)).toEqual(["2026-12-16"]);
    // One minute before its end it is not worked yet.
    expect(
      planDateChange({ shifts, from, to, hoursLabel: "", now: new Date(at("2026-12-16", "20:30").getTime() - 60_000) }).blocked,
    ).toEqual([]);
  });

  it("keeps the contract's rest days: a weekday without a shift within the old dates gets none", () => {
    // Monday 7 to Sunday 13 December 2026, Monday to Friday.
    const week = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"].map((d) => evening(d));
    const plan = planDateChange({
      shifts: week,
      from: { startDate: day("2026-12-07"), endDate: day("2026-12-13") },
      to: { startDate: day("2026-12-07"), endDate: day("2026-12-20") },
      hoursLabel: "",
      now: before,
    });
    expect(plan.added.map((s) => formatDate(s.startsAt))).toEqual(["14/12/2026", "15/12/2026", "16/12/2026", "17/12/2026", "18/12/2026"]);
    // Sunday 20 is a rest day: the shifts end on Friday 18, not on the end date asked for.
    expect(plan.result).toEqual({ startDate: day("2026-12-07"), endDate: day("2026-12-18") });
  });

  it("a night shift across a DST change keeps its wall-clock times", () => {
    const night = (iso: string) => ({
      id: iso,
      startsAt: at(iso, "21:00"),
      endsAt: at(iso, "07:00", 1),
      breakMinutes: 30,
      kind: "WORK" as const,
      validated: false,
    });
    const plan = planDateChange({
      shifts: [night("2026-03-27")],
      from: { startDate: day("2026-03-27"), endDate: day("2026-03-27") },
      to: { startDate: day("2026-03-27"), endDate: day("2026-03-28") },
      hoursLabel: "",
      now: before,
    });
    expect(plan.added).toEqual([
      { startsAt: new Date("2026-03-28T20:00:00Z"), endsAt: new Date("2026-03-29T05:00:00Z"), breakMinutes: 30 },
    ]);
  });

  it("the usual shift is the most frequent one; absences do not count; the hours label when there is none", () => {
    const mixed = [evening("2026-12-16"), evening("2026-12-17"), { ...evening("2026-12-18"), startsAt: at("2026-12-18", "08:00") }];
    expect(usualSlot(mixed, "")).toEqual({ start: "13:30", end: "20:30", breakMinutes: 0, n: 2 });
    expect(usualSlot([{ ...evening("2026-12-16"), kind: "ABSENCE" }], "07:30-14:30 00:00-00:00")).toEqual({
      start: "07:30",
      end: "14:30",
      breakMinutes: 0,
    });
    expect(usualSlot([], "")).toBeNull();
  });

  it("the dates of a list of shifts are its first and last Paris days (a shift after midnight UTC included)", () => {
    expect(datesOfShifts([])).toBeNull();
    expect(datesOfShifts([{ startsAt: at("2026-12-18", "00:30") }, { startsAt: at("2026-12-16", "23:30") }])).toEqual({
      startDate: day("2026-12-16"),
      endDate: day("2026-12-18"),
    });
  });
});

describe("the worker's unavailability and booked shifts", () => {
  const shift = (iso: string, start: string, end: string) => ({
    startsAt: at(iso, start),
    endsAt: at(iso, end, end <= start ? 1 : 0),
    contractNumber: "43054",
  });

  it("a mark meets a shift on the same Paris day in the part it touches", () => {
    expect(partsOfShift(shift("2026-12-16", "13:30", "20:30"))).toEqual(["FULL_DAY", "AFTERNOON"]);
    expect(partsOfShift(shift("2026-12-16", "07:30", "14:30"))).toEqual(["FULL_DAY", "MORNING", "AFTERNOON"]);
    expect(partsOfShift(shift("2026-12-16", "21:00", "07:00"))).toEqual(["FULL_DAY", "NIGHT"]);
    const evening = shift("2026-12-16", "13:30", "20:30");
    expect(unavailabilityConflicts([{ date: day("2026-12-16"), part: "FULL_DAY" }], [evening])).toHaveLength(1);
    expect(unavailabilityConflicts([{ date: day("2026-12-16"), part: "AFTERNOON" }], [evening])).toHaveLength(1);
    // The morning is free for an evening shift, and another day is another day.
    expect(unavailabilityConflicts([{ date: day("2026-12-16"), part: "MORNING" }], [evening])).toEqual([]);
    expect(unavailabilityConflicts([{ date: day("2026-12-17"), part: "FULL_DAY" }], [evening])).toEqual([]);
    // A night shift belongs to the day it starts.
    const night = shift("2026-12-16", "21:00", "07:00");
    expect(unavailabilityConflicts([{ date: day("2026-12-17"), part: "MORNING" }], [night])).toEqual([]);
    expect(unavailabilityConflicts([{ date: day("2026-12-16"), part: "NIGHT" }], [night])).toHaveLength(1);
  });

  it("staff's warning names the days, once each", () => {
    const marks = [
      { date: day("2026-12-17"), part: "FULL_DAY" as const },
      { date: day("2026-12-16"), part: "MORNING" as const },
    ];
    expect(unavailabilityWarning(marks, null, formatDate)).toBe(
      "L'intérimaire s'est déclaré(e) indisponible le 16/12/2026 (matin), le 17/12/2026 (journée entière) : vérifiez avec lui ou elle avant de le réserver.",
    );
    expect(unavailabilityWarning(marks, [shift("2026-12-16", "13:30", "20:30")], formatDate)).toBeNull();
    expect(unavailabilityWarning(marks, [shift("2026-12-17", "13:30", "20:30")], formatDate)).toContain("le 17/12/2026 (journée entière)");
    expect(unavailabilityWarning([], null, formatDate)).toBeNull();
  });
});

describe("which contracts the worker sees", () => {
  it("only those issued to them: never a draft, nor a draft cancelled before it was sent", () => {
    const issued = new Date("2026-12-01T10:00:00Z");
    expect(isVisibleToWorker({ state: "DRAFT", issuedAt: null })).toBe(false);
    expect(isVisibleToWorker({ state: "CANCELLED", issuedAt: null })).toBe(false);
    expect(isVisibleToWorker({ state: "CANCELLED", issuedAt: issued })).toBe(true);
    expect(isVisibleToWorker({ state: "AWAITING_SIGNATURE", issuedAt: issued })).toBe(true);
    expect(isVisibleToWorker({ state: "INCOMPLETE", issuedAt: issued })).toBe(true);
    expect(isVisibleToWorker({ state: "SIGNED", issuedAt: issued })).toBe(true);
  });
});

describe("the contract form's schema", () => {
  it("an empty form answers every field at once, the motif's fields included, never an exception", async () => {
    const { contractCreateSchema } = await import("@/lib/backoffice/schemas");
    const empty = Object.fromEntries(
      ["workerId", "siteId", "qualificationId", "reference", "startDate", "endDate", "hourlyRate", "start", "end", "recourseReason"].map(
        (k) => [k, ""],
      ),
    );
    const parsed = contractCreateSchema.safeParse({ ...empty, recourseCase: "REPLACEMENT_ABSENT" });
    expect(parsed.success).toBe(false);
    const fields = new Set(parsed.error!.issues.map((i) => i.path.join(".")));
    for (const f of ["startDate", "endDate", "replacedName", "replacedPosition"]) expect(fields).toContain(f);
    const noCase = contractCreateSchema.safeParse({ ...empty, recourseCase: "" });
    expect(noCase.error!.issues.find((i) => i.path[0] === "recourseCase")?.message).toContain("Choisissez le motif de recours");
  });
});
