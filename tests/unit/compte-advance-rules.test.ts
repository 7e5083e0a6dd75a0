import { describe, expect, it } from "vitest";
import { isoWeekday } from "@/lib/time/days";
import { parisCalendarDate } from "@/lib/time/paris";
import {
  DEFAULT_ADVANCE_RULES as R,
  advanceRuleText,
  advanceSchedule,
  cutoffWeekday,
  advanceBasis,
  assessAmount,
  availableCents,
  monthsCovered,
  overCapAcceptanceProblem,
  overCapInSelection,
  unpaidMonths,
  cutoffOf,
  earnedCents,
  lastPayDateOfMonth,
  parseEuros,
  payDateFor,
} from "@/lib/advances/rules";

const day = (d: Date) => d.toISOString().slice(0, 10);

describe("payment day and cut-off (Paris time)", () => {
  it("Tuesday 23:59 Paris counts for the next day, Wednesday 00:00 for the week after", () => {
    // Winter (UTC+1): Tuesday 1 December 2026 23:59 Paris = 22:59Z.
    expect(day(payDateFor(new Date("2026-12-01T22:59:59Z"), R))).toBe("2026-12-02");
    expect(day(payDateFor(new Date("2026-12-01T23:00:00Z"), R))).toBe("2026-12-09");
    // Summer (UTC+2): Tuesday 7 July 2026 23:59 Paris = 21:59Z.
    expect(day(payDateFor(new Date("2026-07-07T21:59:00Z"), R))).toBe("2026-07-08");
    expect(day(payDateFor(new Date("2026-07-07T22:00:00Z"), R))).toBe("2026-07-15");
    // The UTC date is already Wednesday while Paris is still Tuesday, and the reverse does not matter.
    expect(day(payDateFor(new Date("2026-12-01T23:30:00Z"), R))).toBe("2026-12-09");
  });

  it("gives the cut-off instant as midnight Paris at the start of the payment day", () => {
    expect(cutoffOf(new Date("2026-12-02T00:00:00Z"), R).toISOString()).toBe("2026-12-01T23:00:00.000Z");
    expect(cutoffOf(new Date("2026-07-08T00:00:00Z"), R).toISOString()).toBe("2026-07-07T22:00:00.000Z");
  });

  it("Monday and Sunday go to the coming Wednesday, Thursday to the next week", () => {
    expect(day(payDateFor(new Date("2026-11-30T08:00:00Z"), R))).toBe("2026-12-02");
    expect(day(payDateFor(new Date("2026-11-29T20:00:00Z"), R))).toBe("2026-12-02");
    expect(day(payDateFor(new Date("2026-11-26T08:00:00Z"), R))).toBe("2026-12-02");
  });

  it("handles both daylight-saving changes", () => {
    // Spring 2026: clocks go forward on Sunday 29 March. Tuesday 31 March 23:59 Paris = 21:59Z (UTC+2).
    expect(day(payDateFor(new Date("2026-03-31T21:59:00Z"), R))).toBe("2026-04-01");
    expect(day(payDateFor(new Date("2026-03-31T22:00:00Z"), R))).toBe("2026-04-08");
    // Tuesday 24 March, still winter time: 23:59 Paris = 22:59Z.
    expect(day(payDateFor(new Date("2026-03-24T22:59:00Z"), R))).toBe("2026-03-25");
    expect(day(payDateFor(new Date("2026-03-24T23:00:00Z"), R))).toBe("2026-04-01");
    // Autumn: clocks go back on Sunday 25 October; Tuesday 27 October 23:59 Paris = 22:59Z (UTC+1).
    expect(day(payDateFor(new Date("2026-10-27T22:59:00Z"), R))).toBe("2026-10-28");
    expect(day(payDateFor(new Date("2026-10-27T23:00:00Z"), R))).toBe("2026-11-04");
    expect(cutoffOf(new Date("2026-10-28T00:00:00Z"), R).toISOString()).toBe("2026-10-27T23:00:00.000Z");
  });

  it("closes the month after its last Wednesday and moves to the next month's first one", () => {
    expect(day(lastPayDateOfMonth(2026, 11, R))).toBe("2026-11-25");
    expect(day(lastPayDateOfMonth(2026, 12, R))).toBe("2026-12-30");
    expect(day(lastPayDateOfMonth(2026, 9, R))).toBe("2026-09-30");
    // Tuesday 24 November 23:59: the last Wednesday of November is still open.
    const before = advanceSchedule(new Date("2026-11-24T22:59:00Z"), R);
    expect(day(before.payDate)).toBe("2026-11-25");
    expect(before.monthClosed).toBe(false);
    expect(before.salaryMonth).toEqual({ year: 2026, month: 11 });
    // One minute later: November is closed, the advance is on December's salary.
    const after = advanceSchedule(new Date("2026-11-24T23:00:00Z"), R);
    expect(day(after.payDate)).toBe("2026-12-02");
    expect(after.monthClosed).toBe(true);
    expect(after.salaryMonth).toEqual({ year: 2026, month: 12 });
    expect(day(after.lastPayDateOfCurrentMonth)).toBe("2026-11-25");
    // Month change across the year end.
    const newYear = advanceSchedule(new Date("2026-12-29T23:00:00Z"), R);
    expect(day(newYear.payDate)).toBe("2027-01-06");
    expect(newYear.salaryMonth).toEqual({ year: 2027, month: 1 });
  });

  it("follows an agency's own payment day and cut-off", () => {
    const friday = { ...R, payWeekday: 5, cutoffDaysBefore: 2 };
    // Wednesday 23:59 Paris counts for Friday; Thursday 00:00 for the next Friday.
    expect(day(payDateFor(new Date("2026-12-02T22:59:00Z"), friday))).toBe("2026-12-04");
    expect(day(payDateFor(new Date("2026-12-02T23:00:00Z"), friday))).toBe("2026-12-11");
  });
});

