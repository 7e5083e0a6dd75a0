// The labour-law rules of a booking (lib/contracts/rules.ts): working time,
// rests, pay and qualification, with their boundary cases.
import { describe, expect, it } from "vitest";
import {
  dailyLimitMinutes,
  holdsQualification,
  hourlyRateViolation,
  smicExtensionError,
  smicOn,
  workDayOf,
  workingTimeViolation,
  type WorkSpan,
} from "@/lib/contracts/rules";
import { calendarDay, addDays } from "@/lib/time/days";
import { parisTimeOnDay } from "@/lib/time/paris";

/** The message with fr-FR's no-break spaces as plain ones. */
const plainRate = (...args: Parameters<typeof hourlyRateViolation>) =>
  hourlyRateViolation(...args)?.replace(/[\u00a0\u202f]/g, " ") ?? null;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const hm = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
/** A shift on a Paris day from "HH:MM" to "HH:MM" (the next day when not after), with a break. */
function shift(iso: string, start: string, end: string, breakMinutes = 0): WorkSpan {
  const d = day(iso);
  return { startsAt: parisTimeOnDay(d, hm(start)), endsAt: parisTimeOnDay(d, hm(end), hm(end) <= hm(start) ? 1 : 0), breakMinutes };
}
const TEN = { dailyLimitMinutes: dailyLimitMinutes({ longDayAgreement: false }) };
const TWELVE = { dailyLimitMinutes: dailyLimitMinutes({ longDayAgreement: true }) };
// 2026-12-07 is a Monday.
const week = (monday: string, count: number, start: string, end: string, breakMinutes = 0) =>
  Array.from({ length: count }, (_, i) => shift(addDays(day(monday), i).toISOString().slice(0, 10), start, end, breakMinutes));

describe("at most 10 h of work a day (12 h with the agency's agreement)", () => {
  it("accepts exactly 10 h and refuses 10 h 01, naming the day", () => {
    expect(workingTimeViolation([shift("2026-12-08", "08:00", "18:00")], [], TEN)).toBeNull();
    const refused = workingTimeViolation([shift("2026-12-08", "08:00", "18:01")], [], TEN);
    expect(refused?.rule).toBe("day");
    expect(refused?.message).toBe("La journée du 08/12/2026 compterait 10 h 01 de travail : au plus 10 h par jour.");
  });

  it("counts net of breaks and adds the day's other bookings, any contract", () => {
    expect(workingTimeViolation([shift("2026-12-08", "07:00", "18:00", 60)], [], TEN)).toBeNull();
    const other = shift("2026-12-08", "06:00", "10:00");
    expect(workingTimeViolation([shift("2026-12-08", "12:00", "18:01")], [other], TEN)?.rule).toBe("day");
    expect(workingTimeViolation([shift("2026-12-08", "12:00", "18:00")], [other], TEN)).toBeNull();
  });

  it("allows 12 h with the agreement, not 12 h 01", () => {
    expect(workingTimeViolation([shift("2026-12-08", "07:00", "19:00")], [], TEN)?.rule).toBe("day");
    expect(workingTimeViolation([shift("2026-12-08", "07:00", "19:00")], [], TWELVE)).toBeNull();
    const refused = workingTimeViolation([shift("2026-12-08", "07:00", "19:01")], [], TWELVE);
    expect(refused?.message).toContain("au plus 12 h par jour (accord de l'agence)");
  });

  it("counts a night shift crossing midnight for the day it starts on", () => {
    const night = shift("2026-12-08", "21:00", "07:00", 30);
    expect(workDayOf(night).toISOString().slice(0, 10)).toBe("2026-12-08");
    expect(workingTimeViolation([night], [], TEN)).toBeNull();
    // 9 h 30 started on the 8th plus 1 h on the 8th would be 10 h 30.
    expect(workingTimeViolation([night], [shift("2026-12-08", "06:00", "07:00")], TEN)?.message).toContain("08/12/2026");
  });

  it("counts real minutes across DST: the autumn night 21:00-07:00 lasts 11 h", () => {
    // 24-25 October 2026: clocks go back at 03:00.
    const autumn = shift("2026-10-24", "21:00", "07:00", 30);
    expect((autumn.endsAt.getTime() - autumn.startsAt.getTime()) / 60_000).toBe(660);
    expect(workingTimeViolation([autumn], [], TEN)?.message).toBe(
      "La journée du 24/10/2026 compterait 10 h 30 de travail : au plus 10 h par jour.",
    );
    expect(workingTimeViolation([shift("2026-10-24", "21:00", "07:00", 60)], [], TEN)).toBeNull();
    // 28-29 March 2026: clocks go forward, the same night lasts 9 h.
    expect(workingTimeViolation([shift("2026-03-28", "21:00", "08:00", 0)], [], TEN)).toBeNull();
  });
});

