import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  checkSpan,
  latestSnoozeEnd,
  latestStart,
  localToday,
  parseDay,
  parseSpan,
  readSpan,
  spanDays,
} from '../../../src/core/commands/dates.ts';
import type { ParseContext } from '../../../src/core/commands/types.ts';

// Monday 2026-11-23, 09:00 in New York.
const NY: ParseContext = { now: '2026-11-23T14:00:00Z', timeZone: 'America/New_York' };

describe('localToday', () => {
  it('is the date where the member is', () => {
    expect(localToday({ now: '2026-11-24T08:00:00Z', timeZone: 'Pacific/Honolulu' })).toBe('2026-11-23');
    expect(localToday({ now: '2026-11-24T08:00:00Z', timeZone: 'Asia/Tokyo' })).toBe('2026-11-24');
  });

  it('is undefined for a zone or instant that does not exist', () => {
    expect(localToday({ now: '2026-11-24T08:00:00Z', timeZone: 'Mars/Olympus' })).toBeUndefined();
    expect(localToday({ now: 'yesterday-ish', timeZone: 'America/New_York' })).toBeUndefined();
  });
});

describe('parseSpan', () => {
  it.each([
    ['dec 20-24', '2026-12-20', '2026-12-24'],
    ['next week', '2026-11-30', '2026-12-04'],
    ['the week after next', '2026-12-07', '2026-12-11'],
    ['this weekend', '2026-11-28', '2026-11-29'],
    ['next month', '2026-12-01', '2026-12-31'],
    ['for 3 days', '2026-11-23', '2026-11-25'],
    ['for a week starting dec 7', '2026-12-07', '2026-12-13'],
    ['2026-12-20 to 2026-12-24', '2026-12-20', '2026-12-24'],
    ['december 20th through the 24th', '2026-12-20', '2026-12-24'],
    ['friday to monday', '2026-11-27', '2026-11-30'],
    ['today and tomorrow', '2026-11-23', '2026-11-24'],
    ['until friday', '2026-11-23', '2026-11-27'],
  ])('%s', (text, start, end) => {
    expect(parseSpan(text, NY)).toStrictEqual({ ok: true, span: { start, end, part: 'full' } });
  });

  it('says what is wrong', () => {
    expect(parseSpan('whenever', NY)).toStrictEqual({ ok: false, detail: 'unparsed' });
    expect(parseSpan('dec 24 - dec 20', NY)).toStrictEqual({ ok: false, detail: 'end_before_start' });
    // With both years written, the later date first is a slip to ask about, not a range to turn round.
    expect(parseSpan('dec 11 2026 - dec 9 2026', NY)).toStrictEqual({ ok: false, detail: 'end_before_start' });
    expect(parseSpan('12/11/2026 to 12/9/2026', NY)).toStrictEqual({ ok: false, detail: 'end_before_start' });
    expect(parseSpan('dec 9 2026 - dec 11 2026', NY)).toStrictEqual({ ok: true, span: { start: '2026-12-09', end: '2026-12-11', part: 'full' } });
    expect(parseSpan('nov 16-20', NY)).toStrictEqual({ ok: false, detail: 'past' });
    expect(parseSpan('for 3 months', NY)).toStrictEqual({ ok: false, detail: 'too_long' });
  });

  it('keeps a half day only for a single day', () => {
    expect(parseSpan('friday afternoon', NY)).toStrictEqual({ ok: true, span: { start: '2026-11-27', end: '2026-11-27', part: 'afternoon' } });
    expect(parseSpan('friday pm to monday', NY)).toStrictEqual({ ok: true, span: { start: '2026-11-27', end: '2026-11-30', part: 'full' } });
  });
});

describe('readSpan', () => {
  it('returns the words the dates did not use', () => {
    expect(readSpan('friday for scheduling', NY)).toStrictEqual({
      ok: true,
      span: { start: '2026-11-27', end: '2026-11-27', part: 'full' },
      rest: 'for scheduling',
    });
  });

  it('does not judge a span in the past', () => {
    expect(readSpan('nov 16-20', NY)).toMatchObject({ ok: true, span: { start: '2026-11-16', end: '2026-11-20' } });
  });
});

