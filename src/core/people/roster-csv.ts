// The roster CSV: its columns, reading a file into rows with the line numbers a spreadsheet shows, and writing one.
import { CsvFormatError } from '../errors.ts';
import type { Member } from '../model.ts';
import type { CsvCodec, CsvRecord } from '../infrastructure.ts';

/** The columns, in the order an export writes them. An import needs a header row naming them, in any order. */
export const ROSTER_COLUMNS = ['name', 'email', 'id', 'title', 'team', 'role', 'manager', 'time_zone', 'start_date', 'active'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** Other names spreadsheets and HR exports give the same columns. */
const ALIASES: Record<string, RosterColumn> = {
  full_name: 'name',
  display_name: 'name',
  e_mail: 'email',
  email_address: 'email',
  external_id: 'id',
  user_id: 'id',
  slack_id: 'id',
  job_title: 'title',
  department: 'team',
  permission: 'role',
  reports_to: 'manager',
  manager_email: 'manager',
  timezone: 'time_zone',
  zone: 'time_zone',
  tz: 'time_zone',
  start: 'start_date',
  hire_date: 'start_date',
};

/** One person's line: the cells of the known columns, trimmed; a column the file lacks is absent. */
export interface RosterRow {
  /** 1-based, as a spreadsheet numbers rows (the header is line 1). */
  line: number;
  cells: Partial<Record<RosterColumn, string>>;
}

export type CsvProblem =
  | { code: 'unclosed_quote'; line: number }
  | { code: 'bad_csv'; line: number }
  | { code: 'no_header'; line: number }
  | { code: 'no_name_column'; line: number }
  | { code: 'duplicate_column'; line: number; value: string }
  | { code: 'no_rows'; line: number };

export type RosterFile =
  | { ok: true; columns: RosterColumn[]; ignored: string[]; rows: RosterRow[] }
  | { ok: false; problem: CsvProblem };

function columnOf(cell: string): RosterColumn | undefined {
  const key = cell
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, '_')
    .replace(/[^a-z0-9_]/g, '');
  if ((ROSTER_COLUMNS as readonly string[]).includes(key)) return key as RosterColumn;
  return ALIASES[key];
}

/** Reads a roster file: the header, the known columns, and each non-empty row with its line number. */
export function readRosterCsv(codec: CsvCodec, text: string): RosterFile {
  let records: CsvRecord[];
  try {
    records = codec.records(text);
  } catch (error) {
    if (error instanceof CsvFormatError) return { ok: false, problem: { code: error.problem === 'unclosed_quote' ? 'unclosed_quote' : 'bad_csv', line: error.line } };
    throw error;
  }
  const table = records.map((r) => r.cells);
  const lineOf = (index: number) => records[index]?.line ?? index + 1;

  const [header, ...body] = table;
  if (!header) return { ok: false, problem: { code: 'no_rows', line: 1 } };
  const headerLine = lineOf(0);
  const columns: (RosterColumn | undefined)[] = header.map(columnOf);
  const known = columns.filter((c): c is RosterColumn => c !== undefined);
  if (known.length === 0) return { ok: false, problem: { code: 'no_header', line: headerLine } };
  const twice = known.find((c, i) => known.indexOf(c) !== i);
  if (twice) return { ok: false, problem: { code: 'duplicate_column', line: headerLine, value: twice } };
  if (!known.includes('name')) return { ok: false, problem: { code: 'no_name_column', line: headerLine } };
  const ignored = header.filter((_, i) => columns[i] === undefined && (header[i] ?? '').trim() !== '');

  const rows: RosterRow[] = [];
  body.forEach((cellsOfRow, i) => {
    if (cellsOfRow.every((cell) => cell.trim() === '')) return;
    const cells: Partial<Record<RosterColumn, string>> = {};
    columns.forEach((column, c) => {
      if (column) cells[column] = (cellsOfRow[c] ?? '').trim();
    });
    rows.push({ line: lineOf(i + 1), cells });
  });
  if (rows.length === 0) return { ok: false, problem: { code: 'no_rows', line: headerLine } };
  return { ok: true, columns: known, ignored, rows };
}

/** The roster as CSV, everyone included (people who left have active=no), so it can be imported back unchanged. */
export function writeRosterCsv(codec: CsvCodec, members: readonly Member[]): string {
  const byId = new Map(members.map((m) => [m.id, m]));
  const emailCount = new Map<string, number>();
  for (const m of members) {
    if (m.email) emailCount.set(m.email.toLowerCase(), (emailCount.get(m.email.toLowerCase()) ?? 0) + 1);
  }
  // The manager by email reads best in a spreadsheet; by id when the email would not say who.
  const managerRef = (m: Member): string => {
    const manager = m.managerId ? byId.get(m.managerId) : undefined;
    if (!manager) return '';
    return manager.email && emailCount.get(manager.email.toLowerCase()) === 1 ? manager.email : manager.externalId;
  };
  const sorted = [...members].sort((a, b) => a.displayName.localeCompare(b.displayName) || a.externalId.localeCompare(b.externalId));
  const rows = sorted.map((m) => [
    m.displayName,
    m.email ?? '',
    m.externalId,
    m.title,
    m.team,
    m.role,
    managerRef(m),
    m.timeZone,
    m.startDate ?? '',
    m.active ? 'yes' : 'no',
  ]);
  return codec.stringify([[...ROSTER_COLUMNS], ...rows]);
}
