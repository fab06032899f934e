// Random small instances against an independent oracle: brute-force optimum, hard constraints, greedy never better, order never matters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyMatch, matchMentors, type MatchCandidate, type MatchInput, type MatchResult, type RecentPair } from '../../../src/core/mentoring/matching.ts';
import { NOW } from './builders.ts';

// ---- The oracle: the README's matching rules written again, plainly, with the default weights. ----

// Case variants on purpose: topics and teams compare case-insensitively. A person names each topic
// at most once, in one of its spellings.
const SPELLED = [['coding', 'Coding', 'CODING'], ['billing', 'Billing'], ['triage', 'TRIAGE'], ['imaging']];
const TEAMS = ['', 'front', 'Front', 'back'];
// Four letters or more and not common words, so every one of them counts.
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'foxtrot'];
// NOW is 2025-06-01: one month before it is inside the six-month window, seventeen months is not.
const ENDINGS = [null, '2025-05-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'];

const fold = (values: readonly string[]) => new Set(values.map((v) => v.trim().toLowerCase()));
const eligible = (c: MatchCandidate) => c.flags.optedIn && c.flags.active && !c.flags.snoozed && !c.flags.out;

function recentlyPaired(input: MatchInput, a: string, b: string): boolean {
  return input.recentPairs.some(
    (p) =>
      ((p.mentorId === a && p.menteeId === b) || (p.mentorId === b && p.menteeId === a)) &&
      (p.endedOrDeclinedAt === null || p.endedOrDeclinedAt >= '2024-12-01T12:00:00.000Z'),
  );
}

/** The pair's score, or null when matching may not propose it. */
function oracleScore(input: MatchInput, mentor: MatchCandidate, mentee: MatchCandidate): number | null {
  if (mentor.id === mentee.id || !eligible(mentor) || !eligible(mentee) || mentor.capacity <= 0 || !mentee.wantsMentor) return null;
  if (mentee.managerId === mentor.id || mentor.managerId === mentee.id) return null;
  if (recentlyPaired(input, mentor.id, mentee.id)) return null;
  const expert = fold(mentor.expertIn ?? []);
  const teaches = new Set([...fold(mentor.teaches), ...expert]);
  const shared = [...fold(mentee.learns)].filter((t) => teaches.has(t));
  if (shared.length === 0) return null;
  const menteeWords = new Set(mentee.goals.split(' ').filter(Boolean));
  const words = new Set(mentor.goals.split(' ').filter((w) => menteeWords.has(w))).size;
  const [teamA, teamB] = [mentor.team.toLowerCase(), mentee.team.toLowerCase()];
  const senior = mentor.seniorityYears !== null && mentee.seniorityYears !== null && mentor.seniorityYears - mentee.seniorityYears >= 1;
  return (
    100 * shared.length +
    30 * shared.filter((t) => expert.has(t)).length +
    5 * Math.min(words, 3) +
    (teamA !== '' && teamB !== '' && teamA !== teamB ? 40 : 0) +
    (senior ? 10 : 0)
  );
}

/** The best total over every feasible assignment, by enumeration. */
function bruteForceOptimum(input: MatchInput): number {
  const mentees = input.candidates.filter((c) => c.wantsMentor);
  const mentors = input.candidates.filter((c) => c.capacity > 0);
  const room = mentors.map((m) => m.capacity);
  const best = (i: number): number => {
    if (i === mentees.length) return 0;
    let top = best(i + 1);
    mentors.forEach((mentor, j) => {
      const score = oracleScore(input, mentor, mentees[i]!);
      if (score === null || room[j]! === 0) return;
      room[j]!--;
      top = Math.max(top, score + best(i + 1));
      room[j]!++;
    });
    return top;
  };
  return best(0);
}

/** Every hard constraint, each proposal's score and the total, checked against the oracle. */
function expectFeasible(input: MatchInput, result: MatchResult): void {
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const load = new Map<string, number>();
  for (const p of result.proposals) {
    const mentor = byId.get(p.mentorId)!;
    expect(oracleScore(input, mentor, byId.get(p.menteeId)!)).toBe(p.score);
    load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
    expect(load.get(p.mentorId)).toBeLessThanOrEqual(mentor.capacity);
  }
  const mentees = result.proposals.map((p) => p.menteeId);
  expect(new Set(mentees).size).toBe(mentees.length);
  expect(result.totalScore).toBe(result.proposals.reduce((sum, p) => sum + p.score, 0));
  // Everyone who wanted a mentor is either proposed or explained, once.
  const wanting = input.candidates.filter((c) => c.wantsMentor).map((c) => c.id);
  expect([...mentees, ...result.unmatched.map((u) => u.menteeId)].sort()).toEqual(wanting.sort());
}

