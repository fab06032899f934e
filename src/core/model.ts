// The core's domain types: what a workspace, a member, a skill, a pair and a delivery are.
// Dates without a time are ISO `yyyy-MM-dd` strings; instants are ISO strings in UTC.

export type Platform = 'slack' | 'teams' | 'local';
export type Role = 'staff' | 'manager' | 'admin';
export type Cadence = 'weekly' | 'biweekly' | 'monthly';
export type SkillLevel = 'learning' | 'trained' | 'expert';
export type PairKind = 'mentoring' | 'reverse' | 'buddy' | 'cross_training';
export type PairStatus = 'proposed' | 'active' | 'paused' | 'completed' | 'declined';
export type DayPart = 'full' | 'morning' | 'afternoon';
export type Locale = 'en' | 'es';

export const ROLES: readonly Role[] = ['staff', 'manager', 'admin'];
export const CADENCES: readonly Cadence[] = ['weekly', 'biweekly', 'monthly'];
export const SKILL_LEVELS: readonly SkillLevel[] = ['learning', 'trained', 'expert'];
export const PAIR_KINDS: readonly PairKind[] = ['mentoring', 'reverse', 'buddy', 'cross_training'];

export interface WorkspaceSettings {
  /** ISO weekday numbers, 1 = Monday … 7 = Sunday. */
  workDays: number[];
  /** Practice holidays, `yyyy-MM-dd`. */
  holidays: string[];
  /** The holidays' names by date; a date missing here has no name. */
  holidayNames: Record<string, string>;
  /**
   * True once the list was filled in or edited. Until then (and while `holidays` is empty) the US federal
   * holidays apply: see `holidaysAreSet` in settings/calendar.ts.
   */
  holidaysSet: boolean;
  checkinDay: number;
  /** Local time `HH:mm`. */
  checkinTime: string;
  cadence: Cadence;
  /** Unsolicited messages a member may get in one week (docs/architecture.md, Rules 10). */
  attentionBudget: number;
  /** How many colleagues a new hire is introduced to. */
  introCount: number;
}

export interface Workspace {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
  timeZone: string;
  locale: Locale;
  settings: WorkspaceSettings;
}

export interface Member {
  id: string;
  workspaceId: string;
  externalId: string;
  displayName: string;
  role: Role;
  title: string;
  team: string;
  managerId: string | null;
  timeZone: string;
  locale: Locale;
  email: string | null;
  startDate: string | null;
  active: boolean;
  snoozedUntil: string | null;
  optedOut: boolean;
}

export interface Task {
  id: string;
  workspaceId: string;
  key: string;
  name: string;
}

export interface MemberSkill {
  memberId: string;
  taskId: string;
  level: SkillLevel;
  ownJob: boolean;
}

export interface TimeOff {
  id: string;
  workspaceId: string;
  memberId: string;
  startDate: string;
  endDate: string;
  part: DayPart;
  note: string | null;
}

export interface MentoringProfile {
  memberId: string;
  teaches: string[];
  learns: string[];
  goals: string;
  capacity: number;
  cadence: Cadence;
  optedIn: boolean;
  /** The topic of the last `mentor request` (stored like a topic of `learns`); matching looks for it first. */
  requested?: string | null;
}

export interface Pair {
  id: string;
  workspaceId: string;
  mentorId: string;
  menteeId: string;
  kind: PairKind;
  status: PairStatus;
  cadence: Cadence;
  focus: string | null;
  reason: string | null;
  mentorAccepted: boolean;
  menteeAccepted: boolean;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface Delivery {
  id: string;
  workspaceId: string;
  key: string;
  kind: string;
  memberIds: string[];
  conversation: 'dm' | 'group';
  /** The neutral message to send (kept in Postgres so a Redis flush loses nothing). */
  message: unknown;
  status: DeliveryStatus;
  platformMessageId: string | null;
  attempts: number;
  /** Set when a send started and its outcome is not known yet. */
  sendingAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** A person as the chat platform's directory knows them. */
export interface DirectoryUser {
  externalId: string;
  displayName: string;
  title?: string;
  team?: string;
  timeZone?: string;
  locale?: Locale;
  email?: string | null;
  isAdmin?: boolean;
  /** External id of their manager, where the directory knows it. */
  managerExternalId?: string | null;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  workDays: [1, 2, 3, 4, 5],
  holidays: [],
  holidayNames: {},
  holidaysSet: false,
  checkinDay: 1,
  checkinTime: '09:00',
  cadence: 'biweekly',
  attentionBudget: 3,
  introCount: 10,
};
