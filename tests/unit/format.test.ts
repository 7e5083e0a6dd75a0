import { describe, expect, it } from "vitest";
import * as fmt from "@/lib/format";
import {
  formatDate,
  formatDateTime,
  formatDashedDate,
  formatDuration,
  formatCount,
  formatDecimal,
  formatFileSize,
  formatPlural,
  formatEuros,
  formatLongDate,
  formatMonthYear,
  formatTime,
  parisCalendarDate,
  parisDayBounds,
} from "@/lib/format";

// Intl fr-FR uses no-break spaces (U+00A0, U+202F); compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("dates in Europe/Paris", () => {
  it("formats a numeric date in Paris time, not UTC", () => {
    expect(formatDate(new Date("2026-11-26T14:01:00Z"))).toBe("26/11/2026");
    // 23:30 UTC on the 26th is already the 27th in Paris (UTC+1 in winter).
    expect(formatDate(new Date("2026-11-26T23:30:00Z"))).toBe("27/11/2026");
  });

  it("formats a date and time the way the guide shows contracts", () => {
    expect(formatDateTime(new Date("2026-11-26T14:01:00Z"))).toBe("26-11-2026 à 15:01");
    // Summer time: UTC+2.
    expect(formatDateTime(new Date("2019-05-31T13:00:00Z"))).toBe("31-05-2019 à 15:00");
    expect(formatDashedDate(new Date("2020-05-20T10:00:00Z"))).toBe("20-05-2020");
  });

  it("formats a long French date", () => {
    expect(formatLongDate(new Date("2026-12-02T00:00:00Z"))).toBe("mercredi 2 décembre 2026");
    const now = new Date("2026-12-07T10:00:00Z");
    expect(formatLongDate(new Date("2026-11-26T13:00:00Z"), { withYear: false, now })).toBe("jeudi 26 novembre");
    expect(formatMonthYear(new Date("2020-05-15T10:00:00Z"))).toBe("mai 2020");
  });

  it("never drops the year of a date outside the current year (issue 18: « mercredi 26 mars »)", () => {
    const now = new Date("2026-12-07T10:00:00Z");
    expect(formatLongDate(new Date("2025-03-26T10:00:00Z"), { withYear: false, now })).toBe("mercredi 26 mars 2025");
    expect(formatLongDate(new Date("2027-01-06T10:00:00Z"), { withYear: false, now })).toBe("mercredi 6 janvier 2027");
    // 31 December 23:30 UTC is already 1 January in Paris: the Paris year decides.
    expect(formatLongDate(new Date("2026-12-31T23:30:00Z"), { withYear: false, now })).toBe("vendredi 1 janvier 2027");
    const day = new Date("2025-03-26T00:00:00Z");
    expect(fmt.formatCalendarLongDate(day, { withYear: false, now })).toBe("mercredi 26 mars 2025");
    expect(plain(fmt.formatCalendarDayMonth(day, now))).toBe("26 mars 2025");
    expect(plain(fmt.formatCalendarDayMonth(new Date("2026-03-26T00:00:00Z"), now))).toBe("26 mars");
  });

  it("formats a time on 24 hours", () => {
    expect(formatTime(new Date("2026-11-27T13:00:00Z"))).toBe("14:00");
    expect(formatTime(new Date("2026-11-26T23:05:00Z"))).toBe("00:05");
    expect(formatTime(new Date("2026-07-01T05:30:00Z"))).toBe("07:30");
  });

  it("reads DATE columns (UTC midnight) as their own calendar day", () => {
    expect(formatDate(new Date("2026-12-02T00:00:00Z"))).toBe("02/12/2026");
    expect(formatDate("2026-06-30")).toBe("30/06/2026");
  });
});

describe("formatDuration", () => {
  it("writes hours and minutes with two digits", () => {
    expect(formatDuration(420)).toBe("07h00");
    expect(formatDuration(180)).toBe("03h00");
    expect(formatDuration(95)).toBe("01h35");
    expect(formatDuration(0)).toBe("00h00");
    expect(formatDuration(153 * 60)).toBe("153h00");
    expect(formatDuration(-30)).toBe("-00h30");
  });
});

describe("amounts and formatDecimal", () => {
  it("writes every amount one way, with its cents (issue 18: « 171,00 € », never « 171 € »), and rates with two decimals", () => {
    expect(plain(formatEuros(17100))).toBe("171,00 €");
    expect(plain(formatEuros(23050))).toBe("230,50 €");
    expect(plain(formatEuros(150000))).toBe("1 500,00 €");
    expect("formatEurosShort" in fmt).toBe(false);
    expect(plain(formatDecimal(7.5))).toBe("7,50");
    expect(plain(formatDecimal(1234.567))).toBe("1 234,57");
  });
});

