// `pair @mentor @mentee [kind] [focus]`: a manager proposes one pair directly; a broken hard constraint asks for confirmation first.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Mention } from '../commands/types.ts';
import type { HandlerContext } from '../context.ts';
import { actions, button, message, section, textMessage } from '../messages/build.ts';
import type { Message } from '../messages/model.ts';
import { PAIR_KINDS, type Member, type Pair, type PairKind } from '../model.ts';
import { resolveMention } from '../people/ports.ts';
import { refusePhi } from '../phi-guard.ts';
import { isLive } from './candidates.ts';
import { checkPair } from './conflicts.ts';
import { sendIntros } from './intro.ts';
import { loadMatchData } from './load.ts';
import type { PairAssessment, ReasonParts } from './match-types.ts';

const FOCUS_MAX = 200;
const PENDING_KIND = 'pair-confirm';
const CONFIRM_HOURS = 24;

const pendingSchema = z.object({
  mentorId: z.string(),
  menteeId: z.string(),
  kind: z.enum(PAIR_KINDS as [PairKind, ...PairKind[]]),
  focus: z.string().nullable(),
});
type PendingPair = z.infer<typeof pendingSchema>;

export async function pairCommand(ctx: HandlerContext, command: { mentor: Mention; mentee: Mention; kind: PairKind; focus?: string }): Promise<Message[]> {
  const tp = ctx.t.mentoring.pair;
  const focus = command.focus?.trim().replace(/\s+/g, ' ') || null;
  if (focus && focus.length > FOCUS_MAX) return [textMessage(ctx.t.mentoring.topicTooLong(FOCUS_MAX))];
  const refusal = refusePhi(ctx.t, focus);
  if (refusal) return [refusal];
  const mentor = await resolveMention(ctx, command.mentor);
  if (!mentor.ok) return [textMessage(mentor.reply)];
  const mentee = await resolveMention(ctx, command.mentee);
  if (!mentee.ok) return [textMessage(mentee.reply)];
  if (mentor.member.id === mentee.member.id) return [textMessage(tp.self)];
  for (const person of [mentor.member, mentee.member]) if (!person.active) return [textMessage(ctx.t.mentoring.conflicts.notActive(person.displayName))];

  const data = await loadMatchData(ctx);
  const check = checkPair(ctx.t, data, ctx.now, mentor.member, mentee.member, false);
  if (check.live) return [liveReply(ctx, data.pairs, mentor.member, mentee.member)];
  const wanted: PendingPair = { mentorId: mentor.member.id, menteeId: mentee.member.id, kind: command.kind, focus };
  if (check.problems.length === 0) return propose(ctx, wanted, mentor.member, mentee.member, reasonFor(check.assessment, wanted.kind));

  const pending = await ctx.deps.repos.pendingImports.create({
    workspaceId: ctx.workspace.id,
    memberId: ctx.member.id,
    kind: PENDING_KIND,
    payload: wanted,
    createdAt: ctx.now.toISO() ?? '',
  });
  const lines = [tp.confirmIntro(mentor.member.displayName, mentee.member.displayName), ...check.problems.map((p) => `• ${p}`), tp.confirmOutro];
  return [
    message([
      section(lines.join('\n')),
      actions(button(tp.confirm, 'pair.confirm', `confirm:${pending.id}`, 'primary'), button(tp.cancel, 'pair.cancel', `cancel:${pending.id}`)),
    ]),
  ];
}

function liveReply(ctx: HandlerContext, pairs: readonly Pair[], a: Member, b: Member): Message {
  const pair = pairs.find((p) => isLive(p) && ((p.mentorId === a.id && p.menteeId === b.id) || (p.mentorId === b.id && p.menteeId === a.id)));
  const status = pair ? ctx.t.mentoring.statuses[pair.status] : '';
  return textMessage(ctx.t.mentoring.pair.live(a.displayName, b.displayName, status));
}

/** Creates the proposed pair, records who proposed it and sends both intros. */
async function propose(ctx: HandlerContext, wanted: PendingPair, mentor: Member, mentee: Member, reason: ReasonParts | null): Promise<Message[]> {
  const at = ctx.now.toISO() ?? '';
  const profile = await ctx.deps.repos.profiles.get(ctx.workspace.id, mentor.id);
  const pair = await ctx.deps.repos.withTransaction(async (repos) => {
    const created = await repos.pairs.create(
      {
        workspaceId: ctx.workspace.id,
        mentorId: wanted.mentorId,
        menteeId: wanted.menteeId,
        kind: wanted.kind,
        status: 'proposed',
        cadence: profile?.cadence ?? ctx.workspace.settings.cadence,
        focus: wanted.focus,
        reason: reason ? ctx.t.mentoring.reason(reason) : null,
        mentorAccepted: false,
        menteeAccepted: false,
      },
      at,
    );
    await repos.mentoring.recordApproval({ pairId: created.id, workspaceId: ctx.workspace.id, source: 'pair', approvedBy: ctx.member.id, createdAt: at });
    return created;
  });
  ctx.log.info({ pairId: pair.id, kind: pair.kind }, 'pair proposed by a manager');
  await sendIntros(ctx, pair, ctx.member, reason);
  return [textMessage(ctx.t.mentoring.pair.proposed(mentor.displayName, mentee.displayName, ctx.t.mentoring.kinds[pair.kind]))];
}

/** The confirmation's buttons: `confirm:<pending>` or `cancel:<pending>`; only the manager who asked may answer (managers only, by the feature's declaration). */
export async function pairAction(ctx: HandlerContext, value: string): Promise<Message[]> {
  const tp = ctx.t.mentoring.pair;
  const colon = value.indexOf(':');
  const verb = colon < 0 ? value : value.slice(0, colon);
  const id = colon < 0 ? '' : value.slice(colon + 1);
  const found = id ? await ctx.deps.repos.pendingImports.get(ctx.workspace.id, id) : null;
  if (!found || found.kind !== PENDING_KIND) return [textMessage(tp.expired)];
  if (found.memberId !== ctx.member.id) return [textMessage(tp.notYours)];
  const taken = await ctx.deps.repos.pendingImports.take(ctx.workspace.id, id);
  if (!taken) return [textMessage(tp.expired)];
  if (verb !== 'confirm') return [textMessage(tp.cancelled)];
  if (isExpired(ctx, taken.createdAt)) return [textMessage(tp.expired)];
  const parsed = pendingSchema.safeParse(taken.payload);
  if (!parsed.success) return [textMessage(tp.expired)];
  const wanted = parsed.data;

  const data = await loadMatchData(ctx);
  const byId = new Map(data.members.map((m) => [m.id, m]));
  const mentor = byId.get(wanted.mentorId);
  const mentee = byId.get(wanted.menteeId);
  if (!mentor || !mentee) return [textMessage(tp.expired)];
  const check = checkPair(ctx.t, data, ctx.now, mentor, mentee, false);
  if (check.live) return [liveReply(ctx, data.pairs, mentor, mentee)];
  return propose(ctx, wanted, mentor, mentee, reasonFor(check.assessment, wanted.kind));
}

/** The reason of a pair a manager names follows the kind they chose: "reverse" reads as reverse mentoring. */
function reasonFor(assessment: PairAssessment, kind: PairKind): ReasonParts | null {
  return assessment.score > 0 ? { ...assessment.reason, reverse: kind === 'reverse' } : null;
}

function isExpired(ctx: HandlerContext, createdAt: string): boolean {
  return DateTime.fromISO(createdAt, { zone: 'utc' }) < ctx.now.minus({ hours: CONFIRM_HOURS });
}
