// When check-ins, reminders and nudges fall due, at literal UTC instants, across zones, time off, snooze, holidays and DST.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkinDueNow, pairInWeek, quietPeriod, reminderDueNow, zoneOf } from '../../../src/core/checkins/calendar.ts';
import { DEFAULT_SETTINGS, type Member, type TimeOff, type WorkspaceSettings } from '../../../src/core/model.ts';
import { memberValue } from '../../support/builders.ts';
import { isoWeekOf } from '../../../src/core/time/week.ts';

const settings: WorkspaceSettings = { ...DEFAULT_SETTINGS };

function member(overrides: Partial<Member> = {}): Member {
  return memberValue('m1', { externalId: 'U1', displayName: 'Grace Kim', title: 'RN', team: 'Clinic', timeZone: 'America/New_York', ...overrides });
}

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const out = (startDate: string, endDate: string, part: TimeOff['part'] = 'full'): TimeOff => ({
  id: 't1',
  workspaceId: 'w1',
  memberId: 'm1',
  startDate,
  endDate,
  part,
  note: null,
});

/** The first instant, minute by minute from `from` for `days`, at which the check-in is due; null if none. */
function firstDue(m: Member, from: string, days: number, timeOff: TimeOff[] = [], s: WorkspaceSettings = settings): string | null {
  const start = at(from);
  for (let minute = 0; minute < days * 24 * 60; minute += 1) {
    const now = start.plus({ minutes: minute });
    if (checkinDueNow(s, m, zoneOf(m, { timeZone: 'America/Chicago' }), now, timeOff)) return now.toISO();
  }
  return null;
}

describe('the weekly check-in instant', () => {
  it('is Monday 09:00 in the member’s own zone', () => {
    // Week 2026-W48 starts Monday 2026-11-23 (EST, UTC-5; HST, UTC-10; MST, UTC-7).
    expect(firstDue(member(), '2026-11-23T00:00:00Z', 7)).toBe('2026-11-23T14:00:00.000Z');
    expect(firstDue(member({ timeZone: 'Pacific/Honolulu' }), '2026-11-23T00:00:00Z', 7)).toBe('2026-11-23T19:00:00.000Z');
    expect(firstDue(member({ timeZone: 'America/Phoenix' }), '2026-11-23T00:00:00Z', 7)).toBe('2026-11-23T16:00:00.000Z');
  });

  it('moves to the next work day of the week when the member is out or snoozed, and skips a week they are out', () => {
    expect(firstDue(member(), '2026-11-23T00:00:00Z', 2, [out('2026-11-23', '2026-11-23')])).toBe('2026-11-24T14:00:00.000Z');
    // A half day out counts as out for the day.
    expect(firstDue(member(), '2026-11-23T00:00:00Z', 2, [out('2026-11-23', '2026-11-23', 'afternoon')])).toBe('2026-11-24T14:00:00.000Z');
    expect(firstDue(member({ snoozedUntil: '2026-11-25' }), '2026-11-23T00:00:00Z', 3)).toBe('2026-11-25T14:00:00.000Z');
    // Out Monday to Friday: Saturday and Sunday are not work days, so no check-in that week.
    expect(firstDue(member(), '2026-11-23T00:00:00Z', 7, [out('2026-11-23', '2026-11-27')])).toBeNull();
    expect(firstDue(member({ optedOut: true }), '2026-11-23T00:00:00Z', 7)).toBeNull();
  });

  it('moves off a holiday (Memorial Day 2026) to Tuesday', () => {
    expect(firstDue(member(), '2026-05-25T00:00:00Z', 2)).toBe('2026-05-26T13:00:00.000Z');
  });

  it('keeps 09:00 local across the DST changes of March and November', () => {
    expect(firstDue(member(), '2027-03-08T00:00:00Z', 1)).toBe('2027-03-08T14:00:00.000Z');
    expect(firstDue(member(), '2027-03-15T00:00:00Z', 1)).toBe('2027-03-15T13:00:00.000Z');
    expect(firstDue(member({ timeZone: 'America/Chicago' }), '2026-10-26T00:00:00Z', 1)).toBe('2026-10-26T14:00:00.000Z');
    expect(firstDue(member({ timeZone: 'America/Chicago' }), '2026-11-02T00:00:00Z', 1)).toBe('2026-11-02T15:00:00.000Z');
  });

  it('moves a check-in time that does not exist (spring forward) by the gap', () => {
    const sunday = { ...settings, workDays: [1, 2, 3, 4, 5, 6, 7], checkinDay: 7, checkinTime: '02:30' };
    // 2027-03-14 02:30 does not exist in New York: 03:30 EDT = 07:30 UTC.
    expect(firstDue(member(), '2027-03-14T00:00:00Z', 1, [], sunday)).toBe('2027-03-14T07:30:00.000Z');
  });

  it('catches up later in the same week on a work day, but not on a weekend', () => {
    // The process was down Monday: Tuesday 15:00 local still sends.
    expect(checkinDueNow(settings, member(), 'America/New_York', at('2026-11-24T20:00:00Z'), [])).toBe(true);
    // Saturday is no work day: nothing goes out.
    expect(checkinDueNow(settings, member(), 'America/New_York', at('2026-11-28T15:00:00Z'), [])).toBe(false);
    // Before Monday's check-in time on the next Monday, the old week is over and the new one not yet due.
    expect(checkinDueNow(settings, member(), 'America/New_York', at('2026-11-30T13:59:00Z'), [])).toBe(false);
  });
});

