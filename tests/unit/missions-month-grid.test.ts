import { describe, expect, it } from "vitest";
import { gridWeeks, monthGrid } from "@/lib/missions/month-grid";
import { keyOf } from "@/lib/missions/calendar";

const day = (key: string) => new Date(`${key}T00:00:00Z`);
const keys = (weeks: Date[][]) => weeks.map((w) => w.map(keyOf));

describe("monthGrid", () => {
  it("covers a month with whole Monday-to-Sunday weeks, spilling into the months around it", () => {
    // November 2026 starts on a Sunday and ends on a Monday.
    const weeks = monthGrid(day("2026-11-15"));
    expect(weeks).toHaveLength(6);
    expect(keyOf(weeks[0][0])).toBe("2026-10-26");
    expect(keyOf(weeks[0][6])).toBe("2026-11-01");
    expect(keyOf(weeks[5][0])).toBe("2026-11-30");
    expect(keyOf(weeks[5][6])).toBe("2026-12-06");
  });

  it("has four rows for a February that starts on a Monday", () => {
    const weeks = monthGrid(day("2027-02-01"));
    expect(weeks).toHaveLength(4);
    expect(keyOf(weeks[0][0])).toBe("2027-02-01");
    expect(keyOf(weeks[3][6])).toBe("2027-02-28");
  });

  it("gives consecutive days, each row starting on a Monday", () => {
    const flat = monthGrid(day("2026-03-31")).flat();
    for (let i = 1; i < flat.length; i++) expect(flat[i].getTime() - flat[i - 1].getTime()).toBe(86_400_000);
    expect(flat[0].getUTCDay()).toBe(1);
    expect(flat.map(keyOf)).toContain("2026-03-29"); // the spring-forward Sunday is a plain day here
  });
});

describe("gridWeeks", () => {
  it("builds the rows between two days, both included", () => {
    expect(keys(gridWeeks(day("2026-11-23"), day("2026-12-06")))).toEqual([
      ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"],
      ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"],
    ]);
  });

  it("is empty when the end is before the start", () => {
    expect(gridWeeks(day("2026-11-30"), day("2026-11-23"))).toEqual([]);
  });
});
