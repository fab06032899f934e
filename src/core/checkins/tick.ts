// The check-ins' touchpoint rule of the scheduler tick: reads the record, plans with plan.ts, returns the deliveries due.
//
// In order of priority within each member's weekly attention budget: the check-in (or, after three
// unanswered, the pause notice), then its reminder, then nudges. What does not fit waits for a later
// tick; a reminder or nudge whose day passes is skipped. Every item has a deterministic key, so two
// ticks at once (two workers) record each delivery once.
import { DateTime } from 'luxon';
import type { BotDeps } from '../context.ts';
import { catalogFor } from '../messages/catalog.ts';
import type { Member, Pair } from '../model.ts';
import type { CheckinStatus } from './repository.ts';
import type { OutboxItem } from '../infrastructure.ts';
import type { TickInput, TouchpointRule, WakeupRule } from '../schedule.ts';
import { UNANSWERED_TO_PAUSE } from './attention.ts';
import { recentDeliveries } from '../deliveries/attention.ts';
import type { DeliveryKind } from '../deliveries/kinds.ts';
import { later, wakeupsBetween, zoneOf } from './calendar.ts';
import { checkinMessage, nudgeMessage, pauseNotice, starterFor } from './messages.ts';
import {
  type Candidate,
  checkinCandidates,
  nudgeCandidates,
  nudgeKey,
  pairsOf,
  pauseKey,
  recipientsOf,
  reminderCandidates,
  type Snapshot,
  withinBudget,
  withPauses,
} from './plan.ts';
import { isoWeekOf } from '../time/week.ts';

const CHECKIN_KIND = 'checkin' satisfies DeliveryKind;
const REMINDER_KIND = 'checkin_reminder' satisfies DeliveryKind;
const PAUSED_KIND = 'checkin_paused' satisfies DeliveryKind;
const NUDGE_KIND = 'nudge' satisfies DeliveryKind;

const DAY_MS = 24 * 3600 * 1000;
const PREPARE_AT_ONCE = 20;

export const checkinTouchpoints: TouchpointRule = async (deps, input) => {
  const snapshot = await readSnapshot(deps, input);
  if (!snapshot) return [];
  const due = [...checkinCandidates(snapshot), ...reminderCandidates(snapshot), ...nudgeCandidates(snapshot)];
  if (due.length === 0) return [];
  const planned = await pauseWhereUnanswered(deps, snapshot, due);
  const traces = await recentDeliveries(deps.repos.deliveries, snapshot.workspace.id, planned.flatMap(recipientsOf), snapshot.now);
  const accepted = withinBudget(snapshot, planned, traces);
  const items: OutboxItem[] = [];
  // A few at a time: a large practice's Monday morning is thousands of check-ins.
  for (let i = 0; i < accepted.length; i += PREPARE_AT_ONCE) {
    const prepared = await Promise.all(
      accepted.slice(i, i + PREPARE_AT_ONCE).map((candidate) =>
        toItem(deps, snapshot, candidate).catch((err: unknown) => {
          // One member's trouble (e.g. a row removed meanwhile) never stops the others' touchpoints.
          deps.logger.error({ err, workspaceId: snapshot.workspace.id, type: candidate.type }, 'could not prepare a check-in touchpoint');
          return null;
        }),
      ),
    );
    items.push(...prepared.filter((item): item is OutboxItem => item !== null));
  }
  return items;
};

/** When check-ins, reminders, pause notices and nudges can become due in (from, to], for the active pairs. */
export const checkinWakeups: WakeupRule = async (deps, { workspace, members, from, to }) => {
  const active = new Map(members.filter((m) => m.active).map((m) => [m.id, m]));
  const pairs = (await deps.repos.pairs.listByStatus(workspace.id, ['active'])).filter((p) => active.has(p.mentorId) && active.has(p.menteeId));
  if (pairs.length === 0) return [];
  const activity = new Map((await deps.repos.checkins.pairActivity(workspace.id)).map((a) => [a.pairId, a]));
  const zones = [...pairsOf(pairs).keys()].map((id) => zoneOf(active.get(id) as Member, workspace));
  const since = pairs.map((p) => ({
    cadence: p.cadence,
    since: later(activity.get(p.id)?.activatedAt ?? p.createdAt, activity.get(p.id)?.lastMetAt ?? null) ?? p.createdAt,
  }));
  return wakeupsBetween(workspace.settings, zones, since, from, to);
};

