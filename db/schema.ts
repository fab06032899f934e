// The Kysely view of the database: one interface per table, as the columns are read and written.
// Conventions the repositories rely on: `date` columns travel as `yyyy-MM-dd` strings (db/client.ts
// installs the parsers), `timestamptz` comes back as a Date and is written as an ISO string, and
// jsonb is written as a JSON string and read as `unknown`, so every read goes through a zod schema.
import type { ColumnType, Generated } from 'kysely';
import type {
  Cadence,
  DayPart,
  DeliveryStatus,
  Locale,
  PairKind,
  PairStatus,
  Platform,
  Role,
  SkillLevel,
} from '../src/core/model.ts';

/** A `timestamptz` the caller always supplies. */
export type Timestamp = ColumnType<Date, string, string>;
/** A `timestamptz` with a database default, kept for bookkeeping only (nothing is scheduled by it). */
export type DefaultTimestamp = ColumnType<Date, string | undefined, string>;
/** A nullable `timestamptz`, null until something happens. */
export type NullableTimestamp = ColumnType<Date | null, string | null | undefined, string | null>;
/** A jsonb column: written as JSON text, read back as whatever the driver parsed. */
export type Json = ColumnType<unknown, string, string>;
/** A jsonb column with a database default. */
export type DefaultJson = ColumnType<unknown, string | undefined, string>;

export interface WorkspacesTable {
  id: string;
  platform: Platform;
  external_id: string;
  name: string;
  time_zone: string;
  locale: Locale;
  settings: DefaultJson;
  created_at: DefaultTimestamp;
}

export interface MembersTable {
  id: string;
  workspace_id: string;
  external_id: string;
  display_name: string;
  role: Role;
  title: Generated<string>;
  team: Generated<string>;
  manager_id: string | null;
  time_zone: string;
  locale: Locale;
  email: string | null;
  start_date: string | null;
  active: Generated<boolean>;
  snoozed_until: string | null;
  opted_out: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface TasksTable {
  id: string;
  workspace_id: string;
  key: string;
  name: string;
}

export interface MemberSkillsTable {
  workspace_id: string;
  member_id: string;
  task_id: string;
  level: SkillLevel;
  own_job: Generated<boolean>;
}

export interface TimeOffTable {
  id: string;
  workspace_id: string;
  member_id: string;
  start_date: string;
  end_date: string;
  part: Generated<DayPart>;
  note: string | null;
  created_at: DefaultTimestamp;
}

export interface MentoringProfilesTable {
  workspace_id: string;
  member_id: string;
  teaches: DefaultJson;
  learns: DefaultJson;
  goals: Generated<string>;
  capacity: Generated<number>;
  cadence: Generated<Cadence>;
  opted_in: Generated<boolean>;
  requested_topic: string | null;
  updated_at: DefaultTimestamp;
}

export interface PairsTable {
  id: string;
  workspace_id: string;
  mentor_id: string;
  mentee_id: string;
  kind: PairKind;
  status: PairStatus;
  cadence: Cadence;
  focus: string | null;
  reason: string | null;
  mentor_accepted: Generated<boolean>;
  mentee_accepted: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeliveriesTable {
  id: string;
  workspace_id: string;
  key: string;
  kind: string;
  member_ids: Json;
  conversation: 'dm' | 'group';
  message: Json;
  status: Generated<DeliveryStatus>;
  platform_message_id: string | null;
  attempts: Generated<number>;
  sending_at: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface ProcessedEventsTable {
  platform: string;
  event_id: string;
  received_at: DefaultTimestamp;
}

export interface InstallationsTable {
  platform: string;
  key: string;
  ciphertext: string;
  updated_at: Timestamp;
}

export interface PendingImportsTable {
  id: string;
  workspace_id: string;
  member_id: string;
  kind: string;
  payload: Json;
  created_at: Timestamp;
}

export interface DirectoryEntriesTable {
  workspace_id: string;
  external_id: string;
  present: boolean;
  snapshot: DefaultJson;
  updated_at: Timestamp;
}

export interface LocalClockTable {
  workspace_id: string;
  /** int8, parsed to a JS number by db/client.ts. */
  offset_ms: number;
}

export interface LocalMessagesTable {
  id: string;
  seq: Generated<number>;
  workspace_id: string;
  key: string;
  conversation: 'dm' | 'group';
  member_ids: Json;
  message: Json;
  created_at: Timestamp;
  updated_at: NullableTimestamp;
}

/** Mentoring (migration 0007): matching runs, their proposals, who approved each pair, private reflections. */
export interface MatchRunsTable {
  id: string;
  workspace_id: string;
  member_id: string;
  preview: boolean;
  unmatched: DefaultJson;
  created_at: Timestamp;
}

export interface MatchProposalsTable {
  id: string;
  workspace_id: string;
  run_id: string;
  position: number;
  mentor_id: string;
  mentee_id: string;
  kind: 'mentoring' | 'reverse';
  score: number;
  topics: DefaultJson;
  reason: Json;
  status: Generated<'pending' | 'approved' | 'skipped' | 'stale'>;
  pair_id: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
}

export interface PairApprovalsTable {
  pair_id: string;
  workspace_id: string;
  source: 'match' | 'pair';
  approved_by: string | null;
  created_at: Timestamp;
}

export interface PairReflectionsTable {
  pair_id: string;
  member_id: string;
  workspace_id: string;
  text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Check-ins (migration 0008): one per member per ISO week, answers per pair, paused members, pair activation. */
export interface CheckinsTable {
  id: string;
  workspace_id: string;
  member_id: string;
  iso_week: string;
  pair_ids: DefaultJson;
  delivery_key: string;
  reminder_key: string;
  created_at: Timestamp;
  answered_at: NullableTimestamp;
}

export interface CheckinAnswersTable {
  checkin_id: string;
  pair_id: string;
  workspace_id: string;
  member_id: string;
  outcome: 'met' | 'not_yet' | 'need_help' | null;
  rating: number | null;
  note: string | null;
  answered_at: Timestamp;
  help_requested_at: NullableTimestamp;
}

export interface CheckinMembersTable {
  member_id: string;
  workspace_id: string;
  paused_at: NullableTimestamp;
  paused_week: string | null;
  resumed_at: NullableTimestamp;
}

export interface PairActivityTable {
  pair_id: string;
  workspace_id: string;
  activated_at: Timestamp;
}

/** A member's latest conversation reference (Teams), kept whole. */
export interface ConversationRefsTable {
  member_id: string;
  workspace_id: string;
  reference: Json;
  updated_at: Timestamp;
}

export interface DeploymentMetaTable {
  key: string;
  value: string;
}

export interface Database {
  workspaces: WorkspacesTable;
  members: MembersTable;
  tasks: TasksTable;
  member_skills: MemberSkillsTable;
  time_off: TimeOffTable;
  mentoring_profiles: MentoringProfilesTable;
  pairs: PairsTable;
  deliveries: DeliveriesTable;
  processed_events: ProcessedEventsTable;
  local_clock: LocalClockTable;
  installations: InstallationsTable;
  local_messages: LocalMessagesTable;
  pending_imports: PendingImportsTable;
  directory_entries: DirectoryEntriesTable;
  match_runs: MatchRunsTable;
  match_proposals: MatchProposalsTable;
  pair_approvals: PairApprovalsTable;
  pair_reflections: PairReflectionsTable;
  checkins: CheckinsTable;
  checkin_answers: CheckinAnswersTable;
  checkin_members: CheckinMembersTable;
  pair_activity: PairActivityTable;
  deployment_meta: DeploymentMetaTable;
  conversation_refs: ConversationRefsTable;
}
