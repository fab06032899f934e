// Bringing a workspace's directory in from its chat platform (new, changed and departed people), idempotently.
import type { BotDeps } from '../core/context.ts';
import type { Workspace } from '../core/model.ts';
import type { ChatPlatform } from '../core/ports.ts';
import { deactivateMember, tellPartners } from '../core/people/deactivate.ts';
import { syncDirectory } from '../core/people/directory-sync.ts';

export async function syncWorkspaceDirectory(deps: BotDeps, workspace: Workspace, platform: ChatPlatform): Promise<void> {
  // syncDirectory logs what it changed.
  await syncDirectory(deps, workspace, await platform.listDirectory(workspace));
}

/** Someone left the platform's workspace: they become inactive, their pairs end and their partners are told. */
export async function memberLeft(deps: BotDeps, workspace: Workspace, externalId: string): Promise<void> {
  const member = await deps.repos.members.findByExternal(workspace.id, externalId);
  if (!member?.active) return;
  const at = deps.clock.now().toISO() ?? '';
  const done = await deps.repos.withTransaction((repos) => deactivateMember(repos, workspace.id, member, at));
  await tellPartners(deps, workspace, done);
  deps.logger.info({ workspaceId: workspace.id, memberId: member.id }, 'member left the workspace');
}
