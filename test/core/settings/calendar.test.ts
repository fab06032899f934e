import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../../src/core/model.ts';
import { checkinInstant, isWorkDay, nextWorkDay, workDayCheckinInstant } from '../../../src/core/settings/calendar.ts';

const practice = (over: Partial<WorkspaceSettings> = {}): WorkspaceSettings => ({ ...DEFAULT_SETTINGS, ...over });

// The practice's own list: July 3 and Thanksgiving + the day after, 2026.
const own = practice({ holidays: ['2026-07-03', '2026-11-26', '2026-11-27'], holidaysSet: true });

describe('isWorkDay', () => {
  it('is a work day that is not a holiday', () => {
    expect(isWorkDay(own, '2026-11-23')).toBe(true); // Monday
    expect(isWorkDay(own, '2026-11-27')).toBe(false); // the practice's holiday
    expect(isWorkDay(own, '2026-11-28')).toBe(false); // Saturday
    expect(isWorkDay(own, '2026-12-25')).toBe(true); // not on this practice's list
  });

  it('uses the US federal holidays, any year, until the practice set its list', () => {
    const unset = practice();
    expect(isWorkDay(unset, '2026-12-25')).toBe(false);
    expect(isWorkDay(unset, '2031-09-01')).toBe(false); // Labor Day 2031
    expect(isWorkDay(unset, '2031-09-02')).toBe(true);
  });

  it('takes a stored list written before the flag existed as the practice’s own', () => {
    const legacy = practice({ holidays: ['2026-12-24'] });
    expect(isWorkDay(legacy, '2026-12-24')).toBe(false);
    expect(isWorkDay(legacy, '2026-12-25')).toBe(true);
  });

  it('honours the practice’s own work days', () => {
    const withSaturday = practice({ workDays: [2, 3, 4, 5, 6], holidaysSet: true });
    expect(isWorkDay(withSaturday, '2026-11-28')).toBe(true);
    expect(isWorkDay(withSaturday, '2026-11-23')).toBe(false);
  });
});

describe('nextWorkDay', () => {
  it('is the first work day strictly after the date, past weekends and holidays', () => {
    expect(nextWorkDay(own, '2026-11-23')).toBe('2026-11-24');
    expect(nextWorkDay(own, '2026-11-25')).toBe('2026-11-30');
    expect(nextWorkDay(own, '2026-07-02')).toBe('2026-07-06');
    expect(nextWorkDay(practice({ workDays: [1, 3, 5], holidaysSet: true }), '2026-11-23')).toBe('2026-11-25');
  });

  it('crosses the year', () => {
    expect(nextWorkDay(practice(), '2026-12-31')).toBe('2027-01-04'); // Jan 1 federal holiday, then the weekend
  });

  it('fails loudly when the settings hold no work day at all', () => {
    expect(() => nextWorkDay(practice({ workDays: [] }), '2026-11-23')).toThrow(/no work day/);
  });
});

