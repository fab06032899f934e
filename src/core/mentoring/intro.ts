// Introductions (double opt-in): both people get an intro with Accept / Decline; only two yeses make a pair active.
import { delivery } from '../deliveries/kinds.ts';
import { userText } from '../messages/user-text.ts';
import type { HandlerContext } from '../context.ts';
import { actions, button, context, header, message, section, textMessage } from '../messages/build.ts';
import { catalogFor } from '../messages/catalog.ts';
import type { Field, Message } from '../messages/model.ts';
import type { Member, Pair } from '../model.ts';
import type { ReasonParts } from './match-types.ts';

/** Sends both people their introduction through the outbox, each in their own language. */
export async function sendIntros(ctx: HandlerContext, pair: Pair, by: Member, reason: ReasonParts | null): Promise<void> {
  const [mentor, mentee] = await Promise.all([
    ctx.deps.repos.members.get(ctx.workspace.id, pair.mentorId),
    ctx.deps.repos.members.get(ctx.workspace.id, pair.menteeId),
  ]);
  if (!mentor || !mentee) return;
  for (const [to, other, role] of [
    [mentor, mentee, 'mentor'],
    [mentee, mentor, 'mentee'],
  ] as const) {
    await ctx.deps.outbox.enqueue({
      workspaceId: ctx.workspace.id,
      ...delivery('mentoring_intro', pair.id, to.id),
      memberIds: [to.id],
      conversation: 'dm',
      message: introMessage(to, other, role, pair, by, reason),
    });
  }
}

function introMessage(to: Member, other: Member, role: 'mentor' | 'mentee', pair: Pair, by: Member, reason: ReasonParts | null): Message {
  const t = catalogFor(to.locale).mentoring;
  const ti = t.intro;
  const fields: Field[] = [
    { label: ti.fields.who, value: ti.who(other.displayName, other.title, other.team) },
    { label: ti.fields.kind, value: t.kinds[pair.kind] },
    ...(pair.focus ? [{ label: ti.fields.focus, value: userText(pair.focus) }] : []),
    { label: ti.fields.cadence, value: t.cadences[pair.cadence] },
    ...(reason && reason.topics.length > 0 ? [{ label: ti.fields.why, value: t.reason(reason, role) }] : []),
  ];
  const lead = role === 'mentor' ? ti.asMentor(by.displayName, other.displayName, pair.kind) : ti.asMentee(by.displayName, other.displayName, pair.kind);
  return message([
    header(ti.title),
    section(`${ti.hello(to.displayName)} ${lead}`, fields),
    context(ti.outro),
    actions(button(ti.accept, 'mentor.accept', `accept:${pair.id}`, 'primary'), button(ti.decline, 'mentor.decline', `decline:${pair.id}`)),
  ]);
}

/** The reply when a pair is no longer waiting for answers. */
function settledReply(ctx: HandlerContext, pair: Pair): Message {
  const ta = ctx.t.mentoring.answer;
  if (pair.status === 'active' || pair.status === 'paused') return textMessage(ta.isActive);
  return textMessage(pair.status === 'declined' ? ta.isDeclined : ta.isOver);
}

/** Accept or Decline on an intro. Pressed twice, or by someone else, it changes nothing and says so. */
export async function answerIntro(ctx: HandlerContext, pairId: string, accept: boolean): Promise<Message[]> {
  const { repos } = ctx.deps;
  const ta = ctx.t.mentoring.answer;
  const pair = await repos.pairs.get(ctx.workspace.id, pairId);
  if (!pair) return [textMessage(ctx.t.mentoring.staleButton)];
  const side = pair.mentorId === ctx.member.id ? 'mentor' : pair.menteeId === ctx.member.id ? 'mentee' : null;
  if (side === null) return [textMessage(ta.notYours)];
  const partner = await repos.members.get(ctx.workspace.id, side === 'mentor' ? pair.menteeId : pair.mentorId);
  const partnerName = partner?.displayName ?? '?';
  if (pair.status !== 'proposed') return [settledReply(ctx, pair)];
  const mine = side === 'mentor' ? pair.mentorAccepted : pair.menteeAccepted;
  if (accept && mine) return [textMessage(ta.alreadyAccepted(partnerName))];

  const at = ctx.now.toISO() ?? '';
  const updated = await repos.mentoring.answerIntro(ctx.workspace.id, pair.id, side, accept, at);
  if (!updated) {
    const now = await repos.pairs.get(ctx.workspace.id, pair.id);
    return [now ? settledReply(ctx, now) : textMessage(ctx.t.mentoring.staleButton)];
  }
  ctx.log.info({ pairId: pair.id, side, accept, status: updated.status }, 'intro answered');
  if (!accept) {
    await tellDeclined(ctx, updated, partner);
    return [textMessage(ta.declined(partnerName))];
  }
  if (updated.status !== 'active') return [textMessage(ta.accepted(partnerName))];
  await tellActive(ctx, updated);
  return [textMessage(ta.bothAccepted(partnerName))];
}

async function tellActive(ctx: HandlerContext, pair: Pair): Promise<void> {
  const { repos, outbox } = ctx.deps;
  const [mentor, mentee] = await Promise.all([repos.members.get(ctx.workspace.id, pair.mentorId), repos.members.get(ctx.workspace.id, pair.menteeId)]);
  if (!mentor || !mentee) return;
  for (const [to, other] of [
    [mentor, mentee],
    [mentee, mentor],
  ] as const) {
    const t = catalogFor(to.locale).mentoring;
    await outbox.enqueue({
      workspaceId: ctx.workspace.id,
      ...delivery('pair_active', pair.id, to.id),
      memberIds: [to.id],
      conversation: 'dm',
      message: textMessage(t.answer.active(other.displayName, t.kinds[pair.kind], t.cadences[pair.cadence])),
    });
  }
}

/** The other person hears, gently, that it won't go ahead; the approving manager hears it was declined, not why or by whom. */
async function tellDeclined(ctx: HandlerContext, pair: Pair, partner: Member | null): Promise<void> {
  const { repos, outbox } = ctx.deps;
  if (partner?.active) {
    await outbox.enqueue({
      workspaceId: ctx.workspace.id,
      ...delivery('pair_declined', pair.id, partner.id),
      memberIds: [partner.id],
      conversation: 'dm',
      message: textMessage(catalogFor(partner.locale).mentoring.answer.declinedToOther(ctx.member.displayName)),
    });
  }
  const approval = await repos.mentoring.getApproval(ctx.workspace.id, pair.id);
  const managerId = approval?.approvedBy;
  if (!managerId || managerId === pair.mentorId || managerId === pair.menteeId) return;
  const [manager, mentor, mentee] = await Promise.all([
    repos.members.get(ctx.workspace.id, managerId),
    repos.members.get(ctx.workspace.id, pair.mentorId),
    repos.members.get(ctx.workspace.id, pair.menteeId),
  ]);
  if (!manager?.active || !mentor || !mentee) return;
  await outbox.enqueue({
    workspaceId: ctx.workspace.id,
    ...delivery('pair_declined', pair.id, manager.id),
    memberIds: [manager.id],
    conversation: 'dm',
    message: textMessage(catalogFor(manager.locale).mentoring.answer.declinedToManager(mentor.displayName, mentee.displayName)),
  });
}
