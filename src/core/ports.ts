// The ports the core needs from the outside world: chat platforms, storage, the outbox, time and logs.
// Adapters, db/ and jobs/ implement them; the core only ever sees these interfaces.
import type { DateTime } from 'luxon';
import type {
  Delivery,
  DirectoryUser,
  Member,
  MemberSkill,
  MentoringProfile,
  Pair,
  PairStatus,
  Platform,
  Role,
  Task,
  TimeOff,
  Workspace,
  WorkspaceSettings,
} from './model.ts';
import type { Message } from './messages/model.ts';
import type { Ineligibility, MatchKind, ReasonParts, UnmatchedWhy } from './mentoring/match-types.ts';

/**
 * CSV reading and writing (a library outside the core does the work). Cells a spreadsheet would run as formulas
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) are written with a leading `'` and read back without
 * it, so an exported file imported again changes nothing.
 */
/** One record of a CSV text: its cells, and the line it starts on (1-based, as a spreadsheet numbers rows). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvCodec {
  /** Rows of cells; throws CsvFormatError with a line number when the text is not valid CSV. */
  parse(text: string): string[][];
  /** The same rows with the line each starts on (blank lines skipped, a quoted cell may span lines). */
  records(text: string): CsvRecord[];
  stringify(rows: string[][]): string;
}

export interface Clock {
  /** The current instant, in UTC. */
  now(): DateTime;
}

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Where a message goes: a member's DM, or a group conversation of several members. */
export type Recipient =
  | { kind: 'dm'; member: Member }
  | { kind: 'group'; members: Member[] };

export interface SentMessage {
  /** The platform's id for the message, used to update it later. */
  messageId: string;
  conversationId: string;
}

/**
 * What a platform can do beyond sending a DM. Callers ask these rather than assume them: a method whose
 * capability is false is never called.
 */
export interface PlatformCapabilities {
  /** `findSent`: a message can be found again by its delivery key, so a send whose answer was lost is reconciled, not repeated. */
  readonly findSent: boolean;
  /** A message can go to a conversation of several members (a `group` recipient). */
  readonly groupConversations: boolean;
  /** A reply can be shown to one member only in a conversation others read. */
  readonly privateReplies: boolean;
  /** `update`: a sent message can be changed in place (e.g. an answered message loses its buttons). */
  readonly updateMessages: boolean;
}

export interface ChatPlatform {
  readonly platform: Platform;
  readonly capabilities: PlatformCapabilities;
  /** Sends a message. `key` is the delivery's idempotency key, kept with the message where the platform allows. */
  send(workspace: Workspace, to: Recipient, message: Message, key: string): Promise<SentMessage>;
  /** Changes a sent message in place; only with `capabilities.updateMessages`. */
  update(workspace: Workspace, sent: SentMessage, message: Message): Promise<void>;
  /** Finds a message sent earlier under `key`, for deliveries whose outcome is in doubt; only with `capabilities.findSent`. */
  findSent(workspace: Workspace, to: Recipient, key: string): Promise<SentMessage | null>;
  /** Everyone the platform's directory lists for the workspace (bots and deleted users excluded). */
  listDirectory(workspace: Workspace): Promise<DirectoryUser[]>;
}

export interface OutboxItem {
  workspaceId: string;
  /** Deterministic idempotency key: kind + subject + period. */
  key: string;
  kind: string;
  memberIds: string[];
  conversation: 'dm' | 'group';
  message: Message;
}

/** Every message the bot sends on its own goes through here. */
export interface Outbox {
  enqueue(item: OutboxItem): Promise<void>;
}

export interface WorkspaceRepo {
  get(id: string): Promise<Workspace | null>;
  findByExternal(platform: Platform, externalId: string): Promise<Workspace | null>;
  create(input: Omit<Workspace, 'id'>): Promise<Workspace>;
  updateSettings(id: string, settings: WorkspaceSettings, timeZone?: string): Promise<Workspace>;
  listIds(): Promise<string[]>;
}

export type NewMember = Omit<Member, 'id'>;
export type MemberPatch = Partial<Omit<Member, 'id' | 'workspaceId' | 'externalId'>>;

export interface MemberRepo {
  get(workspaceId: string, id: string): Promise<Member | null>;
  findByExternal(workspaceId: string, externalId: string): Promise<Member | null>;
  list(workspaceId: string, opts?: { includeInactive?: boolean }): Promise<Member[]>;
  listByRole(workspaceId: string, roles: Role[]): Promise<Member[]>;
  create(input: NewMember): Promise<Member>;
  update(workspaceId: string, id: string, patch: MemberPatch): Promise<Member>;
}

export interface TaskRepo {
  list(workspaceId: string): Promise<Task[]>;
  /** Creates missing tasks by key; returns all of them. */
  ensure(workspaceId: string, tasks: { key: string; name: string }[]): Promise<Task[]>;
  remove(workspaceId: string, taskId: string): Promise<void>;
}

