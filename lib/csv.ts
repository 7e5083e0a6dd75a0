// The one CSV writer of the app, for French Excel, on csv-stringify: ";"
// separator, CRLF line ends, UTF-8 BOM. Cells that a spreadsheet would run as a
// formula (starting with = + - @, tab or carriage return, and their full-width
// forms) get a leading quote (OWASP "CSV injection", `escape_formulas`); cells
// with a separator, quote, CR or LF are quoted.
import { stringify, type Options } from "csv-stringify/sync";

type Cell = string | number | null | undefined;

const OPTIONS: Options = {
  delimiter: ";",
  record_delimiter: "\r\n",
  // Off by default once record_delimiter is set: a lone \r or \n must be quoted too.
  quote_record_delimiter: true,
  escape_formulas: true,
};

// Numbers go in as text, so that "-5" is escaped like any other leading minus.
const asText = (value: Cell): string => (value === null || value === undefined ? "" : String(value));

/** One cell as it appears in the file (escaped and quoted when needed). */
export function csvCell(value: Cell): string {
  return stringify([[asText(value)]], OPTIONS).slice(0, -2);
}

/** A whole CSV document, header row first. */
export function toCsv(rows: Cell[][]): string {
  return stringify(
    rows.map((row) => row.map(asText)),
    { ...OPTIONS, bom: true },
  );
}