describe('checkinInstant', () => {
  const at = (zone: string, week: string, settings = practice()) => checkinInstant(settings, zone, week).toISO();

  // US daylight saving: 2026 from Sunday March 8 to Sunday November 1; 2027 from March 14 to November 7.
  it.each([
    // Monday 09:00 local; ISO 2026-W10 starts Monday March 2, W11 March 9, W44 October 26, W45 November 2.
    ['America/New_York', '2026-W10', '2026-03-02T14:00:00.000Z'],
    ['America/New_York', '2026-W11', '2026-03-09T13:00:00.000Z'],
    ['America/New_York', '2026-W44', '2026-10-26T13:00:00.000Z'],
    ['America/New_York', '2026-W45', '2026-11-02T14:00:00.000Z'],
    ['America/Chicago', '2026-W10', '2026-03-02T15:00:00.000Z'],
    ['America/Chicago', '2026-W11', '2026-03-09T14:00:00.000Z'],
    ['America/Chicago', '2026-W44', '2026-10-26T14:00:00.000Z'],
    ['America/Chicago', '2026-W45', '2026-11-02T15:00:00.000Z'],
    ['America/Phoenix', '2026-W10', '2026-03-02T16:00:00.000Z'],
    ['America/Phoenix', '2026-W11', '2026-03-09T16:00:00.000Z'],
    ['America/Phoenix', '2026-W45', '2026-11-02T16:00:00.000Z'],
    ['Pacific/Honolulu', '2026-W11', '2026-03-09T19:00:00.000Z'],
    ['Pacific/Honolulu', '2026-W45', '2026-11-02T19:00:00.000Z'],
    // 2027: W10 starts Monday March 8 (still standard time), W11 March 15, W44 November 1 (still daylight), W45 November 8.
    ['America/New_York', '2027-W10', '2027-03-08T14:00:00.000Z'],
    ['America/New_York', '2027-W11', '2027-03-15T13:00:00.000Z'],
    ['America/New_York', '2027-W44', '2027-11-01T13:00:00.000Z'],
    ['America/New_York', '2027-W45', '2027-11-08T14:00:00.000Z'],
    ['America/Chicago', '2027-W10', '2027-03-08T15:00:00.000Z'],
    ['America/Chicago', '2027-W11', '2027-03-15T14:00:00.000Z'],
    ['America/Chicago', '2027-W44', '2027-11-01T14:00:00.000Z'],
    ['America/Chicago', '2027-W45', '2027-11-08T15:00:00.000Z'],
    ['America/Phoenix', '2027-W11', '2027-03-15T16:00:00.000Z'],
    ['America/Phoenix', '2027-W44', '2027-11-01T16:00:00.000Z'],
    ['Pacific/Honolulu', '2027-W10', '2027-03-08T19:00:00.000Z'],
    ['Pacific/Honolulu', '2027-W44', '2027-11-01T19:00:00.000Z'],
  ])('%s %s → %s', (zone, week, expected) => {
    expect(at(zone, week)).toBe(expected);
  });

  it('places the practice’s own day and time in the member’s zone', () => {
    const thursday = practice({ checkinDay: 4, checkinTime: '14:30' });
    // Thursday March 12, 2026: New York already on daylight time (UTC-4), Phoenix on UTC-7.
    expect(at('America/New_York', '2026-W11', thursday)).toBe('2026-03-12T18:30:00.000Z');
    expect(at('America/Phoenix', '2026-W11', thursday)).toBe('2026-03-12T21:30:00.000Z');
  });

  it('moves a local time skipped by spring-forward on by the gap', () => {
    // Sunday March 8, 2026, 02:30 does not exist in New York; 03:30 EDT is 07:30 UTC.
    expect(at('America/New_York', '2026-W10', practice({ checkinDay: 7, checkinTime: '02:30' }))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('uses the ISO week-year: 2026-W01 starts on Monday December 29, 2025', () => {
    expect(at('America/Chicago', '2026-W01')).toBe('2025-12-29T15:00:00.000Z');
  });

  it('refuses a week that does not exist', () => {
    expect(() => at('America/Chicago', '2026-W54')).toThrow();
    expect(() => at('America/Chicago', 'next week')).toThrow();
  });
});

describe('workDayCheckinInstant', () => {
  it('moves a Monday check-in on a holiday to Tuesday of the same week', () => {
    // Memorial Day, Monday May 25, 2026 (federal list in force); Tuesday 09:00 CDT = 14:00 UTC.
    expect(workDayCheckinInstant(practice(), 'America/Chicago', '2026-W22')?.toISO()).toBe('2026-05-26T14:00:00.000Z');
    expect(workDayCheckinInstant(practice(), 'America/Chicago', '2026-W21')?.toISO()).toBe('2026-05-18T14:00:00.000Z');
  });

  it('is null when no work day is left in the week', () => {
    const friday = practice({ checkinDay: 5, holidays: ['2026-07-03'], holidaysSet: true });
    expect(workDayCheckinInstant(friday, 'America/New_York', '2026-W27')).toBeNull();
  });
});
