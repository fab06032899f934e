// The CsvCodec port on csv-parse and csv-stringify, with formula cells made inert on the way out and restored on the way in.
import { type InfoRecord, type Options, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CsvFormatError } from '../core/errors.ts';
import type { CsvCodec, CsvRecord } from '../core/infrastructure.ts';

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

const LINE_BREAK = /\r\n|\r|\n/g;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

function records(text: string): CsvRecord[] {
  let lastLine = 0;
  let parsed: ParsedRecord[];
  try {
    const options: Options = {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      raw: true,
      on_record: (record: string[], context: InfoRecord) => {
        lastLine = context.lines;
        return record;
      },
    };
    // With `info` and `raw` each row comes as { record, info, raw }, which csv-parse's types do not say.
    parsed = parse(text, options) as unknown as ParsedRecord[];
  } catch (err) {
    const { code, lines } = err as { code?: string; lines?: number };
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse names the end of the file; a person needs the line the open quote is on: the first
      // line with anything on it after the last record read.
      const after = text.replace(/^\uFEFF/, '').split(LINE_BREAK).slice(lastLine);
      const blank = after.findIndex((l) => l.trim() !== '');
      throw new CsvFormatError(lastLine + 1 + Math.max(blank, 0), (err as Error).message, { cause: err, problem: 'unclosed_quote' });
    }
    throw new CsvFormatError(lines ?? 1, (err as Error).message, { cause: err });
  }
  return parsed.map(({ record, info, raw }) => {
    // `info.lines` is the record's last line; the record itself (without the blank lines skipped before it
    // and its own line break) tells how many lines it spans.
    const own = raw.replace(/^(?:\r\n|\r|\n)+/, '').replace(/(?:\r\n|\r|\n)$/, '');
    return { line: info.lines - (own.match(LINE_BREAK)?.length ?? 0), cells: record.map(restoreCell) };
  });
}

export const csvCodec: CsvCodec = {
  parse: (text) => records(text).map((r) => r.cells),
  records,
  stringify(rows) {
    return stringify(rows.map((row) => row.map(neutraliseCell)));
  },
};
