// Availability rules with literal dates: snooze, opt-out, whole and half days of time off.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Member, TimeOff } from '../../../src/core/model.ts';
import {
  canBeContacted,
  isAvailable,
  isOut,
  isSnoozed,
  outPart,
  todayFor,
} from '../../../src/core/people/availability.ts';
import { memberValue } from '../../support/builders.ts';

function member(overrides: Partial<Member> = {}): Member {
  return memberValue('m1', { externalId: 'U1', displayName: 'Ana García', title: 'Patient Services Representative', team: 'Front desk', ...overrides });
}

function off(startDate: string, endDate: string, part: TimeOff['part'] = 'full', memberId = 'm1'): TimeOff {
  return { id: `${memberId}-${startDate}-${part}`, workspaceId: 'w1', memberId, startDate, endDate, part, note: null };
}

describe('isSnoozed', () => {
  it('is snoozed up to the day before snoozedUntil, not on it', () => {
    const m = member({ snoozedUntil: '2026-12-28' });
    expect(isSnoozed(m, '2026-12-20')).toBe(true);
    expect(isSnoozed(m, '2026-12-27')).toBe(true);
    expect(isSnoozed(m, '2026-12-28')).toBe(false);
    expect(isSnoozed(member(), '2026-12-20')).toBe(false);
  });
});

describe('isOut and outPart', () => {
  const timeOff = [off('2026-12-21', '2026-12-24'), off('2026-12-28', '2026-12-28', 'afternoon'), off('2026-12-21', '2026-12-21', 'full', 'm2')];

  it('covers both ends of a range', () => {
    expect(isOut(timeOff, 'm1', '2026-12-20')).toBe(false);
    expect(isOut(timeOff, 'm1', '2026-12-21')).toBe(true);
    expect(isOut(timeOff, 'm1', '2026-12-24')).toBe(true);
    expect(isOut(timeOff, 'm1', '2026-12-25')).toBe(false);
  });

  it('counts a half day as out for the day, and only for its half when asked', () => {
    expect(isOut(timeOff, 'm1', '2026-12-28')).toBe(true);
    expect(isOut(timeOff, 'm1', '2026-12-28', 'afternoon')).toBe(true);
    expect(isOut(timeOff, 'm1', '2026-12-28', 'morning')).toBe(false);
    expect(outPart(timeOff, 'm1', '2026-12-28')).toBe('afternoon');
  });

  it('adds a morning and an afternoon up to a full day', () => {
    const halves = [off('2026-12-29', '2026-12-29', 'morning'), off('2026-12-29', '2026-12-29', 'afternoon')];
    expect(outPart(halves, 'm1', '2026-12-29')).toBe('full');
    expect(isOut(halves, 'm1', '2026-12-29', 'morning')).toBe(true);
  });

  it("reads only the member's own entries", () => {
    expect(isOut(timeOff, 'm2', '2026-12-22')).toBe(false);
    expect(outPart(timeOff, 'm3', '2026-12-21')).toBeNull();
  });
});

describe('isAvailable and canBeContacted', () => {
  const timeOff = [off('2026-12-21', '2026-12-24')];

  it('a snoozed or opted-out member is still at work, but is not contacted', () => {
    const snoozed = member({ snoozedUntil: '2027-01-04' });
    const optedOut = member({ optedOut: true });
    expect(isAvailable(snoozed, '2026-12-18', [])).toBe(true);
    expect(canBeContacted(snoozed, '2026-12-18', [])).toBe(false);
    expect(canBeContacted(snoozed, '2027-01-04', [])).toBe(true);
    expect(isAvailable(optedOut, '2026-12-18', [])).toBe(true);
    expect(canBeContacted(optedOut, '2026-12-18', [])).toBe(false);
  });

  it('nobody on time off is available or contacted that day', () => {
    expect(isAvailable(member(), '2026-12-22', timeOff)).toBe(false);
    expect(canBeContacted(member(), '2026-12-22', timeOff)).toBe(false);
    expect(canBeContacted(member(), '2026-12-25', timeOff)).toBe(true);
  });

  it('an inactive member is never available', () => {
    expect(isAvailable(member({ active: false }), '2026-12-18', [])).toBe(false);
    expect(canBeContacted(member({ active: false }), '2026-12-18', [])).toBe(false);
  });
});

describe('todayFor', () => {
  it("is the member's own calendar date", () => {
    const now = DateTime.fromISO('2026-12-21T04:30:00Z', { zone: 'utc' });
    expect(todayFor(member({ timeZone: 'America/Chicago' }), now)).toBe('2026-12-20');
    expect(todayFor(member({ timeZone: 'Europe/Berlin' }), now)).toBe('2026-12-21');
    expect(todayFor(member({ timeZone: 'Not/AZone' }), now, 'America/Chicago')).toBe('2026-12-20');
  });
});
