// The check-in plan at literal instants: who is due a check-in, a pause notice, a reminder or a nudge, and what fits the budget.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkinCandidates, nudgeCandidates, reminderCandidates, type Snapshot, withinBudget, withPauses } from '../../../src/core/checkins/plan.ts';
import { DEFAULT_SETTINGS, type Member, type Pair, type Workspace } from '../../../src/core/model.ts';
import type { CheckinStatus } from '../../../src/core/checkins/repository.ts';
import { memberValue, pairValue } from '../../support/builders.ts';

const workspace: Workspace = {
  id: 'w1',
  platform: 'local',
  externalId: 'demo',
  name: 'Maple Street',
  timeZone: 'America/Chicago',
  locale: 'en',
  settings: { ...DEFAULT_SETTINGS, holidays: [], holidaysSet: true },
};

function member(id: string, timeZone: string): Member {
  return memberValue(id, { displayName: id.toUpperCase(), timeZone });
}

const ana = member('ana', 'America/New_York');
const ben = member('ben', 'America/Chicago');
const pair: Pair = pairValue({ createdAt: '2026-11-02T12:00:00.000Z', updatedAt: '2026-11-09T12:00:00.000Z' });

function snapshot(now: string, overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    workspace,
    now: DateTime.fromISO(now, { zone: 'utc' }),
    members: new Map([
      ['ana', ana],
      ['ben', ben],
    ]),
    zones: new Map([
      ['ana', 'America/New_York'],
      ['ben', 'America/Chicago'],
    ]),
    pairs: [pair],
    activatedAt: new Map([['p1', '2026-11-09T12:00:00.000Z']]),
    lastMetAt: new Map(),
    checkinOf: new Map(),
    states: new Map(),
    timeOff: [],
    recordedKeys: new Set(),
    ...overrides,
  };
}

function checkin(memberId: string, overrides: Partial<CheckinStatus> = {}): CheckinStatus {
  return {
    id: `c-${memberId}`,
    workspaceId: 'w1',
    memberId,
    isoWeek: '2026-W48',
    pairIds: ['p1'],
    deliveryKey: `checkin:${memberId}:2026-W48`,
    reminderKey: `checkin-reminder:${memberId}:2026-W48`,
    createdAt: '2026-11-23T14:00:00.000Z',
    answeredAt: null,
    delivery: { status: 'sent', sentAt: '2026-11-23T14:00:00.000Z' },
    reminder: null,
    ...overrides,
  };
}

const types = (candidates: { type: string }[]) => candidates.map((c) => c.type);
const who = (candidates: { type: string; member?: Member }[]) => candidates.map((c) => `${c.type}:${c.member?.id ?? ''}`);

describe('the weekly check-in', () => {
  it('is due for each person of an active pair at 09:00 in their own zone', () => {
    expect(who(checkinCandidates(snapshot('2026-11-23T13:59:00Z')))).toEqual([]);
    expect(who(checkinCandidates(snapshot('2026-11-23T14:00:00Z')))).toEqual(['checkin:ana']);
    expect(who(checkinCandidates(snapshot('2026-11-23T15:00:00Z')))).toEqual(['checkin:ana', 'checkin:ben']);
  });

  it('is not due again once recorded or answered on demand, and not for a pair that started after the week’s check-in', () => {
    const recorded = new Map([['ana', checkin('ana', { delivery: { status: 'pending', sentAt: null } })]]);
    expect(who(checkinCandidates(snapshot('2026-11-23T15:00:00Z', { checkinOf: recorded })))).toEqual(['checkin:ben']);
    const answered = new Map([['ben', checkin('ben', { delivery: null, answeredAt: '2026-11-23T13:00:00.000Z' })]]);
    expect(who(checkinCandidates(snapshot('2026-11-23T15:00:00Z', { checkinOf: answered })))).toEqual(['checkin:ana']);
    const late = new Map([['p1', '2026-11-23T16:00:00.000Z']]);
    expect(checkinCandidates(snapshot('2026-11-24T15:00:00Z', { activatedAt: late }))).toEqual([]);
  });

  it('becomes the pause notice while a member is paused, until the notice is recorded', () => {
    const states = new Map([['ana', { memberId: 'ana', pausedAt: '2026-11-23T14:00:00.000Z', pausedWeek: '2026-W48', resumedAt: null }]]);
    expect(who(checkinCandidates(snapshot('2026-11-23T15:00:00Z', { states })))).toEqual(['pause:ana', 'checkin:ben']);
    const recordedKeys = new Set(['checkin-paused:ana:2026-W48']);
    expect(who(checkinCandidates(snapshot('2026-11-23T15:00:00Z', { states, recordedKeys })))).toEqual(['checkin:ben']);
  });

  it('turns into a pause when the latest three check-ins went unanswered', () => {
    const due = checkinCandidates(snapshot('2026-11-23T15:00:00Z'));
    const silent = [{ answeredAt: null }, { answeredAt: null }, { answeredAt: null }];
    expect(who(withPauses(due, (id) => (id === 'ben' ? silent : [])))).toEqual(['checkin:ana', 'pause:ben']);
    // A nudge to someone paused now goes with the check-in.
    const quiet = nudgeCandidates(snapshot('2026-11-23T15:00:00Z'));
    expect(types(withPauses([...due, ...quiet], (id) => (id === 'ben' ? silent : [])))).toEqual(['checkin', 'pause']);
    expect(types(withPauses([...due, ...quiet], () => []))).toEqual(['checkin', 'checkin', 'nudge']);
  });
});

