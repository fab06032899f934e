// What check-in touchpoints are due at `now`, given what the record holds: check-ins, pause notices, reminders
// and nudges, then the weekly attention budget. Pure: tick.ts reads the record and acts on the plan.
import type { DateTime } from 'luxon';
import type { Member, Pair, TimeOff, Workspace } from '../model.ts';
import type { CheckinMemberState, CheckinStatus } from './repository.ts';
import type { DeliveryTrace } from '../deliveries/repository.ts';
import { shouldPause } from './attention.ts';
import { takeFromBudget, weekCounts } from '../deliveries/attention.ts';
import { deliveryKey } from '../deliveries/kinds.ts';
import { checkinDueNow, later, pairInWeek, quietPeriod, reachableNow, reminderDueNow } from './calendar.ts';
import { isoWeekOf } from '../time/week.ts';

/** What the tick knows of a workspace at `now`. */
export interface Snapshot {
  workspace: Workspace;
  now: DateTime;
  /** Active members, by id. */
  members: Map<string, Member>;
  /** The zone of every member in a pair. */
  zones: Map<string, string>;
  /** Active pairs whose both members are active. */
  pairs: Pair[];
  activatedAt: Map<string, string | null>;
  lastMetAt: Map<string, string | null>;
  /** Each member's check-in of their current ISO week, if one exists. */
  checkinOf: Map<string, CheckinStatus>;
  states: Map<string, CheckinMemberState>;
  timeOff: TimeOff[];
  /** Keys of nudges and pause notices recorded lately. */
  recordedKeys: Set<string>;
}

export type Candidate =
  | { type: 'checkin'; member: Member; isoWeek: string; pairs: Pair[] }
  | { type: 'pause'; member: Member; isoWeek: string }
  | { type: 'reminder'; member: Member; checkin: CheckinStatus }
  | { type: 'nudge'; pair: Pair; period: string; since: string };

export function pauseKey(memberId: string, isoWeek: string): string {
  return deliveryKey('checkin_paused', memberId, isoWeek);
}

export function nudgeKey(pairId: string, period: string): string {
  return deliveryKey('nudge', pairId, period);
}

export function pairsOf(pairs: readonly Pair[]): Map<string, Pair[]> {
  const byMember = new Map<string, Pair[]>();
  for (const pair of pairs) {
    for (const id of [pair.mentorId, pair.menteeId]) byMember.set(id, [...(byMember.get(id) ?? []), pair]);
  }
  return byMember;
}

/** Members due for this week's check-in (or, paused, for the notice of it not yet recorded). */
export function checkinCandidates(s: Snapshot): Candidate[] {
  const { settings } = s.workspace;
  const out: Candidate[] = [];
  for (const [memberId, pairs] of pairsOf(s.pairs)) {
    const member = s.members.get(memberId);
    const zone = s.zones.get(memberId);
    if (!member || !zone) continue;
    const isoWeek = isoWeekOf(s.now, zone);
    const state = s.states.get(memberId);
    if (state?.pausedAt) {
      // The notice of a pause is retried within its week until it is recorded.
      if (state.pausedWeek === isoWeek && !s.recordedKeys.has(pauseKey(memberId, isoWeek)) && reachableNow(settings, member, zone, s.now, s.timeOff)) {
        out.push({ type: 'pause', member, isoWeek });
      }
      continue;
    }
    const existing = s.checkinOf.get(memberId);
    if (existing && (existing.delivery !== null || existing.answeredAt !== null)) continue;
    const inWeek = pairs.filter((p) => pairInWeek(settings, zone, isoWeek, s.activatedAt.get(p.id) ?? null));
    if (inWeek.length === 0 || !checkinDueNow(settings, member, zone, s.now, s.timeOff)) continue;
    out.push({ type: 'checkin', member, isoWeek, pairs: inWeek });
  }
  return out;
}

/** Check-ins sent and still unanswered whose one reminder is due. */
export function reminderCandidates(s: Snapshot): Candidate[] {
  const out: Candidate[] = [];
  for (const checkin of s.checkinOf.values()) {
    const member = s.members.get(checkin.memberId);
    const zone = s.zones.get(checkin.memberId);
    const sentAt = checkin.delivery?.status === 'sent' ? checkin.delivery.sentAt : null;
    if (!member || !zone || !sentAt || checkin.answeredAt !== null || checkin.reminder !== null) continue;
    if (s.states.get(member.id)?.pausedAt) continue;
    if (reminderDueNow(s.workspace.settings, member, zone, s.now, s.timeOff, { isoWeek: checkin.isoWeek, sentAt })) {
      out.push({ type: 'reminder', member, checkin });
    }
  }
  return out;
}

/** Pairs quiet for a cadence or more, not nudged in this cadence period, with both people at work now. */
export function nudgeCandidates(s: Snapshot): Candidate[] {
  const out: Candidate[] = [];
  for (const pair of s.pairs) {
    const since = later(s.activatedAt.get(pair.id) ?? pair.createdAt, s.lastMetAt.get(pair.id) ?? null) ?? pair.createdAt;
    const period = quietPeriod(pair.cadence, since, s.now);
    if (!period || s.recordedKeys.has(nudgeKey(pair.id, period))) continue;
    const reachable = [pair.mentorId, pair.menteeId].every((id) => {
      const member = s.members.get(id);
      const zone = s.zones.get(id);
      return member && zone && !s.states.get(id)?.pausedAt && reachableNow(s.workspace.settings, member, zone, s.now, s.timeOff);
    });
    if (reachable) out.push({ type: 'nudge', pair, period, since });
  }
  return out;
}

/**
 * A check-in becomes a pause (and its notice) when the member's latest three check-ins went unanswered;
 * a nudge to someone paused now is dropped with it.
 */
export function withPauses(candidates: readonly Candidate[], recentOf: (memberId: string) => readonly { answeredAt: string | null }[]): Candidate[] {
  const planned = candidates.map((c): Candidate => (c.type === 'checkin' && shouldPause(recentOf(c.member.id)) ? { type: 'pause', member: c.member, isoWeek: c.isoWeek } : c));
  const paused = new Set(planned.flatMap((c) => (c.type === 'pause' ? [c.member.id] : [])));
  return planned.filter((c) => c.type !== 'nudge' || !recipientsOf(c).some((id) => paused.has(id)));
}

export function recipientsOf(c: Candidate): string[] {
  return c.type === 'nudge' ? [c.pair.mentorId, c.pair.menteeId] : [c.member.id];
}

const PRIORITY: Record<Candidate['type'], number> = { checkin: 0, pause: 0, reminder: 1, nudge: 2 };

/**
 * What fits each member's weekly attention budget, check-ins (and pause notices) first, then reminders,
 * then nudges. What does not fit is left for a later tick.
 */
export function withinBudget(s: Snapshot, candidates: readonly Candidate[], traces: readonly DeliveryTrace[]): Candidate[] {
  const counts = weekCounts(traces, (id) => s.zones.get(id), s.now);
  const sorted = [...candidates].sort((a, b) => PRIORITY[a.type] - PRIORITY[b.type]);
  return sorted.filter((c) => takeFromBudget(counts, recipientsOf(c), s.workspace.settings.attentionBudget));
}