describe("at most 48 h a week and 44 h a week on average over 12 weeks", () => {
  it("accepts 48 h in a civil week and refuses 48 h 01", () => {
    // Monday to Friday 9 h 36 = 48 h.
    const fortyEight = week("2026-12-07", 5, "08:00", "17:36");
    expect(workingTimeViolation(fortyEight, [], TEN)).toBeNull();
    const extra = workingTimeViolation([shift("2026-12-12", "08:00", "08:01")], fortyEight, TEN);
    expect(extra?.rule).toBe("week");
    expect(extra?.message).toBe("La semaine du 07/12/2026 au 13/12/2026 compterait 48 h 01 de travail : au plus 48 h par semaine.");
  });

  it("uses civil weeks Monday to Sunday in Paris", () => {
    // 48 h Monday-Friday, then Sunday night 23:00 (Paris) is still the same week; Monday 00:30 is the next one.
    const fortyEight = week("2026-12-07", 5, "08:00", "17:36");
    expect(workingTimeViolation([shift("2026-12-13", "23:00", "23:30")], fortyEight, TEN)?.rule).toBe("week");
    expect(workingTimeViolation([shift("2026-12-14", "00:30", "01:00")], fortyEight, TEN)).toBeNull();
  });

  it("accepts 12 weeks of 44 h and refuses one more minute over the 12 weeks", () => {
    // Monday to Friday 8 h 48 = 44 h, over 12 weeks from 2026-09-21.
    const weeks = Array.from({ length: 12 }, (_, k) =>
      week(
        addDays(day("2026-09-21"), 7 * k)
          .toISOString()
          .slice(0, 10),
        5,
        "08:00",
        "16:48",
      ),
    );
    const all = weeks.flat();
    expect(workingTimeViolation(all.slice(-5), all.slice(0, -5), TEN)).toBeNull();
    const refused = workingTimeViolation([shift("2026-12-12", "08:00", "08:01")], all, TEN);
    expect(refused?.rule).toBe("average");
    expect(refused?.message).toContain("Sur les 12 semaines du 21/09/2026 au 13/12/2026");
    // The same minute a 13th week later is another window: accepted.
    expect(workingTimeViolation([shift("2026-12-19", "08:00", "08:01")], all.slice(5), TEN)).toBeNull();
  });
});

