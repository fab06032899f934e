// `report` for managers: participation of the last four weeks (sent, answered, met per pair and per person),
// quiet pairs, paused members and failed deliveries. It reads participation only: no note, no rating.
import { DateTime } from 'luxon';
import type { HandlerContext } from '../context.ts';
import { context, header, message, section } from '../messages/build.ts';
import type { Message } from '../messages/model.ts';
import type { Pair } from '../model.ts';
import type { CheckinParticipation } from '../ports.ts';
import { CADENCE_DAYS, later } from './calendar.ts';

const WINDOW_DAYS = 28;
/** Lines per section: a Slack section holds 3,000 characters. */
const MAX_LINES = 25;

export interface PairParticipation {
  pair: Pair;
  sent: number;
  answered: number;
  met: number;
}

/** A check-in counts once it reached the member: sent, or answered after `checkin` showed it on demand. */
const reached = (r: CheckinParticipation) => r.sent || r.answeredAt !== null;

/** Per pair: check-ins that asked about it, how many of those were answered about it, how many said "We met". */
export function pairParticipation(pairs: readonly Pair[], rows: readonly CheckinParticipation[]): PairParticipation[] {
  return pairs.map((pair) => {
    const asked = rows.filter((r) => reached(r) && r.pairIds.includes(pair.id));
    const answered = asked.filter((r) => pair.id in r.outcomes);
    return { pair, sent: asked.length, answered: answered.length, met: answered.filter((r) => r.outcomes[pair.id] === 'met').length };
  });
}

/** Per person: check-ins that reached them and how many they answered. */
export function personParticipation(rows: readonly CheckinParticipation[]): Map<string, { sent: number; answered: number }> {
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
  const name = (id: string) => nameOf.get(id) ?? '?';
  const kind = (pair: Pair) => ctx.t.checkins.pairKinds[pair.kind];

  const blocks = [header(t.title), context(t.intro)];
  const pairLines = pairParticipation(pairs, rows).map((p) => t.pairLine(name(p.pair.mentorId), name(p.pair.menteeId), kind(p.pair), p.sent, p.answered, p.met));
  blocks.push(section(`*${t.pairsHeading}*\n${pairLines.length > 0 ? capped(ctx, pairLines) : t.noPairs}`));

  if (pairs.length > 0) {
    const activityOf = new Map(activity.map((a) => [a.pairId, a]));
    const quiet = pairs.flatMap((pair) => {
      const a = activityOf.get(pair.id);
      const anchor = later(a?.activatedAt ?? pair.createdAt, a?.lastMetAt ?? null) ?? pair.createdAt;
      const days = Math.floor(ctx.now.diff(DateTime.fromISO(anchor), 'days').days);
      return days > CADENCE_DAYS[pair.cadence] ? [t.quietLine(name(pair.mentorId), name(pair.menteeId), days)] : [];
    });
    blocks.push(section(`*${t.quietHeading}*\n${quiet.length > 0 ? capped(ctx, quiet) : t.noQuiet}`));
  }

  const people = [...personParticipation(rows)].map(([id, p]) => ({ name: name(id), ...p })).sort((a, b) => a.name.localeCompare(b.name));
  const personLines = people.map((p) => t.personLine(p.name, p.answered, p.sent));
  blocks.push(section(`*${t.peopleHeading}*\n${personLines.length > 0 ? capped(ctx, personLines) : t.noPeople}`));

  const paused = states.filter((s) => s.pausedAt !== null && nameOf.has(s.memberId)).map((s) => name(s.memberId));
  if (paused.length > 0) blocks.push(context(t.paused(paused)));
  const failedRecently = failed.filter((d) => DateTime.fromISO(d.createdAt) >= since).length;
  if (failedRecently > 0) blocks.push(section(t.failed(failedRecently)));
  return [message(blocks)];
}

function capped(ctx: HandlerContext, lines: string[]): string {
  if (lines.length <= MAX_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_LINES), ctx.t.checkins.report.more(lines.length - MAX_LINES)].join('\n');
}
