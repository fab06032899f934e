// The weekly attention budget and the pause after three unanswered check-ins.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { shouldPause } from '../../../src/core/checkins/attention.ts';
import { takeFromBudget, weekCounts } from '../../../src/core/deliveries/attention.ts';

const trace = (kind: string, memberIds: string[], createdAt: string) => ({ key: `${kind}:${createdAt}`, kind, memberIds, createdAt });

describe('the weekly attention budget', () => {
  it('counts each member’s messages of their own ISO week, onboarding left out', () => {
    const now = DateTime.fromISO('2026-11-25T15:00:00Z', { zone: 'utc' });
    const zones: Record<string, string> = { ny: 'America/New_York', hi: 'Pacific/Honolulu' };
    const counts = weekCounts(
      [
        trace('checkin', ['ny'], '2026-11-23T14:00:00.000Z'),
        trace('nudge', ['ny', 'hi'], '2026-11-24T15:00:00.000Z'),
        // Sunday night in Honolulu (Monday in UTC) is last week for Honolulu.
        trace('checkin', ['hi'], '2026-11-23T05:00:00.000Z'),
        trace('onboarding_intro', ['ny'], '2026-11-24T16:00:00.000Z'),
        // Last week in New York.
        trace('checkin', ['ny'], '2026-11-20T14:00:00.000Z'),
      ],
      (id) => zones[id],
      now,
    );
    expect(counts.get('ny')).toBe(2);
    expect(counts.get('hi')).toBe(1);
  });

  it('takes from every recipient’s budget, or from none', () => {
    const counts = new Map([
      ['a', 2],
      ['b', 3],
    ]);
    expect(takeFromBudget(counts, ['a', 'b'], 3)).toBe(false);
    expect(counts.get('a')).toBe(2);
    expect(takeFromBudget(counts, ['a'], 3)).toBe(true);
    expect(takeFromBudget(counts, ['a'], 3)).toBe(false);
    expect(takeFromBudget(counts, ['c'], 3)).toBe(true);
    expect(counts.get('c')).toBe(1);
  });
});

describe('pausing check-ins', () => {
  const answered = { answeredAt: '2026-11-02T15:00:00.000Z' };
  const silent = { answeredAt: null };
  it('after the latest three went unanswered, not before', () => {
    expect(shouldPause([silent, silent, silent])).toBe(true);
    expect(shouldPause([silent, silent, silent, answered])).toBe(true);
    expect(shouldPause([silent, silent, answered])).toBe(false);
    expect(shouldPause([silent, silent])).toBe(false);
    expect(shouldPause([answered, silent, silent, silent])).toBe(false);
  });
});