describe("amounts", () => {
  it("computes validated earnings and what is left to advance", () => {
    expect(
      earnedCents([
        { minutes: 420, hourlyRateCents: 1250 },
        { minutes: 90, hourlyRateCents: 1000 },
      ]),
    ).toBe(8750 + 1500);
    // 1 000 € earned, 60 %: 600 €, less 150 € already: 450 €.
    expect(availableCents({ earnedCents: 100_000, ratioPct: 60, alreadyAdvancedCents: 15_000 })).toBe(45_000);
    // Rounded down to whole euros, never negative.
    expect(availableCents({ earnedCents: 10_099, ratioPct: 100, alreadyAdvancedCents: 0 })).toBe(10_000);
    expect(availableCents({ earnedCents: 10_000, ratioPct: 60, alreadyAdvancedCents: 20_000 })).toBe(0);
  });

  it("checks the minimum at its edge; above the available amount is a request, flagged, with the notice", () => {
    const limits = { minCents: 5000, availableCents: 30_000 };
    expect(assessAmount(5000, limits)).toEqual({ ok: true, overCap: false, notice: null });
    expect(assessAmount(4900, limits)).toEqual({ ok: false, problem: "Le montant minimum d'un acompte est de 50,00\u00a0€." });
    expect(assessAmount(30_000, limits)).toEqual({ ok: true, overCap: false, notice: null });
    expect(assessAmount(30_100, limits)).toEqual({
      ok: true,
      overCap: true,
      notice: "Votre demande dépasse le montant disponible (300,00\u00a0€) : l'agence la vérifiera avec les heures validées.",
    });
    // Nothing available (the first days of a month before any validated hours): the worker can still ask.
    expect(assessAmount(5000, { minCents: 5000, availableCents: 0 })).toMatchObject({ ok: true, overCap: true });
    expect(assessAmount(4900, { minCents: 5000, availableCents: 0 })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/minimum/),
    });
    expect(assessAmount(0, limits)).toEqual({ ok: false, problem: "Indiquez un montant en euros." });
  });

  it("reads amounts typed in euros", () => {
    expect(parseEuros("230")).toBe(23_000);
    expect(parseEuros("230 €")).toBe(23_000);
    expect(parseEuros("1 200")).toBe(120_000);
    expect(parseEuros("230,50")).toBeNull();
    expect(parseEuros("-5")).toBeNull();
    expect(parseEuros("abc")).toBeNull();
  });
});

