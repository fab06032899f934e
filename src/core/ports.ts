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
} from './model.js';
import type { Message } from './messages/model.js';

/** CSV reading and writing (a library outside the core does the work). */
export interface CsvCodec {
  /** Rows of cells; throws CsvFormatError with a line number when the text is not valid CSV. */
  parse(text: string): string[][];
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

export interface ChatPlatform {
  readonly platform: Platform;
  /** Sends a message. `key` is the delivery's idempotency key, kept with the message where the platform allows. */
  send(workspace: Workspace, to: Recipient, message: Message, key: string): Promise<SentMessage>;
  update(workspace: Workspace, sent: SentMessage, message: Message): Promise<void>;
  /** Finds a message sent earlier under `key`, for deliveries whose outcome is in doubt. */
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

export interface NewDelivery {
  workspaceId: string;
  key: string;
  kind: string;
  memberIds: string[];
  conversation: 'dm' | 'group';
  message: Message;
}

export interface DeliveryRepo {
  /** Records a delivery as pending under its unique `key`; false when the key was already recorded. */
  record(input: NewDelivery, at: string): Promise<boolean>;
  get(key: string): Promise<Delivery | null>;
  /** Notes that a send is about to start; after it, the outcome is in doubt until markSent or markAttemptFailed. */
  markSending(key: string, at: string): Promise<void>;
  markSent(key: string, platformMessageId: string, at: string): Promise<void>;
  /** The attempt failed and nothing was sent; the delivery stays pending for a retry. */
  markAttemptFailed(key: string, error: string): Promise<void>;
  /** No more attempts: failed, visible to operators and managers. */
  markFailed(key: string, error: string): Promise<void>;
  /** Pending deliveries recorded at or before `before`, oldest first, across workspaces. */
  listPending(before: string, limit: number): Promise<Delivery[]>;
  list(workspaceId: string, opts?: { status?: Delivery['status'] }): Promise<Delivery[]>;
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
  upsert(workspaceId: string, entries: DirectoryEntry[], at: string): Promise<void>;
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
  /** Runs `fn` in one transaction: all of its writes land, or none do (e.g. a CSV import). */
  withTransaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
