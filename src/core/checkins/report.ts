// `report` for managers: participation of the last four weeks (weeks asked, answered by both, met per pair;
// answered per person), quiet pairs, paused members and failed deliveries. It reads participation only:
// no note, no rating.
import { DateTime } from 'luxon';
import type { HandlerContext } from '../context.ts';
import { context, header, message, section } from '../messages/build.ts';
import type { Message } from '../messages/model.ts';
import type { Pair, Workspace } from '../model.ts';
import type { CheckinParticipation, PairActivity } from './repository.ts';
import { workDayCheckinInstant } from '../settings/ports.ts';
import { CADENCE_DAYS, later, pairInWeek, zoneOf } from './calendar.ts';
import { isoWeekOf } from '../time/week.ts';

const WINDOW_DAYS = 28;

/** How far ahead `firstCheckin` looks for a week with a check-in day. */
const LOOKAHEAD_WEEKS = 8;

/** One pair's check-ins: a week counts once, however many of the two people were asked about the pair in it. */
export interface PairParticipation {
  pair: Pair;
  /** ISO weeks (`2026-W49`) in which the pair was asked about, oldest first. */
  weeks: string[];
  /** Weeks in which both people answered about the pair. */
  answeredByBoth: number;
  /** Weeks in which either of them answered "We met". */
  met: number;
}

/** A check-in counts once it reached the member: sent, or answered after `checkin` showed it on demand. */
const reached = (r: CheckinParticipation) => r.sent || r.answeredAt !== null;

/** Per pair, per week: whether it was asked about, whether both people answered about it, whether either said "We met". */
export function pairParticipation(pairs: readonly Pair[], rows: readonly CheckinParticipation[]): PairParticipation[] {
  return pairs.map((pair) => {
    const asked = rows.filter((r) => reached(r) && r.pairIds.includes(pair.id));
    const weeks = [...new Set(asked.map((r) => r.isoWeek))].sort();
    const inWeek = (week: string) => asked.filter((r) => r.isoWeek === week && pair.id in r.outcomes);
    const answeredByBoth = weeks.filter((week) => {
      const who = new Set(inWeek(week).map((r) => r.memberId));
      return who.has(pair.mentorId) && who.has(pair.menteeId);
    }).length;
    const met = weeks.filter((week) => inWeek(week).some((r) => r.outcomes[pair.id] === 'met')).length;
    return { pair, weeks, answeredByBoth, met };
  });
}

/** The Monday (ISO date) of an ISO week: how the report names a week. */
export function weekStart(isoWeek: string): string {
  return DateTime.fromISO(`${isoWeek}-1`).toISODate() ?? isoWeek;
}

/**
 * The local date (in `zone`) of the first regular check-in still ahead of `now` that will ask about a pair
 * activated at `activatedAt`; null when none falls in the next weeks (no work day in them).
 */
export function firstCheckin(workspace: Pick<Workspace, 'settings'>, zone: string, now: DateTime, activatedAt: string | null): string | null {
  for (let i = 0; i <= LOOKAHEAD_WEEKS; i++) {
    const week = isoWeekOf(now.plus({ weeks: i }), zone);
    const at = workDayCheckinInstant(workspace.settings, zone, week);
    if (at === null || at.toMillis() < now.toMillis() || !pairInWeek(workspace.settings, zone, week, activatedAt)) continue;
    return at.setZone(zone).toISODate();
  }
  return null;
}

/** Per person: check-ins that reached them and how many they answered. */
function personParticipation(rows: readonly CheckinParticipation[]): Map<string, { sent: number; answered: number }> {
  const byMember = new Map<string, { sent: number; answered: number }>();
  for (const r of rows) {
    if (!reached(r)) continue;
    const entry = byMember.get(r.memberId) ?? { sent: 0, answered: 0 };
    entry.sent += 1;
    if (r.answeredAt !== null) entry.answered += 1;
    byMember.set(r.memberId, entry);
  }
  return byMember;
}

