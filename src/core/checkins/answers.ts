// Answering check-ins: `checkin` on demand, the buttons (We met / Not yet / Need help), the private note form,
// "Tell my manager" and resuming paused check-ins. Everything here replies to the member alone.
import { delivery } from '../deliveries/kinds.ts';
import type { HandlerContext } from '../context.ts';
import { actions, button, context, message, replacing, section, textMessage } from '../messages/build.ts';
import { catalogFor } from '../messages/catalog.ts';
import type { Message } from '../messages/model.ts';
import type { Member, Pair } from '../model.ts';
import { refusePhi } from '../phi-guard.ts';
import { audienceFor, leadersOf } from '../people/ports.ts';
import type { Checkin, CheckinAnswer, CheckinOutcome } from './repository.ts';
import { zoneOf } from './calendar.ts';
import { actionValue, checkinMessage, noteForm, partnerOf, readActionValue } from './messages.ts';
import { isoWeekOf } from '../time/week.ts';

const NOTE_MAX = 2000;
const OUTCOMES: readonly CheckinOutcome[] = ['met', 'not_yet', 'need_help'];

/** The member's active pairs whose partner is still here. */
async function activePairs(ctx: HandlerContext): Promise<{ pairs: Pair[]; nameOf: (id: string) => string }> {
  const [pairs, members] = await Promise.all([
    ctx.deps.repos.pairs.listForMember(ctx.workspace.id, ctx.member.id),
    ctx.deps.repos.members.list(ctx.workspace.id),
  ]);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const live = pairs.filter((p) => p.status === 'active' && names.has(partnerOf(p, ctx.member).partnerId));
  return { pairs: live, nameOf: (id) => names.get(id) ?? '?' };
}

/** `checkin`: this week's check-in at once (the same message the schedule sends); it also resumes paused check-ins. */
export async function showCheckin(ctx: HandlerContext): Promise<Message[]> {
  const t = ctx.t.checkins;
  const resumed = await ctx.deps.repos.checkins.resume(ctx.workspace.id, ctx.member.id, iso(ctx));
  if (resumed) ctx.log.info({}, 'check-ins resumed');
  const before = resumed ? [textMessage(t.pause.resumed)] : [];
  const { pairs, nameOf } = await activePairs(ctx);
  if (pairs.length === 0) return [...before, textMessage(t.nothing)];
  const isoWeek = isoWeekOf(ctx.now, zoneOf(ctx.member, ctx.workspace));
  const existing = await ctx.deps.repos.checkins.findForWeek(ctx.workspace.id, ctx.member.id, isoWeek);
  // An answered check-in keeps the pairs it asked about; an open one asks about every active pair now.
  const checkin =
    existing && existing.answeredAt !== null
      ? existing
      : await ctx.deps.repos.checkins.ensure({ workspaceId: ctx.workspace.id, memberId: ctx.member.id, isoWeek, pairIds: pairs.map((p) => p.id) }, iso(ctx));
  const shown = pairs.filter((p) => checkin.pairIds.includes(p.id));
  const answers = await ctx.deps.repos.checkins.listAnswers(ctx.workspace.id, checkin.id);
  return [...before, checkinMessage(ctx.t, { member: ctx.member, checkin, pairs: shown.length > 0 ? shown : pairs, nameOf, answers })];
}

/** Every `checkin.*` button and the `checkin.note` form; the value names what to do. */
export async function checkinAction(ctx: HandlerContext, value: string, fields?: Record<string, string>): Promise<Message[]> {
  const { verb, checkinId, pairId } = readActionValue(value);
  if (verb === 'resume') return resume(ctx);
  const target = await ownCheckin(ctx, checkinId, pairId);
  if (!target) return [textMessage(ctx.t.checkins.answer.notYours)];
  if ((OUTCOMES as readonly string[]).includes(verb)) return answer(ctx, target, verb as CheckinOutcome);
  if (verb === 'noteform') return openNote(ctx, target);
  if (verb === 'note') return fields ? saveNote(ctx, target, fields) : openNote(ctx, target);
  if (verb === 'tell') return tellManagers(ctx, target);
  return [textMessage(ctx.t.checkins.answer.expired)];
}

interface Target {
  checkin: Checkin;
  pair: Pair;
  partner: Member | null;
}

/** The check-in and pair a button names, only when the check-in is the presser's own and asks about that pair. */
async function ownCheckin(ctx: HandlerContext, checkinId: string, pairId: string): Promise<Target | null> {
  if (!checkinId || !pairId) return null;
  const checkin = await ctx.deps.repos.checkins.get(ctx.workspace.id, checkinId);
  if (!checkin || checkin.memberId !== ctx.member.id || !checkin.pairIds.includes(pairId)) return null;
  const pair = await ctx.deps.repos.pairs.get(ctx.workspace.id, pairId);
  if (!pair) return null;
  const partner = await ctx.deps.repos.members.get(ctx.workspace.id, partnerOf(pair, ctx.member).partnerId);
  return { checkin, pair, partner };
}

async function answer(ctx: HandlerContext, target: Target, outcome: CheckinOutcome): Promise<Message[]> {
  const t = ctx.t.checkins;
  const { checkin, pair } = target;
  await ctx.deps.repos.checkins.saveAnswer({ workspaceId: ctx.workspace.id, checkinId: checkin.id, pairId: pair.id, memberId: ctx.member.id, outcome }, iso(ctx));
  ctx.log.info({ checkinId: checkin.id, pairId: pair.id, outcome }, 'check-in answered');
  const partner = target.partner?.displayName ?? '?';
  const noteButton = button(t.checkin.addNote, 'checkin.note', actionValue('noteform', checkin.id, pair.id));
  const settled = replacing(await settledCheckin(ctx, checkin));
  if (outcome !== 'need_help') return [settled, message([section(t.answer[outcome](partner)), actions(noteButton)])];
  return [
    settled,
    message([
      section(t.answer.need_help(partner)),
      section(t.answer.tellQuestion),
      actions(button(t.answer.tellButton, 'checkin.tell', actionValue('tell', checkin.id, pair.id), 'primary'), noteButton),
    ]),
  ];
}

