// Plain domain values for unit tests of pure core logic (no database): a member with sensible defaults.
import type { Member, Pair } from '../../src/core/model.ts';

export function memberValue(id: string, overrides: Partial<Member> = {}): Member {
  return {
    id,
    workspaceId: 'w1',
    externalId: id,
    displayName: id,
    role: 'staff',
    title: '',
    team: '',
    managerId: null,
    timeZone: 'America/Chicago',
    locale: 'en',
    email: null,
    startDate: null,
    active: true,
    snoozedUntil: null,
    optedOut: false,
    ...overrides,
  };
}

/** A pair as `PairRepo.create` takes it: an active weekly mentoring pair both people accepted. */
export function newPairValue(overrides: Partial<Omit<Pair, 'id' | 'createdAt' | 'updatedAt'>> = {}): Omit<Pair, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    workspaceId: 'w1',
    mentorId: 'ana',
    menteeId: 'ben',
    kind: 'mentoring',
    status: 'active',
    cadence: 'weekly',
    focus: null,
    reason: null,
    mentorAccepted: true,
    menteeAccepted: true,
    ...overrides,
  };
}

/** The same pair as stored, for unit tests of pure core logic. */
export function pairValue(overrides: Partial<Pair> = {}): Pair {
  return { id: 'p1', ...newPairValue(), createdAt: '2026-11-02T12:00:00.000Z', updatedAt: '2026-11-09T12:00:00.000Z', ...overrides };
}