describe("formatCount, formatPlural and formatFileSize", () => {
  it("groups digits the French way and never shows 0 Ko", () => {
    expect(plain(formatCount(1234567))).toBe("1 234 567");
    expect(plain(formatPlural(1, "bulletin", "bulletins"))).toBe("1 bulletin");
    expect(plain(formatPlural(1500, "bulletin", "bulletins"))).toBe("1 500 bulletins");
    expect(plain(formatFileSize(10))).toBe("1 Ko");
    expect(plain(formatFileSize(5_000))).toBe("5 Ko");
    expect(plain(formatFileSize(2_500_000))).toBe("2,4 Mo");
  });
});

describe("formatEuros", () => {
  it("formats cents as euros in French", () => {
    expect(plain(formatEuros(10000))).toBe("100,00 €");
    expect(plain(formatEuros(23050))).toBe("230,50 €");
    expect(plain(formatEuros(123456789))).toBe("1 234 567,89 €");
    expect(plain(formatEuros(0))).toBe("0,00 €");
  });
});

describe("parisDayBounds", () => {
  it("gives Paris midnight to midnight in winter", () => {
    const { start, end } = parisDayBounds(new Date("2026-11-26T15:00:00Z"));
    expect(start.toISOString()).toBe("2026-11-25T23:00:00.000Z");
    expect(end.toISOString()).toBe("2026-11-26T23:00:00.000Z");
  });

  it("gives Paris midnight to midnight in summer", () => {
    const { start, end } = parisDayBounds(new Date("2026-07-14T21:59:00Z"));
    expect(start.toISOString()).toBe("2026-07-13T22:00:00.000Z");
    expect(end.toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  it("uses the Paris day, not the UTC day, late in the evening", () => {
    const { start } = parisDayBounds(new Date("2026-11-26T23:30:00Z"));
    expect(start.toISOString()).toBe("2026-11-26T23:00:00.000Z");
  });

  it("handles the days of the clock changes (23 h and 25 h long)", () => {
    const spring = parisDayBounds(new Date("2026-03-29T12:00:00Z"));
    expect(spring.start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(spring.end.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3600_000);

    const autumn = parisDayBounds(new Date("2026-10-25T12:00:00Z"));
    expect(autumn.start.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(autumn.end.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3600_000);
  });
});

describe("parisCalendarDate", () => {
  it("gives the Paris day at UTC midnight, as Prisma reads DATE columns", () => {
    expect(parisCalendarDate(new Date("2026-11-26T23:30:00Z")).toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(parisCalendarDate(new Date("2026-11-26T10:00:00Z")).toISOString()).toBe("2026-11-26T00:00:00.000Z");
  });
});

describe("the formatters that replaced the ad-hoc Intl instances", async () => {
  const f = await import("@/lib/format");
  const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

  it("formatParisDateTime: the outbox's « 26/11/2026 à 14:05 », in Paris time", () => {
    expect(f.formatParisDateTime(new Date("2026-11-26T13:05:00Z"))).toBe("26/11/2026 à 14:05");
    expect(f.formatParisDateTime(new Date("2026-07-31T22:30:00Z"))).toBe("01/08/2026 à 00:30");
  });

  it("formatTimestamp: to the second in Paris time, as the signature stamp", () => {
    expect(f.formatTimestamp(new Date("2026-03-29T00:59:59Z"))).toBe("29/03/2026 01:59:59");
    expect(f.formatTimestamp(new Date("2026-03-29T01:00:00Z"))).toBe("29/03/2026 03:00:00");
  });

  it("calendar days (UTC midnight) format as that very day, never the day before", () => {
    const d = new Date("2026-06-30T00:00:00Z");
    expect(f.formatCalendarDate(d)).toBe("30/06/2026");
    expect(f.formatCalendarLongDate(d)).toBe("mardi 30 juin 2026");
    const now = new Date("2026-12-07T10:00:00Z");
    expect(f.formatCalendarLongDate(d, { withYear: false, now })).toBe("mardi 30 juin");
    expect(nbsp(f.formatCalendarDayMonth(d, now))).toBe("30 juin");
    expect(f.formatCalendarMonth(d)).toBe("juin 2026");
    expect(f.formatCalendarMonth(new Date("2026-01-01T00:00:00Z"))).toBe("janvier 2026");
  });

  it("frenchWeekday names ISO weekdays", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(f.frenchWeekday)).toEqual(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]);
    expect(f.frenchWeekday(0)).toBe("");
  });

  it("the outbox's formatter is lib/format's", async () => {
    expect((await import("@/lib/messaging/format")).formatParisDateTime).toBe(f.formatParisDateTime);
  });
});

describe("formatPhone (issue 18: « +33798765432 » on staff pages)", () => {
  it("writes French numbers in pairs, from E.164 or national form", () => {
    expect(fmt.formatPhone("+33798765432")).toBe("07 98 76 54 32");
    expect(fmt.formatPhone("0798765432")).toBe("07 98 76 54 32");
    expect(fmt.formatPhone("01.23.45.67.89")).toBe("01 23 45 67 89");
  });

  it("keeps other numbers as stored", () => {
    expect(fmt.formatPhone("+442071234567")).toBe("+442071234567");
    expect(fmt.formatPhone(" accueil ")).toBe("accueil");
    expect(fmt.formatPhone("+3379876543")).toBe("+3379876543");
  });
});
