// The coverage feature's part of the home view: the member's skills and time off, and, for managers, the tasks too few people cover.
import type { HandlerContext } from '../context.ts';
import type { HomeSection } from '../feature.ts';
import { section } from '../messages/build.ts';
import type { Block } from '../messages/model.ts';

const LEVEL_ORDER = { expert: 0, trained: 1, learning: 2 } as const;

async function skillsAndTimeOff(ctx: HandlerContext, today: string): Promise<Block[]> {
  const { repos } = ctx.deps;
  const { t, member, workspace } = ctx;
  const [tasks, skills, timeOff] = await Promise.all([
    repos.tasks.list(workspace.id),
    repos.skills.listForMember(workspace.id, member.id),
    repos.timeOff.listForMember(workspace.id, member.id, today),
  ]);
  const taskName = new Map(tasks.map((task) => [task.id, task.name]));
  const skillLines = [...skills]
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
    .map((s) => `• ${taskName.get(s.taskId) ?? '?'} — ${t.home.level[s.level]}`);
  const offLines = timeOff.map((o) => `• ${o.startDate === o.endDate ? o.startDate : `${o.startDate} – ${o.endDate}`}`);
  return [
    section(`**${t.home.skillsHeading}**\n${skillLines.length ? skillLines.join('\n') : t.home.skillsNone}`),
    section(`**${t.home.timeOffHeading}**\n${offLines.length ? offLines.join('\n') : t.home.timeOffNone}`),
  ];
}

/** Tasks fewer than two people can do (trained or expert). */
async function gapCount(ctx: HandlerContext): Promise<number> {
  const { repos } = ctx.deps;
  const [skills, tasks] = await Promise.all([repos.skills.listForWorkspace(ctx.workspace.id), repos.tasks.list(ctx.workspace.id)]);
  const covering = new Map<string, number>();
  for (const s of skills) if (s.level !== 'learning') covering.set(s.taskId, (covering.get(s.taskId) ?? 0) + 1);
  return tasks.filter((task) => (covering.get(task.id) ?? 0) < 2).length;
}

export const coverageHome: readonly HomeSection[] = [
  { place: 'member', rank: 10, blocks: skillsAndTimeOff },
  { place: 'manager', rank: 40, fields: async (ctx) => [{ label: ctx.t.home.managerFields.gaps, value: String(await gapCount(ctx)) }] },
];
