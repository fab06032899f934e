// The roster commands: show the roster, change a role, set a reporting line, deactivate someone who left.
import { userText } from '../messages/user-text.ts';
import type { Mention } from '../commands/types.ts';
import type { HandlerContext } from '../context.ts';
import { actions, button, message, section, textMessage } from '../messages/build.ts';
import type { Message } from '../messages/model.ts';
import type { Member } from '../model.ts';
import { deactivateMember, previewDeactivation, tellPartners } from './deactivate.ts';
import { loopThrough } from './hierarchy.ts';
import { resolveMention } from './mentions.ts';
import { tellRoleChanged } from './notify.ts';
import { applyPendingImport, discardPendingImport } from './roster-import.ts';
import { rosterPage } from './roster-view.ts';

const reply = (text: string): Message[] => [textMessage(text)];

async function memberOf(ctx: HandlerContext, mention: Mention): Promise<Member | Message[]> {
  const found = await resolveMention(ctx, mention);
  return found.ok ? found.member : reply(found.reply);
}

/** The only active manager or admin is `member`: taking their rights would leave nobody to run the program. */
async function isLastLeader(ctx: HandlerContext, member: Member): Promise<boolean> {
  const leaders = await ctx.deps.repos.members.listByRole(ctx.workspace.id, ['manager', 'admin']);
  return leaders.length === 1 && leaders[0]?.id === member.id;
}

export async function showRoster(ctx: HandlerContext, offset = 0): Promise<Message[]> {
  const members = await ctx.deps.repos.members.list(ctx.workspace.id, { includeInactive: true });
  const today = ctx.now.setZone(ctx.member.timeZone).toISODate() ?? '';
  return [rosterPage(ctx.t, ctx.workspace, members, offset, today)];
}

export async function changeRole(ctx: HandlerContext, command: { member: Mention; role: 'manager' | 'staff' }): Promise<Message[]> {
  const { t } = ctx;
  const target = await memberOf(ctx, command.member);
  if (Array.isArray(target)) return target;
  const self = target.id === ctx.member.id;
  if (!target.active) return reply(t.people.role.inactive(target.displayName));
  if (target.role === command.role) return reply(t.people.role.already(target.displayName, t.people.rolesWithArticle[target.role]));
  if (target.role === 'admin' && ctx.member.role !== 'admin') return reply(t.people.role.adminOnly(target.displayName));
  if (command.role === 'staff' && (await isLastLeader(ctx, target))) return reply(t.people.role.lastManager(target.displayName, self));

  const updated = await ctx.deps.repos.members.update(ctx.workspace.id, target.id, { role: command.role });
  ctx.log.info({ targetId: target.id, from: target.role, to: command.role }, 'role changed');
  if (self) return reply(command.role === 'staff' ? t.people.role.doneSelfStaff : t.people.role.doneSelfManager);
  const told = await tellRoleChanged(ctx.deps, ctx.workspace, updated, target.role, ctx.member, ctx.now.toISO() ?? '');
  const done = command.role === 'manager' ? t.people.role.doneManager : t.people.role.doneStaff;
  return reply(done(target.displayName, told));
}

export async function setReportingLine(ctx: HandlerContext, command: { member: Mention; manager: Mention }): Promise<Message[]> {
  const { t } = ctx;
  const member = await memberOf(ctx, command.member);
  if (Array.isArray(member)) return member;
  const manager = await memberOf(ctx, command.manager);
  if (Array.isArray(manager)) return manager;
  if (member.id === manager.id) return reply(t.people.reports.self(member.displayName));
  for (const person of [member, manager]) if (!person.active) return reply(t.people.reports.inactive(person.displayName));
  if (member.managerId === manager.id) return reply(t.people.reports.already(member.displayName, manager.displayName));

  const everyone = await ctx.deps.repos.members.list(ctx.workspace.id, { includeInactive: true });
  const byId = new Map(everyone.map((m) => [m.id, m]));
  const loop = loopThrough((id) => byId.get(id)?.managerId, member.id, manager.id);
  if (loop) {
    const names = [member.displayName, ...loop.map((id) => byId.get(id)?.displayName ?? '')];
    return reply(t.people.reports.cycle(names));
  }
  const before = member.managerId ? (byId.get(member.managerId)?.displayName ?? null) : null;
  await ctx.deps.repos.members.update(ctx.workspace.id, member.id, { managerId: manager.id });
  ctx.log.info({ targetId: member.id, managerId: manager.id }, 'reporting line set');
  return reply(t.people.reports.done(member.displayName, manager.displayName, before));
}

