// Plain domain values for unit tests of pure core logic (no database): a member with sensible defaults.
import type { Member } from '../../src/core/model.ts';

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