describe('parseDay', () => {
  it('reads a day, the nearest one when the year is left out', () => {
    expect(parseDay('11/20', NY)).toStrictEqual({ ok: true, date: '2026-11-20' });
    expect(parseDay('jan 4', NY)).toStrictEqual({ ok: true, date: '2027-01-04' });
    expect(parseDay('monday', NY)).toStrictEqual({ ok: true, date: '2026-11-23' });
    expect(parseDay('next monday', NY)).toStrictEqual({ ok: true, date: '2026-11-30' });
    expect(parseDay('2026-12-07', NY)).toStrictEqual({ ok: true, date: '2026-12-07' });
    expect(parseDay('someday', NY)).toStrictEqual({ ok: false, detail: 'unparsed' });
  });
});

describe('checkSpan, spanDays, addDays', () => {
  it('counts both ends', () => {
    expect(spanDays({ start: '2026-12-20', end: '2026-12-24' })).toBe(5);
    expect(spanDays({ start: '2026-12-31', end: '2027-01-01' })).toBe(2);
  });

  it('adds calendar days across a DST change', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2027-03-13', 2)).toBe('2027-03-15');
  });

  it('lets a span that has started but not ended through', () => {
    expect(checkSpan({ start: '2026-11-20', end: '2026-11-23' }, NY)).toBeUndefined();
    expect(checkSpan({ start: '2026-11-20', end: '2026-11-22' }, NY)).toBe('past');
    expect(checkSpan({ start: '2026-12-01', end: '2026-12-10' }, NY, 7)).toBe('too_long');
  });
});

describe('the machine\u2019s own time zone does not matter', () => {
  const original = process.env['TZ'];
  afterEach(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });

  it.each([
    ['Asia/Tokyo', 21],
    ['America/Los_Angeles', 4],
    ['Pacific/Kiritimati', 2],
    ['UTC', 12],
  ])('with TZ=%s', (tz, localHourAtNoonUtc) => {
    process.env['TZ'] = tz;
    // Proves the process really switched zones, so the rest of the test means something.
    expect(new Date(Date.UTC(2026, 0, 1, 12)).getHours()).toBe(localHourAtNoonUtc);
    const honolulu: ParseContext = { now: '2026-11-24T08:00:00Z', timeZone: 'Pacific/Honolulu' };
    expect(parseSpan('tomorrow', honolulu)).toStrictEqual({ ok: true, span: { start: '2026-11-24', end: '2026-11-24', part: 'full' } });
    expect(parseSpan('friday', honolulu)).toStrictEqual({ ok: true, span: { start: '2026-11-27', end: '2026-11-27', part: 'full' } });
    const fallBack: ParseContext = { now: '2026-11-01T03:30:00Z', timeZone: 'America/New_York' };
    expect(parseSpan('tomorrow', fallBack)).toStrictEqual({ ok: true, span: { start: '2026-11-01', end: '2026-11-01', part: 'full' } });
    expect(parseSpan('next week', fallBack)).toStrictEqual({ ok: true, span: { start: '2026-11-02', end: '2026-11-06', part: 'full' } });
  });
});

// Tuesday 2026-12-08, 22:30 in Chicago: already Wednesday in UTC, so "today" tells the zones apart.
const CHICAGO: ParseContext = { now: '2026-12-09T04:30:00Z', timeZone: 'America/Chicago' };
const at = (now: string): ParseContext => ({ now, timeZone: 'America/Chicago' });
const day = (start: string, end = start, part: 'full' | 'morning' | 'afternoon' = 'full') => ({ start, end, part });

