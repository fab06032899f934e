// Who is told about a member: the one rule for which leaders hear about something a member did, needs or
// cannot do (docs/architecture.md, "Who is told"). Time off, Need help, a mentor request and the staff
// refusal all ask it, each with its own options.
import type { HandlerContext } from '../context.ts';
import type { Member } from '../model.ts';
import { canBeContacted, todayFor } from './availability.ts';

export interface AudienceOptions {
  /** Leaders who must not be told (e.g. the member's partner in a pair). The member is never told. */
  exclude?: readonly (string | null)[];
  /** Whether a leader may be told now; inactive leaders never are. */
  reachable?: (leader: Member) => boolean;
  /**
   * 'first' (the default): only the first of the member's own manager, the admins and the other managers
   * who can be told. 'manager-and-admins': the member's own manager together with the admins.
   */
  reach?: 'first' | 'manager-and-admins';
  /** When no admin can be told: the other managers (true), or nobody (false, the default). */
  fallBackToManagers?: boolean;
  /** At most this many, in the order above. */
  limit?: number;
}

/**
 * In order: the member's own manager (when there is none, or they are the member, excluded or cannot
 * be told, the manager's own manager stands in); then the practice's admins; then, only with
 * `fallBackToManagers` and when no admin can be told, the other managers. `leaders` are the
 * workspace's managers and admins, in the order they are listed.
 */
export function audienceFor(member: Member, leaders: readonly Member[], opts: AudienceOptions = {}): Member[] {
  const excluded = new Set([member.id, ...(opts.exclude ?? [])]);
  const reachable = opts.reachable ?? (() => true);
  const eligible = leaders.filter((m) => m.active && !excluded.has(m.id) && reachable(m));
  const manager = ownManager(member, leaders, eligible);
  const rest = eligible.filter((m) => m.id !== manager?.id);
  const admins = rest.filter((m) => m.role === 'admin');
  const beyond = admins.length > 0 ? admins : opts.fallBackToManagers ? rest : [];
  const together = opts.reach === 'manager-and-admins';
  const told = manager ? [manager, ...(together ? beyond : [])] : beyond;
  return opts.limit === undefined ? told : told.slice(0, opts.limit);
}

/** The member's own manager when they can be told, else the manager's own manager when they can. */
function ownManager(member: Member, leaders: readonly Member[], eligible: readonly Member[]): Member | undefined {
  const own = eligible.find((m) => m.id === member.managerId);
  if (own) return own;
  const managersManager = member.managerId ? leaders.find((m) => m.id === member.managerId)?.managerId : null;
  return eligible.find((m) => m.id === managersManager);
}

/** The workspace's active managers and admins, the `leaders` audienceFor picks from. */
export function leadersOf(ctx: HandlerContext): Promise<Member[]> {
  return ctx.deps.repos.members.listByRole(ctx.workspace.id, ['manager', 'admin']);
}

/**
 * Who may be told today: not opted out, snoozed or away, in their own today. Everyone's today lies within
 * a day of the practice's and of the member's; the time off read spans two days either side of the practice's.
 */
export async function reachableToday(ctx: HandlerContext): Promise<(leader: Member) => boolean> {
  const local = ctx.now.setZone(ctx.workspace.timeZone);
  const timeOff = await ctx.deps.repos.timeOff.listOverlapping(
    ctx.workspace.id,
    local.minus({ days: 2 }).toISODate() ?? '',
    local.plus({ days: 2 }).toISODate() ?? '',
  );
  return (leader) => canBeContacted(leader, todayFor(leader, ctx.now, ctx.workspace.timeZone), timeOff);
}