describe("the worker's page states the agency's own rule (advanceRuleText)", () => {
  it("default agency: paid on Wednesday, requests before Tuesday night", () => {
    expect(advanceRuleText(R)).toEqual({
      payDay: "le mercredi",
      cutoff: "avant mardi soir 00h00",
      lastOfMonth: "le dernier mercredi du mois",
    });
  });

  it("an agency paying on Friday: « le vendredi », « avant jeudi soir »; on Monday: « avant dimanche soir »", () => {
    expect(advanceRuleText({ ...R, payWeekday: 5 })).toEqual({
      payDay: "le vendredi",
      cutoff: "avant jeudi soir 00h00",
      lastOfMonth: "le dernier vendredi du mois",
    });
    expect(advanceRuleText({ ...R, payWeekday: 1 }).cutoff).toBe("avant dimanche soir 00h00");
    expect(advanceRuleText({ ...R, payWeekday: 3, cutoffDaysBefore: 2 }).cutoff).toBe("avant lundi soir 00h00");
  });

  it("the weekday named is the one whose evening the rule's cut-off closes, for every pay day", () => {
    const now = new Date("2026-03-02T09:00:00Z"); // a Monday, 10:00 in Paris
    for (let payWeekday = 1; payWeekday <= 7; payWeekday++) {
      for (const cutoffDaysBefore of [1, 2]) {
        const rules = { ...R, payWeekday, cutoffDaysBefore };
        const { payDate, cutoff } = advanceSchedule(now, rules);
        expect(isoWeekday(payDate)).toBe(payWeekday);
        // The last minute that still counts is on the named day, in Paris.
        const lastMinute = parisCalendarDate(new Date(cutoff.getTime() - 60_000));
        expect(isoWeekday(lastMinute)).toBe(cutoffWeekday(rules));
        expect(advanceRuleText(rules).payDay).toBe(
          `le ${["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][payWeekday - 1]}`,
        );
      }
    }
  });
});