describe('the reminder', () => {
  it('is due on the next work day for an unanswered check-in, once', () => {
    const checkinOf = new Map([['ana', checkin('ana')]]);
    expect(reminderCandidates(snapshot('2026-11-23T20:00:00Z', { checkinOf }))).toEqual([]);
    expect(types(reminderCandidates(snapshot('2026-11-24T14:00:00Z', { checkinOf })))).toEqual(['reminder']);
    const reminded = new Map([['ana', checkin('ana', { reminder: { status: 'sent', sentAt: '2026-11-24T14:00:00.000Z' } })]]);
    expect(reminderCandidates(snapshot('2026-11-25T14:00:00Z', { checkinOf: reminded }))).toEqual([]);
    const answered = new Map([['ana', checkin('ana', { answeredAt: '2026-11-23T16:00:00.000Z' })]]);
    expect(reminderCandidates(snapshot('2026-11-24T14:00:00Z', { checkinOf: answered }))).toEqual([]);
  });
});

describe('the nudge', () => {
  it('goes once per cadence period to a pair that has not met, when both are at work', () => {
    // Weekly pair, active since 2026-11-09 12:00 UTC: quiet for two cadences on 2026-11-23.
    expect(nudgeCandidates(snapshot('2026-11-23T14:30:00Z'))).toEqual([]);
    const [nudge] = nudgeCandidates(snapshot('2026-11-23T15:00:00Z'));
    expect(nudge).toMatchObject({ type: 'nudge', period: '2026-11-23' });
    expect(nudgeCandidates(snapshot('2026-11-23T15:00:00Z', { recordedKeys: new Set(['nudge:p1:2026-11-23']) }))).toEqual([]);
    // They met on the 20th: not quiet any more.
    expect(nudgeCandidates(snapshot('2026-11-23T15:00:00Z', { lastMetAt: new Map([['p1', '2026-11-20T15:00:00.000Z']]) }))).toEqual([]);
  });
});

describe('the attention budget', () => {
  it('serves check-ins first, then reminders, then nudges, and leaves what does not fit', () => {
    const now = '2026-11-24T15:00:00Z';
    const checkinOf = new Map([['ana', checkin('ana')]]);
    const s = snapshot(now, { checkinOf });
    const candidates = [...nudgeCandidates(s), ...reminderCandidates(s), ...checkinCandidates(s)];
    expect(types(candidates)).toEqual(['nudge', 'reminder', 'checkin']);
    const trace = (key: string, memberIds: string[]) => ({ key, kind: 'cover_request', memberIds, createdAt: '2026-11-23T16:00:00.000Z' });

    // Ana already got two messages this week, budget 3: the reminder fits, the nudge (to her too) does not.
    const twoForAna = [trace('a', ['ana']), trace('b', ['ana'])];
    expect(types(withinBudget(s, candidates, twoForAna))).toEqual(['checkin', 'reminder']);
    // Ben's check-in comes first even when his budget has one place left.
    const twoForBen = [trace('c', ['ben']), trace('d', ['ben'])];
    expect(who(withinBudget(s, candidates, twoForBen))).toEqual(['checkin:ben', 'reminder:ana']);
  });
});
