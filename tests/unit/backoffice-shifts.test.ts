import { describe, expect, it } from "vitest";
import {
  eurosToCents,
  findOverlap,
  findSelfOverlap,
  generateShifts,
  overlaps,
  parisHHMM,
  parseDay,
  shiftFromTimes,
  workedMinutes,
} from "@/lib/contracts/shifts";
import { canIssue, isIssued, missingForIssue, stateWhenIssued } from "@/lib/contracts/rules";

const day = (iso: string) => parseDay(iso)!;
const at = (iso: string) => new Date(iso);

describe("generateShifts from a weekly pattern", () => {
  it("creates one shift per chosen weekday between the dates, both included", () => {
    // 2026-11-30 is a Monday; Mon/Wed/Fri over two weeks.
    const shifts = generateShifts(
      { weekdays: [1, 3, 5], start: "13:30", end: "20:30", breakMinutes: 0 },
      day("2026-11-30"),
      day("2026-12-11"),
    );
    expect(shifts).toHaveLength(6);
    // Winter: Paris is UTC+1.
    expect(shifts[0].startsAt.toISOString()).toBe("2026-11-30T12:30:00.000Z");
    expect(shifts[0].endsAt.toISOString()).toBe("2026-11-30T19:30:00.000Z");
    expect(shifts.map((s) => s.startsAt.toISOString().slice(0, 10))).toEqual([
      "2026-11-30",
      "2026-12-02",
      "2026-12-04",
      "2026-12-07",
      "2026-12-09",
      "2026-12-11",
    ]);
    expect(workedMinutes(shifts[0])).toBe(420);
  });

  it("gives nothing when no chosen weekday falls in the dates", () => {
    expect(
      generateShifts({ weekdays: [6, 7], start: "08:00", end: "12:00", breakMinutes: 0 }, day("2026-11-30"), day("2026-12-04")),
    ).toEqual([]);
  });

  it("puts the end of a night shift on the next day", () => {
    const [night] = generateShifts({ weekdays: [4], start: "21:00", end: "07:00", breakMinutes: 30 }, day("2026-12-03"), day("2026-12-03"));
    expect(night.startsAt.toISOString()).toBe("2026-12-03T20:00:00.000Z");
    expect(night.endsAt.toISOString()).toBe("2026-12-04T06:00:00.000Z");
    expect(workedMinutes(night)).toBe(10 * 60 - 30);
  });

  it("keeps Paris wall-clock times across the spring DST change (a 9-hour night)", () => {
    // Night of Saturday 28 to Sunday 29 March 2026: clocks go from 02:00 to 03:00.
    const shifts = generateShifts(
      { weekdays: [5, 6, 7], start: "21:00", end: "07:00", breakMinutes: 0 },
      day("2026-03-27"),
      day("2026-03-29"),
    );
    expect(shifts.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ["2026-03-27T20:00:00.000Z", "2026-03-28T06:00:00.000Z"], // UTC+1 both ends
      ["2026-03-28T20:00:00.000Z", "2026-03-29T05:00:00.000Z"], // starts UTC+1, ends UTC+2
      ["2026-03-29T19:00:00.000Z", "2026-03-30T05:00:00.000Z"], // UTC+2 both ends
    ]);
    expect(shifts.map(workedMinutes)).toEqual([600, 540, 600]);
    for (const s of shifts) {
      expect(parisHHMM(s.startsAt)).toBe("21:00");
      expect(parisHHMM(s.endsAt)).toBe("07:00");
    }
  });

  it("gives an 11-hour night when clocks go back in autumn", () => {
    const [night] = generateShifts({ weekdays: [6], start: "21:00", end: "07:00", breakMinutes: 0 }, day("2026-10-24"), day("2026-10-24"));
    expect(night.startsAt.toISOString()).toBe("2026-10-24T19:00:00.000Z");
    expect(night.endsAt.toISOString()).toBe("2026-10-25T06:00:00.000Z");
    expect(workedMinutes(night)).toBe(660);
  });

  it("moves a time that does not exist (02:30 on the spring-forward night) one hour on", () => {
    const s = shiftFromTimes(day("2026-03-29"), "02:30", "06:00", 0)!;
    expect(parisHHMM(s.startsAt)).toBe("03:30");
    expect(s.endsAt.toISOString()).toBe("2026-03-29T04:00:00.000Z");
  });

  it("rejects malformed times", () => {
    expect(shiftFromTimes(day("2026-03-29"), "25:00", "06:00", 0)).toBeNull();
    expect(() =>
      generateShifts({ weekdays: [1], start: "7h", end: "12:00", breakMinutes: 0 }, day("2026-11-30"), day("2026-11-30")),
    ).toThrow();
  });
});

