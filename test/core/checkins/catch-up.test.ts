// Catching up after downtime: a late touchpoint goes out only inside the member's working window (check-in
// time to 18:00 on a work day, their zone), else waits for the next work morning of its period or is dropped;
// and the instants a moved clock steps through. All at literal UTC instants.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkinDueNow, reachableNow, reminderDueNow, wakeupsBetween } from '../../../src/core/checkins/calendar.ts';
import { DEFAULT_SETTINGS, type Member, type TimeOff, type WorkspaceSettings } from '../../../src/core/model.ts';
import { memberValue } from '../../support/builders.ts';

const settings: WorkspaceSettings = { ...DEFAULT_SETTINGS };
const CHICAGO = 'America/Chicago';
const NEW_YORK = 'America/New_York';
const HONOLULU = 'Pacific/Honolulu';

function member(timeZone: string): Member {
  return memberValue('m1', { externalId: 'U1', displayName: 'Grace Kim', title: 'RN', team: 'Clinic', timeZone });
}

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const due = (zone: string, iso: string, s: WorkspaceSettings = settings, timeOff: TimeOff[] = []) => checkinDueNow(s, member(zone), zone, at(iso), timeOff);

/** Every minute in [from, from + minutes) at which the check-in is due. */
function dueMinutes(zone: string, from: string, minutes: number, s: WorkspaceSettings = settings): string[] {
  const out: string[] = [];
  for (let m = 0; m < minutes; m++) {
    const now = at(from).plus({ minutes: m });
    if (checkinDueNow(s, member(zone), zone, now, [])) out.push(now.toISO() ?? '');
  }
  return out;
}

describe('a check-in caught up late', () => {
  it('is not sent at 23:50 on Monday; it goes out at the next work morning of the same week', () => {
    // Chicago, week 2026-W49: Monday 2026-11-30, CST (UTC-6). The worker comes back at 23:50 Monday.
    expect(due(CHICAGO, '2026-12-01T05:50:00Z')).toBe(false);
    // Tuesday 08:59 not yet; 09:00 CST = 15:00 UTC it goes.
    expect(due(CHICAGO, '2026-12-01T14:59:00Z')).toBe(false);
    expect(due(CHICAGO, '2026-12-01T15:00:00Z')).toBe(true);
  });

  it('is sent at once inside the working window: from the check-in time until 18:00, their zone', () => {
    // Tuesday 15:00 CST: the process was down all Monday.
    expect(due(CHICAGO, '2026-12-01T21:00:00Z')).toBe(true);
    expect(due(CHICAGO, '2026-12-01T23:59:00Z')).toBe(true); // 17:59 CST
    expect(due(CHICAGO, '2026-12-02T00:00:00Z')).toBe(false); // 18:00 CST
  });

  it('is dropped when the week has no work morning left (back Friday evening: no weekend send, none next week)', () => {
    // Friday 2026-12-04 18:30 CST = 2026-12-05T00:30Z, then every minute until Monday 08:59 CST (14:59Z).
    const minutes = at('2026-12-07T15:00:00Z').diff(at('2026-12-05T00:30:00Z'), 'minutes').minutes;
    expect(dueMinutes(CHICAGO, '2026-12-05T00:30:00Z', minutes)).toEqual([]);
    // Monday 09:00 CST is the next week's own check-in.
    expect(due(CHICAGO, '2026-12-07T15:00:00Z')).toBe(true);
  });

  it('follows the member’s zone, not the practice’s or the server’s', () => {
    // Honolulu (HST, UTC-10) in a Chicago practice: 13:00 HST Monday is inside their window.
    expect(due(HONOLULU, '2026-11-30T23:00:00Z')).toBe(true);
    // 18:30 HST Monday (00:30 Chicago Tuesday) is not; the next send is Tuesday 09:00 HST = 19:00Z.
    expect(due(HONOLULU, '2026-12-01T04:30:00Z')).toBe(false);
    expect(dueMinutes(HONOLULU, '2026-12-01T04:30:00Z', 15 * 60)[0]).toBe('2026-12-01T19:00:00.000Z');
    // New York (EST, UTC-5): 08:00 Chicago Monday is 09:00 there.
    expect(due(NEW_YORK, '2026-11-30T13:59:00Z')).toBe(false);
    expect(due(NEW_YORK, '2026-11-30T14:00:00Z')).toBe(true);
  });

  it('keeps 18:00 local across a DST change', () => {
    // New York fell back on Sunday 2026-11-01: Monday 2026-11-02 is EST (UTC-5), so 18:00 is 23:00Z.
    expect(due(NEW_YORK, '2026-11-02T22:59:00Z')).toBe(true);
    expect(due(NEW_YORK, '2026-11-02T23:00:00Z')).toBe(false);
    // The Friday before was EDT (UTC-4): 18:00 was 22:00Z.
    const friday = { ...settings, checkinDay: 5 };
    expect(due(NEW_YORK, '2026-10-30T21:59:00Z', friday)).toBe(true);
    expect(due(NEW_YORK, '2026-10-30T22:00:00Z', friday)).toBe(false);
    // A Sunday check-in on the day New York springs forward (2027-03-14, EDT from 03:00): 09:00 to 18:00 EDT.
    const sunday = { ...settings, workDays: [1, 2, 3, 4, 5, 6, 7], checkinDay: 7 };
    expect(dueMinutes(NEW_YORK, '2027-03-14T05:00:00Z', 19 * 60, sunday)).toEqual(
      Array.from({ length: 9 * 60 }, (_, m) => at('2027-03-14T13:00:00Z').plus({ minutes: m }).toISO()),
    );
  });

  it('keeps a check-in time of 18:00 or later open until midnight', () => {
    const evening = { ...settings, checkinTime: '19:30' };
    expect(due(CHICAGO, '2026-12-01T01:29:00Z', evening)).toBe(false); // Monday 19:29 CST
    expect(due(CHICAGO, '2026-12-01T01:30:00Z', evening)).toBe(true); // Monday 19:30 CST
    expect(due(CHICAGO, '2026-12-01T05:59:00Z', evening)).toBe(true); // Monday 23:59 CST
  });
});