describe('a Tuesday night in Chicago', () => {
  it.each([
    ['today', day('2026-12-08')],
    ['tonight', day('2026-12-08')],
    ['tomorrow', day('2026-12-09')],
    ['friday', day('2026-12-11')],
    ['next friday', day('2026-12-18')],
    ['the 9th', day('2026-12-09')],
    ['the 8th', day('2026-12-08')],
    ['the 7th', day('2027-01-07')],
    ['the 31st', day('2026-12-31')],
    ['1/15', day('2027-01-15')],
    ['dec 24', day('2026-12-24')],
    ['12/20\u201324', day('2026-12-20', '2026-12-24')],
    ['dec 20 \u2014 dec 24', day('2026-12-20', '2026-12-24')],
    ['friday morning', day('2026-12-11', '2026-12-11', 'morning')],
    ['fri afternoon', day('2026-12-11', '2026-12-11', 'afternoon')],
    ['friday evening', day('2026-12-11', '2026-12-11', 'afternoon')],
    ['this morning', day('2026-12-08', '2026-12-08', 'morning')],
    ['tomorrow a.m.', day('2026-12-09', '2026-12-09', 'morning')],
    ['tomorrow p.m.', day('2026-12-09', '2026-12-09', 'afternoon')],
    ['friday all day', day('2026-12-11')],
  ])('reads "%s"', (text, span) => {
    expect(parseSpan(text, CHICAGO)).toStrictEqual({ ok: true, span });
  });

  it.each([
    ['tues', '2026-12-08'],
    ['weds', '2026-12-09'],
    ['thurs', '2026-12-10'],
    ['thur', '2026-12-10'],
    ['thu.', '2026-12-10'],
    ['tmr', '2026-12-09'],
    ['tmrw', '2026-12-09'],
    ['2moro', '2026-12-09'],
    ['tdy', '2026-12-08'],
    ['2day', '2026-12-08'],
  ])('reads the shorthand "%s"', (text, date) => {
    expect(parseDay(text, CHICAGO)).toStrictEqual({ ok: true, date });
  });

  it.each([
    ['nxt week', '2026-12-14', '2026-12-18'],
    ['next wk', '2026-12-14', '2026-12-18'],
    ['for 2 wks', '2026-12-08', '2026-12-21'],
    ['rest of the week', '2026-12-08', '2026-12-11'],
    ['this weekend', '2026-12-12', '2026-12-13'],
    ['next weekend', '2026-12-19', '2026-12-20'],
    ['the week after next', '2026-12-21', '2026-12-25'],
    ['rest of the month', '2026-12-08', '2026-12-31'],
    ['next month', '2027-01-01', '2027-01-31'],
    ['week of the 14th', '2026-12-14', '2026-12-18'],
    ['week of dec 30', '2026-12-28', '2027-01-01'],
    ['the next 3 days', '2026-12-08', '2026-12-10'],
    ['next 2 weeks', '2026-12-08', '2026-12-21'],
    ['for a month', '2026-12-08', '2027-01-07'],
    ['for two weeks starting monday', '2026-12-14', '2026-12-27'],
    ['friday for a week', '2026-12-11', '2026-12-17'],
    ['friday and saturday', '2026-12-11', '2026-12-12'],
    ['thursday & friday', '2026-12-10', '2026-12-11'],
    ['dec 20 and dec 21', '2026-12-20', '2026-12-21'],
    ['friday - the 14th', '2026-12-11', '2026-12-14'],
    ['the 20th-24th', '2026-12-20', '2026-12-24'],
    ['until the 15th', '2026-12-08', '2026-12-15'],
    ['dec 10 till dec 12', '2026-12-10', '2026-12-12'],
  ])('reads "%s" as a stretch of days', (text, start, end) => {
    expect(parseSpan(text, CHICAGO)).toStrictEqual({ ok: true, span: day(start, end) });
  });

  it('reads "\u2019til" like "until": from today, or between two dates', () => {
    expect(readSpan("'til friday", CHICAGO)).toStrictEqual({ ok: true, span: day('2026-12-08', '2026-12-11'), rest: '' });
    expect(readSpan('\u2019til friday', CHICAGO)).toStrictEqual({ ok: true, span: day('2026-12-08', '2026-12-11'), rest: '' });
    expect(readSpan("dec 10 'til dec 12", CHICAGO)).toStrictEqual({ ok: true, span: day('2026-12-10', '2026-12-12'), rest: '' });
  });

  it('keeps "after lunch" out of the words left over', () => {
    expect(readSpan('tomorrow after lunch', CHICAGO)).toStrictEqual({ ok: true, span: day('2026-12-09', '2026-12-09', 'afternoon'), rest: '' });
    expect(readSpan('friday morning for billing', CHICAGO)).toStrictEqual({
      ok: true,
      span: day('2026-12-11', '2026-12-11', 'morning'),
      rest: 'for billing',
    });
  });

  it('reads a day in the past as past, and refuses it for time off', () => {
    expect(parseDay('last friday', CHICAGO)).toStrictEqual({ ok: true, date: '2026-12-04' });
    expect(parseDay('yesterday', CHICAGO)).toStrictEqual({ ok: true, date: '2026-12-07' });
    expect(parseDay('12/1', CHICAGO)).toStrictEqual({ ok: true, date: '2026-12-01' });
    for (const text of ['last friday', 'yesterday', '3 days ago', '12/1', 'dec 7']) {
      expect(parseSpan(text, CHICAGO)).toStrictEqual({ ok: false, detail: 'past' });
    }
  });

  it('does not turn two separate days into the days between them', () => {
    expect(parseSpan('monday and friday', CHICAGO)).toStrictEqual({ ok: false, detail: 'unparsed' });
    expect(parseSpan('the week', CHICAGO)).toStrictEqual({ ok: false, detail: 'unparsed' });
    expect(parseSpan('the 32nd', CHICAGO)).toStrictEqual({ ok: false, detail: 'unparsed' });
  });
});

