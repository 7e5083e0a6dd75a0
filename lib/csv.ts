// The one CSV writer of the app, for French Excel: ";" separator, CRLF line
// ends, UTF-8 BOM. Cells that a spreadsheet would run as a formula (starting
// with = + - @, tab or carriage return) are prefixed with a quote (OWASP "CSV
// injection"); cells with a separator, quote, CR or LF are quoted.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document, header row first. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
