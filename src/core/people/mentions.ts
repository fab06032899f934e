// Turns a mention in a command into a member of the workspace, or a "who did you mean?" answer.
import { mention as mentionOf } from '../messages/inline.ts';
import { userText } from '../messages/user-text.ts';
import type { Mention } from '../commands/types.ts';
import type { HandlerContext } from '../context.ts';
import type { Member } from '../model.ts';
import { foldText } from '../text/fold.ts';

export type MentionResult = { ok: true; member: Member } | { ok: false; reply: string };


function matchByName(members: Member[], name: string): Member[] {
  const wanted = foldText(name).replace(/[-_.]+/g, ' ');
  const exact = members.filter((m) => m.externalId.toLowerCase() === name.toLowerCase());
  if (exact.length === 1) return exact;
  return members.filter((m) => foldText(m.displayName).startsWith(wanted));
}

export async function resolveMention(ctx: HandlerContext, mention: Mention): Promise<MentionResult> {
  const { repos } = ctx.deps;
  if (mention.kind === 'id') {
    const member = await repos.members.findByExternal(ctx.workspace.id, mention.id);
    return member ? { ok: true, member } : { ok: false, reply: ctx.t.mention.unknown(mention.id) };
  }
  const members = await repos.members.list(ctx.workspace.id);
  const found = matchByName(members, mention.name);
  const [only] = found;
  if (found.length === 1 && only) return { ok: true, member: only };
  if (found.length === 0) return { ok: false, reply: ctx.t.mention.unknown(mention.name) };
  const options = found
    .slice(0, 5)
    .map((m) => `${userText(m.displayName)} (${mentionOf(m)})`)
    .join(', ');
  return { ok: false, reply: ctx.t.mention.ambiguous(mention.name, options) };
}
