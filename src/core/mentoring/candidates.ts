// From the practice's records to the engine's input (pure): who can take part, with how much room, and who was paired recently.
//
// The rules, in one place:
// - Only members with a mentoring profile take part; opted in means the profile says so and the
//   member has not opted out of Rounds.
// - Snoozed today, or on time off today or on OUT_DAYS_BLOCKING or more of the next 7 days, makes
//   someone ineligible for this week's run.
// - Room = profile capacity − live pairs (proposed, active, paused) as mentor, and at most
//   NEW_PAIRS_PER_RUN in one run: nobody gets more than one matching intro a week.
// - Someone `match` introduced in the last 7 days takes no part (room 0, wants no mentor).
// - Topics a current mentor of theirs already teaches them are not looked for again, nor tasks
//   they are now trained or expert in; the topic of their last `mentor request` is looked for first.
// - Recent pairs: every live pair, and every completed or declined pair (ended at its last update).
import { DateTime } from 'luxon';
import type { MatchCandidate, MatchInput, MatchResult, RecentPair, TaskName } from './match-types.ts';
import { matchMentors, yearsAtPractice } from './matching.ts';
import { createTopicBook } from './topics.ts';
import type { Member, MemberSkill, MentoringProfile, Pair, PairStatus, Task, TimeOff } from '../model.ts';
import { isOut, isSnoozed, todayFor } from '../people/ports.ts';
import { foldText } from '../text/fold.ts';

export const LIVE_STATUSES: readonly PairStatus[] = ['proposed', 'active', 'paused'];
/** Days of the coming week (today and the 6 after it) on time off that keep someone out of a run. */
export const OUT_DAYS_BLOCKING = 3;
export const NEW_PAIRS_PER_RUN = 1;
export const INTRO_WINDOW_DAYS = 7;

export interface MatchData {
  /** The practice's zone, for members whose own zone is invalid. */
  workspaceZone: string;
  /** Active members. */
  members: readonly Member[];
  profiles: readonly MentoringProfile[];
  tasks: readonly Task[];
  skills: readonly MemberSkill[];
  /** Every pair of the workspace, whatever its status. */
  pairs: readonly Pair[];
  /** Time off overlapping the coming week. */
  timeOff: readonly TimeOff[];
  /** Members `match` introduced in the last INTRO_WINDOW_DAYS days. */
  introducedThisWeek: ReadonlySet<string>;
}

export const isLive = (pair: Pair): boolean => LIVE_STATUSES.includes(pair.status);

export function taskNames(tasks: readonly Task[]): TaskName[] {
  return tasks.map((t) => ({ key: t.key, name: t.name }));
}

export function recentPairsOf(pairs: readonly Pair[]): RecentPair[] {
  return pairs
    .filter((p) => isLive(p) || p.status === 'completed' || p.status === 'declined')
    .map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId, endedOrDeclinedAt: isLive(p) ? null : p.updatedAt }));
}

/** Whether the member is out today, or on OUT_DAYS_BLOCKING or more of the coming 7 days. */
export function awayThisWeek(memberId: string, today: string, timeOff: readonly TimeOff[]): boolean {
  const start = DateTime.fromISO(today, { zone: 'utc' });
  if (isOut(timeOff, memberId, today)) return true;
  let days = 0;
  for (let i = 0; i < 7; i++) if (isOut(timeOff, memberId, start.plus({ days: i }).toISODate() ?? '')) days++;
  return days >= OUT_DAYS_BLOCKING;
}

/** The data looked up by member, built once per run rather than once per member. */
export interface MatchIndex {
  profiles: Map<string, MentoringProfile>;
  expert: Map<string, string[]>;
  /** Task keys each member is trained or expert in. */
  skilled: Map<string, Set<string>>;
  /** Live pairs by member (either side). */
  live: Map<string, Pair[]>;
  timeOff: Map<string, TimeOff[]>;
  topicKey: (topic: string) => string;
}

