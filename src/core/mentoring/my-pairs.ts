// `mentor`: my pairs, as mentor and as mentee, with Pause / Resume / Complete, and the private reflection when a pair ends.
import { delivery } from '../deliveries/kinds.ts';
import type { HandlerContext } from '../context.ts';
import { formatDay } from '../time/days.ts';
import { actions, button, context, divider, form, header, message, replacing, section, textMessage } from '../messages/build.ts';
import { catalogFor } from '../messages/catalog.ts';
import type { Block, Button, Message } from '../messages/model.ts';
import type { Member, Pair, PairStatus } from '../model.ts';
import { todayFor } from '../people/ports.ts';
import { refusePhi } from '../phi-guard.ts';
import { isLive } from './candidates.ts';
import { answerIntro } from './intro.ts';

const COMPLETED_SHOWN = 3;
export const REFLECTION_MAX = 280;

export async function showMyPairs(ctx: HandlerContext): Promise<Message[]> {
  const tm = ctx.t.mentoring;
  const { repos } = ctx.deps;
  const pairs = await repos.pairs.listForMember(ctx.workspace.id, ctx.member.id);
  const live = pairs.filter(isLive);
  const completed = pairs
    .filter((p) => p.status === 'completed')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, COMPLETED_SHOWN);
  if (live.length === 0 && completed.length === 0) return [textMessage(tm.mine.none)];
  const members = await repos.members.list(ctx.workspace.id, { includeInactive: true });
  const byId = new Map(members.map((m) => [m.id, m]));
  const today = todayFor(ctx.member, ctx.now, ctx.workspace.timeZone);
  const day = (iso: string) => formatDay(iso.slice(0, 10), today, ctx.member.locale);

  const blocks: Block[] = [header(tm.mine.title)];
  for (const pair of live) {
    const mentor = pair.mentorId === ctx.member.id;
    const other = byId.get(mentor ? pair.menteeId : pair.mentorId)?.displayName ?? '?';
    const lines = [mentor ? tm.mine.asMentor(other) : tm.mine.asMentee(other), tm.mine.details(tm.kinds[pair.kind], tm.statuses[pair.status], day(pair.createdAt))];
    if (pair.focus) lines.push(tm.mine.focus(pair.focus));
    const accepted = mentor ? pair.mentorAccepted : pair.menteeAccepted;
    if (pair.status === 'proposed' && accepted) lines.push(tm.mine.waitingFor(other));
    blocks.push(section(lines.join('\n')));
    const buttons = pairButtons(ctx, pair, accepted);
    if (buttons.length > 0) blocks.push(actions(...buttons));
  }
  if (completed.length > 0) {
    blocks.push(divider(), section(`**${tm.mine.completedHeading}**`));
    for (const pair of completed) {
      const other = byId.get(pair.mentorId === ctx.member.id ? pair.menteeId : pair.mentorId)?.displayName ?? '?';
      const reflection = await repos.mentoring.getReflection(ctx.workspace.id, pair.id, ctx.member.id);
      blocks.push(section(tm.mine.completedLine(other, day(pair.updatedAt))));
      if (reflection) blocks.push(context(tm.mine.yourReflection(reflection.text)));
      else blocks.push(actions(button(tm.mine.reflect, 'mentor.reflect', `reflect:${pair.id}`)));
    }
  }
  return [message(blocks)];
}

function pairButtons(ctx: HandlerContext, pair: Pair, accepted: boolean): Button[] {
  const tm = ctx.t.mentoring;
  switch (pair.status) {
    case 'proposed':
      return accepted
        ? []
        : [button(tm.intro.accept, 'mentor.accept', `accept:${pair.id}`, 'primary'), button(tm.intro.decline, 'mentor.decline', `decline:${pair.id}`)];
    case 'active':
      return [button(tm.mine.pause, 'mentor.pause', `pause:${pair.id}`), button(tm.mine.complete, 'mentor.complete', `complete:${pair.id}`)];
    case 'paused':
      return [button(tm.mine.resume, 'mentor.resume', `resume:${pair.id}`, 'primary'), button(tm.mine.complete, 'mentor.complete', `complete:${pair.id}`)];
    default:
      return [];
  }
}

