// Builders for matching tests: a candidate who is eligible, mentors nobody and wants nothing, unless told otherwise.
import type { MatchCandidate, MatchInput } from '../../../src/core/mentoring/matching.ts';

export const NOW = '2025-06-01T12:00:00.000Z';

export function buildCandidate(overrides: Partial<MatchCandidate> & { id: string }): MatchCandidate {
  return {
    displayName: overrides.id,
    team: '',
    title: '',
    seniorityYears: null,
    managerId: null,
    flags: { optedIn: true, active: true, snoozed: false, out: false },
    capacity: 0,
    teaches: [],
    learns: [],
    goals: '',
    wantsMentor: false,
    ...overrides,
  };
}

/** Someone who can take `capacity` new mentees and teaches `teaches`. */
export function buildMentor(id: string, teaches: string[], overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return buildCandidate({ id, teaches, capacity: 1, ...overrides });
}

/** Someone who wants a mentor for `learns`. */
export function buildMentee(id: string, learns: string[], overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return buildCandidate({ id, learns, wantsMentor: true, ...overrides });
}

export function buildInput(candidates: MatchCandidate[], extra: Partial<MatchInput> = {}): MatchInput {
  return { candidates, recentPairs: [], now: NOW, ...extra };
}
