// The CsvCodec port on csv-parse and csv-stringify, with formula cells made inert on the way out and restored on the way in.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CsvFormatError } from '../core/errors.ts';
import type { CsvCodec } from '../core/ports.ts';

/**
 * A cell starting with one of these is run as a formula by spreadsheets (the OWASP CSV injection rule), so a name
 * like `=HYPERLINK(…)` from a Slack profile would become a live link in the practice manager's spreadsheet.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Contract: the result never starts with `=`, `+`, `-`, `@`, tab or carriage return, and `restoreCell` gives the
 * cell back exactly. A dangerous cell gets a leading `'`, which spreadsheets show as text; so does a cell that
 * already reads `'` + a dangerous character, so that restoring it cannot take off a quote the person typed.
 */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutraliseCell`: a cell of `'` followed by a dangerous character loses that one `'`. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

export const csvCodec: CsvCodec = {
  parse(text) {
    let rows: string[][];
    try {
      rows = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
    } catch (err) {
      const line = (err as { lines?: number }).lines ?? 1;
      throw new CsvFormatError(line, (err as Error).message, { cause: err });
    }
    return rows.map((row) => row.map(restoreCell));
  },
  stringify(rows) {
    return stringify(rows.map((row) => row.map(neutraliseCell)));
  },
};
