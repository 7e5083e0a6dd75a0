import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";
import { checkPayrollPeriod, decimalHours, payrollLines, previousMonth, type PayrollEntry } from "@/lib/timesheets/payroll";
import { parseIsoDate } from "@/lib/time/dates";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const entry = (contractId: string, date: string, minutes: number, extra: Partial<PayrollEntry> = {}): PayrollEntry => {
  const d = day(date);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  return {
    contractId,
    weekStart: monday,
    date: d,
    minutes,
    nightMinutes: 0,
    sundayMinutes: 0,
    holidayMinutes: 0,
    mealAllowances: 0,
    travelAllowances: 0,
    absenceCode: null,
    ...extra,
  };
};

describe("payroll lines", () => {
  const contracts = [
    {
      id: "c1",
      number: "42001",
      workerId: "w1",
      workerNumber: "0012",
      lastName: "Dupont; fils",
      firstName: '=HYPERLINK("x")',
      client: 'EHPAD "Les Roses"',
      qualification: "ASH",
    },
    {
      id: "c2",
      number: "42002",
      workerId: "w1",
      workerNumber: "0012",
      lastName: "Dupont; fils",
      firstName: '=HYPERLINK("x")',
      client: "Clinique",
      qualification: "ASH",
    },
  ];
  // Week of Monday 2 November 2026: 35 h on c1 (no overtime), then 35 h 01 the next week.
  const week1 = ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"].map((d) => entry("c1", d, 420));
  const week2 = ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12"].map((d) => entry("c1", d, 420));
  week2.push(entry("c1", "2026-11-13", 421, { nightMinutes: 90, mealAllowances: 1, absenceCode: null }));
  const absent = entry("c2", "2026-11-16", 0, { absenceCode: "MAL" });
  const all = [...week1, ...week2, absent];
  const lines = payrollLines({
    agencyCode: "MEDIMP",
    from: day("2026-11-01"),
    to: day("2026-11-30"),
    contracts,
    entries: all,
    weekEntries: all,
    advances: [
      { workerId: "w1", amountCents: 15000, status: "PAID" },
      { workerId: "w1", amountCents: 2050, status: "ACCEPTED" },
      { workerId: "w2", amountCents: 10000, status: "PAID" },
    ],
    workers: [{ workerId: "w2", workerNumber: "0099", lastName: "Martin", firstName: "Zoé" }],
  });

  it("one line per worker and contract; overtime from 35 h 01 a week; the advances once per worker", () => {
    expect(lines).toHaveLength(4);
    expect(lines[1].slice(4, 16)).toEqual([
      "42001",
      'EHPAD "Les Roses"',
      "ASH",
      "70,02",
      "1,50",
      "0,00",
      "0,00",
      "0,02",
      "1",
      "0",
      "",
      "170,50",
    ]);
    expect(lines[2].slice(4, 16)).toEqual([
      "42002",
      "Clinique",
      "ASH",
      "0,00",
      "0,00",
      "0,00",
      "0,00",
      "0,00",
      "0",
      "0",
      "MAL (1 j)",
      "0,00",
    ]);
    expect(lines[3]).toEqual([
      "MEDIMP",
      "0099",
      "MARTIN",
      "Zoé",
      "",
      "",
      "",
      "0,00",
      "0,00",
      "0,00",
      "0,00",
      "0,00",
      "0",
      "0",
      "",
      "100,00",
    ]);
  });

  it("a week straddling two periods counts its overtime in the period of its Sunday", () => {
    // Monday 30 November to Sunday 6 December: 40 h, overtime in December's export, none in November's.
    const straddle = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"].map((d) => entry("c1", d, 480));
    const nov = payrollLines({
      agencyCode: "A",
      from: day("2026-11-01"),
      to: day("2026-11-30"),
      contracts,
      entries: straddle,
      weekEntries: straddle,
      advances: [],
      workers: [],
    });
    const dec = payrollLines({
      agencyCode: "A",
      from: day("2026-12-01"),
      to: day("2026-12-31"),
      contracts,
      entries: straddle,
      weekEntries: straddle,
      advances: [],
      workers: [],
    });
    expect(nov[1][7]).toBe("8,00");
    expect(nov[1][11]).toBe("0,00");
    expect(dec[1][7]).toBe("32,00");
    expect(dec[1][11]).toBe("5,00");
  });

  it("writes French Excel CSV: BOM, ';', CRLF, quoted separators and quotes, formulas neutralised", () => {
    const csv = toCsv(lines);
    expect(csv.startsWith("\uFEFFAgence;Matricule;")).toBe(true);
    const row = csv.split("\r\n")[1];
    expect(row).toContain(`;"DUPONT; FILS";`);
    expect(row).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(row).toContain(`;"EHPAD ""Les Roses""";`);
    expect(decimalHours(450)).toBe("7,50");
  });
});

describe("the export's period", () => {
  it("defaults to the previous month", () => {
    expect(previousMonth(day("2026-12-04"))).toEqual({ from: day("2026-11-01"), to: day("2026-11-30") });
    expect(previousMonth(day("2026-01-09"))).toEqual({ from: day("2025-12-01"), to: day("2025-12-31") });
  });
  it("refuses a missing, reversed or too long period, next to the field", () => {
    expect(checkPayrollPeriod("2026-11-01", "2026-11-30", parseIsoDate).ok).toBe(true);
    expect(checkPayrollPeriod("", "2026-11-30", parseIsoDate)).toEqual({
      ok: false,
      errors: { du: "Indiquez la date de début de la période (jj/mm/aaaa)." },
    });
    expect(checkPayrollPeriod("2026-11-30", "2026-11-01", parseIsoDate)).toEqual({
      ok: false,
      errors: { au: "La fin de la période doit suivre son début." },
    });
    expect(checkPayrollPeriod("2026-01-01", "2026-04-03", parseIsoDate).ok).toBe(true);
    expect(checkPayrollPeriod("2026-01-01", "2026-04-04", parseIsoDate)).toEqual({
      ok: false,
      errors: { au: "Une période de 93 jours au plus." },
    });
  });
});
