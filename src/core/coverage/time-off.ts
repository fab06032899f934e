// Time off: `out <dates>`, `out list`, `out cancel`, and the warning when an absence leaves a task uncovered.
//
// Decisions: an entry overlapping one already recorded is refused (never merged), with the older
// entry's Cancel button, so nothing changes behind the member's back; a morning and an afternoon of
// the same day do not overlap. Cancelling an entry that has already started ends it yesterday
// ("I'm back early") instead of erasing the days already taken; `out cancel` asks first, naming the
// dates. When the new entry leaves a task with nobody trained who is in, the member is told which task
// and days, and the people responsible for the member (see people/audience.ts) get one DM each (key
// `timeoff-gap:<timeOffId>:<leaderId>`: a DM has one reader). Those keys are the record of who was
// told: when the entry is cancelled, undone or ended early, each of them gets a withdrawal.
import { delivery, timeOffGapPrefix } from '../deliveries/kinds.ts';
import { userText } from '../messages/user-text.ts';
import { addDays, checkSpan } from '../commands/dates.ts';
import type { Command } from '../commands/types.ts';
import type { HandlerContext } from '../context.ts';
import { actions, button, context, header, message, replacing, section, textMessage } from '../messages/build.ts';
import { type Catalog, catalogFor } from '../messages/catalog.ts';
import type { Block, Message } from '../messages/model.ts';
import type { Member, TimeOff } from '../model.ts';
import { audienceFor, reachableToday, todayFor } from '../people/ports.ts';
import { isWorkDay } from '../settings/ports.ts';
import { ensureDefaultTasks } from './catalogue.ts';
import { type DaySpan, formatDay, formatSpan } from '../time/days.ts';
import { type CoverageGap, coverageGaps, gapRuns, workDaysOf } from './time-off-gaps.ts';
import { tellWithdrawn } from '../withdraw.ts';

const CANCEL_ID = 'out.cancel';

function today(ctx: HandlerContext): string {
  return todayFor(ctx.member, ctx.now, ctx.workspace.timeZone);
}

function spanText(t: Catalog, span: DaySpan, todayDate: string, locale: string): string {
  return formatSpan(span, todayDate, (part) => t.coverage.timeOff.part[part], locale);
}

/** Two entries share a moment: their days meet, unless they are the two different halves of one day. */
export function overlaps(a: DaySpan, b: DaySpan): boolean {
  if (a.endDate < b.startDate || b.endDate < a.startDate) return false;
  const halves = a.part !== 'full' && b.part !== 'full' && a.part !== b.part;
  return !halves;
}

/** A Cancel button that asks before cancelling (value `ask:<timeOffId>`). */
function cancelButton(ctx: HandlerContext, entry: TimeOff): Block {
  return actions(button(ctx.t.coverage.timeOff.cancelButton, CANCEL_ID, `ask:${entry.id}`, 'danger'));
}

/** The button that cancels at once; its label names the dates, so pressing it is the confirmation. */
function confirmButton(ctx: HandlerContext, entry: TimeOff, now: string) {
  return button(ctx.t.coverage.timeOff.confirmButton(spanText(ctx.t, entry, now, ctx.member.locale)), CANCEL_ID, `cancel:${entry.id}`, 'danger');
}

// ---- out <dates> -----------------------------------------------------------------------------

export async function addTimeOff(ctx: HandlerContext, command: Extract<Command, { name: 'out_add' }>): Promise<Message[]> {
  const { t } = ctx;
  const { repos } = ctx.deps;
  const now = today(ctx);
  // The parser has judged the dates already; this guards the store against any other caller.
  const problem = checkSpan(command.span, { now: ctx.now.toISO() ?? '', timeZone: ctx.member.timeZone });
  if (problem) return [textMessage(t.badDate[problem])];
  const span: DaySpan = { startDate: command.span.start, endDate: command.span.end, part: command.span.part };
  const mine = await repos.timeOff.listForMember(ctx.workspace.id, ctx.member.id, now);
  const clash = mine.find((entry) => overlaps(entry, span));
  if (clash) {
    return [message([section(t.coverage.timeOff.overlap(spanText(t, clash, now, ctx.member.locale))), cancelButton(ctx, clash)])];
  }
  const entry = await repos.timeOff.add({
    workspaceId: ctx.workspace.id,
    memberId: ctx.member.id,
    startDate: span.startDate,
    endDate: span.endDate,
    part: span.part,
    note: null,
  });
  ctx.log.info({ timeOffId: entry.id, start: entry.startDate, end: entry.endDate, part: entry.part }, 'time off recorded');
  const recorded = section(t.coverage.timeOff.recorded(spanText(t, entry, now, ctx.member.locale)));
  const replies = [message([recorded, actions(button(t.buttons.undo, CANCEL_ID, `undo:${entry.id}`))])];
  const warning = await warnAboutGaps(ctx, entry);
  if (warning) replies.push(warning);
  return replies;
}