describe('week boundaries', () => {
  it('on a Friday, the rest of the week is that Friday and this weekend is the next two days', () => {
    const friday = at('2026-12-11T18:00:00Z');
    expect(parseSpan('rest of the week', friday)).toStrictEqual({ ok: true, span: day('2026-12-11') });
    expect(parseSpan('this weekend', friday)).toStrictEqual({ ok: true, span: day('2026-12-12', '2026-12-13') });
    expect(parseSpan('friday', friday)).toStrictEqual({ ok: true, span: day('2026-12-11') });
    expect(parseSpan('next friday', friday)).toStrictEqual({ ok: true, span: day('2026-12-18') });
  });

  it('on a Saturday, this week is what is left of it and next week starts on Monday', () => {
    const saturday = at('2026-12-12T18:00:00Z');
    for (const text of ['rest of the week', 'this week', 'the whole week', 'this weekend', 'weekend']) {
      expect(parseSpan(text, saturday)).toStrictEqual({ ok: true, span: day('2026-12-12', '2026-12-13') });
    }
    expect(parseSpan('next week', saturday)).toStrictEqual({ ok: true, span: day('2026-12-14', '2026-12-18') });
    expect(parseSpan('next weekend', saturday)).toStrictEqual({ ok: true, span: day('2026-12-19', '2026-12-20') });
    expect(parseSpan('friday', saturday)).toStrictEqual({ ok: true, span: day('2026-12-18') });
    expect(parseSpan('friday to monday', saturday)).toStrictEqual({ ok: true, span: day('2026-12-18', '2026-12-21') });
  });

  it('on a Sunday, this weekend is only that Sunday and the week after next is two Mondays away', () => {
    const sunday = at('2026-12-13T18:00:00Z');
    expect(parseSpan('this weekend', sunday)).toStrictEqual({ ok: true, span: day('2026-12-13') });
    expect(parseSpan('rest of the week', sunday)).toStrictEqual({ ok: true, span: day('2026-12-13') });
    expect(parseSpan('next week', sunday)).toStrictEqual({ ok: true, span: day('2026-12-14', '2026-12-18') });
    expect(parseSpan('the week after next', sunday)).toStrictEqual({ ok: true, span: day('2026-12-21', '2026-12-25') });
  });
});