/** Why `target` may not be deactivated by the asker, or null when they may. */
function deactivationRefusal(ctx: HandlerContext, target: Member): string | null {
  const { t } = ctx;
  if (target.id === ctx.member.id) return t.people.deactivate.self;
  if (!target.active) return t.people.deactivate.already(target.displayName);
  if (target.role === 'admin' && ctx.member.role !== 'admin') return t.people.deactivate.adminOnly(target.displayName);
  return null;
}

export async function confirmDeactivation(ctx: HandlerContext, command: { member: Mention }): Promise<Message[]> {
  const { t } = ctx;
  const target = await memberOf(ctx, command.member);
  if (Array.isArray(target)) return target;
  const refusal = deactivationRefusal(ctx, target);
  if (refusal) return reply(refusal);

  const preview = await previewDeactivation(ctx.deps.repos, ctx.workspace.id, target);
  const partnerIds = [...new Set(preview.endedPairs.map((p) => (p.mentorId === target.id ? p.menteeId : p.mentorId)))];
  const partners = (await Promise.all(partnerIds.map((id) => ctx.deps.repos.members.get(ctx.workspace.id, id))))
    .filter((m): m is Member => m !== null && m.active)
    .map((m) => m.displayName);
  const d = t.people.deactivate;
  const what = [target.title, target.team].filter((s) => s).map((s) => userText(s ?? '')).join(', ');
  const lines = [
    d.confirm(target.displayName, what),
    d.pairs(preview.endedPairs.length, partners),
    d.reports(preview.reports.map((m) => m.displayName), preview.newManager?.displayName ?? null),
    d.keep,
  ].filter((s) => s);
  return [
    message([
      section(lines.join('\n')),
      actions(button(d.confirmButton, 'roster.deactivate', `deactivate:${target.id}`, 'danger'), button(d.cancelButton, 'roster.cancel', 'cancel:')),
    ]),
  ];
}

async function deactivateConfirmed(ctx: HandlerContext, memberId: string): Promise<Message[]> {
  const { t, deps, workspace } = ctx;
  const target = await deps.repos.members.get(workspace.id, memberId);
  if (!target) return reply(t.people.deactivate.gone);
  const refusal = deactivationRefusal(ctx, target);
  if (refusal) return reply(refusal);
  if (await isLastLeader(ctx, target)) return reply(t.people.role.lastManager(target.displayName, false));

  const at = ctx.now.toISO() ?? '';
  const done = await deps.repos.withTransaction((tx) => deactivateMember(tx, workspace.id, target, at));
  ctx.log.info({ targetId: target.id, endedPairs: done.endedPairs.length, reports: done.reports.length }, 'member deactivated');
  const told = await tellPartners(deps, workspace, done);
  const d = t.people.deactivate;
  const lines = [
    d.done(target.displayName),
    d.endedPairs(done.endedPairs.length, told.map((m) => m.displayName)),
    d.movedReports(done.reports.map((m) => m.displayName), done.newManager?.displayName ?? null),
  ].filter((s) => s);
  return reply(lines.join(' '));
}

/** The roster's buttons, under the `roster` prefix (managers only); the value says which (`verb:argument`). */
export async function rosterAction(ctx: HandlerContext, value: string): Promise<Message[]> {
  const colon = value.indexOf(':');
  const verb = colon < 0 ? value : value.slice(0, colon);
  const arg = colon < 0 ? '' : value.slice(colon + 1);
  switch (verb) {
    case 'more':
      return showRoster(ctx, Number.parseInt(arg, 10) || 0);
    case 'deactivate':
      return deactivateConfirmed(ctx, arg);
    case 'cancel':
      return reply(ctx.t.people.deactivate.cancelled);
    case 'apply':
      return applyPendingImport(ctx, arg);
    case 'discard':
      return discardPendingImport(ctx, arg);
    default:
      ctx.log.warn({ value }, 'unknown roster button');
      return reply(ctx.t.people.unknownButton);
  }
}
