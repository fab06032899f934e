// The check-ins feature's storage (db/repositories/checkins.ts).
import type { Delivery } from '../model.ts';

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
