// The mentoring feature's storage: profiles, pairs, and the records beside them (db/repositories/profiles.ts, pairs.ts, mentoring.ts).
import type { MentoringProfile, Pair, PairStatus } from '../model.ts';
import type { Ineligibility, Proposal, UnmatchedWhy } from './match-types.ts';

export interface ProfileRepo {
  get(workspaceId: string, memberId: string): Promise<MentoringProfile | null>;
  list(workspaceId: string): Promise<MentoringProfile[]>;
  upsert(workspaceId: string, profile: MentoringProfile): Promise<void>;
}

export interface PairRepo {
  get(workspaceId: string, id: string): Promise<Pair | null>;
  listForMember(workspaceId: string, memberId: string): Promise<Pair[]>;
  listByStatus(workspaceId: string, statuses: PairStatus[]): Promise<Pair[]>;
  create(input: Omit<Pair, 'id' | 'createdAt' | 'updatedAt'>, at: string): Promise<Pair>;
  update(
    workspaceId: string,
    id: string,
    patch: Partial<Pick<Pair, 'status' | 'mentorAccepted' | 'menteeAccepted' | 'focus' | 'reason' | 'cadence'>>,
    at: string,
  ): Promise<Pair>;
}

/** Mentoring's records beside the pairs: matching runs and their proposals, approvals, reflections (db/repositories/mentoring.ts). */
export type ProposalStatus = 'pending' | 'approved' | 'skipped' | 'stale';

/** Why someone who wanted a mentor got none in a run: the engine's reasons, or the one-intro-a-week rule (introduced this week, or a mentor in this run). */
export interface RunUnmatched {
  menteeId: string;
  why: UnmatchedWhy | 'introduced_this_week' | 'mentoring_this_run';
  blockers?: Ineligibility[];
}

export interface MatchRun {
  id: string;
  workspaceId: string;
  /** The manager who ran it. */
  memberId: string;
  preview: boolean;
  unmatched: RunUnmatched[];
  createdAt: string;
}

/** A proposal as stored with its run: what matching proposed, and what became of it. */
export interface MatchProposal extends Proposal {
  id: string;
  workspaceId: string;
  runId: string;
  /** Order in the run's list, from 0. */
  position: number;
  status: ProposalStatus;
  /** The pair an approval created. */
  pairId: string | null;
}

export type NewProposal = Pick<MatchProposal, 'position' | 'mentorId' | 'menteeId' | 'kind' | 'score' | 'topics' | 'reason'>;

/** Where a pair came from and who approved it. */
export interface PairApproval {
  pairId: string;
  workspaceId: string;
  source: 'match' | 'pair';
  approvedBy: string | null;
  createdAt: string;
}

export interface PairReflection {
  pairId: string;
  memberId: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface MentoringRepo {
  /** Records a run and its proposals; pending proposals of the workspace's earlier runs become stale. */
  createRun(run: Omit<MatchRun, 'id'>, proposals: NewProposal[]): Promise<{ run: MatchRun; proposals: MatchProposal[] }>;
  getRun(workspaceId: string, id: string): Promise<MatchRun | null>;
  /** In list order. */
  listProposals(workspaceId: string, runId: string): Promise<MatchProposal[]>;
  getProposal(workspaceId: string, id: string): Promise<MatchProposal | null>;
  /** pending → `status`, once: false when it was not pending any more (pressed twice, or by two managers at once). */
  decideProposal(workspaceId: string, id: string, status: Exclude<ProposalStatus, 'pending'>, by: string, at: string): Promise<boolean>;
  linkProposal(workspaceId: string, id: string, pairId: string): Promise<void>;
  recordApproval(approval: PairApproval): Promise<void>;
  getApproval(workspaceId: string, pairId: string): Promise<PairApproval | null>;
  /** Everyone in a pair that `match` introduced at or after `since` (ISO instant). */
  matchIntroducedSince(workspaceId: string, since: string): Promise<string[]>;
  /**
   * One side answers a proposed pair, in one statement: an accept from both makes it active, a decline
   * declines it. Null when the pair is not proposed any more.
   */
  answerIntro(workspaceId: string, pairId: string, side: 'mentor' | 'mentee', accept: boolean, at: string): Promise<Pair | null>;
  /** Moves a pair from one of `from` to `to` in one statement; null when it was in none of them. */
  movePair(workspaceId: string, pairId: string, from: PairStatus[], to: PairStatus, at: string): Promise<Pair | null>;
  saveReflection(workspaceId: string, reflection: { pairId: string; memberId: string; text: string }, at: string): Promise<void>;
  /** Only ever read for its author. */
  getReflection(workspaceId: string, pairId: string, memberId: string): Promise<PairReflection | null>;
}
