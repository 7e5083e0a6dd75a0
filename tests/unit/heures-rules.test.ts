import { describe, expect, it } from "vitest";
import {
  checkRow,
  checkWeeklyCaps,
  formatHours,
  hoursInputValue,
  isoDate,
  isoWeekNumber,
  otherContractsMinutes,
  parseHours,
  periodLabel,
  plannedMinutesByDay,
  weekAt,
  weekCapMessage,
  weekOf,
  FUTURE_DAY_MESSAGE,
  LEGAL_WEEK_MINUTES,
  checkExtras,
  clampExtras,
  dayWindow,
  defaultExtrasByDay,
  firstStartsByDay,
  holidayMinutesOf,
  holidayName,
  nightMinutesOf,
  overtimeMinutes,
  sundayMinutesOf,
  weekTotals,
} from "@/lib/timesheets/rules";
import { DAY_LIMIT_MINUTES, LONG_DAY_LIMIT_MINUTES, dailyLimitMinutes } from "@/lib/contracts/rules";
import { easterSunday, frenchPublicHolidays, isPublicHoliday } from "@/lib/time/holidays";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("hours typed in a cell", () => {
  it("reads the usual French ways of writing a duration", () => {
    expect(parseHours("7")).toBe(420);
    expect(parseHours("7,5")).toBe(450);
    expect(parseHours("7.25")).toBe(435);
    expect(parseHours("7h30")).toBe(450);
    expect(parseHours("7H")).toBe(420);
    expect(parseHours("07:45")).toBe(465);
    expect(parseHours(" ")).toBe(0);
    expect(parseHours("")).toBe(0);
  });
  it("refuses what is not a duration", () => {
    for (const bad of ["abc", "7h75", "-3", "7,5h", "100", "1e2"]) expect(parseHours(bad)).toBeNull();
  });
  it("formats minutes for the cells and the totals", () => {
    expect(hoursInputValue(450)).toBe("7h30");
    expect(hoursInputValue(0)).toBe("");
    expect(formatHours(0)).toBe("0h00");
    expect(formatHours(2190)).toBe("36h30");
  });
});

