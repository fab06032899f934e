// Telling a member their role changed: they gained or lost the manager commands.
import { delivery } from '../deliveries/kinds.ts';
import type { BotDeps } from '../context.ts';
import { textMessage } from '../messages/build.ts';
import { catalogFor } from '../messages/catalog.ts';
import type { Member, Role, Workspace } from '../model.ts';

const leads = (role: Role) => role === 'manager' || role === 'admin';

/** Sends the member a note when the change gives or takes the manager commands; a change between manager and admin says nothing. */
export async function tellRoleChanged(
  deps: Pick<BotDeps, 'outbox' | 'logger'>,
  workspace: Workspace,
  member: Member,
  from: Role,
  by: Member | null,
  at: string,
): Promise<boolean> {
  if (leads(from) === leads(member.role) || !member.active) return false;
  const t = catalogFor(member.locale);
  const text = leads(member.role) ? t.people.role.nowManager(by?.displayName ?? null) : t.people.role.nowStaff(by?.displayName ?? null);
  try {
    await deps.outbox.enqueue({
      workspaceId: workspace.id,
      ...delivery('role_changed', member.id, member.role, at),
      memberIds: [member.id],
      conversation: 'dm',
      message: textMessage(text),
    });
    return true;
  } catch (err) {
    deps.logger.warn({ err, workspaceId: workspace.id, memberId: member.id }, 'could not tell a member their role changed');
    return false;
  }
}
