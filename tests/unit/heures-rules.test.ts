import { describe, expect, it } from "vitest";
import {
  MAX_DAY_MINUTES,
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
} from "@/lib/timesheets/rules";

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

describe("12 h a day, 48 h a week, the contract's dates", () => {
  const contract = { startDate: day("2026-11-25"), endDate: day("2026-12-20") };
  const monday = day("2026-11-23");
  const cells = (texts: string[]) => texts.map((text, i) => ({ date: new Date(monday.getTime() + i * 86_400_000), text }));

  it("accepts exactly 12 h and refuses a minute more", () => {
    const ok = checkRow(cells(["", "", "12", "12h00", "", "", ""]), contract);
    expect(ok.errors).toEqual({});
    expect(ok.total).toBe(2 * MAX_DAY_MINUTES);
    const over = checkRow(cells(["", "", "12h01", "", "", "", ""]), contract);
    expect(over.errors["2026-11-25"]).toBe("Pas plus de 12 heures par jour.");
  });

  it("refuses hours on a day outside the contract but accepts an empty one", () => {
    const r = checkRow(cells(["7", "", "7", "", "", "", ""]), contract);
    expect(r.errors).toEqual({ "2026-11-23": "Ce jour est en dehors des dates du contrat." });
    expect(checkRow(cells(["", "0", "7", "", "", "", ""]), contract).errors).toEqual({});
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
