// The mentoring feature's part of the home view: the member's live pairs, and, for managers, how many pairs are active or proposed.
import type { HandlerContext } from '../context.ts';
import type { HomeSection } from '../feature.ts';
import { section } from '../messages/build.ts';
import type { Block } from '../messages/model.ts';
import type { Pair } from '../model.ts';

function pairLine(ctx: HandlerContext, pair: Pair, nameOf: Map<string, string>): string {
  const mentor = pair.mentorId === ctx.member.id;
  const other = nameOf.get(mentor ? pair.menteeId : pair.mentorId) ?? '?';
  return ctx.t.home.pairLine(mentor ? 'mentor' : 'mentee', other, pair.status);
}

async function pairs(ctx: HandlerContext): Promise<Block[]> {
  const { repos } = ctx.deps;
  const [mine, members] = await Promise.all([repos.pairs.listForMember(ctx.workspace.id, ctx.member.id), repos.members.list(ctx.workspace.id)]);
  const nameOf = new Map(members.map((m) => [m.id, m.displayName]));
  const live = mine.filter((p) => p.status !== 'declined' && p.status !== 'completed');
  const lines = live.map((p) => `• ${pairLine(ctx, p, nameOf)}`);
  return [section(`**${ctx.t.home.pairsHeading}**\n${lines.length ? lines.join('\n') : ctx.t.home.pairsNone}`)];
}

async function pairCounts(ctx: HandlerContext) {
  const open = await ctx.deps.repos.pairs.listByStatus(ctx.workspace.id, ['active', 'proposed']);
  const f = ctx.t.home.managerFields;
  return [
    { label: f.activePairs, value: String(open.filter((p) => p.status === 'active').length) },
    { label: f.proposedPairs, value: String(open.filter((p) => p.status === 'proposed').length) },
  ];
}

export const mentoringHome: readonly HomeSection[] = [
  { place: 'member', rank: 20, blocks: (ctx) => pairs(ctx) },
  { place: 'manager', rank: 20, fields: pairCounts },
];
