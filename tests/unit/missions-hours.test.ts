import { describe, expect, it } from "vitest";
import {
  monthHoursSplit,
  monthSplitLabel,
  monthTotalLabel,
  monthWorkedMinutes,
  shiftSpanMinutes,
  validatedMinutesBySlot,
  workedMinutes,
  type ShiftLike,
} from "@/lib/missions/hours";
import { parisTime, calendarDay } from "@/prisma/seed/time";
import { PLANNING_TEST_SHIFTS, PLANNING_TEST_TOTAL_MINUTES } from "../helpers/seed";
import { buildCalendar, foldLine } from "@/lib/missions/ical";
import { expandPattern, isLocked } from "@/lib/missions/availability";
import { isoWeek, viewRange } from "@/lib/missions/calendar";

const shift = (day: Date, start: string, end: string, breakMinutes = 0, kind: "WORK" | "ABSENCE" = "WORK"): ShiftLike => ({
  startsAt: parisTime(day, start),
  endsAt: parisTime(day, end, end <= start ? 1 : 0),
  breakMinutes,
  kind,
});

describe("hours of the planning", () => {
  it("counts a day shift less its break", () => {
    expect(workedMinutes(shift(calendarDay(2026, 5, 4), "08:00", "20:00", 60))).toBe(660);
  });

  it("counts a night shift crossing midnight, even across the October clock change", () => {
    expect(workedMinutes(shift(calendarDay(2026, 5, 4), "21:00", "07:00", 30))).toBe(570);
    expect(workedMinutes(shift(calendarDay(2026, 10, 24), "21:00", "07:00", 0))).toBe(11 * 60);
  });

  it("reads an end before the start as the next day", () => {
    const start = new Date("2026-05-04T19:00:00Z");
    expect(shiftSpanMinutes({ startsAt: start, endsAt: new Date("2026-05-04T05:00:00Z") })).toBe(600);
  });

  it("counts nothing for absences and never a negative time", () => {
    expect(workedMinutes(shift(calendarDay(2026, 5, 1), "21:00", "07:00", 0, "ABSENCE"))).toBe(0);
    expect(workedMinutes(shift(calendarDay(2026, 5, 1), "10:00", "10:30", 45))).toBe(0);
  });

  it("puts a shift in the month of its start day (Paris time), split shifts add up", () => {
    const may31 = calendarDay(2026, 5, 31);
    const shifts = [
      shift(calendarDay(2026, 5, 11), "07:30", "11:30"),
      shift(calendarDay(2026, 5, 11), "17:00", "20:00"),
      shift(may31, "22:00", "06:00"), // ends on 1 June, counted in May
      shift(calendarDay(2026, 4, 30), "23:30", "07:30"), // starts in April (Paris), not May
      shift(calendarDay(2026, 5, 1), "21:00", "07:00", 0, "ABSENCE"),
    ];
    expect(monthWorkedMinutes(shifts, 2026, 5)).toBe((4 + 3 + 8) * 60);
    expect(monthWorkedMinutes(shifts, 2026, 6)).toBe(0);
    expect(monthWorkedMinutes(shifts, 2026, 4)).toBe(8 * 60);
  });

  it("matches the seeded planning worker's month", () => {
    const monthStart = calendarDay(2027, 1, 1);
    const last = calendarDay(2027, 1, 31);
    const shifts = PLANNING_TEST_SHIFTS.map((s) => ({
      ...shift(s.day === "last" ? last : calendarDay(2027, 1, s.day), s.start, s.end, s.breakMinutes, s.absence ? "ABSENCE" : "WORK"),
    }));
    expect(monthWorkedMinutes(shifts, monthStart.getUTCFullYear(), 1)).toBe(PLANNING_TEST_TOTAL_MINUTES);
  });

  it("words the month total as the guide does", () => {
    expect(monthTotalLabel(153 * 60)).toBe("153 heures calculées pour ce mois");
    expect(monthTotalLabel(31 * 60 + 30)).toBe("31 h 30 calculées pour ce mois");
    expect(monthTotalLabel(154 * 60 + 30)).not.toMatch(/heures 30/);
    expect(monthTotalLabel(60 + 5)).toBe("1 h 05 calculées pour ce mois");
    expect(monthTotalLabel(0)).toBe("0 heure calculées pour ce mois");
  });
});