describe("the daily limit, 48 h a week, the contract's dates", () => {
  const contract = { startDate: day("2026-11-25"), endDate: day("2026-12-20") };
  const monday = day("2026-11-23");
  const cells = (texts: string[]) => texts.map((text, i) => ({ date: new Date(monday.getTime() + i * 86_400_000), text }));
  // The week is over: every day may be entered.
  const later = new Date("2026-12-01T12:00:00Z");
  const tenHours = { dailyLimit: dailyLimitMinutes({ longDayAgreement: false }), at: later };
  const twelveHours = { dailyLimit: dailyLimitMinutes({ longDayAgreement: true }), at: later };

  it("accepts exactly 10 h and refuses 10 h 01 without an agreement", () => {
    const ok = checkRow(cells(["", "", "10", "10h00", "", "", ""]), contract, tenHours);
    expect(ok.errors).toEqual({});
    expect(ok.total).toBe(2 * DAY_LIMIT_MINUTES);
    const over = checkRow(cells(["", "", "10h01", "", "", "", ""]), contract, tenHours);
    expect(over.errors["2026-11-25"]).toBe("Pas plus de 10 heures par jour.");
  });

  it("accepts 10 h 01 and exactly 12 h with the agency's agreement, refuses 12 h 01", () => {
    expect(checkRow(cells(["", "", "10h01", "12", "", "", ""]), contract, twelveHours).errors).toEqual({});
    expect(LONG_DAY_LIMIT_MINUTES).toBe(720);
    const over = checkRow(cells(["", "", "12h01", "", "", "", ""]), contract, twelveHours);
    expect(over.errors["2026-11-25"]).toBe("Pas plus de 12 heures par jour.");
  });

  it("refuses hours on a day outside the contract but accepts an empty one", () => {
    const r = checkRow(cells(["7", "", "7", "", "", "", ""]), contract, tenHours);
    expect(r.errors).toEqual({ "2026-11-23": "Ce jour est en dehors des dates du contrat." });
    expect(checkRow(cells(["", "0", "7", "", "", "", ""]), contract, tenHours).errors).toEqual({});
  });

  it("refuses a week over 48 h per worker, across their contracts", () => {
    expect(checkWeeklyCaps([{ workerId: "a", total: 48 * 60 }]).size).toBe(0);
    const over = checkWeeklyCaps([
      { workerId: "a", total: 30 * 60 },
      { workerId: "a", total: 18 * 60 + 1 },
      { workerId: "b", total: 47 * 60 },
    ]);
    expect([...over.keys()]).toEqual(["a"]);
    expect(over.get("a")).toBe(48 * 60 + 1);
  });

  it("counts the worker's hours already at other clients or sites in the week", () => {
    const rows = [
      { workerId: "a", total: 30 * 60 },
      { workerId: "b", total: 30 * 60 },
    ];
    // 30 h here is fine alone, and with 18 h elsewhere; 18 h 01 elsewhere tips it over.
    expect(checkWeeklyCaps(rows).size).toBe(0);
    expect(checkWeeklyCaps(rows, new Map([["a", 18 * 60]])).size).toBe(0);
    const over = checkWeeklyCaps(
      rows,
      new Map([
        ["a", 18 * 60 + 1],
        ["c", 60 * 60],
      ]),
    );
    expect([...over]).toEqual([["a", 48 * 60 + 1]]); // c has no row here: not this grid's to refuse
    // Counted once per worker, whatever the number of rows.
    expect(
      checkWeeklyCaps(
        [
          { workerId: "a", total: 10 * 60 },
          { workerId: "a", total: 10 * 60 },
        ],
        new Map([["a", 28 * 60 + 1]]),
      ).get("a"),
    ).toBe(48 * 60 + 1);
  });

  it("says when hours at other sites count", () => {
    expect(weekCapMessage(50 * 60)).toBe("Pas plus de 48 heures sur la semaine. (50h00 saisies)");
    expect(weekCapMessage(50 * 60, 0)).toBe("Pas plus de 48 heures sur la semaine. (50h00 saisies)");
    expect(weekCapMessage(50 * 60 + 30, 20 * 60)).toBe(
      "Pas plus de 48 heures sur la semaine, heures sur les autres sites comprises : 50h30 au total, dont 20h00 déjà saisies ou validées sur d'autres sites.",
    );
  });

  it("takes other contracts' submitted hours, else their validated shifts, never a draft's", () => {
    const shift = (start: string, end: string, validated: boolean, kind = "WORK", breakMinutes = 0) => ({
      startsAt: new Date(`2026-11-24T${start}:00Z`),
      endsAt: new Date(`2026-11-24T${end}:00Z`),
      breakMinutes,
      kind,
      validated,
    });
    const shifts = [
      shift("07:00", "14:00", true),
      shift("15:00", "19:00", false),
      shift("20:00", "23:00", true, "ABSENCE"),
      shift("06:00", "07:00", true, "WORK", 30),
    ];
    // Submitted: its entries, even where the shifts say otherwise.
    expect(otherContractsMinutes([{ timesheet: { status: "SUBMITTED", entries: [{ minutes: 450 }, { minutes: 300 }] }, shifts }])).toBe(
      750,
    );
    // A draft or no timesheet: the validated work shifts only (7 h + 30 min).
    expect(otherContractsMinutes([{ timesheet: { status: "DRAFT", entries: [{ minutes: 600 }] }, shifts }])).toBe(450);
    expect(otherContractsMinutes([{ timesheet: null, shifts }])).toBe(450);
    expect(
      otherContractsMinutes([
        { timesheet: null, shifts },
        { timesheet: { status: "SUBMITTED", entries: [{ minutes: 60 }] }, shifts: [] },
      ]),
    ).toBe(510);
    expect(otherContractsMinutes([])).toBe(0);
  });
});

