// A person joined the workspace on the platform: add them as a member and send them a welcome.
import { delivery } from '../deliveries/kinds.ts';
import type { BotDeps } from '../context.ts';
import { textMessage } from '../messages/build.ts';
import { catalogFor } from '../messages/catalog.ts';
import type { DirectoryUser, Member } from '../model.ts';
import { upsertDirectoryMember } from './upsert-member.ts';

export async function welcomeJoinedMember(deps: BotDeps, workspaceId: string, user: DirectoryUser): Promise<Member | null> {
  const { repos } = deps;
  const workspace = await repos.workspaces.get(workspaceId);
  if (!workspace) {
    deps.logger.warn({ workspaceId }, 'member joined an unknown workspace');
    return null;
  }
  const { member, created } = await upsertDirectoryMember(deps, workspace, user);
  if (created) {
    // A newcomer starts today, in their own zone: the date the onboarding sequence counts from.
    await repos.members.update(workspaceId, member.id, { startDate: deps.clock.now().setZone(member.timeZone).toISODate() });
  }
  const t = catalogFor(member.locale);
  await deps.outbox.enqueue({
    workspaceId,
    ...delivery('welcome', member.id),
    memberIds: [member.id],
    conversation: 'dm',
    message: textMessage(t.welcomeNewMember(member.displayName)),
  });
  deps.logger.info({ workspaceId, memberId: member.id }, created ? 'member joined' : 'member rejoined');
  return member;
}