describe("overlap detection", () => {
  const s = (start: string, end: string, tag = "") => ({ startsAt: at(start), endsAt: at(end), tag });

  it("treats shifts as half-open: back-to-back shifts do not clash", () => {
    expect(overlaps(s("2026-12-01T06:00:00Z", "2026-12-01T13:00:00Z"), s("2026-12-01T13:00:00Z", "2026-12-01T20:00:00Z"))).toBe(false);
    expect(overlaps(s("2026-12-01T06:00:00Z", "2026-12-01T13:01:00Z"), s("2026-12-01T13:00:00Z", "2026-12-01T20:00:00Z"))).toBe(true);
  });

  it("finds a night shift clashing with the next morning and names the existing one", () => {
    const night = s("2026-12-03T20:00:00Z", "2026-12-04T06:00:00Z", "new");
    const existing = [s("2026-12-02T06:00:00Z", "2026-12-02T13:00:00Z", "A"), s("2026-12-04T05:30:00Z", "2026-12-04T12:30:00Z", "B")];
    expect(findOverlap([night], existing)?.existing.tag).toBe("B");
  });

  it("finds a shift inside another and none when all are apart", () => {
    const outer = s("2026-12-01T07:00:00Z", "2026-12-01T19:00:00Z", "outer");
    expect(findOverlap([s("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z")], [outer])?.existing.tag).toBe("outer");
    expect(findOverlap([s("2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z")], [outer])).toBeNull();
    expect(findOverlap([], [outer])).toBeNull();
  });

  it("finds two shifts of one contract that overlap each other", () => {
    const a = s("2026-12-01T07:00:00Z", "2026-12-01T12:00:00Z", "a");
    const b = s("2026-12-01T11:00:00Z", "2026-12-01T15:00:00Z", "b");
    const c = s("2026-12-02T07:00:00Z", "2026-12-02T12:00:00Z", "c");
    expect(findSelfOverlap([c, b, a])?.map((x) => x.tag)).toEqual(["a", "b"]);
    expect(findSelfOverlap([a, c])).toBeNull();
  });
});

describe("contract rules", () => {
  it("converts euros to cents without float errors", () => {
    expect(eurosToCents("12,45")).toBe(1245);
    expect(eurosToCents("12.5")).toBe(1250);
    expect(eurosToCents("0,29")).toBe(29);
    expect(eurosToCents("12,456")).toBeNull();
    expect(eurosToCents("-3")).toBeNull();
    expect(eurosToCents("0")).toBeNull();
    expect(eurosToCents("abc")).toBeNull();
  });

  it("issues to awaiting signature, or incomplete without a mobile number", () => {
    expect(stateWhenIssued(true)).toBe("AWAITING_SIGNATURE");
    expect(stateWhenIssued(false)).toBe("INCOMPLETE");
    expect(canIssue("DRAFT")).toBe(true);
    expect(canIssue("SIGNED")).toBe(false);
    expect(canIssue("CANCELLED")).toBe(false);
    expect(isIssued("SIGNED")).toBe(true);
    expect(isIssued("DRAFT")).toBe(false);
  });

  it("lists what a contract lacks before it can be issued", () => {
    const none = { recourseCase: null, replacedName: null, replacedPosition: null, recourseReason: " " };
    expect(missingForIssue({ workShiftCount: 0, hourlyRateCents: 1200, ...none })).toEqual([
      "au moins un créneau travaillé",
      "le motif de recours",
    ]);
    expect(
      missingForIssue({
        workShiftCount: 3,
        hourlyRateCents: 1200,
        recourseCase: "REPLACEMENT_ABSENT",
        replacedName: "Mme B. Magalie",
        replacedPosition: "Aide-soignante",
        recourseReason: null,
      }),
    ).toEqual([]);
  });
});
