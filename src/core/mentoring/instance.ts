// The matching instance: candidates in id order, prepared for comparison, and the sparse list of allowed, positive pairs.
import type { MatchInput } from './match-types.ts';
import { MatchingInputError } from './matching-error.ts';
import {
  createRecentIndex,
  excludedMentorIds,
  preparePerson,
  requestBonus,
  resolveSettings,
  softBonus,
  topicScore,
  type Person,
  type RecentIndex,
  type Settings,
} from './score.ts';
import { compareIds, createTopicBook, type TopicBook } from './topics.ts';

/** Everything both engines share: people in id order and the sparse list of allowed, positive pairs. */
export interface Instance {
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

/** Sorting by id first makes everything after it independent of input order. */
export function prepareInstance(input: MatchInput): Instance {
  const settings = resolveSettings(input.options);
  const candidates = [...input.candidates].sort((a, b) => compareIds(a.id, b.id));
  for (let i = 1; i < candidates.length; i++) {
    if (candidates[i]!.id === candidates[i - 1]!.id) throw new MatchingInputError(`duplicate candidate id ${candidates[i]!.id}`);
  }
  const book = createTopicBook(input.tasks ?? [], candidates);
  const recent = createRecentIndex(input.recentPairs, input.now, settings.repeatWindowMonths);
  const people = candidates.map((c) => preparePerson(c, book));
  const everyone = people.map((_, i) => i);
  const mentees = everyone.filter((i) => people[i]!.eligible && people[i]!.wantsMentor && people[i]!.learns.length > 0);
  const mentors = everyone.filter((i) => people[i]!.eligible && people[i]!.capacity > 0);
  const teachersByTopic = invertedIndex(people, everyone, (p) => p.teaches);
  return { settings, book, recent, people, teachersByTopic, mentees, mentors, ...allowedPairs(people, mentees, mentors, settings, recent) };
}

/** Key → the indices (ascending) of the people among `subset` whose `keys` include it. */
function invertedIndex(people: Person[], subset: number[], keys: (p: Person) => Iterable<string>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const i of subset) {
    for (const key of keys(people[i]!)) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  }
  return index;
}

/**
 * Only mentors who teach something the mentee wants are looked at, so the work and the graph stay
 * sparse. Shared topics, expert topics and goal words are counted per mentor from inverted indexes,
 * in typed arrays stamped with the current mentee, rather than by comparing every pair's lists.
 */
function allowedPairs(
  people: Person[],
  mentees: number[],
  mentors: number[],
  settings: Settings,
  recent: RecentIndex,
): Pick<Instance, 'edgeMentee' | 'edgeMentor' | 'edgeScore'> {
  const byTopic = invertedIndex(people, mentors, (p) => p.teaches);
  // Expert topics are among taught topics, so every mentor listed here was just counted in byTopic.
  const byExpertTopic = invertedIndex(people, mentors, (p) => p.expert);
  const byWord = invertedIndex(people, mentors, (p) => p.goalWords);
  const everyone = people.map((_, i) => i);
  const reportsOf = invertedIndex(people, everyone, (p) => (p.managerId === null ? [] : [p.managerId]));
  const indexOf = new Map(people.map((p, i) => [p.id, i]));

  const excludedFor = new Int32Array(people.length).fill(-1);
  const topicsFor = new Int32Array(people.length).fill(-1);
  const topics = new Int32Array(people.length);
  const experts = new Int32Array(people.length);
  const wordsFor = new Int32Array(people.length).fill(-1);
  const words = new Int32Array(people.length);
  const found = new Int32Array(mentors.length);
  const edgeMentee: number[] = [];
  const edgeMentor: number[] = [];
  const edgeScore: number[] = [];
  for (const e of mentees) {
    const mentee = people[e]!;
    const reportIds = (reportsOf.get(mentee.id) ?? []).map((r) => people[r]!.id);
    for (const id of excludedMentorIds(mentee, reportIds, settings, recent)) {
      const t = indexOf.get(id);
      if (t !== undefined) excludedFor[t] = e;
    }
    let count = 0;
    for (const topic of mentee.learns) {
      for (const t of byTopic.get(topic) ?? []) {
        if (topicsFor[t] !== e) {
          topicsFor[t] = e;
          topics[t] = 0;
          experts[t] = 0;
          found[count++] = t;
        }
        topics[t]!++;
      }
      for (const t of byExpertTopic.get(topic) ?? []) experts[t]!++;
    }
    for (const word of mentee.goalWords) {
      for (const t of byWord.get(word) ?? []) {
        if (wordsFor[t] !== e) {
          wordsFor[t] = e;
          words[t] = 0;
        }
        words[t]!++;
      }
    }
    for (const t of found.subarray(0, count).sort()) {
      if (excludedFor[t] === e) continue;
      const score =
        topicScore(topics[t]!, experts[t]!, settings) +
        requestBonus(people[t]!, mentee, settings) +
        softBonus(people[t]!, mentee, wordsFor[t] === e ? words[t]! : 0, settings);
      if (score <= 0) continue;
      edgeMentee.push(e);
      edgeMentor.push(t);
      edgeScore.push(score);
    }
  }
  return { edgeMentee: Int32Array.from(edgeMentee), edgeMentor: Int32Array.from(edgeMentor), edgeScore: Float64Array.from(edgeScore) };
}
