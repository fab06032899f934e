// The member's home view (Slack App Home, a Teams tab later): what Rounds knows for them now.
import { type HandlerContext, isManager } from './context.ts';
import { context, divider, header, message, section } from './messages/build.ts';
import type { Message } from './messages/model.ts';
import type { Member, Pair } from './model.ts';

const LEVEL_ORDER = { expert: 0, trained: 1, learning: 2 } as const;

export async function buildHome(ctx: HandlerContext): Promise<Message[]> {
  const { repos } = ctx.deps;
  const { t, member, workspace } = ctx;
  const today = ctx.now.setZone(member.timeZone).toISODate() ?? '';
  const [tasks, skills, timeOff, pairs, members] = await Promise.all([
    repos.tasks.list(workspace.id),
    repos.skills.listForMember(workspace.id, member.id),
    repos.timeOff.listForMember(workspace.id, member.id, today),
    repos.pairs.listForMember(workspace.id, member.id),
    repos.members.list(workspace.id),
  ]);
  const taskName = new Map(tasks.map((task) => [task.id, task.name]));
  const nameOf = new Map(members.map((m) => [m.id, m.displayName]));

  const blocks = [header(t.home.title(member.displayName)), section(t.home.intro)];
  const status = statusLine(ctx, member, today);
  if (status) blocks.push(context(status));

  const skillLines = [...skills]
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
    .map((s) => `• ${taskName.get(s.taskId) ?? '?'} — ${t.home.level[s.level]}`);
  blocks.push(divider(), section(`**${t.home.skillsHeading}**\n${skillLines.length ? skillLines.join('\n') : t.home.skillsNone}`));

  const offLines = timeOff.map((o) => `• ${o.startDate === o.endDate ? o.startDate : `${o.startDate} – ${o.endDate}`}`);
  blocks.push(section(`**${t.home.timeOffHeading}**\n${offLines.length ? offLines.join('\n') : t.home.timeOffNone}`));

  const live = pairs.filter((p) => p.status !== 'declined' && p.status !== 'completed');
  const pairLines = live.map((p) => `• ${pairLine(ctx, p, nameOf)}`);
  blocks.push(section(`**${t.home.pairsHeading}**\n${pairLines.length ? pairLines.join('\n') : t.home.pairsNone}`));

  if (isManager(member)) blocks.push(divider(), ...(await programHealth(ctx, members.length)));
  blocks.push(context(t.home.helpHint));
  return [message(blocks)];
}

function statusLine(ctx: HandlerContext, member: Member, today: string): string | null {
  if (member.optedOut) return ctx.t.home.statusOptedOut;
  if (member.snoozedUntil && member.snoozedUntil > today) return ctx.t.home.statusSnoozed(member.snoozedUntil);
  return null;
}

function pairLine(ctx: HandlerContext, pair: Pair, nameOf: Map<string, string>): string {
  const mentor = pair.mentorId === ctx.member.id;
  const other = nameOf.get(mentor ? pair.menteeId : pair.mentorId) ?? '?';
  return ctx.t.home.pairLine(mentor ? 'mentor' : 'mentee', other, pair.status);
}

async function programHealth(ctx: HandlerContext, people: number) {
  const { repos } = ctx.deps;
  const [pairs, skills, tasks] = await Promise.all([
    repos.pairs.listByStatus(ctx.workspace.id, ['active', 'proposed']),
    repos.skills.listForWorkspace(ctx.workspace.id),
    repos.tasks.list(ctx.workspace.id),
  ]);
  const covering = new Map<string, number>();
  for (const s of skills) if (s.level !== 'learning') covering.set(s.taskId, (covering.get(s.taskId) ?? 0) + 1);
  const gaps = tasks.filter((task) => (covering.get(task.id) ?? 0) < 2).length;
  const f = ctx.t.home.managerFields;
  return [
    section(`**${ctx.t.home.managerHeading}**`, [
      { label: f.members, value: String(people) },
      { label: f.activePairs, value: String(pairs.filter((p) => p.status === 'active').length) },
      { label: f.proposedPairs, value: String(pairs.filter((p) => p.status === 'proposed').length) },
      { label: f.gaps, value: String(gaps) },
    ]),
  ];
}