describe('the year rolling over', () => {
  // Monday 2026-12-28, 22:00 in Chicago.
  const lateDecember = at('2026-12-29T04:00:00Z');

  it.each([
    ['jan 2', '2027-01-02', '2027-01-02'],
    ['1/4', '2027-01-04', '2027-01-04'],
    ['the 3rd', '2027-01-03', '2027-01-03'],
    ['next week', '2027-01-04', '2027-01-08'],
    ['next month', '2027-01-01', '2027-01-31'],
    ['rest of the month', '2026-12-28', '2026-12-31'],
    ['for 10 days', '2026-12-28', '2027-01-06'],
    ['dec 30 - jan 2', '2026-12-30', '2027-01-02'],
    ['the 30th to the 2nd', '2026-12-30', '2027-01-02'],
  ])('late December: "%s"', (text, start, end) => {
    expect(parseSpan(text, lateDecember)).toStrictEqual({ ok: true, span: day(start, end) });
  });

  it('late December: "dec 24" is four days ago, not next Christmas Eve', () => {
    expect(parseDay('dec 24', lateDecember)).toStrictEqual({ ok: true, date: '2026-12-24' });
    expect(parseSpan('dec 24', lateDecember)).toStrictEqual({ ok: false, detail: 'past' });
  });

  it('New Year\u2019s Day: a stretch from last December is under way, a day in it is past', () => {
    const newYear = at('2027-01-01T18:00:00Z');
    expect(parseSpan('dec 30 - jan 2', newYear)).toStrictEqual({ ok: true, span: day('2026-12-30', '2027-01-02') });
    expect(parseSpan('dec 31', newYear)).toStrictEqual({ ok: false, detail: 'past' });
    expect(parseDay('dec 30', newYear)).toStrictEqual({ ok: true, date: '2026-12-30' });
    expect(parseSpan('jan 31', newYear)).toStrictEqual({ ok: true, span: day('2027-01-31') });
  });

  it('"the 29th" and "the 30th" skip a February that lacks them', () => {
    const endOfJanuary = at('2027-01-31T18:00:00Z');
    expect(parseDay('the 31st', endOfJanuary)).toStrictEqual({ ok: true, date: '2027-01-31' });
    expect(parseDay('the 29th', endOfJanuary)).toStrictEqual({ ok: true, date: '2027-03-29' });
    expect(parseDay('the 30th', endOfJanuary)).toStrictEqual({ ok: true, date: '2027-03-30' });
    expect(parseSpan('feb 28 - mar 2', endOfJanuary)).toStrictEqual({ ok: true, span: day('2027-02-28', '2027-03-02') });
  });

  it('"feb 29" typed after February means the next leap day, not Feb 28 of this year', () => {
    const march2027 = at('2027-03-10T18:00:00Z');
    expect(parseSpan('feb 29', march2027)).toStrictEqual({ ok: true, span: day('2028-02-29') });
    expect(parseSpan('2/29', march2027)).toStrictEqual({ ok: true, span: day('2028-02-29') });
    expect(parseDay('february 29th', march2027)).toStrictEqual({ ok: true, date: '2028-02-29' });
    expect(parseSpan('feb 28 - feb 29', at('2027-12-10T18:00:00Z'))).toStrictEqual({ ok: true, span: day('2028-02-28', '2028-02-29') });
  });
});

describe('days when the clocks change', () => {
  it('the Saturday night before spring forward (Mar 14, 2027)', () => {
    const ctx = at('2027-03-14T04:30:00Z');
    expect(parseDay('today', ctx)).toStrictEqual({ ok: true, date: '2027-03-13' });
    expect(parseDay('tomorrow', ctx)).toStrictEqual({ ok: true, date: '2027-03-14' });
    expect(parseDay('monday', ctx)).toStrictEqual({ ok: true, date: '2027-03-15' });
    expect(parseSpan('for 3 days', ctx)).toStrictEqual({ ok: true, span: day('2027-03-13', '2027-03-15') });
    expect(parseSpan('this weekend', ctx)).toStrictEqual({ ok: true, span: day('2027-03-13', '2027-03-14') });
    expect(parseSpan('next week', ctx)).toStrictEqual({ ok: true, span: day('2027-03-15', '2027-03-19') });
  });

  it('the short night itself and the night the clocks fall back (Nov 7, 2027)', () => {
    expect(parseDay('today', at('2027-03-14T07:30:00Z'))).toStrictEqual({ ok: true, date: '2027-03-14' });
    expect(parseDay('tomorrow', at('2027-03-14T07:30:00Z'))).toStrictEqual({ ok: true, date: '2027-03-15' });
    const fallBack = at('2027-11-07T06:30:00Z');
    expect(parseDay('today', fallBack)).toStrictEqual({ ok: true, date: '2027-11-07' });
    expect(parseDay('tomorrow', fallBack)).toStrictEqual({ ok: true, date: '2027-11-08' });
    expect(parseSpan('next week', fallBack)).toStrictEqual({ ok: true, span: day('2027-11-08', '2027-11-12') });
    expect(parseSpan('this weekend', fallBack)).toStrictEqual({ ok: true, span: day('2027-11-07') });
  });
});

