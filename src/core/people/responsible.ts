// Who answers for a member: the one rule for which leader hears about something a member did or needs.
import type { Member } from '../model.ts';

export interface ResponsibleOptions {
  /** Leaders who must not be told (e.g. the member's partner in a pair). The member is never told. */
  exclude?: readonly (string | null)[];
  /** Whether a leader may be told now; inactive leaders never are. */
  reachable?: (leader: Member) => boolean;
  /** When nobody above the member and no admin can be told: every other manager (true), or nobody (false). */
  fallBackToManagers?: boolean;
}

/**
 * The member's own manager; when there is none, or they are the member, excluded or cannot be told:
 * the manager's own manager; else the practice's admins; else, only with `fallBackToManagers`, the
 * other managers. `leaders` are the workspace's managers and admins.
 */
export function responsibleFor(member: Member, leaders: readonly Member[], opts: ResponsibleOptions = {}): Member[] {
  const excluded = new Set([member.id, ...(opts.exclude ?? [])]);
  const reachable = opts.reachable ?? (() => true);
  const eligible = leaders.filter((m) => m.active && !excluded.has(m.id) && reachable(m));
  const byId = new Map(leaders.map((m) => [m.id, m]));
  const own = eligible.find((m) => m.id === member.managerId);
  if (own) return [own];
  const managersManager = member.managerId ? byId.get(member.managerId)?.managerId : null;
  const above = eligible.find((m) => m.id === managersManager);
  if (above) return [above];
  const admins = eligible.filter((m) => m.role === 'admin');
  if (admins.length > 0) return admins;
  return opts.fallBackToManagers ? eligible : [];
}
