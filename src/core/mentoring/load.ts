// Reads what a matching run or a pair check needs from the repositories, in one go.
import type { HandlerContext } from '../context.ts';
import { ensureDefaultTasks } from '../coverage/ports.ts';
import type { PairStatus } from '../model.ts';
import type { Repositories } from '../repositories.ts';
import { INTRO_WINDOW_DAYS, type MatchData } from './candidates.ts';

const EVERY_STATUS: PairStatus[] = ['proposed', 'active', 'paused', 'completed', 'declined'];

export async function loadMatchData(ctx: HandlerContext, repos: Repositories = ctx.deps.repos): Promise<MatchData> {
  const ws = ctx.workspace.id;
  // Everyone's coming week lies within a day either side of the practice's.
  const local = ctx.now.setZone(ctx.workspace.timeZone);
  const [members, profiles, tasks, skills, pairs, timeOff, introduced] = await Promise.all([
    repos.members.list(ws),
    repos.profiles.list(ws),
    ensureDefaultTasks(repos, ws),
    repos.skills.listForWorkspace(ws),
    repos.pairs.listByStatus(ws, EVERY_STATUS),
    repos.timeOff.listOverlapping(ws, local.minus({ days: 1 }).toISODate() ?? '', local.plus({ days: 8 }).toISODate() ?? ''),
    repos.mentoring.matchIntroducedSince(ws, ctx.now.minus({ days: INTRO_WINDOW_DAYS }).toISO() ?? ''),
  ]);
  return {
    workspaceZone: ctx.workspace.timeZone,
    members: members.filter((m) => m.active),
    profiles,
    tasks,
    skills,
    pairs,
    timeOff,
    introducedThisWeek: new Set(introduced),
  };
}