describe('reminders and nudges caught up late', () => {
  it('wait for the working window too', () => {
    const m = member(CHICAGO);
    const sent = { isoWeek: '2026-W49', sentAt: '2026-11-30T15:00:00.000Z' };
    // Tuesday 23:50 CST: no reminder; Wednesday 09:00 CST it goes.
    expect(reminderDueNow(settings, m, CHICAGO, at('2026-12-02T05:50:00Z'), [], sent)).toBe(false);
    expect(reminderDueNow(settings, m, CHICAGO, at('2026-12-02T15:00:00Z'), [], sent)).toBe(true);
    // A nudge needs both people reachable: 18:00 CST closes the window.
    expect(reachableNow(settings, m, CHICAGO, at('2026-12-01T23:59:00Z'), [])).toBe(true);
    expect(reachableNow(settings, m, CHICAGO, at('2026-12-02T00:00:00Z'), [])).toBe(false);
  });
});

describe('the instants a moved clock steps through', () => {
  it('are each work day’s check-in time in each zone, and each cadence period’s start', () => {
    // From Sunday 2026-11-29 23:56 CST for five days: New York and Honolulu members.
    const from = at('2026-11-30T05:56:00Z');
    const got = wakeupsBetween(settings, [NEW_YORK, HONOLULU, NEW_YORK], [{ cadence: 'biweekly', since: '2026-11-19T18:30:00.000Z' }], from, from.plus({ days: 5 }));
    expect(got.map((d) => d.toISO())).toEqual([
      '2026-11-30T14:00:00.000Z', // Mon 09:00 EST
      '2026-11-30T19:00:00.000Z', // Mon 09:00 HST
      '2026-12-01T14:00:00.000Z',
      '2026-12-01T19:00:00.000Z',
      '2026-12-02T14:00:00.000Z',
      '2026-12-02T19:00:00.000Z',
      '2026-12-03T14:00:00.000Z',
      '2026-12-03T18:30:00.000Z', // the quiet pair's second fortnight begins
      '2026-12-03T19:00:00.000Z',
      '2026-12-04T14:00:00.000Z',
      '2026-12-04T19:00:00.000Z', // Fri; the weekend has none
    ]);
  });

  it('skip holidays and start after `from`', () => {
    // Thanksgiving 2026-11-26 (a US federal holiday until the practice sets its own list).
    const from = at('2026-11-25T14:00:00Z');
    expect(wakeupsBetween(settings, [NEW_YORK], [], from, from.plus({ days: 2 })).map((d) => d.toISO())).toEqual(['2026-11-27T14:00:00.000Z']);
  });

  it('include every minute at which the check-in becomes due, minute by minute over three days', () => {
    // From Sunday 2026-11-29 23:56 CST to Wednesday 23:56 CST.
    const from = at('2026-11-30T05:56:00Z');
    const minutes = 3 * 24 * 60;
    for (const zone of [NEW_YORK, HONOLULU]) {
      const wakeups = new Set(wakeupsBetween(settings, [zone], [], from, from.plus({ minutes })).map((d) => d.toISO()));
      const becameDue: string[] = [];
      let before = checkinDueNow(settings, member(zone), zone, from, []);
      for (let m = 1; m <= minutes; m++) {
        const now = from.plus({ minutes: m });
        const isDue = checkinDueNow(settings, member(zone), zone, now, []);
        if (isDue && !before) becameDue.push(now.toISO() ?? '');
        before = isDue;
      }
      expect(becameDue).toHaveLength(3); // Monday, Tuesday, Wednesday
      for (const instant of becameDue) expect(wakeups).toContain(instant);
    }
  });
});