async function readSnapshot(deps: BotDeps, { workspace, members, now }: TickInput): Promise<Snapshot | null> {
  const { repos } = deps;
  const active = new Map(members.filter((m) => m.active).map((m) => [m.id, m]));
  const pairs = (await repos.pairs.listByStatus(workspace.id, ['active'])).filter((p) => active.has(p.mentorId) && active.has(p.menteeId));
  if (pairs.length === 0) return null;
  const zones = new Map([...pairsOf(pairs).keys()].map((id) => [id, zoneOf(active.get(id) as Member, workspace)]));
  const weeks = [...new Set([...zones.values()].map((zone) => isoWeekOf(now, zone)))];
  const [activity, checkins, states, timeOff, nudgeKeys, pauseKeys] = await Promise.all([
    repos.checkins.pairActivity(workspace.id),
    repos.checkins.listForWeeks(workspace.id, weeks),
    repos.checkins.memberStates(workspace.id),
    repos.timeOff.listOverlapping(workspace.id, now.minus({ days: 1 }).toISODate() ?? '', now.plus({ days: 1 }).toISODate() ?? ''),
    // A nudge's period lasts at most a month; a pause notice belongs to one week.
    repos.deliveries.keysOfKind(workspace.id, NUDGE_KIND, iso(now.minus({ days: 62 }))),
    repos.deliveries.keysOfKind(workspace.id, PAUSED_KIND, iso(now.minus({ days: 8 }))),
  ]);
  const checkinOf = new Map<string, CheckinStatus>();
  for (const c of checkins) if (isoWeekOf(now, zones.get(c.memberId) ?? 'UTC') === c.isoWeek) checkinOf.set(c.memberId, c);
  return {
    workspace,
    now,
    members: active,
    zones,
    pairs,
    activatedAt: new Map(activity.map((a) => [a.pairId, a.activatedAt])),
    lastMetAt: new Map(activity.map((a) => [a.pairId, a.lastMetAt])),
    checkinOf,
    states: new Map(states.map((s) => [s.memberId, s])),
    timeOff,
    recordedKeys: new Set([...nudgeKeys, ...pauseKeys]),
  };
}

/** Reads the check-in candidates' latest check-ins; those with three unanswered are paused (the notice follows). */
async function pauseWhereUnanswered(deps: BotDeps, s: Snapshot, candidates: Candidate[]): Promise<Candidate[]> {
  const asked = candidates.flatMap((c) => (c.type === 'checkin' ? [c.member.id] : []));
  if (asked.length === 0) return candidates;
  const recent = await deps.repos.checkins.recentSent(s.workspace.id, asked, UNANSWERED_TO_PAUSE);
  const byMember = new Map<string, CheckinStatus[]>();
  for (const c of recent) byMember.set(c.memberId, [...(byMember.get(c.memberId) ?? []), c]);
  const planned = withPauses(candidates, (id) => byMember.get(id) ?? []);
  for (const c of planned) {
    // A pause planned now (not the retried notice of an earlier one).
    if (c.type !== 'pause' || candidates.includes(c)) continue;
    await deps.repos.checkins.pause(s.workspace.id, c.member.id, c.isoWeek, iso(s.now));
    deps.logger.info({ workspaceId: s.workspace.id, memberId: c.member.id }, 'check-ins paused after three unanswered');
  }
  return planned;
}

async function toItem(deps: BotDeps, s: Snapshot, c: Candidate): Promise<OutboxItem> {
  const workspaceId = s.workspace.id;
  const nameOf = (id: string) => s.members.get(id)?.displayName ?? '?';
  switch (c.type) {
    case 'checkin': {
      const checkin = await deps.repos.checkins.ensure({ workspaceId, memberId: c.member.id, isoWeek: c.isoWeek, pairIds: c.pairs.map((p) => p.id) }, iso(s.now));
      const message = checkinMessage(catalogFor(c.member.locale), { member: c.member, checkin, pairs: pairsIn(s, checkin.pairIds, c.pairs), nameOf });
      return { workspaceId, key: checkin.deliveryKey, kind: CHECKIN_KIND, memberIds: [c.member.id], conversation: 'dm', message };
    }
    case 'reminder': {
      const message = checkinMessage(catalogFor(c.member.locale), {
        member: c.member,
        checkin: c.checkin,
        pairs: pairsIn(s, c.checkin.pairIds, pairsOf(s.pairs).get(c.member.id) ?? []),
        nameOf,
        reminder: true,
      });
      return { workspaceId, key: c.checkin.reminderKey, kind: REMINDER_KIND, memberIds: [c.member.id], conversation: 'dm', message };
    }
    case 'pause':
      return { workspaceId, key: pauseKey(c.member.id, c.isoWeek), kind: PAUSED_KIND, memberIds: [c.member.id], conversation: 'dm', message: pauseNotice(catalogFor(c.member.locale), c.member) };
    case 'nudge': {
      const t = catalogFor(s.members.get(c.pair.mentorId)?.locale ?? s.workspace.locale);
      const quietDays = Math.floor((s.now.toMillis() - DateTime.fromISO(c.since).toMillis()) / DAY_MS);
      const key = nudgeKey(c.pair.id, c.period);
      const message = nudgeMessage(t, [nameOf(c.pair.mentorId), nameOf(c.pair.menteeId)], quietDays, starterFor(t, key));
      return { workspaceId, key, kind: NUDGE_KIND, memberIds: [c.pair.mentorId, c.pair.menteeId], conversation: 'group', message };
    }
  }
}

/** The check-in's pairs that are still active, in its order; `fallback` when none is left. */
function pairsIn(s: Snapshot, ids: readonly string[], fallback: Pair[]): Pair[] {
  const byId = new Map(s.pairs.map((p) => [p.id, p]));
  const pairs = ids.flatMap((id) => byId.get(id) ?? []);
  return pairs.length > 0 ? pairs : fallback;
}

function iso(at: DateTime): string {
  return at.toUTC().toISO() ?? '';
}
