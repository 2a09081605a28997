/**
 * A cell a spreadsheet would run as a formula (OWASP CSV injection) gets a
 * leading apostrophe, which spreadsheets show as text. Spreadsheets skip
 * leading whitespace before = + - @, so a key such as " =cmd" is guarded too.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180: CRLF line breaks, fields with commas, quotes or line breaks quoted, quotes doubled. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
