// A person the platform's directory knows, as a member: created on first sight, kept in step after.
import type { BotDeps } from '../context.ts';
import type { DirectoryUser, Member, Workspace } from '../model.ts';
import { keepableDirectoryUser } from './directory-phi.ts';

/**
 * Creates or refreshes the member for `user`; never sends anything (joining is welcomed elsewhere). A title,
 * team or name that looks like patient information is not kept (logged without its text).
 */
export async function upsertDirectoryMember(
  deps: Pick<BotDeps, 'repos' | 'logger'>,
  workspace: Workspace,
  listed: DirectoryUser,
): Promise<{ member: Member; created: boolean }> {
  const { members } = deps.repos;
  const user = keepableDirectoryUser(deps.logger, workspace.id, listed);
  const existing = await members.findByExternal(workspace.id, user.externalId);
  if (!existing) {
    const member = await members.create({
      workspaceId: workspace.id,
      externalId: user.externalId,
      displayName: user.displayName || user.externalId,
      role: user.isAdmin ? 'admin' : 'staff',
      title: user.title ?? '',
      team: user.team ?? '',
      managerId: null,
      timeZone: user.timeZone ?? workspace.timeZone,
      locale: user.locale ?? workspace.locale,
      email: user.email ?? null,
      startDate: null,
      active: true,
      snoozedUntil: null,
      optedOut: false,
    });
    return { member, created: true };
  }
  const patch: Partial<Member> = {};
  if (user.displayName && user.displayName !== existing.displayName) patch.displayName = user.displayName;
  if (user.title && user.title !== existing.title) patch.title = user.title;
  if (user.timeZone && user.timeZone !== existing.timeZone) patch.timeZone = user.timeZone;
  if (user.email !== undefined && user.email !== existing.email) patch.email = user.email;
  // Workspace admins are Rounds admins; a manager chosen in Rounds is never demoted by the directory.
  if (user.isAdmin && existing.role !== 'admin') patch.role = 'admin';
  if (!existing.active) patch.active = true;
  if (Object.keys(patch).length === 0) return { member: existing, created: false };
  return { member: await members.update(workspace.id, existing.id, patch), created: false };
}
