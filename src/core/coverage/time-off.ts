// Time off: `out <dates>`, `out list`, `out cancel`, and the warning when an absence leaves a task uncovered.
//
// Decisions: an entry overlapping one already recorded is refused (never merged), with the older
// entry's Cancel button, so nothing changes behind the member's back; a morning and an afternoon of
// the same day do not overlap. Cancelling an entry that has already started ends it yesterday
// ("I'm back early") instead of erasing the days already taken. When the new entry leaves a task
// with nobody trained who is in, the member is told which task and days, and their manager and the
// practice's admins get one DM each (key `timeoff-gap:<timeOffId>:<managerId>`: a DM has one reader).
import { userText } from '../messages/user-text.ts';
import { addDays, checkSpan } from '../commands/dates.ts';
import type { Command } from '../commands/types.ts';
import type { HandlerContext } from '../context.ts';
import { actions, button, context, header, message, section, textMessage } from '../messages/build.ts';
import { type Catalog, catalogFor } from '../messages/catalog.ts';
import type { Block, Message } from '../messages/model.ts';
import type { Member, TimeOff } from '../model.ts';
import { canBeContacted, todayFor } from '../people/availability.ts';
import { isWorkDay } from '../settings/calendar.ts';
import { ensureDefaultTasks } from './catalogue.ts';
import { type DaySpan, formatDay, formatSpan } from './dates.ts';
import { type CoverageGap, coverageGaps, gapRuns, workDaysOf } from './time-off-gaps.ts';

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

function cancelButton(ctx: HandlerContext, entry: TimeOff, label?: string): Block {
  return actions(button(label ?? ctx.t.coverage.timeOff.cancelButton, CANCEL_ID, `cancel:${entry.id}`, 'danger'));
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
  const replies = [textMessage(t.coverage.timeOff.recorded(spanText(t, entry, now, ctx.member.locale)))];
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
 * Who hears about a gap: the member's own manager and the practice's admins, among those Rounds
 * may contact today; when none of them can be, every manager who can. Returns who was told.
 */
async function tellManagers(
  ctx: HandlerContext,
  entry: TimeOff,
  gaps: readonly CoverageGap[],
  checked: readonly string[],
  members: readonly Member[],
): Promise<Member[]> {
  const member = ctx.member;
  const timeOffToday = await ctx.deps.repos.timeOff.listOverlapping(ctx.workspace.id, addDays(today(ctx), -1), addDays(today(ctx), 1));
  const reachable = (m: Member) =>
    m.id !== member.id && canBeContacted(m, todayFor(m, ctx.now, ctx.workspace.timeZone), timeOffToday);
  const first = members.filter((m) => (m.id === member.managerId || m.role === 'admin') && reachable(m));
  const recipients = first.length > 0 ? first : members.filter((m) => (m.role === 'manager' || m.role === 'admin') && reachable(m));
  for (const recipient of recipients) {
    // One manager's failed enqueue must not stop the others', nor lose the member's own answer.
    try {
      const t = catalogFor(recipient.locale);
      const theirToday = todayFor(recipient, ctx.now, ctx.workspace.timeZone);
      const lines = [
        t.coverage.timeOff.gapManager(`<@${member.externalId}>`, spanText(t, entry, theirToday, recipient.locale)),
        ...gapLines(t, gaps, checked, theirToday, recipient.locale),
      ];
      await ctx.deps.outbox.enqueue({
        workspaceId: ctx.workspace.id,
        key: `timeoff-gap:${entry.id}:${recipient.id}`,
        kind: 'timeoff-gap',
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
  if (entries.length === 1) return [textMessage(await cancelEntry(ctx, only, now))];
  const blocks: Block[] = [section(t.coverage.timeOff.cancelWhich)];
  for (const entry of entries) blocks.push(cancelButton(ctx, entry, spanText(t, entry, now, ctx.member.locale)));
  return [message(blocks)];
}

/** Removes an entry that has not started; ends one in progress yesterday. Returns the sentence saying which. */
async function cancelEntry(ctx: HandlerContext, entry: TimeOff, now: string): Promise<string> {
  const { t } = ctx;
  const { repos } = ctx.deps;
  if (entry.startDate >= now) {
    await repos.timeOff.remove(ctx.workspace.id, entry.id);
    ctx.log.info({ timeOffId: entry.id }, 'time off cancelled');
    return t.coverage.timeOff.cancelled(spanText(t, entry, now, ctx.member.locale));
  }
  const shortened = await repos.withTransaction(async (tx) => {
    await tx.timeOff.remove(ctx.workspace.id, entry.id);
    return tx.timeOff.add({ ...withoutId(entry), endDate: addDays(now, -1) });
  });
  ctx.log.info({ timeOffId: entry.id, replacedBy: shortened.id }, 'time off ended early');
  return t.coverage.timeOff.ended(spanText(t, shortened, now, ctx.member.locale));
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

/** The Cancel buttons (`out.cancel`, value `cancel:<timeOffId>`). Only the member's own entries can be cancelled. */
export async function timeOffAction(ctx: HandlerContext, value: string): Promise<Message[]> {
  const { t } = ctx;
  const id = /^cancel:(.+)$/.exec(value)?.[1];
  if (!id) return [textMessage(t.coverage.staleAction)];
  const now = today(ctx);
  const entries = await ctx.deps.repos.timeOff.listForMember(ctx.workspace.id, ctx.member.id, now);
  const entry = entries.find((e) => e.id === id);
  if (!entry) return [textMessage(t.coverage.timeOff.alreadyGone)];
  return [textMessage(await cancelEntry(ctx, entry, now))];
}