describe('dates that are not in the calendar are refused with the reason', () => {
  it.each([
    ['dec 32', { month: 12, days: 31 }],
    ['nov 31', { month: 11, days: 30 }],
    ['the 31st of june', { month: 6, days: 30 }],
    ['june 31st, 2027', { month: 6, days: 30 }],
    ['2/29/27', { month: 2, days: 28, year: 2027 }],
    ['2026-02-29', { month: 2, days: 28, year: 2026 }],
    ['feb 29', { month: 2, days: 28, year: 2027 }],
    // The first date written is the one the answer names.
    ['2/30 - dec 32', { month: 2, days: 28, year: 2027 }],
    ['dec 32 - 2/30', { month: 12, days: 31 }],
  ])('"%s"', (text, nonexistent) => {
    expect(readSpan(text, CHICAGO)).toStrictEqual({ ok: false, detail: 'no_such_date', nonexistent });
    expect(parseSpan(text, CHICAGO)).toStrictEqual({ ok: false, detail: 'no_such_date', nonexistent });
    expect(parseDay(text, CHICAGO)).toStrictEqual({ ok: false, detail: 'no_such_date', nonexistent });
  });

  it('takes a leap day in a leap year', () => {
    expect(parseSpan('2/29/28', CHICAGO)).toStrictEqual({ ok: true, span: day('2028-02-29') });
    expect(parseDay('feb 29', at('2028-02-10T18:00:00Z'))).toStrictEqual({ ok: true, date: '2028-02-29' });
  });
});

