// How good a mentor–mentee pair is (integer score), which hard constraints it breaks, and why it makes sense.
import { DateTime } from 'luxon';
import type {
  EligibilityFlags,
  HardConstraint,
  Ineligibility,
  MatchCandidate,
  MatchKind,
  MatchOptions,
  MatchWeights,
  PairAssessment,
  PairContext,
  ReasonParts,
  RecentPair,
} from './match-types.ts';
import { MatchingInputError } from './matching-error.ts';
import { createTopicBook, goalWords, sharedWords, topicKeys, type TopicBook } from './topics.ts';

/**
 * One shared topic outweighs every soft bonus together (30 + 15 + 40 + 10 < 100): overlap comes first.
 * The topic a mentee asked for with `mentor request` outweighs any other overlap (a profile holds at
 * most 12 topics: 12 × 130 + 95 < 2000), so a mentor for it comes first.
 */
export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = {
  topic: 100,
  expertTopic: 30,
  requestedTopic: 2000,
  goalWord: 5,
  goalWordsCap: 3,
  differentTeam: 40,
  seniority: 10,
};

export interface Settings {
  weights: MatchWeights;
  allowManagerPairs: boolean;
  repeatWindowMonths: number;
  seniorityGapYears: number;
}

/** Fills in defaults; weights must be non-negative integers (so totals compare exactly) and a topic must be worth something. */
export function resolveSettings(options: MatchOptions = {}): Settings {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  for (const [name, value] of Object.entries(weights)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new MatchingInputError(`weight ${name} must be a non-negative integer, got ${value}`);
  }
  if (weights.topic < 1) throw new MatchingInputError('weight topic must be at least 1');
  const repeatWindowMonths = options.repeatWindowMonths ?? 6;
  const seniorityGapYears = options.seniorityGapYears ?? 1;
  if (!(repeatWindowMonths >= 0)) throw new MatchingInputError(`repeatWindowMonths must be ≥ 0, got ${repeatWindowMonths}`);
  if (!(seniorityGapYears > 0)) throw new MatchingInputError(`seniorityGapYears must be > 0, got ${seniorityGapYears}`);
  return { weights, allowManagerPairs: options.allowManagerPairs ?? false, repeatWindowMonths, seniorityGapYears };
}

/** A candidate with topics resolved to keys and text reduced to sets, ready for many comparisons. */
export interface Person {
  id: string;
  displayName: string;
  /** Lower-cased; '' when unknown, which never counts as a different team. */
  team: string;
  seniorityYears: number | null;
  managerId: string | null;
  blockers: Ineligibility[];
  eligible: boolean;
  capacity: number;
  wantsMentor: boolean;
  teaches: Set<string>;
  expert: Set<string>;
  /** Sorted keys. */
  learns: string[];
  /** The key of the topic asked for, when it is among `learns`. */
  requested: string | null;
  /** Sorted. */
  goalWords: string[];
}

export function ineligibility(flags: EligibilityFlags): Ineligibility[] {
  const blockers: Ineligibility[] = [];
  if (!flags.optedIn) blockers.push('not_opted_in');
  if (!flags.active) blockers.push('inactive');
  if (flags.snoozed) blockers.push('snoozed');
  if (flags.out) blockers.push('out');
  return blockers;
}

export function preparePerson(c: MatchCandidate, book: TopicBook): Person {
  const blockers = ineligibility(c.flags);
  const expert = topicKeys(book, c.expertIn ?? []);
  const learns = topicKeys(book, c.learns);
  const requested = c.requested ? book.key(c.requested) : null;
  return {
    id: c.id,
    displayName: c.displayName,
    team: c.team.trim().toLowerCase(),
    seniorityYears: c.seniorityYears,
    managerId: c.managerId,
    blockers,
    eligible: blockers.length === 0,
    capacity: Math.max(0, Math.floor(c.capacity)),
    wantsMentor: c.wantsMentor,
    teaches: new Set([...topicKeys(book, c.teaches), ...expert]),
    expert: new Set(expert),
    learns,
    requested: requested !== null && learns.includes(requested) ? requested : null,
    goalWords: goalWords(c.goals),
  };
}

