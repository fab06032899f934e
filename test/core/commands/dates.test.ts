import { afterEach, describe, expect, it } from 'vitest';
import { addDays, checkSpan, localToday, parseDay, parseSpan, readSpan, spanDays } from '../../../src/core/commands/dates.ts';
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