/** The check-in as it now stands: answered rows show the answer, with no buttons left on them. */
async function settledCheckin(ctx: HandlerContext, checkin: Checkin): Promise<Message> {
  const { pairs, nameOf } = await activePairs(ctx);
  const answers = await ctx.deps.repos.checkins.listAnswers(ctx.workspace.id, checkin.id);
  const shown = pairs.filter((p) => checkin.pairIds.includes(p.id));
  return checkinMessage(ctx.t, { member: ctx.member, checkin, pairs: shown, nameOf, answers, settled: true });
}

async function currentAnswer(ctx: HandlerContext, target: Target): Promise<CheckinAnswer | undefined> {
  const answers = await ctx.deps.repos.checkins.listAnswers(ctx.workspace.id, target.checkin.id);
  return answers.find((a) => a.pairId === target.pair.id && a.memberId === ctx.member.id);
}

async function openNote(ctx: HandlerContext, target: Target): Promise<Message[]> {
  return [noteForm(ctx.t, target.checkin.id, target.pair.id, await currentAnswer(ctx, target))];
}

async function saveNote(ctx: HandlerContext, target: Target, fields: Record<string, string>): Promise<Message[]> {
  const t = ctx.t.checkins.note;
  const typed = { rating: (fields.rating ?? '').trim(), note: (fields.note ?? '').trim() };
  const again = () => noteForm(ctx.t, target.checkin.id, target.pair.id, undefined, typed);
  const rating = typed.rating === '' ? null : Number(typed.rating);
  if (rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) return [textMessage(t.badRating(typed.rating)), again()];
  if (typed.note.length > NOTE_MAX) return [textMessage(t.tooLong(NOTE_MAX)), again()];
  const refusal = refusePhi(ctx.t, typed.note);
  if (refusal) return [refusal, again()];
  await ctx.deps.repos.checkins.saveAnswer(
    { workspaceId: ctx.workspace.id, checkinId: target.checkin.id, pairId: target.pair.id, memberId: ctx.member.id, rating, note: typed.note || null },
    iso(ctx),
  );
  // The note itself is never logged: only that there is one.
  ctx.log.info({ checkinId: target.checkin.id, pairId: target.pair.id, rated: rating !== null, noted: typed.note !== '' }, 'check-in note saved');
  return [replacing(textMessage(rating === null && typed.note === '' ? t.cleared : t.saved))];
}

/** Only on the member's explicit choice: someone outside the pair (see helpRecipients) hears that they asked for help. Nothing else. */
async function tellManagers(ctx: HandlerContext, target: Target): Promise<Message[]> {
  const t = ctx.t.checkins.help;
  const { checkin, pair } = target;
  const recipients = await helpers(ctx, target.partner?.id ?? partnerOf(target.pair, ctx.member).partnerId);
  if (recipients.length === 0) return [textMessage(t.nobody)];
  const current = await currentAnswer(ctx, target);
  if (current?.outcome !== 'need_help') {
    await ctx.deps.repos.checkins.saveAnswer({ workspaceId: ctx.workspace.id, checkinId: checkin.id, pairId: pair.id, memberId: ctx.member.id, outcome: 'need_help' }, iso(ctx));
  }
  const first = await ctx.deps.repos.checkins.markHelpRequested(ctx.workspace.id, checkin.id, pair.id, iso(ctx));
  if (!first) return [textMessage(t.already)];
  const partner = target.partner?.displayName ?? '?';
  for (const recipient of recipients) {
    const rt = catalogFor(recipient.locale).checkins.help;
    await ctx.deps.outbox.enqueue({
      workspaceId: ctx.workspace.id,
      ...delivery('checkin_help', checkin.id, pair.id, recipient.id),
      memberIds: [recipient.id],
      conversation: 'dm',
      message: textMessage(rt.toManager(ctx.member.displayName, partner)),
    });
  }
  ctx.log.info({ checkinId: checkin.id, pairId: pair.id, told: recipients.length }, 'member asked for help');
  return [message([section(t.told(recipients.map((m) => m.displayName))), context(ctx.t.checkins.checkin.privacy)])];
}

async function helpers(ctx: HandlerContext, partnerId: string | null): Promise<Member[]> {
  return helpRecipients(ctx.member, partnerId, await leadersOf(ctx));
}

/**
 * Who hears that a member asked for help with a pair: someone outside the pair. The member's own
 * manager, unless that manager is the partner; then the manager's own manager; else the admins;
 * else the other managers. Never the member, never the partner.
 */
export function helpRecipients(member: Member, partnerId: string | null, leaders: readonly Member[]): Member[] {
  return audienceFor(member, leaders, { exclude: [partnerId], fallBackToManagers: true });
}

async function resume(ctx: HandlerContext): Promise<Message[]> {
  const resumed = await ctx.deps.repos.checkins.resume(ctx.workspace.id, ctx.member.id, iso(ctx));
  if (resumed) ctx.log.info({}, 'check-ins resumed');
  return [textMessage(resumed ? ctx.t.checkins.pause.resumed : ctx.t.checkins.pause.notPaused)];
}

function iso(ctx: HandlerContext): string {
  return ctx.now.toUTC().toISO() ?? '';
}