export interface SkillRepo {
  listForMember(workspaceId: string, memberId: string): Promise<MemberSkill[]>;
  listForWorkspace(workspaceId: string): Promise<MemberSkill[]>;
  upsert(workspaceId: string, skill: MemberSkill): Promise<void>;
  remove(workspaceId: string, memberId: string, taskId: string): Promise<void>;
}

export interface TimeOffRepo {
  add(input: Omit<TimeOff, 'id'>): Promise<TimeOff>;
  /** Time off of the member that ends on or after `fromDate`. */
  listForMember(workspaceId: string, memberId: string, fromDate: string): Promise<TimeOff[]>;
  /** Time off of anyone in the workspace overlapping [startDate, endDate]. */
  listOverlapping(workspaceId: string, startDate: string, endDate: string): Promise<TimeOff[]>;
  remove(workspaceId: string, id: string): Promise<void>;
}

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

export interface DeliveryRepo {
  /** Records a delivery as pending under its unique `key`; false when the key was already recorded. */
  record(input: OutboxItem, at: string): Promise<boolean>;
  get(key: string): Promise<Delivery | null>;
  /**
   * Notes that a send is about to start; after it, the outcome is in doubt until markSent or markAttemptFailed.
   * With `expectedSendingAt` (the `sendingAt` read before), it starts only if no other attempt started
   * meanwhile, and answers false otherwise: two workers never both start a send.
   */
  markSending(key: string, at: string, expectedSendingAt?: string | null): Promise<boolean>;
  markSent(key: string, platformMessageId: string, at: string): Promise<void>;
  /**
   * The attempt failed and the delivery stays pending for a retry. Nothing was sent, or, `inDoubt`, it may
   * have been (a 5xx, a lost answer): then `sendingAt` stays, and the next attempt looks for the message first.
   */
  markAttemptFailed(key: string, error: string, opts?: { inDoubt?: boolean }): Promise<void>;
  /** No more attempts: failed, visible to operators and managers. */
  markFailed(key: string, error: string): Promise<void>;
  /** Pending deliveries recorded at or before `before`, oldest first, across workspaces. */
  listPending(before: string, limit: number): Promise<Delivery[]>;
  /** The workspace's deliveries, oldest first; `keyPrefix` keeps those whose key starts with it (e.g. one subject's). */
  list(workspaceId: string, opts?: { status?: Delivery['status']; keyPrefix?: string }): Promise<Delivery[]>;
  /** Deliveries to any of `memberIds` recorded at or after `since`, failed ones left out: what the attention budget counts. */
  deliveriesTo(workspaceId: string, memberIds: string[], since: string): Promise<DeliveryTrace[]>;
  /** Keys of the workspace's deliveries of `kind` recorded at or after `since`. */
  keysOfKind(workspaceId: string, kind: string, since: string): Promise<string[]>;
}

/** A recorded delivery as the weekly attention budget counts it. */
export interface DeliveryTrace {
  key: string;
  kind: string;
  memberIds: string[];
  createdAt: string;
}

/** A platform installation (e.g. a Slack workspace that installed Rounds), stored encrypted by the adapter. */
export interface InstallationRecord {
  platform: Platform;
  /** The team id, or the enterprise id for an org-wide install. */
  key: string;
  /** The whole installation, encrypted; the core never sees a token. */
  ciphertext: string;
}

export interface InstallationRepo {
  save(record: InstallationRecord): Promise<void>;
  find(platform: Platform, key: string): Promise<InstallationRecord | null>;
  remove(platform: Platform, key: string): Promise<void>;
}

/** Something a manager previewed (e.g. a pasted roster CSV), waiting for Apply; expires after a day. */
export interface PendingImport {
  id: string;
  workspaceId: string;
  /** Who asked for the preview. */
  memberId: string;
  kind: string;
  /** Read with a zod schema by the feature that wrote it. */
  payload: unknown;
  createdAt: string;
}

export interface PendingImportRepo {
  create(input: Omit<PendingImport, 'id'>): Promise<PendingImport>;
  get(workspaceId: string, id: string): Promise<PendingImport | null>;
  /** Deletes and returns it: of two concurrent takes, one gets the import and the other null. */
  take(workspaceId: string, id: string): Promise<PendingImport | null>;
  /** Deletes the workspace's pending imports created before `before`; returns how many. */
  removeOlderThan(workspaceId: string, before: string): Promise<number>;
}

/** What the platform directory listed for one person at the last sync (see people/directory-sync.ts). */
export interface DirectoryEntry {
  externalId: string;
  /** Listed by the last sync. */
  present: boolean;
  /** The directory's values at the last sync in which they were listed. */
  snapshot: DirectoryUser;
}

