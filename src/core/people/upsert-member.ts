// The one rule by which the platform's directory reaches a member record: the full sync, a person joining,
// a profile edit and a person leaving all go through it.
//
// Each person's last directory values are kept (DirectoryEntryRepo), and a detail is written only when the
// directory changed it since then, so what a manager set in Rounds (a title, a reporting line, a role) is not
// undone by the next sync or profile edit. Only someone the directory had stopped listing is made active again
// when it lists them once more; someone a manager deactivated while still listed stays inactive.
import type { BotDeps } from '../context.ts';
import type { DirectoryUser, Member, Workspace } from '../model.ts';
import type { DirectoryEntry, MemberPatch } from './repository.ts';
import type { Repositories } from '../repositories.ts';
import { canonicalZone } from '../time/zone.ts';
import { deactivateMember, tellPartners } from './deactivate.ts';
import { keepableDirectoryUser } from './directory-phi.ts';

const DETAILS = ['displayName', 'title', 'team', 'timeZone', 'email', 'locale'] as const;

export type MergeOutcome = 'created' | 'updated' | 'reactivated' | 'unchanged';

/** The changes the directory asks of `member`: details it changed since `before` (everything, on first sight). */
function patchFor(member: Member, user: DirectoryUser, before: DirectoryUser | undefined): MemberPatch {
  const patch: MemberPatch = {};
  for (const field of DETAILS) {
    const now = user[field];
    if (now === undefined || (field === 'displayName' && !now)) continue;
    if (field === 'timeZone' && canonicalZone(String(now)) === null) continue;
    if (before && before[field] === now) continue;
    if (member[field] !== now) Object.assign(patch, { [field]: now });
  }
  if (user.isAdmin !== undefined && (!before || Boolean(before.isAdmin) !== user.isAdmin)) {
    if (user.isAdmin && member.role !== 'admin') patch.role = 'admin';
    // No longer a platform admin: they keep the manager commands rather than lose them unannounced.
    if (!user.isAdmin && member.role === 'admin') patch.role = 'manager';
  }
  return patch;
}

/**
 * Brings one directory person (already screened for patient information) into the members: created on first
 * sight, else only what the directory changed since `entry`. Does not record the entry: the caller does.
 */
export async function mergeDirectoryUser(
  repos: Pick<Repositories, 'members'>,
  workspace: Workspace,
  user: DirectoryUser,
  known: { member: Member | null | undefined; entry: DirectoryEntry | null | undefined },
): Promise<{ member: Member; outcome: MergeOutcome }> {
  const { member, entry } = known;
  if (!member) {
    const created = await repos.members.create({
      workspaceId: workspace.id,
      externalId: user.externalId,
      displayName: user.displayName || user.externalId,
      role: user.isAdmin ? 'admin' : 'staff',
      title: user.title ?? '',
      team: user.team ?? '',
      managerId: null,
      timeZone: user.timeZone && canonicalZone(user.timeZone) !== null ? user.timeZone : workspace.timeZone,
      locale: user.locale ?? workspace.locale,
      email: user.email ?? null,
      startDate: null,
      active: true,
      snoozedUntil: null,
      optedOut: false,
    });
    return { member: created, outcome: 'created' };
  }
  const patch = patchFor(member, user, entry?.snapshot);
  const comesBack = !member.active && entry !== null && entry !== undefined && !entry.present;
  if (comesBack) patch.active = true;
  if (Object.keys(patch).length === 0) return { member, outcome: 'unchanged' };
  return { member: await repos.members.update(workspace.id, member.id, patch), outcome: comesBack ? 'reactivated' : 'updated' };
}

/**
 * One person as the platform's directory shows them now (joined, edited their profile, first message): the
 * member created or kept in step, and their directory values recorded. Never sends anything. A title, team or
 * name that looks like patient information is not kept (logged without its text).
 */
export async function upsertDirectoryMember(
  deps: Pick<BotDeps, 'repos' | 'logger' | 'clock'>,
  workspace: Workspace,
  listed: DirectoryUser,
): Promise<{ member: Member; created: boolean }> {
  const { repos } = deps;
  const user = keepableDirectoryUser(deps.logger, workspace.id, listed);
  const [member, entry] = await Promise.all([repos.members.findByExternal(workspace.id, user.externalId), repos.directory.find(workspace.id, user.externalId)]);
  const merged = await mergeDirectoryUser(repos, workspace, user, { member, entry });
  await repos.directory.upsert(workspace.id, [{ externalId: user.externalId, present: true, snapshot: user }], deps.clock.now().toISO() ?? '');
  return { member: merged.member, created: merged.outcome === 'created' };
}

/** The platform says the person left (or their account was deleted): deactivated, their pairs ended gracefully. */
export async function directoryMemberLeft(deps: BotDeps, workspace: Workspace, externalId: string): Promise<void> {
  const [member, entry] = await Promise.all([deps.repos.members.findByExternal(workspace.id, externalId), deps.repos.directory.find(workspace.id, externalId)]);
  const at = deps.clock.now().toISO() ?? '';
  // Recorded as gone, so that a return is recognised as one.
  await deps.repos.directory.upsert(workspace.id, [{ externalId, present: false, snapshot: entry?.snapshot ?? { externalId, displayName: member?.displayName ?? '' } }], at);
  if (!member?.active) return;
  const done = await deps.repos.withTransaction((repos) => deactivateMember(repos, workspace.id, member, at));
  await tellPartners(deps, workspace, done);
  deps.logger.info({ workspaceId: workspace.id, memberId: member.id }, 'member left the workspace');
}