describe('ISO weeks in the member’s zone', () => {
  it('names the week the local date falls in', () => {
    // Sunday evening in New York and Honolulu is already Monday in UTC.
    expect(isoWeekOf(at('2026-11-23T03:00:00Z'), 'America/New_York')).toBe('2026-W47');
    expect(isoWeekOf(at('2026-11-23T03:00:00Z'), 'Pacific/Honolulu')).toBe('2026-W47');
    expect(isoWeekOf(at('2026-11-23T03:00:00Z'), 'UTC')).toBe('2026-W48');
    expect(isoWeekOf(at('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
  });

  it('falls back to the workspace’s zone when the member’s is unknown', () => {
    expect(zoneOf({ timeZone: 'Mars/Olympus' }, { timeZone: 'America/Chicago' })).toBe('America/Chicago');
    expect(zoneOf({ timeZone: 'Mars/Olympus' }, { timeZone: 'nowhere' })).toBe('UTC');
  });
});

describe('which pairs a week’s check-in asks about', () => {
  it('those active by the week’s regular check-in instant', () => {
    expect(pairInWeek(settings, 'America/New_York', '2026-W48', '2026-11-23T14:00:00.000Z')).toBe(true);
    expect(pairInWeek(settings, 'America/New_York', '2026-W48', '2026-11-23T14:00:01.000Z')).toBe(false);
    expect(pairInWeek(settings, 'America/New_York', '2026-W48', null)).toBe(true);
  });
});

describe('the reminder', () => {
  const sent = { isoWeek: '2026-W48', sentAt: '2026-11-23T14:00:00.000Z' };
  it('is due once the next work day’s check-in time comes, within the same week', () => {
    expect(reminderDueNow(settings, member(), 'America/New_York', at('2026-11-23T22:00:00Z'), [], sent)).toBe(false);
    expect(reminderDueNow(settings, member(), 'America/New_York', at('2026-11-24T13:59:00Z'), [], sent)).toBe(false);
    expect(reminderDueNow(settings, member(), 'America/New_York', at('2026-11-24T14:00:00Z'), [], sent)).toBe(true);
    // Out on Tuesday: Wednesday then.
    expect(reminderDueNow(settings, member(), 'America/New_York', at('2026-11-24T14:00:00Z'), [out('2026-11-24', '2026-11-24')], sent)).toBe(false);
    expect(reminderDueNow(settings, member(), 'America/New_York', at('2026-11-25T14:00:00Z'), [out('2026-11-24', '2026-11-24')], sent)).toBe(true);
  });

  it('is not sent into the next week', () => {
    const friday = { isoWeek: '2026-W48', sentAt: '2026-11-27T14:00:00.000Z' };
    expect(reminderDueNow(settings, member(), 'America/New_York', at('2026-11-30T14:00:00Z'), [], friday)).toBe(false);
  });
});

describe('quiet pairs', () => {
  it('enter a new cadence period every cadence, counted from activation or the last "We met"', () => {
    const since = '2026-11-01T10:00:00.000Z';
    expect(quietPeriod('biweekly', since, at('2026-11-15T09:59:00Z'))).toBeNull();
    expect(quietPeriod('biweekly', since, at('2026-11-15T10:00:00Z'))).toBe('2026-11-15');
    expect(quietPeriod('biweekly', since, at('2026-11-28T23:00:00Z'))).toBe('2026-11-15');
    expect(quietPeriod('biweekly', since, at('2026-11-29T10:00:00Z'))).toBe('2026-11-29');
    expect(quietPeriod('weekly', since, at('2026-11-08T10:00:00Z'))).toBe('2026-11-08');
    expect(quietPeriod('monthly', since, at('2026-11-30T12:00:00Z'))).toBeNull();
    expect(quietPeriod('monthly', since, at('2026-12-01T10:00:00Z'))).toBe('2026-12-01');
  });
});