describe("11 h of rest between two days", () => {
  it("accepts exactly 11 h and refuses 10 h 59", () => {
    const evening = shift("2026-12-08", "13:00", "20:00");
    expect(workingTimeViolation([shift("2026-12-09", "07:00", "12:00")], [evening], TEN)).toBeNull();
    const refused = workingTimeViolation([shift("2026-12-09", "06:59", "12:00")], [evening], TEN);
    expect(refused?.rule).toBe("dailyRest");
    expect(refused?.message).toBe(
      "Entre la fin de journée du 08/12/2026 (20:00) et la reprise du 09/12/2026 à 06:59, le repos ne serait que de 10 h 59 : au moins 11 h de repos entre deux journées.",
    );
  });

  it("judges the rest after a candidate too, and none inside a split day", () => {
    expect(workingTimeViolation([shift("2026-12-08", "13:00", "20:01")], [shift("2026-12-09", "07:00", "12:00")], TEN)?.rule).toBe(
      "dailyRest",
    );
    expect(workingTimeViolation([shift("2026-12-08", "07:00", "11:00"), shift("2026-12-08", "17:00", "20:00")], [], TEN)).toBeNull();
    // The split day ends at 20:30: 07:00 the next day is only 10 h 30 later.
    const split = [shift("2026-12-08", "07:00", "11:00"), shift("2026-12-08", "17:00", "20:30"), shift("2026-12-09", "07:00", "11:00")];
    expect(workingTimeViolation(split, [], TEN)?.rule).toBe("dailyRest");
  });

  it("measures the rest after a night shift in real minutes over DST", () => {
    // The autumn night ends at 06:00, 10 h of work; a shift at 17:00 the same day is 11 h later.
    const night = shift("2026-10-24", "21:00", "06:00", 0);
    expect((night.endsAt.getTime() - night.startsAt.getTime()) / 60_000).toBe(600);
    expect(workingTimeViolation([shift("2026-10-25", "17:00", "20:00")], [night], TEN)).toBeNull();
    expect(workingTimeViolation([shift("2026-10-25", "16:59", "20:00")], [night], TEN)?.rule).toBe("dailyRest");
  });
});

describe("one day of rest a week: 35 h in a row", () => {
  it("refuses seven days with no day off", () => {
    // The demo's old week of 7 x 9 h 30 breaks the 48 h first.
    expect(workingTimeViolation(week("2026-12-07", 7, "13:30", "23:00"), [], TEN)?.rule).toBe("week");
    const seven = week("2026-12-07", 7, "14:00", "20:00");
    const refused = workingTimeViolation(seven, [], TEN);
    expect(refused?.rule).toBe("weeklyRest");
    expect(refused?.message).toBe(
      "La semaine du 07/12/2026 au 13/12/2026 n'aurait pas de repos de 35 h d'affilée : un jour de repos par semaine (24 h, plus les 11 h de repos quotidien).",
    );
    expect(workingTimeViolation(seven.slice(0, 6), [], TEN)).toBeNull();
  });

  it("accepts exactly 35 h and refuses 34 h 59", () => {
    // Monday to Saturday 08:00-16:00 (48 h), then back on Monday 03:00: 35 h from Saturday 16:00.
    const sixDays = week("2026-12-07", 6, "08:00", "16:00");
    expect(workingTimeViolation([shift("2026-12-14", "03:00", "06:00")], sixDays, TEN)).toBeNull();
    const refused = workingTimeViolation([shift("2026-12-14", "02:59", "06:00")], sixDays, TEN);
    expect(refused?.rule).toBe("weeklyRest");
    expect(refused?.message).toContain("07/12/2026 au 13/12/2026");
  });

  it("wants the rest day inside the week: 24 h of it at least", () => {
    // Work Tuesday to Sunday noon; Monday off. The rest from the week before
    // counts only for its 24 h inside the week.
    const tuesdayToSunday = week("2026-12-08", 6, "08:00", "12:00");
    expect(workingTimeViolation(tuesdayToSunday, [], TEN)).toBeNull();
    const mondayMorning = shift("2026-12-07", "08:00", "12:00");
    expect(workingTimeViolation([mondayMorning], tuesdayToSunday, TEN)?.rule).toBe("weeklyRest");
  });

  it("counts the worker's other bookings with the candidates", () => {
    const booked = week("2026-12-07", 6, "08:00", "12:00");
    expect(workingTimeViolation([shift("2026-12-13", "08:00", "12:00")], booked, TEN)?.rule).toBe("weeklyRest");
  });
});