describe("the available amount: validated hours not yet paid by a payslip (advanceBasis)", () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const m = (year: number, month: number) => ({ year, month });
  // 7 h a day at 12,50 €/h = 87,50 € a day.
  const day = (iso: string, minutes = 420) => ({ date: d(iso), minutes, hourlyRateCents: 1250 });
  const november = Array.from({ length: 20 }, (_, i) => day(`2026-11-${String(i + 2).padStart(2, "0")}`)); // 20 days: 1 750 €
  const base = { ratioPct: 60, paidMonths: [m(2026, 10)], work: november, advances: [] };

  it("on the 2nd, last month's validated hours count while its payslip is not published", () => {
    const basis = advanceBasis({ ...base, today: d("2026-12-02") });
    expect(basis.months).toEqual([m(2026, 11), m(2026, 12)]);
    expect(basis.minutes).toBe(20 * 420);
    expect(basis.earnedCents).toBe(175_000);
    expect(basis.availableCents).toBe(105_000); // 60 % of 1 750 €
  });

  it("once the payslip covering the month is published, its hours no longer count", () => {
    const basis = advanceBasis({ ...base, today: d("2026-12-10"), paidMonths: [m(2026, 10), m(2026, 11)] });
    expect(basis.months).toEqual([m(2026, 12)]);
    expect(basis.minutes).toBe(0);
    expect(basis.availableCents).toBe(0);
    // December's own validated hours count from then on.
    const december = advanceBasis({
      ...base,
      today: d("2026-12-10"),
      paidMonths: [m(2026, 11)],
      work: [...november, day("2026-12-07"), day("2026-12-08")],
    });
    expect(december.minutes).toBe(840);
    expect(december.availableCents).toBe(10_500); // 60 % of 175 €
  });

  it("the first and last days of a month belong to it; validated days after today do not count", () => {
    const work = [day("2026-11-01"), day("2026-11-30"), day("2026-12-01"), day("2026-12-02"), day("2026-12-03")];
    expect(advanceBasis({ ...base, work, today: d("2026-12-02") }).minutes).toBe(4 * 420);
    expect(advanceBasis({ ...base, work, today: d("2026-12-02"), paidMonths: [m(2026, 11)] }).minutes).toBe(2 * 420);
    expect(advanceBasis({ ...base, work: [day("2026-10-31")], today: d("2026-12-02") }).minutes).toBe(0); // October is paid
  });

  it("deducts the advances accepted or paid that no published payslip settled", () => {
    const advances = [
      { payDate: d("2026-10-28"), amountCents: 30_000 }, // October: settled by October's payslip
      { payDate: d("2026-11-25"), amountCents: 20_000 }, // November: not settled yet
      { payDate: d("2026-12-02"), amountCents: 10_000 }, // December's first Wednesday
    ];
    const basis = advanceBasis({ ...base, advances, today: d("2026-12-02") });
    expect(basis.advancedCents).toBe(30_000);
    expect(basis.availableCents).toBe(105_000 - 30_000);
    // November's payslip settles November's advance with November's hours; December's stays.
    const after = advanceBasis({ ...base, advances, today: d("2026-12-10"), paidMonths: [m(2026, 11)] });
    expect(after.advancedCents).toBe(10_000);
    expect(after.availableCents).toBe(0);
    // An advance for next month (asked after the last Wednesday) is not settled either.
    expect(
      advanceBasis({ ...base, advances: [{ payDate: d("2027-01-06"), amountCents: 5000 }], today: d("2026-12-30") }).advancedCents,
    ).toBe(5000);
  });

  it("applies the agency's ratio and rounds down to whole euros", () => {
    expect(advanceBasis({ ...base, ratioPct: 100, today: d("2026-12-02") }).availableCents).toBe(175_000);
    expect(advanceBasis({ ...base, ratioPct: 33, today: d("2026-12-02") }).availableCents).toBe(57_700); // 577,50 € -> 577 €
    expect(advanceBasis({ ...base, ratioPct: 0, today: d("2026-12-02") }).availableCents).toBe(0);
  });

  it("months without any payslip go back two months at most; an older payslip stops them", () => {
    expect(unpaidMonths(d("2026-12-02"), [])).toEqual([m(2026, 10), m(2026, 11), m(2026, 12)]);
    expect(unpaidMonths(d("2026-01-15"), [])).toEqual([m(2025, 11), m(2025, 12), m(2026, 1)]);
    expect(unpaidMonths(d("2026-12-02"), [m(2026, 10)])).toEqual([m(2026, 11), m(2026, 12)]);
    // A payslip of November published while October's is missing: October is not counted again.
    expect(unpaidMonths(d("2026-12-02"), [m(2026, 11)])).toEqual([m(2026, 12)]);
    // The current month paid early (a payslip at the end of a mission): nothing left.
    expect(unpaidMonths(d("2026-12-30"), [m(2026, 11), m(2026, 12)])).toEqual([]);
  });

  it("reads the months a payslip covers from its period", () => {
    expect(monthsCovered({ periodStart: d("2026-11-01"), periodEnd: d("2026-11-30") })).toEqual([m(2026, 11)]);
    expect(monthsCovered({ periodStart: d("2026-11-01"), periodEnd: null })).toEqual([m(2026, 11)]);
    expect(monthsCovered({ periodStart: d("2026-11-15"), periodEnd: d("2027-01-10") })).toEqual([m(2026, 11), m(2026, 12), m(2027, 1)]);
    expect(monthsCovered({ periodStart: null, periodEnd: d("2026-11-30") })).toEqual([]);
  });
});

describe("staff accepting above the available amount confirm it", () => {
  it("counts the selection's requests over the cap, accepting them in order for each worker", () => {
    const available = new Map([
      ["w1:a", 30_000],
      ["w2:a", 0],
    ]);
    const items = [
      { id: "r1", workerId: "w1", agencyId: "a", amountCents: 20_000 },
      { id: "r2", workerId: "w1", agencyId: "a", amountCents: 10_000 }, // exactly what is left: not over
      { id: "r3", workerId: "w1", agencyId: "a", amountCents: 100 }, // 1 € over
      { id: "r4", workerId: "w2", agencyId: "a", amountCents: 5000 },
      { id: "r5", workerId: "w3", agencyId: "a", amountCents: 5000 }, // unknown: nothing available
    ];
    expect([...overCapInSelection(items, available)]).toEqual(["r3", "r4", "r5"]);
  });

  it("refuses without the confirmation, in French, and says how many", () => {
    expect(overCapAcceptanceProblem(0, false)).toBeNull();
    expect(overCapAcceptanceProblem(2, true)).toBeNull();
    expect(overCapAcceptanceProblem(1, false)).toMatch(
      /^Une demande de la sélection dépasse le montant disponible : cochez la confirmation/,
    );
    expect(overCapAcceptanceProblem(3, false)).toMatch(/^3 demandes de la sélection dépassent le montant disponible/);
  });
});
