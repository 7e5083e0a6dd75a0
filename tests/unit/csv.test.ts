import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/csv";

describe("CSV writer", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("https://evil.example";"x")')).toBe(`"'=HYPERLINK(""https://evil.example"";""x"")"`);
    expect(csvCell("Dupont")).toBe("Dupont");
    expect(csvCell("150,00")).toBe("150,00");
    // Full-width forms that some spreadsheets normalise, and numbers written as text.
    expect(csvCell("\uFF1D1+1")).toBe("'\uFF1D1+1");
    expect(csvCell(-5)).toBe("'-5");
  });

  it("quotes separators, quotes, CR and LF, and keeps empty cells", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('dit "Jo"')).toBe('"dit ""Jo"""');
    expect(csvCell("ligne\nsuite")).toBe('"ligne\nsuite"');
    expect(csvCell("fin\r")).toBe('"fin\r"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(12)).toBe("12");
  });

  it("writes a BOM, ';' separators and CRLF line ends", () => {
    expect(
      toCsv([
        ["Nom", "Montant"],
        ["-Moins", "1,50"],
      ]),
    ).toBe("\uFEFFNom;Montant\r\n'-Moins;1,50\r\n");
    expect(
      toCsv([
        ["=1", "a\rb"],
        ["@x", null],
      ]),
    ).toBe("\uFEFF'=1;\"a\rb\"\r\n'@x;\r\n");
  });
});
