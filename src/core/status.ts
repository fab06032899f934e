// "Is it working?": the figures an admin (the `status` command), /readyz and /metrics all show, from one place.
import { userText } from './messages/user-text.ts';
import { DateTime } from 'luxon';
import type { Catalog } from './messages/catalog.ts';
import { header, message, section } from './messages/build.ts';
import type { Message } from './messages/model.ts';
import type { Repositories } from './repositories.ts';

/** What only the running process knows: the platforms it is connected to, and when the scheduler last ticked. */
export interface SystemInfo {
  platforms: readonly string[];
  lastTickAt(): Promise<string | null>;
}

export interface StatusFigures {
  platforms: string[];
  lastTickAt: string | null;
  lastTickSecondsAgo: number | null;
  deliveriesPending: number;
  deliveriesFailed7d: number;
  /** Failed deliveries of the last 7 days by reason (their last error), most frequent first. */
  failureReasons: { reason: string; count: number }[];
  unreachable: { name: string; reason: string }[];
}

const WEEK_DAYS = 7;

/** The figures over the given workspaces (one practice for the command, all of them for the probes). */
export async function statusFigures(
  deps: { repos: Repositories; system?: SystemInfo },
  workspaceIds: readonly string[],
  now: DateTime,
): Promise<StatusFigures> {
  const since = now.minus({ days: WEEK_DAYS }).toMillis();
  let pending = 0;
  const failedRecent: { reason: string; memberIds: string[] }[] = [];
  const unreachable: { name: string; reason: string }[] = [];
  for (const workspaceId of workspaceIds) {
    const [waiting, failed, members] = await Promise.all([
      deps.repos.deliveries.list(workspaceId, { status: 'pending' }),
      deps.repos.deliveries.list(workspaceId, { status: 'failed' }),
      deps.repos.members.list(workspaceId),
    ]);
    pending += waiting.length;
    const recent = failed
      .filter((d) => DateTime.fromISO(d.createdAt).toMillis() >= since)
      .map((d) => ({ reason: (d.lastError ?? 'unknown').replace(/\s+/g, ' ').slice(0, 200), memberIds: d.memberIds }));
    failedRecent.push(...recent);
    const today = now.toISODate() ?? '';
    for (const member of members) {
      const failure = recent.find((d) => d.memberIds.includes(member.id));
      if (member.optedOut) unreachable.push({ name: member.displayName, reason: 'opted out' });
      else if (member.snoozedUntil && member.snoozedUntil >= today) unreachable.push({ name: member.displayName, reason: `snoozed until ${member.snoozedUntil}` });
      else if (failure) unreachable.push({ name: member.displayName, reason: `a message could not be delivered: ${failure.reason}` });
    }
  }
  const counts = new Map<string, number>();
  for (const f of failedRecent) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
  const lastTickAt = (await deps.system?.lastTickAt()) ?? null;
  return {
    platforms: [...(deps.system?.platforms ?? [])],
    lastTickAt,
    lastTickSecondsAgo: lastTickAt ? Math.max(0, Math.round((now.toMillis() - DateTime.fromISO(lastTickAt).toMillis()) / 1000)) : null,
    deliveriesPending: pending,
    deliveriesFailed7d: failedRecent.length,
    failureReasons: [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    unreachable,
  };
}

/** The answer to `status`. */
export function statusMessage(t: Catalog, figures: StatusFigures): Message {
  const s = t.status;
  const lines = [
    s.platforms(figures.platforms),
    figures.lastTickSecondsAgo === null ? s.neverTicked : s.lastTick(figures.lastTickSecondsAgo),
    s.deliveries(figures.deliveriesPending, figures.deliveriesFailed7d),
    ...figures.failureReasons.map((f) => `• ${s.failure(f.reason, f.count)}`),
    figures.unreachable.length === 0 ? s.everyoneReachable : s.unreachableHeading(figures.unreachable.length),
    ...figures.unreachable.map((u) => `• ${userText(u.name)}: ${u.reason}`),
  ];
  return message([header(s.title), section(lines.join('\n'))]);
}