describe('horizons', () => {
  it('time off may start up to 18 months ahead, not a day later', () => {
    expect(latestStart('2026-12-08')).toBe('2028-06-08');
    expect(parseSpan('6/8/2028', CHICAGO)).toStrictEqual({ ok: true, span: day('2028-06-08') });
    expect(parseSpan('jun 8 2028', CHICAGO)).toStrictEqual({ ok: true, span: day('2028-06-08') });
    expect(parseSpan('6/9/2028', CHICAGO)).toStrictEqual({ ok: false, detail: 'too_far' });
    expect(checkSpan({ start: '2028-06-09', end: '2028-06-09' }, CHICAGO)).toBe('too_far');
  });

  it('a horizon from the end of a month lands on the last day of a shorter one', () => {
    expect(latestStart('2026-08-31')).toBe('2028-02-29');
    expect(latestStart('2027-08-31')).toBe('2029-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('a snooze may run a year ahead', () => {
    expect(latestSnoozeEnd('2026-12-08')).toBe('2027-12-08');
    expect(latestSnoozeEnd('2028-02-29')).toBe('2029-02-28');
  });

  it('a stretch may be 60 days long, not 61', () => {
    expect(parseSpan('dec 1 - jan 29', CHICAGO)).toStrictEqual({ ok: true, span: day('2026-12-01', '2027-01-29') });
    expect(parseSpan('dec 1 - jan 30', CHICAGO)).toStrictEqual({ ok: false, detail: 'too_long' });
    expect(checkSpan({ start: '2026-12-10', end: '2027-02-07' }, CHICAGO)).toBeUndefined();
    expect(checkSpan({ start: '2026-12-10', end: '2027-02-08' }, CHICAGO)).toBe('too_long');
  });

  it('a stretch ending today is not past; one ending before it is not a stretch', () => {
    expect(checkSpan({ start: '2026-12-01', end: '2026-12-08' }, CHICAGO)).toBeUndefined();
    expect(checkSpan({ start: '2026-12-01', end: '2026-12-07' }, CHICAGO)).toBe('past');
    expect(checkSpan({ start: '2026-12-20', end: '2026-12-19' }, CHICAGO)).toBe('end_before_start');
  });
});

describe('a clock or zone that cannot be read', () => {
  it('reads nothing rather than guess a day', () => {
    const broken: ParseContext = { now: 'not a time', timeZone: 'America/Chicago' };
    expect(readSpan('friday', broken)).toStrictEqual({ ok: false, detail: 'unparsed' });
    expect(parseDay('friday', { now: CHICAGO.now, timeZone: 'Mars/Olympus' })).toStrictEqual({ ok: false, detail: 'unparsed' });
  });
});

describe('parseDay of a stretch', () => {
  it('is its first day; a stretch that ends before it starts is not a day', () => {
    expect(parseDay('dec 20-24', CHICAGO)).toStrictEqual({ ok: true, date: '2026-12-20' });
    expect(parseDay('next week', CHICAGO)).toStrictEqual({ ok: true, date: '2026-12-14' });
    expect(parseDay('dec 24 - dec 20', CHICAGO)).toStrictEqual({ ok: false, detail: 'unparsed' });
  });
});

describe('more ways of writing the same days', () => {
  it.each([
    ['tue', '2026-12-08', '2026-12-08'],
    ['sat', '2026-12-12', '2026-12-12'],
    ['sun', '2026-12-13', '2026-12-13'],
    ['20th', '2026-12-20', '2026-12-20'],
    ['20th-24th', '2026-12-20', '2026-12-24'],
    ['12/20 - 24', '2026-12-20', '2026-12-24'],
    ['29 feb 2028', '2028-02-29', '2028-02-29'],
    ['the day after tomorrow', '2026-12-10', '2026-12-10'],
    ['week after next', '2026-12-21', '2026-12-25'],
    ['rest of week', '2026-12-08', '2026-12-11'],
    ['rest of month', '2026-12-08', '2026-12-31'],
    ['for 1 day', '2026-12-08', '2026-12-08'],
    ['the next 10 days', '2026-12-08', '2026-12-17'],
    ['friday - 14th', '2026-12-11', '2026-12-14'],
  ])('"%s"', (text, start, end) => {
    expect(parseSpan(text, CHICAGO)).toStrictEqual({ ok: true, span: day(start, end) });
  });

  it('"all next week" and "all next month" use every word', () => {
    expect(readSpan('all next week', CHICAGO)).toStrictEqual({ ok: true, span: day('2026-12-14', '2026-12-18'), rest: '' });
    expect(readSpan('all next month', CHICAGO)).toStrictEqual({ ok: true, span: day('2027-01-01', '2027-01-31'), rest: '' });
  });

  it('a bare "week" or "day" is not a date', () => {
    expect(parseSpan('week', CHICAGO)).toStrictEqual({ ok: false, detail: 'unparsed' });
    expect(parseSpan('day', CHICAGO)).toStrictEqual({ ok: false, detail: 'unparsed' });
    expect(parseSpan('the week of never', CHICAGO)).toStrictEqual({ ok: false, detail: 'unparsed' });
    expect(parseSpan('week of dec 24 - dec 20', CHICAGO)).toStrictEqual({ ok: false, detail: 'end_before_start' });
  });

  it('a half day is read next to a comma, and "pm" without dots', () => {
    expect(parseSpan('tomorrow pm', CHICAGO)).toStrictEqual({ ok: true, span: day('2026-12-09', '2026-12-09', 'afternoon') });
    expect(readSpan('friday morning, for billing', CHICAGO)).toMatchObject({ ok: true, span: day('2026-12-11', '2026-12-11', 'morning') });
    expect(readSpan('friday afternoon, for billing', CHICAGO)).toMatchObject({ ok: true, span: day('2026-12-11', '2026-12-11', 'afternoon') });
    expect(readSpan('friday afternoon for billing', CHICAGO)).toStrictEqual({
      ok: true,
      span: day('2026-12-11', '2026-12-11', 'afternoon'),
      rest: 'for billing',
    });
  });
});

describe('the words around the dates are kept for the task', () => {
  it.each([
    ['for billing friday morning', day('2026-12-11', '2026-12-11', 'morning')],
    ['friday for a week for billing', day('2026-12-11', '2026-12-17')],
    ['week of dec 14 for billing', day('2026-12-14', '2026-12-18')],
    ['for billing week of dec 14', day('2026-12-14', '2026-12-18')],
    ['friday and saturday for billing', day('2026-12-11', '2026-12-12')],
    ['friday - the 14th for billing', day('2026-12-11', '2026-12-14')],
    ['the 20th for billing', day('2026-12-20')],
  ])('"%s"', (text, span) => {
    expect(readSpan(text, CHICAGO)).toStrictEqual({ ok: true, span, rest: 'for billing' });
  });
});

describe('every month is checked for its length', () => {
  it.each([
    ['jul 32', { month: 7, days: 31 }],
    ['aug 32', { month: 8, days: 31 }],
    ['sep 31', { month: 9, days: 30 }],
    ['oct 32', { month: 10, days: 31 }],
    ['on 2/30', { month: 2, days: 28, year: 2027 }],
  ])('"%s"', (text, nonexistent) => {
    expect(parseSpan(text, CHICAGO)).toStrictEqual({ ok: false, detail: 'no_such_date', nonexistent });
  });

  it('a stretch touching the next leap day, typed after this February, is in the leap year', () => {
    const march2027 = at('2027-03-10T18:00:00Z');
    expect(parseSpan('feb 29 - mar 2', march2027)).toStrictEqual({ ok: true, span: day('2028-02-29', '2028-03-02') });
    expect(parseSpan('feb 27 - feb 29', march2027)).toStrictEqual({ ok: true, span: day('2028-02-27', '2028-02-29') });
  });
});
