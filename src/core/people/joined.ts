// A person joined the workspace on the platform: add them as a member and send them a welcome.
import type { BotDeps } from '../context.js';
import { textMessage } from '../messages/build.js';
import { catalogFor } from '../messages/catalog.js';
import type { DirectoryUser, Member } from '../model.js';

export async function welcomeJoinedMember(deps: BotDeps, workspaceId: string, user: DirectoryUser): Promise<Member | null> {
  const { repos } = deps;
  const workspace = await repos.workspaces.get(workspaceId);
  if (!workspace) {
    deps.logger.warn({ workspaceId }, 'member joined an unknown workspace');
    return null;
  }
  const existing = await repos.members.findByExternal(workspaceId, user.externalId);
  const member =
    existing ??
    (await repos.members.create({
      workspaceId,
      externalId: user.externalId,
      displayName: user.displayName,
      role: user.isAdmin ? 'admin' : 'staff',
      title: user.title ?? '',
      team: user.team ?? '',
      managerId: null,
      timeZone: user.timeZone ?? workspace.timeZone,
      locale: user.locale ?? workspace.locale,
      email: user.email ?? null,
      startDate: deps.clock.now().setZone(user.timeZone ?? workspace.timeZone).toISODate(),
      active: true,
      snoozedUntil: null,
      optedOut: false,
    }));
  const t = catalogFor(member.locale);
  await deps.outbox.enqueue({
    workspaceId,
    key: `welcome:${member.id}`,
    kind: 'welcome',
    memberIds: [member.id],
    conversation: 'dm',
    message: textMessage(t.welcomeNewMember(member.displayName)),
  });
  deps.logger.info({ workspaceId, memberId: member.id }, existing ? 'member rejoined' : 'member joined');
  return member;
}