describe("weeks in Paris time", () => {
  it("runs Monday to Sunday with the guide's label and ISO number", () => {
    const w = weekOf(day("2018-08-29"));
    expect(isoDate(w.monday)).toBe("2018-08-27");
    expect(periodLabel(w)).toBe("27/08/2018 au 02/09/2018");
    expect(w.number).toBe(35);
    expect(isoWeekNumber(day("2026-01-01"))).toBe(1);
    expect(isoWeekNumber(day("2020-12-31"))).toBe(53);
  });

  it("starts and ends at midnight in Paris, also in the week of the October DST change", () => {
    const w = weekOf(day("2026-10-28"));
    expect(w.start.toISOString()).toBe("2026-10-25T23:00:00.000Z"); // Monday 26/10, winter time (UTC+1)
    const dst = weekOf(day("2026-10-22"));
    expect(dst.start.toISOString()).toBe("2026-10-18T22:00:00.000Z"); // Monday 19/10, summer time
    expect(dst.end.toISOString()).toBe("2026-10-25T23:00:00.000Z"); // the next Monday, winter time
    expect((dst.end.getTime() - dst.start.getTime()) / 3_600_000).toBe(169); // the week has 169 hours
    const spring = weekOf(day("2026-03-25"));
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
  });

  it("reads the current week in Paris: Sunday 23:30 UTC is already Monday", () => {
    expect(isoDate(weekAt(new Date("2026-11-29T23:30:00Z")).monday)).toBe("2026-11-30");
    expect(isoDate(weekAt(new Date("2026-11-29T22:30:00Z")).monday)).toBe("2026-11-23");
  });

  it("pre-fills each Paris day with its planned work, night shifts on the day they start", () => {
    const planned = plannedMinutesByDay([
      { startsAt: new Date("2026-10-24T19:00:00Z"), endsAt: new Date("2026-10-25T06:00:00Z"), breakMinutes: 30, kind: "WORK" },
      { startsAt: new Date("2026-10-26T07:00:00Z"), endsAt: new Date("2026-10-26T14:00:00Z"), breakMinutes: 0, kind: "WORK" },
      { startsAt: new Date("2026-10-27T07:00:00Z"), endsAt: new Date("2026-10-27T14:00:00Z"), breakMinutes: 0, kind: "ABSENCE" },
    ]);
    expect(planned.get("2026-10-24")).toBe(630); // 11 h over the DST night, less the break
    expect(planned.get("2026-10-26")).toBe(420);
    expect(planned.has("2026-10-27")).toBe(false);
  });
});

describe("the client cannot validate the future", () => {
  // Wednesday 2 December 2026 (winter: Paris = UTC+1).
  const wednesday = day("2026-12-02");
  const contract = { startDate: day("2026-11-01"), endDate: day("2026-12-31") };
  const monday = day("2026-11-30");
  const cells = (texts: string[]) => texts.map((text, i) => ({ date: new Date(monday.getTime() + i * 86_400_000), text }));
  const at1546 = new Date("2026-12-02T14:46:00Z"); // 15:46 in Paris
  const startedAt0700 = new Map([["2026-12-02", new Date("2026-12-02T06:00:00Z")]]);

  it("a day that started at 07:00, checked at 15:46: 8h46 at most", () => {
    expect(dayWindow(wednesday, at1546, new Date("2026-12-02T06:00:00Z"))).toMatchObject({ kind: "today", maxMinutes: 8 * 60 + 46 });
    const bounds = { dailyLimit: 600, at: at1546, firstStarts: startedAt0700 };
    expect(checkRow(cells(["7", "7", "8h46", "", "", "", ""]), contract, bounds).errors).toEqual({});
    const over = checkRow(cells(["", "", "8h47", "", "", "", ""]), contract, bounds);
    expect(over.errors["2026-12-02"]).toBe("Aujourd'hui, pas plus de 8h46 : le temps écoulé depuis 07:00.");
  });

  it("tomorrow and the rest of the week are refused; empty future days pass", () => {
    const bounds = { dailyLimit: 600, at: at1546, firstStarts: startedAt0700 };
    const r = checkRow(cells(["7", "7", "7", "7", "7", "", "0"]), contract, bounds);
    expect(r.errors).toEqual({ "2026-12-03": FUTURE_DAY_MESSAGE, "2026-12-04": FUTURE_DAY_MESSAGE });
    expect(dayWindow(day("2026-12-03"), at1546)).toEqual({ kind: "future" });
    expect(dayWindow(day("2026-12-01"), at1546)).toEqual({ kind: "past" });
  });

  it("today before its first shift starts is the future; without a shift, the clock runs from midnight", () => {
    const at0630 = new Date("2026-12-02T05:30:00Z");
    expect(dayWindow(wednesday, at0630, new Date("2026-12-02T06:00:00Z"))).toEqual({ kind: "future" });
    expect(dayWindow(wednesday, at0630)).toMatchObject({ kind: "today", maxMinutes: 6 * 60 + 30 });
    // A shift that started the day before does not start today's clock.
    expect(dayWindow(wednesday, at0630, new Date("2026-12-01T20:00:00Z"))).toMatchObject({ maxMinutes: 6 * 60 + 30 });
  });

  it("reads today in Paris: 23:30 UTC on the 1st is already the 2nd", () => {
    expect(dayWindow(wednesday, new Date("2026-12-01T23:30:00Z"))).toMatchObject({ kind: "today", maxMinutes: 30 });
  });

  it("the first start of each Paris day", () => {
    const starts = firstStartsByDay([
      { startsAt: new Date("2026-12-02T13:00:00Z") },
      { startsAt: new Date("2026-12-02T06:00:00Z") },
      { startsAt: new Date("2026-12-02T23:30:00Z") }, // 00:30 on the 3rd in Paris
    ]);
    expect(starts.get("2026-12-02")).toEqual(new Date("2026-12-02T06:00:00Z"));
    expect(starts.get("2026-12-03")).toEqual(new Date("2026-12-02T23:30:00Z"));
  });
});