export async function showReport(ctx: HandlerContext): Promise<Message[]> {
  const t = ctx.t.checkins.report;
  const { repos } = ctx.deps;
  const workspaceId = ctx.workspace.id;
  const since = ctx.now.minus({ days: WINDOW_DAYS });
  const [members, pairs, rows, activity, states, failed] = await Promise.all([
    repos.members.list(workspaceId, { includeInactive: true }),
    repos.pairs.listByStatus(workspaceId, ['active']),
    repos.checkins.participationSince(workspaceId, since.toUTC().toISO() ?? ''),
    repos.checkins.pairActivity(workspaceId),
    repos.checkins.memberStates(workspaceId),
    repos.deliveries.list(workspaceId, { status: 'failed' }),
  ]);
  const nameOf = new Map(members.map((m) => [m.id, m.displayName]));
  const memberOf = new Map(members.map((m) => [m.id, m]));
  const name = (id: string) => nameOf.get(id) ?? '?';
  const kind = (pair: Pair) => ctx.t.checkins.pairKinds[pair.kind];

  const activityOf = new Map(activity.map((a) => [a.pairId, a]));

  const blocks = [header(t.title), context(t.intro)];
  const pairLines = pairParticipation(pairs, rows).map((p) => {
    const names = [name(p.pair.mentorId), name(p.pair.menteeId), kind(p.pair)] as const;
    if (p.weeks.length > 0) return t.pairLine(...names, p.weeks.map(weekStart), p.answeredByBoth, p.met);
    const zone = zoneOf(memberOf.get(p.pair.menteeId) ?? { timeZone: ctx.workspace.timeZone }, ctx.workspace);
    return t.pairLineNone(...names, firstCheckin(ctx.workspace, zone, ctx.now, activityOf.get(p.pair.id)?.activatedAt ?? null));
  });
  blocks.push(section(`**${t.pairsHeading}**\n${pairLines.length > 0 ? pairLines.join('\n') : t.noPairs}`));

  if (pairs.length > 0) {
    const quiet = pairs.flatMap((pair) => {
      const q = quietness(pair, activityOf.get(pair.id), ctx.now);
      return q.days > CADENCE_DAYS[pair.cadence] ? [t.quietLine(name(pair.mentorId), name(pair.menteeId), q.days, q.sinceMet)] : [];
    });
    blocks.push(section(`**${t.quietHeading}**\n${quiet.length > 0 ? quiet.join('\n') : t.noQuiet}`));
  }

  const people = [...personParticipation(rows)].map(([id, p]) => ({ name: name(id), ...p })).sort((a, b) => a.name.localeCompare(b.name));
  const personLines = people.map((p) => t.personLine(p.name, p.answered, p.sent));
  blocks.push(section(`**${t.peopleHeading}**\n${personLines.length > 0 ? personLines.join('\n') : t.noPeople}`));

  const paused = states.filter((s) => s.pausedAt !== null && nameOf.has(s.memberId)).map((s) => name(s.memberId));
  if (paused.length > 0) blocks.push(context(t.paused(paused)));
  const failedRecently = failed.filter((d) => DateTime.fromISO(d.createdAt) >= since).length;
  if (failedRecently > 0) blocks.push(section(t.failed(failedRecently)));
  return [message(blocks)];
}

/** Days since the pair last met, or since it started when it has not met yet. */
function quietness(pair: Pair, a: PairActivity | undefined, now: DateTime): { days: number; sinceMet: boolean } {
  const started = a?.activatedAt ?? pair.createdAt;
  const anchor = later(started, a?.lastMetAt ?? null) ?? started;
  const sinceMet = a?.lastMetAt != null && anchor === a.lastMetAt;
  return { days: Math.floor(now.diff(DateTime.fromISO(anchor), 'days').days), sinceMet };
}
