// Who may run a command or press a button (a feature declares its audience, src/core/feature.ts), and the polite refusals.
import { type HandlerContext, isManager } from './context.ts';
import type { Audience } from './feature.ts';
import { textMessage } from './messages/build.ts';
import { audienceFor, leadersOf } from './people/ports.ts';
import type { Message } from './messages/model.ts';

/** Null when the member may go ahead; otherwise the refusal, naming the command word and who can run it. */
export async function refusalFor(ctx: HandlerContext, audience: Audience, word: string): Promise<Message | null> {
  if (audience === 'everyone') return null;
  if (!isManager(ctx.member)) return refuseStaff(ctx, word);
  if (audience === 'manager' || ctx.member.role === 'admin') return null;
  const admins = await ctx.deps.repos.members.listByRole(ctx.workspace.id, ['admin']);
  return textMessage(ctx.t.adminsOnly(word, admins.map((m) => m.displayName)));
}

/** The polite refusal a staff member gets for a manager command (or button), naming who can run it. */
export async function refuseStaff(ctx: HandlerContext, word: string): Promise<Message> {
  // Who can run it: the asker's own manager first, then the admins (or, with no admin, other managers); three at most.
  const told = audienceFor(ctx.member, await leadersOf(ctx), { reach: 'manager-and-admins', fallBackToManagers: true, limit: 3 });
  const who = told.map((m) => ({ name: m.displayName, yours: m.id === ctx.member.managerId }));
  return textMessage(ctx.t.managersOnly(word, who));
}
