import { describe, expect, it } from "vitest";
import { isoWeekday } from "@/lib/time/days";
import { parisCalendarDate } from "@/lib/time/paris";
import {
  DEFAULT_ADVANCE_RULES as R,
  advanceRuleText,
  advanceSchedule,
  cutoffWeekday,
  amountProblem,
  availableCents,
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

  it("checks the minimum and the upper bound at their edges", () => {
    const limits = { minCents: 5000, availableCents: 30_000 };
    expect(amountProblem(5000, limits)).toBeNull();
    expect(amountProblem(4900, limits)).toMatch(/minimum/);
    expect(amountProblem(30_000, limits)).toBeNull();
    expect(amountProblem(30_100, limits)).toMatch(/dépasse le montant disponible \(300/);
    expect(amountProblem(5000, { minCents: 5000, availableCents: 4000 })).toMatch(/Aucun acompte/);
    expect(amountProblem(0, limits)).toMatch(/Indiquez/);
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