export function indexData(data: MatchData): MatchIndex {
  const keyOf = new Map(data.tasks.map((t) => [t.id, t.key]));
  const expert = new Map<string, string[]>();
  const skilled = new Map<string, Set<string>>();
  for (const s of data.skills) {
    const key = keyOf.get(s.taskId);
    if (key === undefined || s.level === 'learning') continue;
    if (s.level === 'expert') push(expert, s.memberId, key);
    const set = skilled.get(s.memberId);
    if (set) set.add(key);
    else skilled.set(s.memberId, new Set([key]));
  }
  const live = new Map<string, Pair[]>();
  for (const p of data.pairs) {
    if (!isLive(p)) continue;
    push(live, p.mentorId, p);
    push(live, p.menteeId, p);
  }
  const timeOff = new Map<string, TimeOff[]>();
  for (const t of data.timeOff) push(timeOff, t.memberId, t);
  const book = createTopicBook(taskNames(data.tasks), []);
  return { profiles: new Map(data.profiles.map((p) => [p.memberId, p])), expert, skilled, live, timeOff, topicKey: book.key };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The engine's view of one member; `perRun` caps their room at NEW_PAIRS_PER_RUN (matching does, a manager's `pair` does not). */
export function candidateFor(member: Member, data: MatchData, now: DateTime, perRun: boolean, index = indexData(data)): MatchCandidate {
  const profile = index.profiles.get(member.id);
  const today = todayFor(member, now, data.workspaceZone);
  const introduced = perRun && data.introducedThisWeek.has(member.id);
  const live = index.live.get(member.id) ?? [];
  const room = Math.max(0, (profile?.capacity ?? 0) - live.filter((p) => p.mentorId === member.id).length);
  const learns = uncoveredLearns(member.id, index);
  const asked = profile?.requested ? index.topicKey(profile.requested) : null;
  const requested = learns.find((topic) => index.topicKey(topic) === asked) ?? null;
  const optedIn = (profile?.optedIn ?? false) && !member.optedOut;
  return {
    id: member.id,
    displayName: member.displayName,
    team: member.team,
    title: member.title,
    seniorityYears: yearsAtPractice(member.startDate, now.toISO() ?? ''),
    managerId: member.managerId,
    flags: {
      optedIn,
      active: member.active,
      snoozed: isSnoozed(member, today),
      out: awayThisWeek(member.id, today, index.timeOff.get(member.id) ?? []),
    },
    capacity: introduced ? 0 : perRun ? Math.min(room, NEW_PAIRS_PER_RUN) : room,
    teaches: profile?.teaches ?? [],
    expertIn: profile ? (index.expert.get(member.id) ?? []) : [],
    learns,
    requested,
    goals: profile?.goals ?? '',
    wantsMentor: (profile?.optedIn ?? false) && learns.length > 0 && !introduced,
  };
}

export interface Candidates {
  candidates: MatchCandidate[];
  /** Members who would want a mentor but were introduced by `match` this week. */
  heldBack: string[];
}

/** Everyone with a profile, as the engine sees them for a matching run. */
export function buildCandidates(data: MatchData, now: DateTime): Candidates {
  const index = indexData(data);
  const candidates: MatchCandidate[] = [];
  const heldBack: string[] = [];
  for (const member of data.members) {
    const profile = index.profiles.get(member.id);
    if (!profile) continue;
    candidates.push(candidateFor(member, data, now, true, index));
    if (data.introducedThisWeek.has(member.id) && profile.optedIn && uncoveredLearns(member.id, index).length > 0) heldBack.push(member.id);
  }
  return { candidates, heldBack };
}

/** What a member teaches: their profile's topics and the tasks they are expert in. */
function teachesOf(memberId: string, index: MatchIndex): string[] {
  return [...(index.profiles.get(memberId)?.teaches ?? []), ...(index.expert.get(memberId) ?? [])];
}

/** What the member wants to learn that none of their current mentors already teaches them, and that they are not trained in. */
function uncoveredLearns(memberId: string, index: MatchIndex): string[] {
  const learns = index.profiles.get(memberId)?.learns ?? [];
  if (learns.length === 0) return [];
  const covered = new Set<string>([...(index.skilled.get(memberId) ?? [])].map(index.topicKey));
  for (const pair of index.live.get(memberId) ?? []) {
    if (pair.menteeId !== memberId) continue;
    for (const topic of teachesOf(pair.mentorId, index)) covered.add(index.topicKey(topic));
  }
  return learns.filter((topic) => !covered.has(index.topicKey(topic)));
}