describe("public holidays", () => {
  it("computes Easter and the days that follow it", () => {
    expect(isoDate(easterSunday(2026))).toBe("2026-04-05");
    expect(isoDate(easterSunday(2025))).toBe("2025-04-20");
    expect(isoDate(easterSunday(2027))).toBe("2027-03-28");
    expect(holidayName(day("2026-04-06"))).toBe("Lundi de Pâques");
    expect(holidayName(day("2025-04-21"))).toBe("Lundi de Pâques");
    expect(holidayName(day("2026-05-14"))).toBe("Ascension");
    expect(holidayName(day("2026-05-25"))).toBe("Lundi de Pentecôte");
  });
  it("14 July and the fixed ones; the day before is not", () => {
    expect(isPublicHoliday(day("2026-07-14"))).toBe(true);
    expect(isPublicHoliday(day("2026-07-13"))).toBe(false);
    expect(isPublicHoliday(day("2026-04-05"))).toBe(false); // Easter Sunday itself is a Sunday, not a holiday
    expect(frenchPublicHolidays(2026).size).toBe(11);
  });
});

describe("night, Sunday and holiday minutes of a shift", () => {
  const shift = (from: string, to: string) => ({ startsAt: new Date(from), endsAt: new Date(to) });
  it("counts 21:00-06:00 across midnight", () => {
    // 20:00 to 04:00 in Paris (winter): 7 h of night.
    expect(nightMinutesOf(shift("2026-12-02T19:00:00Z", "2026-12-03T03:00:00Z"))).toBe(7 * 60);
    // 06:00 to 21:00: none; 05:00 to 22:00: 2 h.
    expect(nightMinutesOf(shift("2026-12-02T05:00:00Z", "2026-12-02T20:00:00Z"))).toBe(0);
    expect(nightMinutesOf(shift("2026-12-02T04:00:00Z", "2026-12-02T21:00:00Z"))).toBe(2 * 60);
  });
  it("counts real minutes across a DST change", () => {
    // 21:00 Saturday 28 March 2026 to 06:00 Sunday (clocks jump 02:00 -> 03:00): 8 h of night, not 9.
    expect(nightMinutesOf(shift("2026-03-28T20:00:00Z", "2026-03-29T04:00:00Z"))).toBe(8 * 60);
    // 21:00 Saturday 24 October 2026 to 06:00 Sunday (03:00 -> 02:00): 10 h.
    expect(nightMinutesOf(shift("2026-10-24T19:00:00Z", "2026-10-25T05:00:00Z"))).toBe(10 * 60);
  });
  it("counts the Sunday and holiday part of a shift", () => {
    // Saturday 21:00 to Sunday 06:00 (winter): 6 h on the Sunday.
    expect(sundayMinutesOf(shift("2026-11-28T20:00:00Z", "2026-11-29T05:00:00Z"))).toBe(6 * 60);
    // 14 July 2026, 08:00-15:00 (summer, UTC+2).
    expect(holidayMinutesOf(shift("2026-07-14T06:00:00Z", "2026-07-14T13:00:00Z"))).toBe(7 * 60);
    expect(holidayMinutesOf(shift("2026-07-13T06:00:00Z", "2026-07-13T13:00:00Z"))).toBe(0);
  });
  it("suggests each day's figures from its shifts, capped to the worked minutes and to the day's hours", () => {
    const s = { startsAt: new Date("2026-11-28T20:00:00Z"), endsAt: new Date("2026-11-29T05:00:00Z"), breakMinutes: 30, kind: "WORK" };
    const d = defaultExtrasByDay([s]).get("2026-11-28")!;
    expect(d).toMatchObject({ night: 8 * 60 + 30, sunday: 6 * 60, holiday: 0 });
    expect(clampExtras(d, 5 * 60)).toMatchObject({ night: 5 * 60, sunday: 5 * 60 });
  });
});