/** The pair, if the asker is in it; otherwise the reply that says it isn't theirs. */
async function myPair(ctx: HandlerContext, pairId: string): Promise<{ pair: Pair; partner: Member | null } | Message> {
  const pair = pairId ? await ctx.deps.repos.pairs.get(ctx.workspace.id, pairId) : null;
  if (!pair) return textMessage(ctx.t.mentoring.staleButton);
  if (pair.mentorId !== ctx.member.id && pair.menteeId !== ctx.member.id) return textMessage(ctx.t.mentoring.mine.notInPair);
  const partner = await ctx.deps.repos.members.get(ctx.workspace.id, pair.mentorId === ctx.member.id ? pair.menteeId : pair.mentorId);
  return { pair, partner };
}

/** Pause or resume; the partner is told. */
async function move(ctx: HandlerContext, pairId: string, from: PairStatus, to: PairStatus): Promise<Message[]> {
  const tm = ctx.t.mentoring.mine;
  const found = await myPair(ctx, pairId);
  if ('blocks' in found) return [found];
  const at = ctx.now.toISO() ?? '';
  const moved = await ctx.deps.repos.mentoring.movePair(ctx.workspace.id, found.pair.id, [from], to, at);
  if (!moved) return [textMessage(to === 'paused' ? tm.notActive : tm.notPaused)];
  ctx.log.info({ pairId: moved.id, status: to }, 'pair moved');
  const partner = found.partner;
  if (partner?.active) {
    const t = catalogFor(partner.locale).mentoring.mine;
    await ctx.deps.outbox.enqueue({
      workspaceId: ctx.workspace.id,
      ...delivery(to === 'paused' ? 'pair_paused' : 'pair_resumed', moved.id, partner.id, at),
      memberIds: [partner.id],
      conversation: 'dm',
      message: textMessage(to === 'paused' ? t.pausedToPartner(ctx.member.displayName) : t.resumedToPartner(ctx.member.displayName)),
    });
  }
  const name = partner?.displayName ?? '?';
  return [textMessage(to === 'paused' ? tm.paused(name) : tm.resumed(name))];
}

async function askComplete(ctx: HandlerContext, pairId: string): Promise<Message[]> {
  const tm = ctx.t.mentoring.mine;
  const found = await myPair(ctx, pairId);
  if ('blocks' in found) return [found];
  if (found.pair.status !== 'active' && found.pair.status !== 'paused') return [textMessage(tm.cannotComplete)];
  return [
    message([
      section(tm.confirmComplete(found.partner?.displayName ?? '?')),
      actions(button(tm.completeYes, 'mentor.completeYes', `complete-yes:${found.pair.id}`, 'primary'), button(tm.completeNo, 'mentor.keep', `keep:${found.pair.id}`)),
    ]),
  ];
}

/** Completes the pair; both people get a request for a private one-line reflection through the outbox. */
async function complete(ctx: HandlerContext, pairId: string): Promise<Message[]> {
  const tm = ctx.t.mentoring.mine;
  const found = await myPair(ctx, pairId);
  if ('blocks' in found) return [found];
  const moved = await ctx.deps.repos.mentoring.movePair(ctx.workspace.id, found.pair.id, ['active', 'paused'], 'completed', ctx.now.toISO() ?? '');
  if (!moved) return [textMessage(tm.cannotComplete)];
  ctx.log.info({ pairId: moved.id }, 'pair completed');
  const people = [ctx.member, ...(found.partner ? [found.partner] : [])];
  for (const to of people) {
    if (!to.active) continue;
    const other = to.id === ctx.member.id ? found.partner : ctx.member;
    try {
      await ctx.deps.outbox.enqueue({
        workspaceId: ctx.workspace.id,
        ...delivery('pair_reflect', moved.id, to.id),
        memberIds: [to.id],
        conversation: 'dm',
        message: reflectRequest(to, other?.displayName ?? '?', to.id === ctx.member.id ? null : ctx.member.displayName, moved.id),
      });
    } catch (err) {
      ctx.log.warn({ err, pairId: moved.id, to: to.id }, 'could not ask for a reflection');
    }
  }
  return [textMessage(tm.completed(found.partner?.displayName ?? '?'))];
}

