import { describe, expect, it } from "vitest";
import {
  parisCalendarDate,
  parisDayBounds,
  parisOffsetMinutes,
  parisParts,
  parisTimeOnDay,
  parisWallTimeToInstant,
} from "@/lib/time/paris";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString();

describe("parisParts", () => {
  it("reads the Paris wall clock of an instant, in winter and in summer", () => {
    expect(parisParts(new Date("2026-01-15T12:34:56Z"))).toEqual({ year: 2026, month: 1, day: 15, hour: 13, minute: 34, second: 56 });
    expect(parisParts(new Date("2026-07-15T12:34:56Z"))).toEqual({ year: 2026, month: 7, day: 15, hour: 14, minute: 34, second: 56 });
  });

  it("reads midnight as hour 0 and crosses into the next Paris day and year", () => {
    expect(parisParts("2026-12-31T23:00:00Z")).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
    expect(parisParts(Date.UTC(2026, 11, 31, 22, 59, 59))).toMatchObject({ year: 2026, month: 12, day: 31, hour: 23 });
  });
});

describe("parisOffsetMinutes", () => {
  it("is 60 in winter and 120 in summer", () => {
    expect(parisOffsetMinutes(new Date("2026-01-15T12:00:00Z"))).toBe(60);
    expect(parisOffsetMinutes(new Date("2026-07-15T12:00:00Z"))).toBe(120);
  });

  it("switches at 01:00Z on the spring-forward and fall-back Sundays", () => {
    expect(parisOffsetMinutes(new Date("2026-03-29T00:59:59Z"))).toBe(60);
    expect(parisOffsetMinutes(new Date("2026-03-29T01:00:00Z"))).toBe(120);
    expect(parisOffsetMinutes(new Date("2026-10-25T00:59:59Z"))).toBe(120);
    expect(parisOffsetMinutes(new Date("2026-10-25T01:00:00Z"))).toBe(60);
  });

  it("ignores the milliseconds of the instant", () => {
    expect(parisOffsetMinutes(new Date("2026-07-15T12:00:00.999Z"))).toBe(120);
  });
});

describe("parisWallTimeToInstant", () => {
  it("converts winter and summer wall times", () => {
    expect(iso(parisWallTimeToInstant(2026, 1, 15, 8, 30))).toBe("2026-01-15T07:30:00.000Z");
    expect(iso(parisWallTimeToInstant(2026, 7, 15, 8, 30))).toBe("2026-07-15T06:30:00.000Z");
  });

  it("is right on both sides of the spring-forward night (29 March 2026)", () => {
    expect(iso(parisWallTimeToInstant(2026, 3, 29, 1, 59))).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(parisWallTimeToInstant(2026, 3, 29, 3, 0))).toBe("2026-03-29T01:00:00.000Z");
    // 02:30 does not exist that night: it lands one hour later, at 03:30 summer time.
    expect(iso(parisWallTimeToInstant(2026, 3, 29, 2, 30))).toBe("2026-03-29T01:30:00.000Z");
  });

  it("is right on both sides of the fall-back night (25 October 2026)", () => {
    expect(iso(parisWallTimeToInstant(2026, 10, 25, 1, 30))).toBe("2026-10-24T23:30:00.000Z");
    expect(iso(parisWallTimeToInstant(2026, 10, 25, 3, 30))).toBe("2026-10-25T02:30:00.000Z");
    // 02:30 happens twice: the winter (second) reading is taken.
    expect(iso(parisWallTimeToInstant(2026, 10, 25, 2, 30))).toBe("2026-10-25T01:30:00.000Z");
  });

  it("puts Paris midnight on the previous UTC day and rolls overflowing fields over", () => {
    expect(iso(parisWallTimeToInstant(2026, 11, 27))).toBe("2026-11-26T23:00:00.000Z");
    expect(iso(parisWallTimeToInstant(2026, 6, 1))).toBe("2026-05-31T22:00:00.000Z");
    expect(iso(parisWallTimeToInstant(2026, 12, 32, 0, 90))).toBe("2027-01-01T00:30:00.000Z");
  });

  it("round-trips with parisParts every half hour across both DST days", () => {
    for (const start of ["2026-03-28T22:00:00Z", "2026-10-24T21:00:00Z"]) {
      for (let i = 0; i < 8; i++) {
        const instant = new Date(new Date(start).getTime() + i * 30 * 60_000);
        const p = parisParts(instant);
        const back = parisWallTimeToInstant(p.year, p.month, p.day, p.hour, p.minute);
        // The repeated autumn hour maps back to its winter reading, one hour later.
        const expected = parisOffsetMinutes(instant) === 120 && p.hour === 2 ? instant.getTime() + 3_600_000 : instant.getTime();
        expect(back.getTime()).toBe(expected);
      }
    }
  });
});