describe("calendar helpers, iCal and availability", () => {
  it("numbers ISO weeks and builds a month grid from Monday to Sunday", () => {
    expect(isoWeek(calendarDay(2020, 4, 27))).toBe(18);
    expect(isoWeek(calendarDay(2027, 1, 1))).toBe(53);
    const r = viewRange("mois", calendarDay(2020, 5, 15));
    expect(r.start.toISOString().slice(0, 10)).toBe("2020-04-27");
    expect(r.end.toISOString().slice(0, 10)).toBe("2020-05-31");
  });

  it("writes a valid, folded, escaped iCalendar", () => {
    const ics = buildCalendar(
      "Planning",
      [
        {
          uid: "a@x",
          start: new Date("2026-05-04T19:00:00Z"),
          end: new Date("2026-05-05T05:00:00Z"),
          summary: "APF, MAS; nuit",
          updatedAt: new Date("2026-05-01T00:00:00Z"),
          tentative: true,
        },
      ],
      new Date("2026-05-01T10:00:00Z"),
    );
    expect(ics).toContain("BEGIN:VCALENDAR\r\n");
    expect(ics).toContain("DTSTART:20260504T190000Z\r\nDTEND:20260505T050000Z");
    expect(ics).toContain("SUMMARY:APF\\, MAS\\; nuit");
    expect(ics).toContain("STATUS:TENTATIVE");
    const long = foldLine("DESCRIPTION:" + "é".repeat(80));
    for (const line of long.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("expands a weekly pattern and locks past days", () => {
    const days = expandPattern(calendarDay(2026, 12, 1), calendarDay(2026, 12, 14), [1, 3]);
    expect(days.map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-12-02", "2026-12-07", "2026-12-09", "2026-12-14"]);
    expect(isLocked(calendarDay(2026, 11, 26), calendarDay(2026, 11, 27))).toBe(true);
    expect(isLocked(calendarDay(2026, 11, 27), calendarDay(2026, 11, 27))).toBe(false);
  });
});

describe("validated against planned hours on the planning", () => {
  const slot = (contractId: string, dayKey: string, minutes: number, validated = false, absence = false) => ({
    contractId,
    dayKey,
    minutes,
    validated,
    absence,
  });
  it("a corrected day shows the timesheet's figure on its first slot; validated without a timesheet, its planned minutes", () => {
    const a = slot("c1", "2026-11-30", 420, true);
    const b1 = slot("c1", "2026-12-01", 240, true);
    const b2 = slot("c1", "2026-12-01", 180, true);
    const c = slot("c2", "2026-12-01", 420, true);
    const d = slot("c1", "2026-12-02", 420);
    const map = validatedMinutesBySlot(
      [a, b1, b2, c, d],
      [
        { contractId: "c1", dayKey: "2026-11-30", minutes: 450 },
        { contractId: "c1", dayKey: "2026-12-01", minutes: 400 },
      ],
    );
    expect([map.get(a), map.get(b1), map.get(b2), map.get(c), map.get(d)]).toEqual([450, 400, 0, 420, null]);
  });
  it("the month's split, with timesheet days that have no slot, and its label", () => {
    const slots = [
      slot("c1", "2026-11-30", 420, true),
      slot("c1", "2026-12-01", 420, true),
      slot("c1", "2026-12-02", 420),
      slot("c1", "2026-12-03", 420, false, true),
    ];
    const days = [
      { contractId: "c1", dayKey: "2026-12-01", minutes: 450 },
      { contractId: "c1", dayKey: "2026-12-05", minutes: 60 },
    ];
    const split = monthHoursSplit(slots, days, 2026, 12);
    expect(split).toEqual({ validated: 510, planned: 420 });
    expect(monthSplitLabel(split)).toBe("8 h 30 validées, 7 h prévues");
    expect(monthSplitLabel({ validated: 8460, planned: 720 })).toBe("141 h validées, 12 h prévues");
    expect(monthSplitLabel({ validated: 60, planned: 0 })).toBe("1 h validée, 0 h prévue");
  });
});
