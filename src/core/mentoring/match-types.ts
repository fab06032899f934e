// The matching engine's vocabulary: who can be matched, what constrains a pair, and what the engine proposes.

/** Why someone cannot take part in a run; the caller works these out (snoozes, time off, opt-outs). */
export interface EligibilityFlags {
  optedIn: boolean;
  active: boolean;
  snoozed: boolean;
  /** Out of office for the period the run covers. */
  out: boolean;
}

export type Ineligibility = 'not_opted_in' | 'inactive' | 'snoozed' | 'out';

export interface MatchCandidate {
  id: string;
  displayName: string;
  team: string;
  title: string;
  /** Years at the practice (see `yearsAtPractice`); null when unknown, which earns no seniority bonus and no reverse kind. */
  seniorityYears: number | null;
  managerId: string | null;
  flags: EligibilityFlags;
  /** New mentees this person can take now: their capacity minus current active mentees. 0 = not mentoring. */
  capacity: number;
  /** Topic keys or names; compared case-insensitively, and task names count as their key. */
  teaches: readonly string[];
  /** Topics they teach at `expert` level (taught, even if missing from `teaches`). */
  expertIn?: readonly string[];
  learns: readonly string[];
  /** The topic they asked a mentor for with `mentor request`, among `learns`: looked for first. */
  requested?: string | null;
  goals: string;
  /** Wants a mentor in this run (has topics to learn and opted in, or asked explicitly). */
  wantsMentor: boolean;
}

/** A pair that ended or was declined at `endedOrDeclinedAt` (ISO instant); null while it is still going. */
export interface RecentPair {
  mentorId: string;
  menteeId: string;
  endedOrDeclinedAt: string | null;
}

export interface MatchWeights {
  /** Each topic the mentor teaches that the mentee wants to learn. Dominates the soft bonuses below. */
  topic: number;
  /** Each of those topics the mentor teaches at expert level. */
  expertTopic: number;
  /** On top of `topic`, when the shared topic is the one the mentee asked for (`requested`). */
  requestedTopic: number;
  /** Each word the two people's goals share, up to `goalWordsCap` words. */
  goalWord: number;
  goalWordsCap: number;
  /** Mentor and mentee on different teams (a fresh perspective). */
  differentTeam: number;
  /** Mentor more senior than the mentee by at least `seniorityGapYears`. */
  seniority: number;
}

export interface MatchOptions {
  /** Let people be matched with their own manager or direct report. Default false. */
  allowManagerPairs?: boolean;
  /** No pair repeats (either direction) within this many months of ending or being declined. Default 6. */
  repeatWindowMonths?: number;
  /** Seniority differences below this many years count as peers. Default 1. */
  seniorityGapYears?: number;
  weights?: Partial<MatchWeights>;
}

export interface TaskName {
  key: string;
  name: string;
}

export interface MatchInput {
  candidates: readonly MatchCandidate[];
  recentPairs: readonly RecentPair[];
  /** ISO instant the run happens at. */
  now: string;
  /** Practice tasks: lets `Prior authorizations` and `prior-auth` be one topic, and names topics in reasons. */
  tasks?: readonly TaskName[];
  options?: MatchOptions;
}

export type MatchKind = 'mentoring' | 'reverse';

/** Why a pair makes sense, as data: the message catalogue turns it into a sentence. */
export interface ReasonParts {
  mentorName: string;
  menteeName: string;
  /** Display names of the topics the mentor teaches and the mentee wants to learn. */
  topics: string[];
  /** Display names of those topics the mentor teaches at expert level. */
  expertTopics: string[];
  /** Words both people's goals mention. */
  goalWords: string[];
  differentTeam: boolean;
  mentorMoreSenior: boolean;
  /** The mentee is the more senior: reverse mentoring. */
  reverse: boolean;
}

export interface Proposal {
  mentorId: string;
  menteeId: string;
  kind: MatchKind;
  score: number;
  /** Canonical (lower-case) topic keys the pair shares. */
  topics: string[];
  reason: ReasonParts;
}

export type UnmatchedWhy =
  /** Not eligible this run; `blockers` says why. */
  | 'not_eligible'
  /** Wants a mentor but names nothing to learn. */
  | 'no_learning_topics'
  /** Nobody teaches any of the topics. */
  | 'no_teacher_for_topics'
  /** Everyone who teaches them is snoozed, out, inactive or opted out. */
  | 'teachers_unavailable'
  /** Everyone available who teaches them has no room: before this run, or filled by better-scoring pairs in it. */
  | 'mentors_at_capacity'
  /** The only available teachers are their own manager or direct reports. */
  | 'only_own_manager'
  /** The only available teachers were paired with them recently. */
  | 'recent_pair';

export interface Unmatched {
  menteeId: string;
  why: UnmatchedWhy;
  blockers?: Ineligibility[];
}

export interface MatchResult {
  proposals: Proposal[];
  unmatched: Unmatched[];
  totalScore: number;
  stats: { mentees: number; mentors: number; edges: number };
}

/** A rule matching never breaks; an explicit `pair` by a manager may, after confirming. */
export type HardConstraint =
  | 'self'
  | 'mentor_not_eligible'
  | 'mentee_not_eligible'
  | 'mentor_no_capacity'
  | 'mentor_manages_mentee'
  | 'mentee_manages_mentor'
  | 'recent_pair';

export interface PairAssessment {
  /** The pair's score, computed whether or not it is allowed; 0 when they share no topic. */
  score: number;
  /** Matching could propose this pair: it breaks no hard constraint and scores above 0. */
  allowed: boolean;
  breaks: HardConstraint[];
  kind: MatchKind;
  topics: string[];
  reason: ReasonParts;
}

/** What `scorePair` needs besides the two people. */
export interface PairContext {
  recentPairs: readonly RecentPair[];
  now: string;
  tasks?: readonly TaskName[];
  options?: MatchOptions;
}