describe("parisTimeOnDay", () => {
  it("places a night shift across the spring-forward night: 7 elapsed hours for 21:00-05:00", () => {
    const start = parisTimeOnDay(day("2026-03-28"), 21 * 60);
    const end = parisTimeOnDay(day("2026-03-28"), 5 * 60, 1);
    expect(iso(start)).toBe("2026-03-28T20:00:00.000Z");
    expect(iso(end)).toBe("2026-03-29T03:00:00.000Z");
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(7);
  });

  it("places a night shift across the fall-back night: 9 elapsed hours for 21:00-05:00", () => {
    const start = parisTimeOnDay(day("2026-10-24"), 21 * 60);
    const end = parisTimeOnDay(day("2026-10-24"), 5 * 60, 1);
    expect(iso(start)).toBe("2026-10-24T19:00:00.000Z");
    expect(iso(end)).toBe("2026-10-25T04:00:00.000Z");
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(9);
  });

  it("crosses a month end with plusDays", () => {
    expect(iso(parisTimeOnDay(day("2026-01-31"), 7 * 60 + 30, 1))).toBe("2026-02-01T06:30:00.000Z");
  });
});

describe("parisCalendarDate", () => {
  it("is the Paris day as UTC midnight, across midnight", () => {
    expect(iso(parisCalendarDate(new Date("2026-11-26T22:59:59Z")))).toBe("2026-11-26T00:00:00.000Z");
    expect(iso(parisCalendarDate(new Date("2026-11-26T23:00:00Z")))).toBe("2026-11-27T00:00:00.000Z");
    expect(iso(parisCalendarDate(new Date("2026-07-14T21:59:00Z")))).toBe("2026-07-14T00:00:00.000Z");
    expect(iso(parisCalendarDate(new Date("2026-07-14T22:00:00Z")))).toBe("2026-07-15T00:00:00.000Z");
  });
});

describe("parisDayBounds", () => {
  it("is 23 hours long on the spring-forward day and 25 on the fall-back day", () => {
    const spring = parisDayBounds(new Date("2026-03-29T12:00:00Z"));
    expect(iso(spring.start)).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(spring.end)).toBe("2026-03-29T22:00:00.000Z");
    const autumn = parisDayBounds(new Date("2026-10-25T12:00:00Z"));
    expect(iso(autumn.start)).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(autumn.end)).toBe("2026-10-25T23:00:00.000Z");
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
  });

  it("takes the Paris day of an instant just after Paris midnight", () => {
    const { start, end } = parisDayBounds(new Date("2026-11-26T23:30:00Z"));
    expect(iso(start)).toBe("2026-11-26T23:00:00.000Z");
    expect(iso(end)).toBe("2026-11-27T23:00:00.000Z");
  });
});