/** The member's warning about uncovered tasks, after telling the managers; null when every task stays covered. */
async function warnAboutGaps(ctx: HandlerContext, entry: TimeOff): Promise<Message | null> {
  const { repos } = ctx.deps;
  const settings = ctx.workspace.settings;
  const [members, tasks, skills, timeOff] = await Promise.all([
    repos.members.list(ctx.workspace.id),
    ensureDefaultTasks(repos, ctx.workspace.id),
    repos.skills.listForWorkspace(ctx.workspace.id),
    repos.timeOff.listOverlapping(ctx.workspace.id, entry.startDate, entry.endDate),
  ]);
  const workDay = (date: string) => isWorkDay(settings, date);
  const gaps = coverageGaps({ entry, members, tasks, skills, timeOff, isWorkDay: workDay });
  if (gaps.length === 0) return null;
  const checked = workDaysOf(entry.startDate, entry.endDate, workDay);
  const told = await tellManagers(ctx, entry, gaps, checked, members);
  const { t } = ctx;
  const lines = [t.coverage.timeOff.gapIntro, ...gapLines(t, gaps, checked, today(ctx), ctx.member.locale)];
  const blocks: Block[] = [section(lines.join('\n'))];
  if (told.length > 0) blocks.push(context(t.coverage.timeOff.gapManagersTold(t.coverage.list(told.map((m) => userText(m.displayName))))));
  return message(blocks);
}

function gapLines(t: Catalog, gaps: readonly CoverageGap[], checked: readonly string[], todayDate: string, locale: string): string[] {
  return gaps.map((gap) => {
    const runs = gapRuns(gap.days, checked).map((run) =>
      run.start === run.end
        ? formatDay(run.start, todayDate, locale)
        : formatSpan({ startDate: run.start, endDate: run.end, part: 'full' }, todayDate, () => '', locale),
    );
    return t.coverage.timeOff.gapLine(gap.task.name, runs.join(', '));
  });
}

/**
 * Who hears about a gap: the people responsible for the member (their manager, else the manager's
 * manager, else the admins), among those Rounds may contact today. Returns who was told.
 */
async function tellManagers(
  ctx: HandlerContext,
  entry: TimeOff,
  gaps: readonly CoverageGap[],
  checked: readonly string[],
  members: readonly Member[],
): Promise<Member[]> {
  const member = ctx.member;
  const leaders = members.filter((m) => m.role === 'manager' || m.role === 'admin');
  const recipients = audienceFor(member, leaders, { reachable: await reachableToday(ctx) });
  for (const recipient of recipients) {
    // One manager's failed enqueue must not stop the others', nor lose the member's own answer.
    try {
      const t = catalogFor(recipient.locale);
      const theirToday = todayFor(recipient, ctx.now, ctx.workspace.timeZone);
      const lines = [
        t.coverage.timeOff.gapManager(member, spanText(t, entry, theirToday, recipient.locale)),
        ...gapLines(t, gaps, checked, theirToday, recipient.locale),
      ];
      await ctx.deps.outbox.enqueue({
        workspaceId: ctx.workspace.id,
        ...delivery('timeoff-gap', entry.id, recipient.id),
        memberIds: [recipient.id],
        conversation: 'dm',
        message: message([section(lines.join('\n')), context(t.coverage.timeOff.gapManagerFooter)]),
      });
    } catch (err) {
      ctx.log.error({ err, recipientId: recipient.id, timeOffId: entry.id }, 'could not tell a manager about a coverage gap');
    }
  }
  return recipients;
}

// ---- out list, out cancel --------------------------------------------------------------------

const PART_ORDER: Record<TimeOff['part'], number> = { full: 0, morning: 1, afternoon: 2 };

/** The member's entries that have not ended, in calendar order (a morning before the afternoon). */
async function upcoming(ctx: HandlerContext, now: string): Promise<TimeOff[]> {
  const entries = await ctx.deps.repos.timeOff.listForMember(ctx.workspace.id, ctx.member.id, now);
  return entries.sort((a, b) => a.startDate.localeCompare(b.startDate) || PART_ORDER[a.part] - PART_ORDER[b.part]);
}

export async function listTimeOff(ctx: HandlerContext): Promise<Message[]> {
  const { t } = ctx;
  const now = today(ctx);
  const entries = await upcoming(ctx, now);
  if (entries.length === 0) return [textMessage(t.coverage.timeOff.listEmpty)];
  const blocks: Block[] = [header(t.coverage.timeOff.listTitle)];
  for (const entry of entries) {
    blocks.push(section(spanText(t, entry, now, ctx.member.locale)), cancelButton(ctx, entry));
  }
  return [message(blocks)];
}

export async function cancelTimeOff(ctx: HandlerContext): Promise<Message[]> {
  const { t } = ctx;
  const now = today(ctx);
  const entries = await upcoming(ctx, now);
  const [only] = entries;
  if (!only) return [textMessage(t.coverage.timeOff.cancelNone)];
  if (entries.length === 1) return [confirmation(ctx, only, now)];
  const blocks: Block[] = [section(t.coverage.timeOff.cancelWhich)];
  for (const entry of entries) blocks.push(actions(confirmButton(ctx, entry, now)));
  return [message(blocks)];
}

