import { describe, expect, it } from 'vitest';
import { parseCadence, parseHolidayLines, parseTime, parseTimeZone, parseWeekday, parseWorkDays } from '../../../src/core/settings/parse.ts';

describe('parseTime', () => {
  it.each([
    ['9am', '09:00'],
    ['9 AM', '09:00'],
    ['9:30 am', '09:30'],
    ['9.30 a.m.', '09:30'],
    ['12pm', '12:00'],
    ['12 am', '00:00'],
    ['1:15pm', '13:15'],
    ['13:00', '13:00'],
    ['08:05', '08:05'],
    ['0830', '08:30'],
    ['7', '07:00'],
    ['noon', '12:00'],
  ])('%s → %s', (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it.each(['25:00', '13pm', '0am', '9:60', '9:5', 'nine', '', 'tomorrow 9am'])('refuses %j', (text) => {
    expect(parseTime(text)).toBeNull();
  });
});

describe('parseWeekday', () => {
  it.each([
    ['Mon', 1],
    ['monday', 1],
    ['Tues.', 2],
    ['THURS', 4],
    ['fridays', 5],
    ['sun', 7],
    ['3', 3],
  ])('%s → %i', (text, expected) => {
    expect(parseWeekday(text)).toBe(expected);
  });

  it('refuses what is not a day', () => {
    expect(parseWeekday('someday')).toBeNull();
    expect(parseWeekday('8')).toBeNull();
  });
});

describe('parseWorkDays', () => {
  it.each([
    ['Mon, Wed, Fri', [1, 3, 5]],
    ['Monday-Friday', [1, 2, 3, 4, 5]],
    ['Monday - Friday', [1, 2, 3, 4, 5]],
    ['mon–fri', [1, 2, 3, 4, 5]],
    ['Tue through Sat', [2, 3, 4, 5, 6]],
    ['Mon to Thu and Sat', [1, 2, 3, 4, 6]],
    ['mon,tue,wed,thu,fri', [1, 2, 3, 4, 5]],
    ['fri, mon, fri', [1, 5]],
    ['Fri-Mon', [1, 5, 6, 7]],
    ['M-F', [1, 2, 3, 4, 5]],
    ['weekdays', [1, 2, 3, 4, 5]],
    ['every day', [1, 2, 3, 4, 5, 6, 7]],
  ])('%s', (text, days) => {
    expect(parseWorkDays(text)).toStrictEqual({ ok: true, days });
  });

  it('names the part it could not read', () => {
    expect(parseWorkDays('Mon, Funday')).toStrictEqual({ ok: false, bad: 'funday' });
    expect(parseWorkDays('mon-tue-wed')).toStrictEqual({ ok: false, bad: 'mon-tue-wed' });
    expect(parseWorkDays('   ')).toStrictEqual({ ok: false, bad: '' });
  });
});

describe('parseCadence', () => {
  it('reads the ways people say it', () => {
    expect(parseCadence('Weekly')).toBe('weekly');
    expect(parseCadence('every 2 weeks')).toBe('biweekly');
    expect(parseCadence('every other  week')).toBe('biweekly');
    expect(parseCadence('biweekly')).toBe('biweekly');
    expect(parseCadence('once a month')).toBe('monthly');
    expect(parseCadence('daily')).toBeNull();
  });
});

describe('parseTimeZone', () => {
  it.each([
    ['Eastern', 'America/New_York'],
    ['central time', 'America/Chicago'],
    ['Mountain', 'America/Denver'],
    ['Pacific', 'America/Los_Angeles'],
    ['Arizona', 'America/Phoenix'],
    ['Hawaii', 'Pacific/Honolulu'],
    ['Alaska', 'America/Anchorage'],
    ['EST', 'America/New_York'],
    ['PST', 'America/Los_Angeles'],
    ['US/Eastern', 'America/New_York'],
    ['America/Chicago', 'America/Chicago'],
    ['america/denver', 'America/Denver'],
    [' Europe/London ', 'Europe/London'],
    ['UTC', 'UTC'],
  ])('%j → %s', (text, zone) => {
    expect(parseTimeZone(text)).toBe(zone);
  });

  it.each(['Mars/Olympus', 'Chicago', '+05:00', 'UTC-5', 'GMT+2', '', 'Eastern Europe'])('refuses %j', (text) => {
    expect(parseTimeZone(text)).toBeNull();
  });
});

// Thursday Dec 3, 2026, 9:00 in Chicago.
const TODAY = { now: '2026-12-03T15:00:00Z', timeZone: 'America/Chicago' };

describe('parseHolidayLines', () => {
  it('reads one holiday a line, leniently, sorted, first name wins', () => {
    const text = [
      '2026-12-25 Christmas Day',
      '',
      '• 2026-11-27 - Day after Thanksgiving',
      '12/24/2026: Christmas Eve',
      '2027-01-01',
      '2026-12-25 Christmas again',
    ].join('\n');
    expect(parseHolidayLines(text, TODAY)).toStrictEqual({
      holidays: [
        { line: 3, date: '2026-11-27', name: 'Day after Thanksgiving', dateText: '2026-11-27' },
        { line: 4, date: '2026-12-24', name: 'Christmas Eve', dateText: '12/24/2026' },
        { line: 1, date: '2026-12-25', name: 'Christmas Day', dateText: '2026-12-25' },
        { line: 5, date: '2027-01-01', name: '', dateText: '2027-01-01' },
      ],
      errors: [],
    });
  });

  it('names each line it cannot use and why', () => {
    const text = ['2026-13-01 Foo', 'Christmas 2026-12-25', '2026-02-30', `2026-12-31 ${'x'.repeat(61)}`, '20261225 Xmas'].join('\n');
    expect(parseHolidayLines(text, TODAY).errors).toStrictEqual([
      { line: 1, text: '2026-13-01 Foo', problem: 'date' },
      { line: 2, text: 'Christmas 2026-12-25', problem: 'format' },
      { line: 3, text: '2026-02-30', problem: 'date' },
      { line: 4, text: `2026-12-31 ${'x'.repeat(61)}`, problem: 'name_too_long' },
      { line: 5, text: '20261225 Xmas', problem: 'format' },
    ]);
  });

  it('reads dates in the same words as time off, keeping the name as typed', () => {
    const text = ['Dec 24 Christmas Eve', "12/31 New Year's Eve", "Jan 1 2027 New Year's Day", 'December 26th: Boxing Day', '2026-12-25 Christmas Day'].join('\n');
    expect(parseHolidayLines(text, TODAY)).toStrictEqual({
      holidays: [
        { line: 1, date: '2026-12-24', name: 'Christmas Eve', dateText: 'Dec 24' },
        { line: 5, date: '2026-12-25', name: 'Christmas Day', dateText: '2026-12-25' },
        { line: 4, date: '2026-12-26', name: 'Boxing Day', dateText: 'December 26th' },
        { line: 2, date: '2026-12-31', name: "New Year's Eve", dateText: '12/31' },
        { line: 3, date: '2027-01-01', name: "New Year's Day", dateText: 'Jan 1 2027' },
      ],
      errors: [],
    });
  });

  it('takes a date without a year that has passed this year as next year\'s', () => {
    // Typed on Dec 3, 2026: July 4th this year is over, so the list means July 4th, 2027.
    expect(parseHolidayLines('Jul 4 Independence Day\nJan 1 New Year', TODAY).holidays.map((h) => h.date)).toStrictEqual([
      '2027-01-01',
      '2027-07-04',
    ]);
    // With a year written out, the year stands, even when it is behind us.
    expect(parseHolidayLines('Jul 4 2026 Independence Day', TODAY).holidays.map((h) => h.date)).toStrictEqual(['2026-07-04']);
  });

  it('refuses a day that does not exist in any form', () => {
    expect(parseHolidayLines('Dec 32 Party\n2/30 Nothing\n13/1 New year', TODAY).errors).toStrictEqual([
      { line: 1, text: 'Dec 32 Party', problem: 'date' },
      { line: 2, text: '2/30 Nothing', problem: 'date' },
      { line: 3, text: '13/1 New year', problem: 'date' },
    ]);
  });

  it('is empty for an empty box', () => {
    expect(parseHolidayLines('\n \n', TODAY)).toStrictEqual({ holidays: [], errors: [] });
  });
});