describe("the hourly rate: SMIC in force each day, the agency's minimum", () => {
  const table = [
    { effectiveFrom: day("2024-11-01"), hourlyCents: 1188 },
    { effectiveFrom: day("2026-01-01"), hourlyCents: 1202 },
  ];
  const period = (from: string, to: string) => ({ startDate: day(from), endDate: day(to) });

  it("finds the SMIC in force on a day", () => {
    expect(smicOn(day("2025-12-31"), table)?.hourlyCents).toBe(1188);
    expect(smicOn(day("2026-01-01"), table)?.hourlyCents).toBe(1202);
    expect(smicOn(day("2020-01-01"), table)).toBeNull();
  });

  it("refuses 5,00 € naming the minimum and the day", () => {
    expect(plainRate(500, period("2026-01-01", "2026-01-09"), table, null)).toBe(
      "Le taux horaire doit être d'au moins 12,02 € (SMIC en vigueur le 01/01/2026).",
    );
    expect(plainRate(1202, period("2026-01-01", "2026-01-09"), table, null)).toBeNull();
    expect(plainRate(1201, period("2026-03-10", "2026-03-12"), table, null)).toBe(
      "Le taux horaire doit être d'au moins 12,02 € (SMIC en vigueur le 10/03/2026).",
    );
  });

  it("applies the new SMIC from its day when it changes mid-mission", () => {
    expect(plainRate(1190, period("2025-12-28", "2025-12-31"), table, null)).toBeNull();
    expect(plainRate(1190, period("2025-12-28", "2026-01-05"), table, null)).toBe(
      "Le taux horaire doit être d'au moins 12,02 € (SMIC en vigueur le 01/01/2026).",
    );
  });

  it("applies the agency's minimum for the qualification when higher", () => {
    const minimum = { minHourlyCents: 1350, label: "AIDE-SOIGNANT (312)" };
    expect(plainRate(1349, period("2026-02-02", "2026-02-06"), table, minimum)).toBe(
      "Le taux horaire doit être d'au moins 13,50 € (minimum fixé par l'agence pour la qualification AIDE-SOIGNANT (312)).",
    );
    expect(plainRate(1350, period("2026-02-02", "2026-02-06"), table, minimum)).toBeNull();
    // A minimum below the SMIC leaves the SMIC.
    expect(plainRate(1100, period("2026-02-02", "2026-02-06"), table, { minHourlyCents: 1000, label: "X" })).toContain("SMIC");
  });

  it("leaves a rate not yet set (0) to the issue check", () => {
    expect(plainRate(0, period("2026-02-02", "2026-02-06"), table, null)).toBeNull();
  });
});

describe("a qualification held through a validated diploma", () => {
  it("is held with an approved diploma only", () => {
    expect(holdsQualification("q610", [{ qualificationId: "q610", diplomaStatus: "APPROVED" }])).toBe(true);
    expect(holdsQualification("q610", [{ qualificationId: "q520", diplomaStatus: "APPROVED" }])).toBe(false);
    expect(holdsQualification("q610", [{ qualificationId: "q610", diplomaStatus: "PENDING" }])).toBe(false);
    expect(holdsQualification("q610", [{ qualificationId: "q610", diplomaStatus: "REFUSED" }])).toBe(false);
    expect(holdsQualification("q610", [{ qualificationId: "q610", diplomaStatus: null }])).toBe(false);
    expect(holdsQualification("q610", [])).toBe(false);
  });
});

describe("the SMIC table is only extended", () => {
  const table = [
    { effectiveFrom: day("2024-11-01"), hourlyCents: 1188 },
    { effectiveFrom: day("2026-01-01"), hourlyCents: 1202 },
  ];
  it("accepts a value from a day after the latest one, not on or before it", () => {
    expect(smicExtensionError({ effectiveFrom: day("2026-01-02"), hourlyCents: 1202 }, table)).toBeNull();
    expect(smicExtensionError({ effectiveFrom: day("2026-01-01"), hourlyCents: 1230 }, table)?.field).toBe("effectiveFrom");
    expect(smicExtensionError({ effectiveFrom: day("2025-06-01"), hourlyCents: 1230 }, table)?.message).toBe(
      "La date d'effet doit suivre celle de la dernière valeur (01/01/2026) : les valeurs passées ne se modifient pas.",
    );
  });
  it("refuses a SMIC lower than the latest", () => {
    expect(smicExtensionError({ effectiveFrom: day("2027-01-01"), hourlyCents: 1201 }, table)?.field).toBe("hourlyRate");
    expect(smicExtensionError({ effectiveFrom: day("2027-01-01"), hourlyCents: 1100 }, [])).toBeNull();
  });
});

void calendarDay;