/** Pairs that may not repeat yet, looked up in either direction. */
export interface RecentIndex {
  blocks(a: string, b: string): boolean;
  partnersOf(id: string): ReadonlySet<string>;
}

export function createRecentIndex(pairs: readonly RecentPair[], now: string, months: number): RecentIndex {
  const cutoff = parseInstant(now, 'now').minus({ months });
  const partners = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    const set = partners.get(a);
    if (set) set.add(b);
    else partners.set(a, new Set([b]));
  };
  for (const p of pairs) {
    if (p.endedOrDeclinedAt !== null && parseInstant(p.endedOrDeclinedAt, 'endedOrDeclinedAt') < cutoff) continue;
    add(p.mentorId, p.menteeId);
    add(p.menteeId, p.mentorId);
  }
  const none: ReadonlySet<string> = new Set();
  return { blocks: (a, b) => partners.get(a)?.has(b) ?? false, partnersOf: (id) => partners.get(id) ?? none };
}

function parseInstant(iso: string, what: string): DateTime {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  if (!at.isValid) throw new MatchingInputError(`${what} is not an ISO instant: ${iso}`);
  return at;
}

/** Whole and fractional years from `startDate` (yyyy-MM-dd) to `now`; null when the start is unknown. */
export function yearsAtPractice(startDate: string | null, now: string): number | null {
  if (startDate === null) return null;
  const years = parseInstant(now, 'now').diff(parseInstant(startDate, 'startDate'), 'years').years;
  return Math.max(0, years);
}

type Check = (mentor: Person, mentee: Person, settings: Settings, recent: RecentIndex) => boolean;

// The single statement of the hard constraints, in the order they are reported.
const HARD_CONSTRAINTS: readonly (readonly [HardConstraint, Check])[] = [
  ['self', (m, e) => m.id === e.id],
  ['mentor_not_eligible', (m) => !m.eligible],
  ['mentee_not_eligible', (_m, e) => !e.eligible],
  ['mentor_no_capacity', (m) => m.capacity <= 0],
  ['mentor_manages_mentee', (m, e, s) => !s.allowManagerPairs && e.managerId === m.id],
  ['mentee_manages_mentor', (m, e, s) => !s.allowManagerPairs && m.managerId === e.id],
  ['recent_pair', (m, e, _s, r) => r.blocks(m.id, e.id)],
];

/** The hard constraints a pair breaks, in a fixed order. */
function hardConstraints(mentor: Person, mentee: Person, settings: Settings, recent: RecentIndex): HardConstraint[] {
  return HARD_CONSTRAINTS.filter(([, broken]) => broken(mentor, mentee, settings, recent)).map(([name]) => name);
}

/**
 * The same rules seen from one mentee, for the engine, which marks these people once per mentee
 * instead of testing every pair: the ids the mentee may never get as a mentor (themselves, their
 * manager and direct reports unless allowed, recent partners). Eligibility and room are checked apart.
 */
export function excludedMentorIds(mentee: Person, reportIds: readonly string[], settings: Settings, recent: RecentIndex): string[] {
  const ids = [mentee.id, ...recent.partnersOf(mentee.id)];
  if (!settings.allowManagerPairs) {
    if (mentee.managerId !== null) ids.push(mentee.managerId);
    ids.push(...reportIds);
  }
  return ids;
}

/** Whether the two are manager and direct report, in either direction (ignoring `allowManagerPairs`). */
export function managerRelation(a: Person, b: Person): boolean {
  return a.managerId === b.id || b.managerId === a.id;
}

/** Tolerates float noise in fractional years (3.3 − 2.3 is 0.9999…). */
const atLeast = (diff: number, gap: number): boolean => diff >= gap - 1e-9;

/** How many years more senior the mentor is; NaN when either is unknown (so no comparison holds). */
const seniorityLead = (mentor: Person, mentee: Person): number =>
  mentor.seniorityYears === null || mentee.seniorityYears === null ? NaN : mentor.seniorityYears - mentee.seniorityYears;

const mentorMoreSenior = (mentor: Person, mentee: Person, settings: Settings): boolean =>
  atLeast(seniorityLead(mentor, mentee), settings.seniorityGapYears);

