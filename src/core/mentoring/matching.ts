// The matching engine: the highest-scoring set of mentor–mentee proposals under the hard constraints (pure, deterministic).
import { prepareInstance, type Instance } from './instance.ts';
import type { MatchInput, MatchResult, Proposal, Unmatched } from './match-types.ts';
import { maxScoreAssignment, type AssignmentProblem } from './min-cost-flow.ts';
import { pairDetails } from './score.ts';
import { compareIds } from './topics.ts';
import { explainUnmatched } from './unmatched.ts';

export type * from './match-types.ts';
export { MatchingInputError } from './matching-error.ts';
export { DEFAULT_WEIGHTS, scorePair, yearsAtPractice } from './score.ts';

/**
 * The optimal assignment: the highest total score over allowed pairs, each mentee with at most one
 * mentor and no mentor above capacity. Solved as min-cost flow (source → mentee → mentor → sink,
 * cost −score) by successive shortest paths, which only augment while that raises the score, so
 * nobody is paired just to raise the count. The same candidates in any order give the same result.
 */
export function matchMentors(input: MatchInput): MatchResult {
  const inst = prepareInstance(input);
  const { edgeOf } = maxScoreAssignment(toAssignmentProblem(inst));
  return assemble(inst, Array.from(edgeOf).filter((k) => k >= 0));
}

/**
 * The instance renumbered for the solver: mentees and mentors counted from 0. The edges are already
 * grouped by mentee in mentee order, so the solver's edge indices are the instance's.
 */
function toAssignmentProblem(inst: Instance): AssignmentProblem {
  const menteeNumber = new Int32Array(inst.people.length);
  const mentorNumber = new Int32Array(inst.people.length);
  inst.mentees.forEach((p, i) => (menteeNumber[p] = i));
  inst.mentors.forEach((p, j) => (mentorNumber[p] = j));
  const edgeStart = new Int32Array(inst.mentees.length + 1);
  for (const e of inst.edgeMentee) edgeStart[menteeNumber[e]! + 1]!++;
  for (let i = 0; i < inst.mentees.length; i++) edgeStart[i + 1]! += edgeStart[i]!;
  return {
    menteeCount: inst.mentees.length,
    mentorCapacity: Int32Array.from(inst.mentors, (p) => inst.people[p]!.capacity),
    edgeStart,
    edgeMentor: inst.edgeMentor.map((t) => mentorNumber[t]!),
    edgeScore: inst.edgeScore,
  };
}

/**
 * The obvious heuristic, for comparison: take allowed pairs from the highest score down while both
 * sides have room (equal scores in mentee, then mentor, id order).
 */
export function greedyMatch(input: MatchInput): MatchResult {
  const inst = prepareInstance(input);
  const order = Array.from(inst.edgeScore.keys()).sort((a, b) => inst.edgeScore[b]! - inst.edgeScore[a]! || a - b);
  const room = new Int32Array(inst.people.length);
  for (const p of inst.mentors) room[p] = inst.people[p]!.capacity;
  const matched = new Uint8Array(inst.people.length);
  const chosen: number[] = [];
  for (const k of order) {
    const e = inst.edgeMentee[k]!;
    const t = inst.edgeMentor[k]!;
    if (matched[e] || room[t]! <= 0) continue;
    matched[e] = 1;
    room[t]!--;
    chosen.push(k);
  }
  return assemble(inst, chosen);
}

function assemble(inst: Instance, chosen: number[]): MatchResult {
  const matched = new Set<number>();
  const proposals: Proposal[] = chosen.map((k) => {
    const mentor = inst.people[inst.edgeMentor[k]!]!;
    const mentee = inst.people[inst.edgeMentee[k]!]!;
    matched.add(inst.edgeMentee[k]!);
    return { mentorId: mentor.id, menteeId: mentee.id, ...pairDetails(mentor, mentee, inst.settings, inst.book) };
  });
  proposals.sort((a, b) => b.score - a.score || compareIds(a.mentorId, b.mentorId) || compareIds(a.menteeId, b.menteeId));
  const hasAllowedPair = new Uint8Array(inst.people.length);
  for (const e of inst.edgeMentee) hasAllowedPair[e] = 1;
  const explain = { people: inst.people, teachersByTopic: inst.teachersByTopic, settings: inst.settings, recent: inst.recent };
  const unmatched: Unmatched[] = [];
  inst.people.forEach((p, i) => {
    if (!p.wantsMentor || matched.has(i)) return;
    // Someone with an allowed pair left over lost it to better-scoring pairs: explaining again would say the same.
    unmatched.push(hasAllowedPair[i] ? { menteeId: p.id, why: 'mentors_at_capacity' } : explainUnmatched(i, explain));
  });
  return {
    proposals,
    unmatched,
    totalScore: proposals.reduce((sum, p) => sum + p.score, 0),
    stats: { mentees: inst.mentees.length, mentors: inst.mentors.length, edges: inst.edgeScore.length },
  };
}