function reflectRequest(to: Member, other: string, closedBy: string | null, pairId: string): Message {
  const tr = catalogFor(to.locale).mentoring.reflect;
  return message([header(tr.title), section(`${tr.text(other, closedBy)}\n${tr.ask}`), reflectForm(to, pairId)]);
}

function reflectForm(to: Pick<Member, 'locale'>, pairId: string, initial?: string): Block {
  const tr = catalogFor(to.locale).mentoring.reflect;
  return form({
    formId: 'mentor.reflect',
    title: tr.formTitle,
    submitLabel: tr.save,
    value: `reflect:${pairId}`,
    inputs: [{ type: 'input', name: 'reflection', label: tr.label, kind: 'text', hint: tr.hint, ...(initial ? { initial } : {}) }],
  });
}

/** The reflection form: without fields it shows the form; with them it saves, visible to its author only. */
async function reflect(ctx: HandlerContext, pairId: string, fields?: Record<string, string>): Promise<Message[]> {
  const tr = ctx.t.mentoring.reflect;
  const found = await myPair(ctx, pairId);
  if ('blocks' in found) return [found];
  if (found.pair.status !== 'completed') return [textMessage(tr.notCompleted)];
  if (!fields) return [message([reflectForm(ctx.member, found.pair.id)])];
  const text = (fields.reflection ?? '').trim().replace(/\s+/g, ' ');
  if (text.length === 0) return [message([section(tr.empty), reflectForm(ctx.member, found.pair.id)])];
  if (text.length > REFLECTION_MAX) return [message([section(tr.tooLong(REFLECTION_MAX)), reflectForm(ctx.member, found.pair.id, text.slice(0, REFLECTION_MAX))])];
  const refusal = refusePhi(ctx.t, text);
  if (refusal) return [message([...refusal.blocks, reflectForm(ctx.member, found.pair.id)])];
  await ctx.deps.repos.mentoring.saveReflection(ctx.workspace.id, { pairId: found.pair.id, memberId: ctx.member.id, text }, ctx.now.toISO() ?? '');
  ctx.log.info({ pairId: found.pair.id }, 'reflection saved');
  return [replacing(textMessage(tr.saved))];
}

/** The `mentor.*` buttons and the `mentor.reflect` form; the value says which: `<verb>:<pairId>`. */
export async function mentorAction(ctx: HandlerContext, value: string, fields?: Record<string, string>): Promise<Message[]> {
  const colon = value.indexOf(':');
  const verb = colon < 0 ? value : value.slice(0, colon);
  const pairId = colon < 0 ? '' : value.slice(colon + 1);
  switch (verb) {
    case 'accept':
    case 'decline':
      return answerIntro(ctx, pairId, verb === 'accept');
    case 'pause':
      return move(ctx, pairId, 'active', 'paused');
    case 'resume':
      return move(ctx, pairId, 'paused', 'active');
    case 'complete':
      return askComplete(ctx, pairId);
    case 'complete-yes':
      return complete(ctx, pairId);
    case 'keep':
      return [textMessage(ctx.t.mentoring.mine.kept)];
    case 'reflect':
      return reflect(ctx, pairId, fields);
    case 'show':
      return showMyPairs(ctx);
    default:
      ctx.log.warn({ value }, 'unknown mentor button');
      return [textMessage(ctx.t.mentoring.staleButton)];
  }
}
