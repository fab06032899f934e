// The CSV codec's formula rule: what a spreadsheet would run is written inert and read back exactly as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCodec, neutraliseCell, restoreCell } from '../../src/app/csv.ts';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

// Strings that often start with quotes and dangerous characters, not only the rare ones fc.string() finds.
const cell = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ', '"', ',', '\n') }),
  fc.tuple(fc.constantFrom(...DANGEROUS, "'", "''"), fc.string()).map(([start, rest]) => start + rest),
);

describe('neutraliseCell / restoreCell', () => {
  it('gives every string back exactly', () => {
    fc.assert(fc.property(cell, (x) => restoreCell(neutraliseCell(x)) === x), { numRuns: 2000 });
  });

  it('never writes a cell that starts with a formula character', () => {
    fc.assert(fc.property(cell, (x) => !DANGEROUS.some((d) => neutraliseCell(x).startsWith(d))), { numRuns: 2000 });
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Payroll")', `'=HYPERLINK("http://evil.example","Payroll")`],
    ['+cmd|/c calc!A1', "'+cmd|/c calc!A1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'=1", "''=1"],
    ['Ana García', 'Ana García'],
    ["O'Brien", "O'Brien"],
    ["'quoted'", "'quoted'"],
    ['2026-03-04', '2026-03-04'],
    ['', ''],
  ])('writes %j as %j', (value, written) => {
    expect(neutraliseCell(value)).toBe(written);
    expect(restoreCell(written)).toBe(value);
  });

  it('leaves a quote a person typed before an ordinary character alone on the way in', () => {
    expect(restoreCell("'Ana")).toBe("'Ana");
    expect(restoreCell("'")).toBe("'");
  });
});

describe('csvCodec', () => {
  it('writes formula cells inert in every column, the header too, and reads the same rows back', () => {
    const rows = [
      ['name', '=task', 'email'],
      ['=HYPERLINK("http://evil.example","Payroll")', '+cmd|/c calc!A1', '-front.desk@clinic.example'],
      ['+1 555 0100', '@handle', 'plain'],
    ];
    const text = csvCodec.stringify(rows);
    expect(text).toBe(
      [
        "name,'=task,email",
        `"'=HYPERLINK(""http://evil.example"",""Payroll"")",'+cmd|/c calc!A1,'-front.desk@clinic.example`,
        "'+1 555 0100,'@handle,plain",
        '',
      ].join('\n'),
    );
    expect(csvCodec.parse(text)).toEqual(rows);
  });
});