/** Clashes settled one person at a time, each by comparing both choices; beyond this many, all at once. */
const CLASHES_WEIGHED = 20;

export interface OncePerPersonResult extends MatchResult {
  /** People kept as mentors in this run who also wanted a mentor: their own mentor comes in a later run. */
  mentoringThisRun: string[];
}

/**
 * The engine's optimal assignment, made to respect "one matching intro a week": nobody is both a
 * mentor and a mentee in one run. For each person who would be both (in id order), the engine runs
 * once with them only as a mentee and once only as a mentor, and the higher total wins (a tie keeps
 * them as the mentee: the run exists to find mentors). With many such people, they all keep the
 * mentee side at once. Deterministic, since each engine run is.
 */
export function matchOncePerPerson(input: MatchInput): OncePerPersonResult {
  const { named, back } = inNameOrder(input);
  const result = oncePerPerson(named);
  return {
    ...result,
    proposals: result.proposals.map((p) => ({ ...p, mentorId: back(p.mentorId), menteeId: back(p.menteeId) })),
    unmatched: result.unmatched.map((u) => ({ ...u, menteeId: back(u.menteeId) })),
    mentoringThisRun: result.mentoringThisRun.map(back),
  };
}

/**
 * The engine breaks ties in id order. Member ids are random, so the same practice would get other
 * pairs in another workspace; run on ids that sort by name first, ties go alphabetically instead.
 */
function inNameOrder(input: MatchInput): { named: MatchInput; back: (id: string) => string } {
  const to = new Map<string, string>();
  const from = new Map<string, string>();
  for (const c of input.candidates) {
    const key = `${foldText(c.displayName)}\u0001${c.id}`;
    to.set(c.id, key);
    from.set(key, c.id);
  }
  const id = (x: string) => to.get(x) ?? x;
  return {
    named: {
      ...input,
      candidates: input.candidates.map((c) => ({ ...c, id: id(c.id), managerId: c.managerId === null ? null : id(c.managerId) })),
      recentPairs: input.recentPairs.map((p) => ({ ...p, mentorId: id(p.mentorId), menteeId: id(p.menteeId) })),
    },
    back: (x) => from.get(x) ?? x,
  };
}

function oncePerPerson(input: MatchInput): OncePerPersonResult {
  let candidates = [...input.candidates];
  const mentorOnly = new Set<string>();
  let result = matchMentors({ ...input, candidates });
  for (;;) {
    const both = clashes(result);
    if (both.length === 0) break;
    if (both.length > CLASHES_WEIGHED) {
      const ids = new Set(both);
      candidates = candidates.map((c) => (ids.has(c.id) ? { ...c, capacity: 0 } : c));
      result = matchMentors({ ...input, candidates });
      continue;
    }
    const id = both[0]!;
    const asMentee = candidates.map((c) => (c.id === id ? { ...c, capacity: 0 } : c));
    const asMentor = candidates.map((c) => (c.id === id ? { ...c, wantsMentor: false } : c));
    const menteeResult = matchMentors({ ...input, candidates: asMentee });
    const mentorResult = matchMentors({ ...input, candidates: asMentor });
    if (mentorResult.totalScore > menteeResult.totalScore) {
      candidates = asMentor;
      result = mentorResult;
      mentorOnly.add(id);
    } else {
      candidates = asMentee;
      result = menteeResult;
    }
  }
  const matched = new Set(result.proposals.map((p) => p.menteeId));
  return { ...result, mentoringThisRun: [...mentorOnly].filter((id) => !matched.has(id)).sort() };
}

/** Ids of people who are a mentor in one proposal and a mentee in another, sorted. */
function clashes(result: MatchResult): string[] {
  const mentees = new Set(result.proposals.map((p) => p.menteeId));
  return [...new Set(result.proposals.filter((p) => mentees.has(p.mentorId)).map((p) => p.mentorId))].sort();
}