describe("one calendar-day module (lib/time/days), the same function everywhere", async () => {
  const days = await import("@/lib/time/days");
  const paris = await import("@/lib/time/paris");
  const timesheets = await import("@/lib/timesheets/rules");
  const calendar = await import("@/lib/missions/calendar");
  const shifts = await import("@/lib/contracts/shifts");
  const advances = await import("@/lib/advances/rules");
  const hours = await import("@/lib/missions/hours");

  it("the former copies are the one implementation (re-exported), not look-alikes", () => {
    for (const addDays of [timesheets.addDays, calendar.addDays, shifts.addDays]) expect(addDays).toBe(days.addDays);
    for (const isoWeekday of [calendar.isoWeekday, shifts.isoWeekday, advances.isoWeekday]) expect(isoWeekday).toBe(days.isoWeekday);
    for (const calendarDay of [timesheets.calendarDay, advances.calendarDay]) expect(calendarDay).toBe(days.calendarDay);
    for (const mondayOf of [timesheets.mondayOf, calendar.mondayOf]) expect(mondayOf).toBe(days.mondayOf);
    // The Paris day of an instant: parisDay (timesheets, advances) and parisDayOf (shifts) were each a copy.
    for (const parisDay of [timesheets.parisDay, advances.parisDay, shifts.parisDayOf]) expect(parisDay).toBe(paris.parisCalendarDate);
    expect(hours.parisDayKey).toBe(paris.parisDayKey);
  });

  it("addDays steps whole calendar days, DST changes included (UTC-midnight days have no DST)", () => {
    expect(iso(days.addDays(day("2026-03-28"), 1))).toBe("2026-03-29T00:00:00.000Z");
    expect(iso(days.addDays(day("2026-03-29"), 1))).toBe("2026-03-30T00:00:00.000Z");
    expect(iso(days.addDays(day("2026-10-25"), -1))).toBe("2026-10-24T00:00:00.000Z");
    expect(iso(days.addDays(day("2026-12-31"), 1))).toBe("2027-01-01T00:00:00.000Z");
  });

  it("isoWeekday and mondayOf read the calendar day (Sunday is 7, its Monday is six days before)", () => {
    expect(days.isoWeekday(day("2026-03-02"))).toBe(1);
    expect(days.isoWeekday(day("2026-03-08"))).toBe(7);
    expect(iso(days.mondayOf(day("2026-03-08")))).toBe("2026-03-02T00:00:00.000Z");
    expect(iso(days.mondayOf(day("2026-03-02")))).toBe("2026-03-02T00:00:00.000Z");
    expect(iso(days.mondayOf(day("2027-01-01")))).toBe("2026-12-28T00:00:00.000Z");
  });

  it("calendarDay rolls over like Date.UTC (day 0 is the last of the previous month)", () => {
    expect(iso(days.calendarDay(2026, 3, 0))).toBe("2026-02-28T00:00:00.000Z");
    expect(iso(days.calendarDay(2028, 2, 29))).toBe("2028-02-29T00:00:00.000Z");
  });

  it("parisDayKey is the Paris day of an instant, not its UTC day", () => {
    expect(paris.parisDayKey(new Date("2026-01-15T23:30:00Z"))).toBe("2026-01-16"); // 00:30 in Paris
    expect(paris.parisDayKey(new Date("2026-07-15T21:59:00Z"))).toBe("2026-07-15"); // 23:59 in Paris
    expect(paris.parisDayKey(new Date("2026-07-15T22:00:00Z"))).toBe("2026-07-16");
  });
});

describe("parisParts from the offset of its UTC hour (issue 16)", () => {
  const reference = new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  });
  const direct = (ms: number) => {
    const parts: Record<string, number> = {};
    for (const p of reference.formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
    return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
  };

  it("reads what Intl reads, minute by minute across both 2026 changes and at random instants", () => {
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)])
      for (let ms = change - 3 * 3_600_000; ms <= change + 3 * 3_600_000; ms += 59_999) expect(parisParts(ms)).toEqual(direct(ms));
    let seed = 42;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const ms = Date.UTC(1990, 0, 1) + (seed / 2 ** 31) * 60 * 365 * 86_400_000;
      expect(parisParts(ms)).toEqual(direct(ms));
    }
  });

  it("refuses an invalid instant as before", () => {
    expect(() => parisParts("pas une date")).toThrow(RangeError);
  });
});
