// The report's counting and wording: a check-in is a week a pair was asked about, counted once for both people.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { firstCheckin, pairParticipation, weekStart } from '../../../src/core/checkins/report.ts';
import { en } from '../../../src/core/messages/en/index.ts';
import { DEFAULT_SETTINGS, type Pair } from '../../../src/core/model.ts';
import type { CheckinOutcome, CheckinParticipation } from '../../../src/core/checkins/repository.ts';
import { pairValue } from '../../support/builders.ts';
import { plainCatalog } from '../../support/user-text.ts';

const ZONE = 'America/Chicago';
const workspace = { settings: { ...DEFAULT_SETTINGS, holidays: [], holidaysSet: true } };
const t = plainCatalog(en.checkins.report);

const pair: Pair = pairValue({ createdAt: '2026-11-30T12:00:00.000Z', updatedAt: '2026-11-30T12:00:00.000Z' });

let n = 0;
function row(memberId: string, isoWeek: string, outcome?: CheckinOutcome, pairIds = ['p1']): CheckinParticipation {
  n += 1;
  return {
    checkinId: `c${n}`,
    memberId,
    isoWeek,
    pairIds,
    sent: true,
    answeredAt: outcome ? '2026-12-08T15:00:00.000Z' : null,
    outcomes: outcome ? { p1: outcome } : {},
  };
}

describe('pairParticipation', () => {
  it('counts a week once when both people were asked, not once per person', () => {
    const [p] = pairParticipation([pair], [row('ana', '2026-W50'), row('ben', '2026-W50'), row('ana', '2026-W51'), row('ben', '2026-W51')]);
    expect(p?.weeks).toEqual(['2026-W50', '2026-W51']);
    expect(p?.answeredByBoth).toBe(0);
    expect(p?.met).toBe(0);
  });

  it('counts "answered by both" only when both answered that week, and "met" when either said We met', () => {
    const rows = [row('ana', '2026-W50', 'met'), row('ben', '2026-W50', 'met'), row('ana', '2026-W51', 'not_yet'), row('ben', '2026-W51')];
    const [p] = pairParticipation([pair], rows);
    expect(p).toMatchObject({ weeks: ['2026-W50', '2026-W51'], answeredByBoth: 1, met: 1 });
    const [one] = pairParticipation([pair], [row('ana', '2026-W52', 'met'), row('ben', '2026-W52')]);
    expect(one).toMatchObject({ answeredByBoth: 0, met: 1 });
  });

  it('leaves out check-ins about other pairs and check-ins that never reached the member', () => {
    const unsent = { ...row('ana', '2026-W50'), sent: false };
    const [p] = pairParticipation([pair], [unsent, row('ben', '2026-W50', undefined, ['p2'])]);
    expect(p?.weeks).toEqual([]);
  });
});

describe('firstCheckin', () => {
  it('is this week’s check-in day when the pair started before it, else the next week’s', () => {
    const sunday = DateTime.fromISO('2026-12-13T10:00:00', { zone: ZONE });
    expect(firstCheckin(workspace, ZONE, sunday, '2026-12-12T15:00:00.000Z')).toBe('2026-12-14');
    const tuesday = DateTime.fromISO('2026-12-15T10:00:00', { zone: ZONE });
    expect(firstCheckin(workspace, ZONE, tuesday, '2026-12-15T15:00:00.000Z')).toBe('2026-12-21');
  });

  it('moves to the next work day when the check-in day is a holiday', () => {
    const settings = { ...workspace.settings, holidays: ['2026-12-21'] };
    const tuesday = DateTime.fromISO('2026-12-15T10:00:00', { zone: ZONE });
    expect(firstCheckin({ settings }, ZONE, tuesday, '2026-12-15T15:00:00.000Z')).toBe('2026-12-22');
  });
});

describe('the report’s wording', () => {
  it('names what is counted: weeks, answered by both, met', () => {
    expect(t.pairLine('Ana García', 'Ben Okafor', 'mentoring', ['2026-12-07', '2026-12-14'], 1, 1)).toBe(
      '• Ana García & Ben Okafor (mentoring): 2 check-ins (weeks of Dec 7 and Dec 14) · answered by both: 1 · met: 1',
    );
    expect(t.pairLine('Ana García', 'Ben Okafor', 'mentoring', [weekStart('2026-W50')], 0, 0)).toBe(
      '• Ana García & Ben Okafor (mentoring): 1 check-in (week of Dec 7) · answered by both: 0 · met: 0',
    );
  });

  it('says plainly when nothing was sent yet, and when the first check-in comes', () => {
    expect(t.pairLineNone('Ana García', 'Ben Okafor', 'mentoring', '2026-12-21')).toBe(
      '• Ana García & Ben Okafor (mentoring): no check-in yet — first on Mon Dec 21',
    );
    expect(t.pairLineNone('Ana García', 'Ben Okafor', 'mentoring', null)).toBe('• Ana García & Ben Okafor (mentoring): no check-in yet');
  });

  it('defines the terms once, in the header line', () => {
    expect(t.intro).toContain('A **check-in** is one week in which a pair was asked about, counted once for the two of them');
    expect(t.intro).toContain('**answered by both**');
    expect(t.intro).toContain('**met**');
  });

  it('says why a pair is quiet in the same words', () => {
    expect(t.quietLine('Ana', 'Ben', 10, false)).toBe('• Ana & Ben: 10 days since they started, no "We met" yet');
    expect(t.quietLine('Ana', 'Ben', 9, true)).toBe('• Ana & Ben: 9 days since they last met');
  });
});
