import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DATE_RANGES, parseIsoDate, parseIsoMonth, rangeCheck, readDate, searchParamDate } from "@/lib/time/dates";
import { cleanId, controlCharErrors, formId, hasControlChars, parseForm, textInput } from "@/lib/forms";
import { parseDay } from "@/lib/contracts/shifts";
import { parseDayKey } from "@/lib/missions/calendar";
import { parseIsoDate as timesheetDate } from "@/lib/timesheets/rules";
import { parseListParams } from "@/lib/contracts/rules";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("strict calendar dates", () => {
  it("refuses dates that would roll over, year 0, month 13, day 32 and far years", () => {
    for (const bad of [
      "2026-02-31",
      "2015-02-31",
      "2026-02-29",
      "0000-01-01",
      "2026-13-01",
      "2026-00-10",
      "2026-01-32",
      "2026-01-00",
      "9999-12-31",
      "1899-12-31",
      " 2026-01-01",
      "2026-1-1",
      "2026-01-01T00:00",
      "",
      "2026-01-01\u0000",
    ]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
    expect(parseIsoDate(undefined)).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });

  it("reads real days, leap days included", () => {
    expect(parseIsoDate("2024-02-29")).toEqual(day("2024-02-29"));
    expect(parseIsoDate("2026-12-31")).toEqual(day("2026-12-31"));
    expect(parseIsoMonth("2026-02")).toEqual(day("2026-02-01"));
    expect(parseIsoMonth("0000-01")).toBeNull();
    expect(parseIsoMonth("2026-13")).toBeNull();
  });

  it("is the parser behind every older helper (back office, planning, timesheets, contract filters)", () => {
    for (const parse of [parseDay, parseDayKey, timesheetDate]) {
      expect(parse("2026-02-31")).toBeNull();
      expect(parse("0000-01-01")).toBeNull();
      expect(parse("2026-03-03")).toEqual(day("2026-03-03"));
    }
    expect(parseListParams({ date: "0000-01-01" }).date).toBeNull();
    expect(parseListParams({ date: "2026-02-31" }).date).toBeNull();
    expect(parseListParams({ date: "2026-03-03" }).date).toBe("2026-03-03");
  });

  it("checks each use's range with a French message", () => {
    const today = day("2026-12-02");
    expect(readDate("2015-02-31", DATE_RANGES.past(today), "la date d'obtention")).toEqual({
      ok: false,
      error: expect.stringContaining("Date invalide"),
    });
    expect(readDate("2027-01-01", DATE_RANGES.past(today), "la date d'obtention")).toEqual({
      ok: false,
      error: "La date d'obtention ne peut pas être dans le futur.",
    });
    expect(readDate("", DATE_RANGES.past(today), "la date d'obtention")).toEqual({ ok: false, error: "Indiquez la date d'obtention." });
    expect(readDate("2015-02-28", DATE_RANGES.past(today))).toEqual({ ok: true, date: day("2015-02-28") });
    expect(readDate("2024-12-01", DATE_RANGES.recentPast(today)).ok).toBe(false);
    expect(rangeCheck(day("2029-01-01"), DATE_RANGES.upcoming(today), "le jour")).toEqual({
      ok: false,
      error: "Indiquez le jour entre le 02/12/2026 et le 02/12/2028.",
    });
    expect(rangeCheck(day("2028-12-02"), DATE_RANGES.upcoming(today)).ok).toBe(true);
    expect(rangeCheck(day("2020-01-01"), DATE_RANGES.contract(today)).ok).toBe(false);
    expect(rangeCheck(day("2028-06-01"), DATE_RANGES.contract(today)).ok).toBe(true);
  });

  it("reads URL dates as a valid day or nothing", () => {
    expect(searchParamDate("0000-01-01")).toBeNull();
    expect(searchParamDate(["2026-02-31"])).toBeNull();
    expect(searchParamDate(undefined)).toBeNull();
    expect(searchParamDate("2026-03-04")).toEqual(day("2026-03-04"));
  });
});

describe("control characters and ids", () => {
  it("refuses NUL and other controls; multi-line text keeps tab and line breaks", () => {
    expect(hasControlChars("Dupont\u0000")).toBe(true);
    expect(hasControlChars("a\u001bb")).toBe(true);
    expect(hasControlChars("a\u007fb")).toBe(true);
    expect(hasControlChars("ligne 1\nligne 2")).toBe(true);
    expect(hasControlChars("ligne 1\r\nligne 2\tfin", true)).toBe(false);
    expect(hasControlChars("a\u0000b", true)).toBe(true);
    expect(hasControlChars("Élodie d'Août – 12 €")).toBe(false);
  });

  it("textInput refuses controls with a French message and chains like z.string()", () => {
    const schema = textInput().trim().min(1, "Renseignez le nom.").max(5, "Trop long.");
    const bad = schema.safeParse("ab\u0000");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toContain("caractère non autorisé");
    expect(schema.safeParse(" ab ").data).toBe("ab");
    expect(textInput({ multiline: true }).safeParse("a\nb").success).toBe(true);
  });

  it("every wrapped form refuses a control character next to its field, whatever the schema", () => {
    const form = new FormData();
    form.set("name", "Dupont\u0000");
    form.set("city", "Lyon");
    const parsed = parseForm(z.object({ name: z.string(), city: z.string() }), form);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.state.fieldErrors).toEqual({ name: expect.stringContaining("caractère non autorisé") });
    expect(controlCharErrors({ message: "Bonjour,\nmerci" })).toBeNull();
    form.set("name", "Dupont");
    expect(parseForm(z.object({ name: z.string(), city: z.string() }), form)).toEqual({ ok: true, data: { name: "Dupont", city: "Lyon" } });
  });

  it("a field the schema declares as a list keeps every repeated value, in order; an absent one is an empty list", () => {
    const schema = z.looseObject({
      needId: z.string(),
      workerId: z.array(z.string().max(5)).max(3),
      parts: z
        .array(z.string())
        .default([])
        .transform((a) => a.slice(0, 1)),
    });
    const form = new FormData();
    form.set("needId", "n1");
    form.append("needId", "n2"); // a single field keeps the last value, as before
    for (const id of ["w1", "w2", "w3"]) form.append("workerId", id);
    expect(parseForm(schema, form)).toEqual({ ok: true, data: { needId: "n2", workerId: ["w1", "w2", "w3"], parts: [] } });
    form.append("parts", "MORNING");
    form.append("parts", "EVENING");
    expect(parseForm(schema, form)).toMatchObject({ ok: true, data: { parts: ["MORNING"] } });
    // The list is checked by its schema: too many values, or one too long, is refused next to the field.
    form.append("workerId", "w4");
    expect(parseForm(schema, form)).toMatchObject({ ok: false, state: { fieldErrors: { workerId: expect.any(String) } } });
    // A control character in any one of the values is refused too.
    const other = new FormData();
    other.set("needId", "n1");
    other.append("workerId", "w1");
    other.append("workerId", "w\u0000");
    expect(parseForm(schema, other)).toMatchObject({
      ok: false,
      state: { fieldErrors: { workerId: expect.stringContaining("caractère non autorisé") } },
    });
  });

  it("ids are short printable ASCII, else no id", () => {
    expect(cleanId("cmabc123def456ghi789")).toBe("cmabc123def456ghi789");
    for (const bad of ["\u0000", "abc\u0000", "", "a".repeat(65), "../etc", "a b", 42]) expect(cleanId(bad)).toBeNull();
    const form = new FormData();
    form.set("id", "x\u0000");
    expect(formId(form, "id")).toBe("");
  });
});