describe("accessoires typed for a day", () => {
  const sunday = day("2026-11-29");
  const monday = day("2026-11-30");
  it("night hours at most the hours worked", () => {
    expect(checkExtras(monday, 7 * 60, { night: "7" }).errors).toEqual({});
    expect(checkExtras(monday, 7 * 60, { night: "7h01" }).errors.night).toBe("Pas plus d'heures de nuit que d'heures travaillées (7h00).");
    expect(checkExtras(monday, 7 * 60, { night: "abc" }).errors.night).toBe("Saisissez une durée, par exemple 2 ou 2h30.");
  });
  it("Sunday hours on a Sunday (or a Saturday night running into it), holiday hours on a holiday", () => {
    expect(checkExtras(sunday, 420, { sunday: "7" }).errors).toEqual({});
    expect(checkExtras(day("2026-11-28"), 420, { sunday: "3" }).errors).toEqual({});
    expect(checkExtras(monday, 420, { sunday: "1" }).errors.sunday).toBe("Ce jour n'est pas un dimanche.");
    expect(checkExtras(day("2026-07-14"), 420, { holiday: "7" }).errors).toEqual({});
    expect(checkExtras(day("2026-07-12"), 420, { holiday: "7" }).errors.holiday).toBe("Ce jour n'est pas un jour férié.");
  });
  it("meals and travel: 0 to 3 on a day worked; the absence a listed code", () => {
    const r = checkExtras(monday, 420, { meals: "1", travel: "2", absence: "" });
    expect(r).toEqual({ extras: { night: 0, sunday: 0, holiday: 0, meals: 1, travel: 2, absence: null }, errors: {} });
    expect(checkExtras(monday, 420, { meals: "4" }).errors.meals).toBe("Indiquez un nombre de 0 à 3.");
    expect(checkExtras(monday, 420, { meals: "-1" }).errors.meals).toBe("Indiquez un nombre de 0 à 3.");
    expect(checkExtras(monday, 0, { travel: "1" }).errors.travel).toBe("Seulement un jour travaillé.");
    expect(checkExtras(monday, 0, { absence: "MAL" })).toMatchObject({ extras: { absence: "MAL" }, errors: {} });
    expect(checkExtras(monday, 0, { absence: "XYZ" }).errors.absence).toBe("Choisissez un motif d'absence de la liste.");
  });
});

describe("overtime beyond 35 h a week", () => {
  it("starts at 35 h 01", () => {
    expect(LEGAL_WEEK_MINUTES).toBe(2100);
    expect(overtimeMinutes(35 * 60)).toBe(0);
    expect(overtimeMinutes(35 * 60 + 1)).toBe(1);
    expect(overtimeMinutes(0)).toBe(0);
  });
  it("totals a week's entries and accessoires", () => {
    const t = weekTotals([
      { minutes: 600, night: 60, meals: 1 },
      { minutes: 600, sunday: 600, travel: 1 },
      { minutes: 600, holiday: 120 },
      { minutes: 600 },
    ]);
    expect(t).toEqual({ minutes: 2400, night: 60, sunday: 600, holiday: 120, meals: 1, travel: 1, overtime: 300 });
  });
});