export interface DirectoryEntryRepo {
  list(workspaceId: string): Promise<DirectoryEntry[]>;
  find(workspaceId: string, externalId: string): Promise<DirectoryEntry | null>;
  upsert(workspaceId: string, entries: DirectoryEntry[], at: string): Promise<void>;
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

export interface MatchProposal {
  id: string;
  workspaceId: string;
  runId: string;
  /** Order in the run's list, from 0. */
  position: number;
  mentorId: string;
  menteeId: string;
  kind: MatchKind;
  score: number;
  topics: string[];
  reason: ReasonParts;
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

/** Check-ins (src/core/checkins): one per member per ISO week of their zone, answered per pair (db/repositories/checkins.ts). */
export type CheckinOutcome = 'met' | 'not_yet' | 'need_help';

export interface Checkin {
  id: string;
  workspaceId: string;
  memberId: string;
  /** `2026-W48`, in the member's own zone. */
  isoWeek: string;
  /** The pairs it asks about, a row each. */
  pairIds: string[];
  deliveryKey: string;
  reminderKey: string;
  createdAt: string;
  /** The first answer; null while unanswered. */
  answeredAt: string | null;
}

/** What became of a delivery: null when none was recorded. */
export type DeliveryState = { status: Delivery['status']; sentAt: string | null } | null;

export interface CheckinStatus extends Checkin {
  delivery: DeliveryState;
  reminder: DeliveryState;
}

/** One member's answer about one pair. `note` and `rating` are private: read for their author only. */
export interface CheckinAnswer {
  checkinId: string;
  pairId: string;
  memberId: string;
  outcome: CheckinOutcome | null;
  rating: number | null;
  note: string | null;
  answeredAt: string;
  helpRequestedAt: string | null;
}

/** What a report may know of a check-in: whether it was sent and answered, and the outcome per pair. Never a note or rating. */
export interface CheckinParticipation {
  checkinId: string;
  memberId: string;
  isoWeek: string;
  pairIds: string[];
  sent: boolean;
  answeredAt: string | null;
  /** Pairs answered about: the outcome, or null when only a note was left. */
  outcomes: Record<string, CheckinOutcome | null>;
}

export interface CheckinMemberState {
  memberId: string;
  pausedAt: string | null;
  /** The week the pause notice belongs to. */
  pausedWeek: string | null;
  resumedAt: string | null;
}

/** When a pair last became active, and when either side last said "We met". */
export interface PairActivity {
  pairId: string;
  activatedAt: string | null;
  lastMetAt: string | null;
}

export interface CheckinRepo {
  /** The member's check-in of `isoWeek`, created if missing; `pairIds` replaces the stored ones while it is unanswered. */
  ensure(input: { workspaceId: string; memberId: string; isoWeek: string; pairIds: string[] }, at: string): Promise<Checkin>;
  get(workspaceId: string, id: string): Promise<Checkin | null>;
  findForWeek(workspaceId: string, memberId: string, isoWeek: string): Promise<Checkin | null>;
  /** Every check-in of these weeks in the workspace, with its delivery's and its reminder's state. */
  listForWeeks(workspaceId: string, isoWeeks: string[]): Promise<CheckinStatus[]>;
  /** Each member's latest `perMember` check-ins that reached them (sent, or answered on demand) since they last resumed, newest first. */
  recentSent(workspaceId: string, memberIds: string[], perMember: number): Promise<CheckinStatus[]>;
  /** Records or updates the answer (pressing twice updates, never duplicates); fields left undefined keep their value. */
  saveAnswer(
    input: {
      workspaceId: string;
      checkinId: string;
      pairId: string;
      memberId: string;
      outcome?: CheckinOutcome;
      rating?: number | null;
      note?: string | null;
    },
    at: string,
  ): Promise<CheckinAnswer>;
  listAnswers(workspaceId: string, checkinId: string): Promise<CheckinAnswer[]>;
  /** Notes that the member asked for the managers' help; false when they had already. */
  markHelpRequested(workspaceId: string, checkinId: string, pairId: string, at: string): Promise<boolean>;
  /** Check-ins created at or after `since`, as participation only. */
  participationSince(workspaceId: string, since: string): Promise<CheckinParticipation[]>;
  pairActivity(workspaceId: string): Promise<PairActivity[]>;
  memberStates(workspaceId: string): Promise<CheckinMemberState[]>;
  pause(workspaceId: string, memberId: string, isoWeek: string, at: string): Promise<void>;
  /** False when the member was not paused. */
  resume(workspaceId: string, memberId: string, at: string): Promise<boolean>;
}

/** The local adapter's clock offset of a workspace, kept across restarts. */
export interface ClockRepo {
  getOffsetMs(workspaceId: string): Promise<number>;
  setOffsetMs(workspaceId: string, ms: number): Promise<void>;
}

export interface Repositories {
  workspaces: WorkspaceRepo;
  members: MemberRepo;
  tasks: TaskRepo;
  skills: SkillRepo;
  timeOff: TimeOffRepo;
  profiles: ProfileRepo;
  pairs: PairRepo;
  deliveries: DeliveryRepo;
  clock: ClockRepo;
  pendingImports: PendingImportRepo;
  directory: DirectoryEntryRepo;
  installations: InstallationRepo;
  checkins: CheckinRepo;
  mentoring: MentoringRepo;
  /** Runs `fn` in one transaction: all of its writes land, or none do (e.g. a CSV import). */
  withTransaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