// ---- Random instances: at most 6 mentees and 4 mentors, capacity 0–2. ----

// Mostly eligible: each flag is off one time in sixteen.
const rarely = (value: boolean) => fc.integer({ min: 0, max: 15 }).map((n) => (n === 0 ? value : !value));
const flagsArb = fc.record({ optedIn: rarely(false), active: rarely(false), snoozed: rarely(true), out: rarely(true) });

const topicsArb = (minLength: number, maxLength: number) =>
  fc.subarray(SPELLED, { minLength, maxLength }).chain((topics) => fc.tuple(...topics.map((spellings) => fc.constantFrom(...spellings))));

const personArb = fc.record({
  team: fc.constantFrom(...TEAMS),
  seniorityYears: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  flags: flagsArb,
  teaches: topicsArb(1, 3),
  expertIn: fc.oneof(fc.constant([]), topicsArb(0, 2)),
  learns: fc.oneof({ arbitrary: topicsArb(1, 3), weight: 12 }, { arbitrary: fc.constant([]), weight: 1 }),
  goals: fc.subarray(WORDS).map((words) => words.join(' ')),
  manager: fc.option(fc.nat(11), { nil: null, freq: 2 }),
});

type PersonDraft = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

const instanceArb: fc.Arbitrary<MatchInput> = fc
  .record({
    mentors: fc.array(fc.record({ person: personArb, capacity: fc.integer({ min: 0, max: 2 }), alsoWants: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    mentees: fc.array(personArb, { minLength: 1, maxLength: 6 }),
    recent: fc.array(fc.record({ a: fc.nat(9), b: fc.nat(9), ended: fc.constantFrom(...ENDINGS) }), { maxLength: 4 }),
  })
  .map(({ mentors, mentees, recent }) => {
    const wantingMentors = mentors.filter((m) => m.alsoWants).length;
    const ids = [...mentors.map((_, i) => `m${i}`), ...mentees.slice(0, 6 - wantingMentors).map((_, i) => `e${i}`)];
    const idAt = (n: number) => ids[n % Math.max(1, ids.length)] ?? 'outsider';
    const candidate = (id: string, d: PersonDraft, capacity: number, wantsMentor: boolean): MatchCandidate => ({
      id,
      displayName: id.toUpperCase(),
      team: d.team,
      title: '',
      seniorityYears: d.seniorityYears,
      managerId: d.manager === null ? null : d.manager >= 10 ? 'outsider' : idAt(d.manager),
      flags: d.flags,
      capacity,
      teaches: d.teaches,
      expertIn: d.expertIn,
      learns: d.learns,
      goals: d.goals,
      wantsMentor,
    });
    const candidates = [
      ...mentors.map((m, i) => candidate(`m${i}`, m.person, m.capacity, m.alsoWants)),
      ...mentees.slice(0, 6 - wantingMentors).map((d, i) => candidate(`e${i}`, d, 0, true)),
    ];
    const recentPairs: RecentPair[] = recent.map((r) => ({ mentorId: idAt(r.a), menteeId: idAt(r.b), endedOrDeclinedAt: r.ended }));
    return { candidates, recentPairs, now: NOW };
  });

const RUNS = { numRuns: 400, seed: 20250601 };

describe('matchMentors on random small instances', () => {
  it('reaches the brute-force optimum and breaks no hard constraint', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = matchMentors(input);
        expectFeasible(input, result);
        expect(result.totalScore).toBe(bruteForceOptimum(input));
      }),
      RUNS,
    );
  });

  it('is never below greedy, and greedy keeps the hard constraints too', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const greedy = greedyMatch(input);
        expectFeasible(input, greedy);
        expect(matchMentors(input).totalScore).toBeGreaterThanOrEqual(greedy.totalScore);
      }),
      RUNS,
    );
  });

  it('beats greedy strictly on some random instances', () => {
    const instances = fc.sample(instanceArb, { numRuns: 2000, seed: 7 });
    const strictlyBetter = instances.filter((input) => matchMentors(input).totalScore > greedyMatch(input).totalScore);
    expect(strictlyBetter.length).toBeGreaterThan(0);
  });

  it('gives identical output for shuffled input', () => {
    const shuffled = instanceArb.chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.shuffledSubarray([...input.candidates], { minLength: input.candidates.length }),
        fc.shuffledSubarray([...input.recentPairs], { minLength: input.recentPairs.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([input, candidates, recentPairs]) => {
        expect(matchMentors({ ...input, candidates, recentPairs })).toEqual(matchMentors(input));
        expect(greedyMatch({ ...input, candidates, recentPairs })).toEqual(greedyMatch(input));
      }),
      RUNS,
    );
  });
});
