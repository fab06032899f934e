// The people feature's part of the home view: whether Rounds is paused for the member, and, for managers, how many people there are.
import type { HandlerContext } from '../context.ts';
import type { HomeSection } from '../feature.ts';

function statusLine(ctx: HandlerContext, today: string): string | null {
  const { member } = ctx;
  if (member.optedOut) return ctx.t.home.statusOptedOut;
  if (member.snoozedUntil && member.snoozedUntil > today) return ctx.t.home.statusSnoozed(member.snoozedUntil);
  return null;
}

export const peopleHome: readonly HomeSection[] = [
  { place: 'status', rank: 10, line: statusLine },
  {
    place: 'manager',
    rank: 10,
    fields: async (ctx) => [{ label: ctx.t.home.managerFields.members, value: String((await ctx.deps.repos.members.list(ctx.workspace.id)).length) }],
  },
];