function confirmation(ctx: HandlerContext, entry: TimeOff, now: string): Message {
  const { t } = ctx;
  const span = spanText(t, entry, now, ctx.member.locale);
  return message([
    section(t.coverage.timeOff.confirmCancel(span)),
    actions(confirmButton(ctx, entry, now), button(t.coverage.timeOff.keepButton, 'out.keep', `keep:${entry.id}`)),
  ]);
}

/**
 * Removes an entry that has not started (or, `undo`, one just recorded, whenever it starts); ends one
 * in progress yesterday. Everyone who got a heads-up about it gets a withdrawal. Returns the sentence saying which.
 */
async function cancelEntry(ctx: HandlerContext, entry: TimeOff, now: string, undo = false): Promise<string> {
  const { t } = ctx;
  const { repos } = ctx.deps;
  const span = spanText(t, entry, now, ctx.member.locale);
  if (undo || entry.startDate >= now) {
    await repos.timeOff.remove(ctx.workspace.id, entry.id);
    ctx.log.info({ timeOffId: entry.id }, undo ? 'time off undone' : 'time off cancelled');
    const told = await withdrawHeadsUps(ctx, entry, null);
    return withTold(t, undo ? t.coverage.timeOff.undone(span) : t.coverage.timeOff.cancelled(span), told);
  }
  const shortened = await repos.withTransaction(async (tx) => {
    await tx.timeOff.remove(ctx.workspace.id, entry.id);
    return tx.timeOff.add({ ...withoutId(entry), endDate: addDays(now, -1) });
  });
  ctx.log.info({ timeOffId: entry.id, replacedBy: shortened.id }, 'time off ended early');
  const told = await withdrawHeadsUps(ctx, entry, shortened.endDate);
  return withTold(t, t.coverage.timeOff.ended(spanText(t, shortened, now, ctx.member.locale)), told);
}

function withTold(t: Catalog, sentence: string, told: readonly Member[]): string {
  return told.length === 0 ? sentence : `${sentence} ${t.coverage.timeOff.withdrawnTold(t.coverage.list(told.map((m) => userText(m.displayName))))}`;
}

/**
 * Tells everyone who got a heads-up about `entry` (the deliveries under its key, failed ones left out)
 * that no cover is needed: it was cancelled, or, with `lastDay`, ended early on that day. Returns who.
 */
async function withdrawHeadsUps(ctx: HandlerContext, entry: TimeOff, lastDay: string | null): Promise<Member[]> {
  return tellWithdrawn(ctx, {
    toldPrefix: timeOffGapPrefix(entry.id),
    delivery: (recipient) => delivery('timeoff-withdrawn', entry.id, recipient.id),
    text: (recipient) => {
      const t = catalogFor(recipient.locale);
      const theirToday = todayFor(recipient, ctx.now, ctx.workspace.timeZone);
      const span = spanText(t, entry, theirToday, recipient.locale);
      return lastDay === null
        ? t.coverage.timeOff.withdrawn(ctx.member.displayName, span)
        : t.coverage.timeOff.withdrawnEarly(ctx.member.displayName, span, formatDay(lastDay, theirToday, recipient.locale));
    },
  });
}

function withoutId(entry: TimeOff): Omit<TimeOff, 'id'> {
  return {
    workspaceId: entry.workspaceId,
    memberId: entry.memberId,
    startDate: entry.startDate,
    endDate: entry.endDate,
    part: entry.part,
    note: entry.note,
  };
}

/**
 * The time-off buttons (`out.cancel`, `out.keep`); the value says which, always with the entry's id: `ask:` shows
 * the confirmation, `cancel:` cancels, `keep:` keeps it, `undo:` takes back an entry just recorded.
 * Only the member's own entries are touched; an entry gone or changed since (ended early, so a new id)
 * gets a kind answer and nothing changes.
 */
export async function timeOffAction(ctx: HandlerContext, value: string): Promise<Message[]> {
  const { t } = ctx;
  const match = /^(ask|cancel|keep|undo):(.+)$/.exec(value);
  if (!match) return [textMessage(t.coverage.staleAction)];
  const [, verb, id] = match;
  const now = today(ctx);
  const entries = await ctx.deps.repos.timeOff.listForMember(ctx.workspace.id, ctx.member.id, verb === 'undo' ? '1970-01-01' : now);
  const entry = entries.find((e) => e.id === id);
  if (!entry) return [textMessage(verb === 'undo' ? t.coverage.timeOff.nothingToUndo : t.coverage.timeOff.alreadyGone)];
  const span = spanText(t, entry, now, ctx.member.locale);
  if (verb === 'ask') return [confirmation(ctx, entry, now)];
  if (verb === 'keep') return [replacing(textMessage(t.coverage.timeOff.kept(span)))];
  return [replacing(textMessage(await cancelEntry(ctx, entry, now, verb === 'undo')))];
}