/** The mentee is the more senior: the pair is reverse mentoring (no penalty, no seniority bonus). */
const isReverse = (mentor: Person, mentee: Person, settings: Settings): boolean =>
  atLeast(-seniorityLead(mentor, mentee), settings.seniorityGapYears);

const differentTeams = (a: Person, b: Person): boolean => a.team !== '' && b.team !== '' && a.team !== b.team;

/**
 * The pair's score, ignoring hard constraints; 0 when the mentor teaches nothing the mentee wants
 * to learn. Reverse pairs earn no seniority bonus and pay no penalty.
 */
function pairScore(mentor: Person, mentee: Person, settings: Settings): number {
  let topics = 0;
  let expert = 0;
  for (const topic of mentee.learns) {
    if (!mentor.teaches.has(topic)) continue;
    topics++;
    if (mentor.expert.has(topic)) expert++;
  }
  if (topics === 0) return 0;
  return (
    topicScore(topics, expert, settings) +
    requestBonus(mentor, mentee, settings) +
    softBonus(mentor, mentee, sharedWords(mentor.goalWords, mentee.goalWords).length, settings)
  );
}

/** The extra weight of a mentor who teaches the very topic the mentee asked for. */
export function requestBonus(mentor: Person, mentee: Person, settings: Settings): number {
  return mentee.requested !== null && mentor.teaches.has(mentee.requested) ? settings.weights.requestedTopic : 0;
}

/** The shared-topic part of the score, from counts the engine may have gathered another way. */
export function topicScore(topics: number, expertTopics: number, settings: Settings): number {
  return topics * settings.weights.topic + expertTopics * settings.weights.expertTopic;
}

/**
 * The part of a score beyond shared topics (goal words, team, seniority); it counts only when they
 * share a topic. The engine counts shared goal words its own way, so they come in as a number.
 */
export function softBonus(mentor: Person, mentee: Person, goalWordsShared: number, settings: Settings): number {
  const w = settings.weights;
  let bonus = Math.min(goalWordsShared, w.goalWordsCap) * w.goalWord;
  if (differentTeams(mentor, mentee)) bonus += w.differentTeam;
  if (mentorMoreSenior(mentor, mentee, settings)) bonus += w.seniority;
  return bonus;
}

export interface PairDetails {
  score: number;
  kind: MatchKind;
  topics: string[];
  reason: ReasonParts;
}

export function pairDetails(mentor: Person, mentee: Person, settings: Settings, book: TopicBook): PairDetails {
  // The topic asked for leads, so it is the pair's focus.
  const shared = mentee.learns.filter((t) => mentor.teaches.has(t));
  const topics = mentee.requested !== null && shared.includes(mentee.requested) ? [mentee.requested, ...shared.filter((t) => t !== mentee.requested)] : shared;
  const reverse = isReverse(mentor, mentee, settings);
  return {
    score: pairScore(mentor, mentee, settings),
    kind: reverse ? 'reverse' : 'mentoring',
    topics,
    reason: {
      mentorName: mentor.displayName,
      menteeName: mentee.displayName,
      topics: topics.map(book.name),
      expertTopics: topics.filter((t) => mentor.expert.has(t)).map(book.name),
      goalWords: sharedWords(mentor.goalWords, mentee.goalWords),
      differentTeam: differentTeams(mentor, mentee),
      mentorMoreSenior: mentorMoreSenior(mentor, mentee, settings),
      reverse,
    },
  };
}

/**
 * Assesses one pair a manager names with `pair`: its score, whether matching itself could propose
 * it, and every hard constraint it breaks (the bot asks the manager to confirm those).
 */
export function scorePair(mentor: MatchCandidate, mentee: MatchCandidate, ctx: PairContext): PairAssessment {
  const settings = resolveSettings(ctx.options);
  const book = createTopicBook(ctx.tasks ?? [], [mentor, mentee]);
  const recent = createRecentIndex(ctx.recentPairs, ctx.now, settings.repeatWindowMonths);
  const m = preparePerson(mentor, book);
  const e = preparePerson(mentee, book);
  const breaks = hardConstraints(m, e, settings, recent);
  const details = pairDetails(m, e, settings, book);
  return { ...details, allowed: breaks.length === 0 && details.score > 0, breaks };
}
