import { describe, expect, it } from 'vitest';
import { defaultHolidays, usFederalHolidays } from '../../../src/core/settings/holidays.ts';

describe('usFederalHolidays', () => {
  it('lists 2026 with Independence Day observed on Friday July 3', () => {
    expect(usFederalHolidays(2026)).toStrictEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-01-19', name: 'Martin Luther King Jr. Day' },
      { date: '2026-02-16', name: "Presidents' Day" },
      { date: '2026-05-25', name: 'Memorial Day' },
      { date: '2026-06-19', name: 'Juneteenth' },
      { date: '2026-07-03', name: 'Independence Day (observed)' },
      { date: '2026-09-07', name: 'Labor Day' },
      { date: '2026-10-12', name: "Columbus Day / Indigenous Peoples' Day" },
      { date: '2026-11-11', name: 'Veterans Day' },
      { date: '2026-11-26', name: 'Thanksgiving Day' },
      { date: '2026-12-25', name: 'Christmas Day' },
    ]);
  });

  it("lists 2027 with Saturday holidays moved to Friday, Sunday ones to Monday, and 2028's New Year's Day on Dec 31", () => {
    expect(usFederalHolidays(2027)).toStrictEqual([
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-01-18', name: 'Martin Luther King Jr. Day' },
      { date: '2027-02-15', name: "Presidents' Day" },
      { date: '2027-05-31', name: 'Memorial Day' },
      { date: '2027-06-18', name: 'Juneteenth (observed)' },
      { date: '2027-07-05', name: 'Independence Day (observed)' },
      { date: '2027-09-06', name: 'Labor Day' },
      { date: '2027-10-11', name: "Columbus Day / Indigenous Peoples' Day" },
      { date: '2027-11-11', name: 'Veterans Day' },
      { date: '2027-11-25', name: 'Thanksgiving Day' },
      { date: '2027-12-24', name: 'Christmas Day (observed)' },
      { date: '2027-12-31', name: "New Year's Day (observed)" },
    ]);
  });

  it('leaves a Saturday January 1 to the year before', () => {
    const dates = usFederalHolidays(2028).map((h) => h.date);
    expect(dates).not.toContain('2028-01-01');
    expect(dates).not.toContain('2027-12-31');
    expect(dates[0]).toBe('2028-01-17');
    expect(dates).toHaveLength(10);
  });

  it('moves a Sunday holiday to the Monday after (Christmas 2022, New Year 2023)', () => {
    const dates = usFederalHolidays(2022).map((h) => h.date);
    expect(dates).toContain('2022-12-26');
    expect(usFederalHolidays(2023).map((h) => h.date)).toContain('2023-01-02');
  });
});

describe('defaultHolidays', () => {
  it('is the federal holidays of this year and the next', () => {
    const list = defaultHolidays('2026-11-23');
    expect(list).toHaveLength(23);
    expect(list[0]).toStrictEqual({ date: '2026-01-01', name: "New Year's Day" });
    expect(list.at(-1)).toStrictEqual({ date: '2027-12-31', name: "New Year's Day (observed)" });
  });
});
