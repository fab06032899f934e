// The matching engine: the highest-scoring set of mentor–mentee proposals under the hard constraints (pure, deterministic).
import type { MatchInput, MatchResult, Proposal } from './match-types.js';
import { MatchingInputError } from './matching-error.js';
import { createFlowNetwork } from './min-cost-flow.js';
import { breaksHardConstraint, createRecentIndex, pairDetails, pairScore, preparePerson, resolveSettings, type Person, type RecentIndex, type Settings } from './score.js';
import { compareIds, createTopicBook, type TopicBook } from './topics.js';
import { explainUnmatched } from './unmatched.js';

export type * from './match-types.js';
export { MatchingInputError } from './matching-error.js';
export { DEFAULT_WEIGHTS, scorePair, yearsAtPractice } from './score.js';

/** Everything both engines share: people in id order and the sparse list of allowed, positive pairs. */
interface Instance {
  settings: Settings;
  book: TopicBook;
  recent: RecentIndex;
  people: Person[];
  teachersByTopic: Map<string, number[]>;
  /** Indices into `people`. */
  mentees: number[];
  mentors: number[];
  /** Allowed pairs as parallel arrays, ordered by mentee, then mentor (both in id order). */
  edgeMentee: Int32Array;
  edgeMentor: Int32Array;
  edgeScore: Float64Array;
}

/**
 * The optimal assignment: the highest total score over allowed pairs, each mentee with at most one
 * mentor and no mentor above capacity. Solved as min-cost flow (source → mentee → mentor → sink,
 * cost −score), stopping while augmenting still raises the score, so nobody is paired just to
 * raise the count. The same candidates in any order give the same result.
 */
export function matchMentors(input: MatchInput): MatchResult {
  const inst = prepareInstance(input);
  const m = inst.mentees.length;
  const n = inst.mentors.length;
  const source = 0;
  const sink = m + n + 1;
  const net = createFlowNetwork(m + n + 2);
  const menteeNode = new Int32Array(inst.people.length);
  const mentorNode = new Int32Array(inst.people.length);
  inst.mentees.forEach((p, i) => {
    menteeNode[p] = 1 + i;
    net.addEdge(source, 1 + i, 1, 0);
  });
  inst.mentors.forEach((p, j) => {
    mentorNode[p] = 1 + m + j;
  });
  const firstPairEdge = net.edgeCount;
  for (let k = 0; k < inst.edgeScore.length; k++) {
    net.addEdge(menteeNode[inst.edgeMentee[k]!]!, mentorNode[inst.edgeMentor[k]!]!, 1, -inst.edgeScore[k]!);
  }
  inst.mentors.forEach((p, j) => net.addEdge(1 + m + j, sink, inst.people[p]!.capacity, 0));
  const result = net.solve(source, sink, { stopWhenCostNonNegative: true });
  const chosen: number[] = [];
  for (let k = 0; k < inst.edgeScore.length; k++) if (result.edgeFlow(firstPairEdge + k) > 0) chosen.push(k);
  return assemble(inst, chosen);
}

/** The obvious heuristic, for comparison: take allowed pairs from the highest score down while both sides have room. */
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

function prepareInstance(input: MatchInput): Instance {
  const settings = resolveSettings(input.options);
  const candidates = [...input.candidates].sort((a, b) => compareIds(a.id, b.id));
  for (let i = 1; i < candidates.length; i++) {
    if (candidates[i]!.id === candidates[i - 1]!.id) throw new MatchingInputError(`duplicate candidate id ${candidates[i]!.id}`);
  }
  const book = createTopicBook(input.tasks ?? [], candidates);
  const recent = createRecentIndex(input.recentPairs, input.now, settings.repeatWindowMonths);
  const people = candidates.map((c) => preparePerson(c, book));
  const teachersByTopic = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const topic of p.teaches) {
      const list = teachersByTopic.get(topic);
      if (list) list.push(i);
      else teachersByTopic.set(topic, [i]);
    }
  });
  const mentees: number[] = [];
  const mentors: number[] = [];
  people.forEach((p, i) => {
    if (p.eligible && p.wantsMentor && p.learns.length > 0) mentees.push(i);
    if (p.eligible && p.capacity > 0) mentors.push(i);
  });
  return { settings, book, recent, people, teachersByTopic, mentees, mentors, ...allowedPairs(people, mentees, teachersByTopic, settings, recent) };
}

/** Only mentors who teach something the mentee wants are looked at, so the graph stays sparse. */
function allowedPairs(
  people: Person[],
  mentees: number[],
  teachersByTopic: Map<string, number[]>,
  settings: Settings,
  recent: RecentIndex,
): Pick<Instance, 'edgeMentee' | 'edgeMentor' | 'edgeScore'> {
  const seenFor = new Int32Array(people.length).fill(-1);
  const edgeMentee: number[] = [];
  const edgeMentor: number[] = [];
  const edgeScore: number[] = [];
  const found: number[] = [];
  for (const e of mentees) {
    const mentee = people[e]!;
    found.length = 0;
    for (const topic of mentee.learns) {
      for (const t of teachersByTopic.get(topic) ?? []) {
        if (seenFor[t] === e) continue;
        seenFor[t] = e;
        found.push(t);
      }
    }
    found.sort((a, b) => a - b);
    for (const t of found) {
      const mentor = people[t]!;
      if (!mentor.eligible || mentor.capacity <= 0 || breaksHardConstraint(mentor, mentee, settings, recent)) continue;
      const score = pairScore(mentor, mentee, settings);
      if (score <= 0) continue;
      edgeMentee.push(e);
      edgeMentor.push(t);
      edgeScore.push(score);
    }
  }
  return { edgeMentee: Int32Array.from(edgeMentee), edgeMentor: Int32Array.from(edgeMentor), edgeScore: Float64Array.from(edgeScore) };
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
  const explain = { people: inst.people, teachersByTopic: inst.teachersByTopic, settings: inst.settings, recent: inst.recent };
  const unmatched = inst.people.flatMap((p, i) => (p.wantsMentor && !matched.has(i) ? [explainUnmatched(i, explain)] : []));
  return {
    proposals,
    unmatched,
    totalScore: proposals.reduce((sum, p) => sum + p.score, 0),
    stats: { mentees: inst.mentees.length, mentors: inst.mentors.length, edges: inst.edgeScore.length },
  };
}
