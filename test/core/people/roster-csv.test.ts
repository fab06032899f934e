// Reading and writing the roster CSV: the header, line numbers as a spreadsheet shows them, format problems.
import { describe, expect, it } from 'vitest';
import { csvCodec } from '../../../src/app/csv.ts';
import type { Member } from '../../../src/core/model.ts';
import { readRosterCsv, writeRosterCsv } from '../../../src/core/people/roster-csv.ts';

describe('line numbers of CSV records (the codec)', () => {
  const lines = (text: string) => csvCodec.records(text).map((r) => r.line);

  it('numbers records like spreadsheet rows: blank lines count, a quoted line break does not', () => {
    expect(lines('name,title\nAna,Biller\n\nBen,"two\nlines"\n   \nCara,MA\n')).toEqual([1, 2, 4, 6]);
  });

  it('handles CRLF and a byte order mark', () => {
    expect(lines('\uFEFFname\r\nAna\r\n\r\nBen\r\n')).toEqual([1, 2, 4]);
  });

  it('finds the row where a quote opens and never closes', () => {
    expect(() => csvCodec.records('name,title\nAna,x\n\nBen,"oops\nCara,y\nDee,z\n')).toThrow(expect.objectContaining({ line: 4, problem: 'unclosed_quote' }));
  });
});

describe('readRosterCsv', () => {
  it('reads the columns in any order, case-insensitively, with common aliases, and says which it ignores', () => {
    const file = readRosterCsv(csvCodec, 'Email,Full Name,Job Title,Favourite Colour,Time Zone\nana@x.example,Ana García,Biller,blue,America/Chicago\n');
    expect(file).toEqual({
      ok: true,
      columns: ['email', 'name', 'title', 'time_zone'],
      ignored: ['Favourite Colour'],
      rows: [{ line: 2, cells: { email: 'ana@x.example', name: 'Ana García', title: 'Biller', time_zone: 'America/Chicago' } }],
    });
  });

  it('keeps line numbers right after blank lines and skips rows of empty cells', () => {
    const file = readRosterCsv(csvCodec, 'name,team\nAna,Front desk\n\n,\nBen,Billing\n');
    expect(file.ok && file.rows.map((r) => [r.line, r.cells.name])).toEqual([
      [2, 'Ana'],
      [5, 'Ben'],
    ]);
  });

  it('reports an unclosed quote at the line where it opens', () => {
    expect(readRosterCsv(csvCodec, 'name,title\nAna,x\nBen,"oops\nCara,y\n')).toEqual({ ok: false, problem: { code: 'unclosed_quote', line: 3 } });
  });

  it('reports a stray quote as bad CSV on its line', () => {
    expect(readRosterCsv(csvCodec, 'name,title\nAna,x\nB"en,y\n')).toEqual({ ok: false, problem: { code: 'bad_csv', line: 3 } });
  });

  it('needs a header with a name column, once, and at least one person', () => {
    expect(readRosterCsv(csvCodec, 'Ana García,Biller\n')).toEqual({ ok: false, problem: { code: 'no_header', line: 1 } });
    expect(readRosterCsv(csvCodec, 'email,title\na@x.example,Biller\n')).toEqual({ ok: false, problem: { code: 'no_name_column', line: 1 } });
    expect(readRosterCsv(csvCodec, 'name,Name\nAna,Ana\n')).toEqual({ ok: false, problem: { code: 'duplicate_column', line: 1, value: 'name' } });
    expect(readRosterCsv(csvCodec, 'name,email\n')).toEqual({ ok: false, problem: { code: 'no_rows', line: 1 } });
    expect(readRosterCsv(csvCodec, '')).toEqual({ ok: false, problem: { code: 'no_rows', line: 1 } });
  });
});

describe('writeRosterCsv', () => {
  const base: Member = {
    id: 'm1', workspaceId: 'w', externalId: 'dana', displayName: 'Dana Whitfield', role: 'admin', title: 'Practice Manager',
    team: 'Administration', managerId: null, timeZone: 'America/Chicago', locale: 'en', email: 'dana@x.example',
    startDate: '2019-04-01', active: true, snoozedUntil: null, optedOut: false,
  };

  it('writes every column, the manager by email (by id when the email is shared), and people who left', () => {
    const members: Member[] = [
      base,
      { ...base, id: 'm2', externalId: 'ben', displayName: 'Ben Okafor, Jr.', role: 'staff', title: 'Biller', team: 'Billing', managerId: 'm1', email: null, startDate: null },
      { ...base, id: 'm3', externalId: 'cara', displayName: 'Cara Diaz', role: 'staff', title: 'MA', team: 'Clinic', managerId: 'm4', email: 'shared@x.example', active: false },
      { ...base, id: 'm4', externalId: 'dee', displayName: 'Dee Fox', role: 'manager', title: 'Lead', team: 'Clinic', email: 'shared@x.example' },
    ];
    expect(writeRosterCsv(csvCodec, members)).toBe(
      [
        'name,email,id,title,team,role,manager,time_zone,start_date,active',
        '"Ben Okafor, Jr.",,ben,Biller,Billing,staff,dana@x.example,America/Chicago,,yes',
        'Cara Diaz,shared@x.example,cara,MA,Clinic,staff,dee,America/Chicago,2019-04-01,no',
        'Dana Whitfield,dana@x.example,dana,Practice Manager,Administration,admin,,America/Chicago,2019-04-01,yes',
        'Dee Fox,shared@x.example,dee,Lead,Clinic,manager,,America/Chicago,2019-04-01,yes',
        '',
      ].join('\n'),
    );
  });
});
