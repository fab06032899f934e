// Who Rounds may involve, and when: snooze, opt-out and time off (docs/architecture.md, Rules 10), and the commands that set them.
//
// Two questions, kept apart on purpose:
// - `isAvailable(member, date, timeOff)`: is this person at work that day (active, not on time off)?
//   Coverage asks it: a snoozed colleague still covers the front desk.
// - `canBeContacted(member, today, timeOff)`: may Rounds write to or involve this person today
//   (available, not snoozed, not opted out)? Matching, introductions, check-ins, nudges and
//   cover requests ask it, and nobody who fails it is matched, introduced or sent a touchpoint.
// Dates are `yyyy-MM-dd` in the member's own time zone; `todayFor` gives theirs.
import type { DateTime } from 'luxon';
import type { HandlerContext } from '../context.ts';
import { actions, button, message, replacing, section, textMessage } from '../messages/build.ts';
import type { Message } from '../messages/model.ts';
import type { DayPart, Member, TimeOff } from '../model.ts';
import { latestSnoozeEnd } from '../commands/dates.ts';
import { formatDay } from '../time/days.ts';

export type Half = 'morning' | 'afternoon';

/** The member's calendar date at `now`, in their time zone (the workspace's if theirs is invalid). */
export function todayFor(member: Pick<Member, 'timeZone'>, now: DateTime, fallbackZone = 'UTC'): string {
  const local = now.setZone(member.timeZone);
  return (local.isValid ? local : now.setZone(fallbackZone)).toISODate() ?? '';
}

/** Snoozed on `date`: `snoozedUntil` is the first day Rounds may write again. */
export function isSnoozed(member: Pick<Member, 'snoozedUntil'>, date: string): boolean {
  return member.snoozedUntil !== null && date < member.snoozedUntil;
}

function covers(entry: TimeOff, memberId: string, date: string): boolean {
  return entry.memberId === memberId && entry.startDate <= date && date <= entry.endDate;
}

/** Which part of `date` the member is out: `full`, one half, or null when they are in all day. */
export function outPart(timeOff: readonly TimeOff[], memberId: string, date: string): DayPart | null {
  let morning = false;
  let afternoon = false;
  for (const entry of timeOff) {
    if (!covers(entry, memberId, date)) continue;
    if (entry.part !== 'afternoon') morning = true;
    if (entry.part !== 'morning') afternoon = true;
  }
  if (morning && afternoon) return 'full';
  if (morning) return 'morning';
  return afternoon ? 'afternoon' : null;
}

/**
 * Out on `date`: for any part of it, or, given `half`, during that half.
 * A half day out counts as out for the day, so nobody is sent a touchpoint that day.
 */
export function isOut(timeOff: readonly TimeOff[], memberId: string, date: string, half?: Half): boolean {
  const part = outPart(timeOff, memberId, date);
  if (part === null) return false;
  return half === undefined || part === 'full' || part === half;
}

/** At work on `date` (or during `half` of it): active and not on time off. */
export function isAvailable(member: Member, date: string, timeOff: readonly TimeOff[], half?: Half): boolean {
  return member.active && !isOut(timeOff, member.id, date, half);
}

/** Rounds may write to or involve the member on `today`: available, not snoozed, not opted out. */
export function canBeContacted(member: Member, today: string, timeOff: readonly TimeOff[]): boolean {
  return !member.optedOut && !isSnoozed(member, today) && isAvailable(member, today, timeOff);
}

// ---- the commands: snooze <date>, snooze off, optout, optin ----------------------------------

function today(ctx: HandlerContext): string {
  return todayFor(ctx.member, ctx.now, ctx.workspace.timeZone);
}

export async function snooze(ctx: HandlerContext, command: { until: string }): Promise<Message[]> {
  const { t } = ctx;
  const now = today(ctx);
  if (command.until < now) return [textMessage(t.badDate.past)];
  if (command.until === now) return [textMessage(t.coverage.snooze.today)];
  // The parser refuses these already; this guards the store against any other caller.
  if (command.until > latestSnoozeEnd(now)) return [textMessage(t.badDate.snooze_too_far)];
  const before = ctx.member.snoozedUntil;
  await ctx.deps.repos.members.update(ctx.workspace.id, ctx.member.id, { snoozedUntil: command.until });
  ctx.log.info({ until: command.until }, 'member snoozed');
  const lines = [t.coverage.snooze.done(formatDay(command.until, now, ctx.member.locale))];
  if (ctx.member.optedOut) lines.push(t.coverage.snooze.stillOptedOut);
  const undo = `undo-snooze:${before ?? 'none'}:${command.until}`;
  return [message([section(lines.join(' ')), actions(button(t.buttons.undo, 'snooze.undo', undo))])];
}

export async function snoozeOff(ctx: HandlerContext): Promise<Message[]> {
  const { t } = ctx;
  if (!isSnoozed(ctx.member, today(ctx))) {
    if (ctx.member.snoozedUntil !== null) {
      await ctx.deps.repos.members.update(ctx.workspace.id, ctx.member.id, { snoozedUntil: null });
    }
    return [textMessage(t.coverage.snooze.notSnoozed)];
  }
  await ctx.deps.repos.members.update(ctx.workspace.id, ctx.member.id, { snoozedUntil: null });
  ctx.log.info({}, 'member ended their snooze');
  return [textMessage(t.coverage.snooze.off)];
}

export async function optOut(ctx: HandlerContext): Promise<Message[]> {
  const { t } = ctx;
  if (ctx.member.optedOut) return [textMessage(t.coverage.optout.already)];
  // One tap to leave: no confirmation, and the way back is in the same answer.
  await ctx.deps.repos.members.update(ctx.workspace.id, ctx.member.id, { optedOut: true });
  ctx.log.info({}, 'member opted out');
  return [message([section(t.coverage.optout.done), actions(button(t.buttons.undo, 'snooze.undo', 'undo-optout'))])];
}

export async function optIn(ctx: HandlerContext): Promise<Message[]> {
  const { t } = ctx;
  if (!ctx.member.optedOut) return [textMessage(t.coverage.optout.notOut)];
  await ctx.deps.repos.members.update(ctx.workspace.id, ctx.member.id, { optedOut: false });
  ctx.log.info({}, 'member opted in');
  const { snoozedUntil } = ctx.member;
  const note =
    snoozedUntil !== null && isSnoozed(ctx.member, today(ctx))
      ? ` ${t.coverage.optout.stillSnoozed(formatDay(snoozedUntil, today(ctx), ctx.member.locale))}`
      : '';
  return [message([section(`${t.coverage.optout.back}${note}`), actions(button(t.buttons.undo, 'snooze.undo', 'undo-optin'))])];
}

/**
 * Buttons of the snooze and opt-out answers, under the `snooze` prefix; the value says which. An Undo
 * reverts exactly its own answer: only while the member is still as that answer left them.
 */
export async function availabilityAction(ctx: HandlerContext, value: string): Promise<Message[]> {
  if (value === 'optin') return optIn(ctx);
  if (value === 'undo-optout' || value === 'undo-optin') return undoOptOut(ctx, value === 'undo-optout');
  const snoozed = /^undo-snooze:(none|\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (snoozed) return undoSnooze(ctx, snoozed[1] === 'none' ? null : (snoozed[1] ?? null), snoozed[2] ?? '');
  return snoozeOff(ctx);
}

/** Takes back `optout` (`wasOptOut`) or `optin`, unless the member has changed it since. */
async function undoOptOut(ctx: HandlerContext, wasOptOut: boolean): Promise<Message[]> {
  const t = ctx.t.coverage.undo;
  if (ctx.member.optedOut !== wasOptOut) return [textMessage(t.nothing)];
  await ctx.deps.repos.members.update(ctx.workspace.id, ctx.member.id, { optedOut: !wasOptOut });
  ctx.log.info({}, wasOptOut ? 'opt-out undone' : 'opt-in undone');
  return [replacing(textMessage(wasOptOut ? t.optOut : t.optIn))];
}

/** Puts the snooze back to what it was before `snooze <until>`, unless it has changed since. */
async function undoSnooze(ctx: HandlerContext, before: string | null, until: string): Promise<Message[]> {
  const t = ctx.t.coverage.undo;
  if (ctx.member.snoozedUntil !== until) return [textMessage(t.nothing)];
  await ctx.deps.repos.members.update(ctx.workspace.id, ctx.member.id, { snoozedUntil: before });
  ctx.log.info({ until: before }, 'snooze undone');
  const now = today(ctx);
  const still = before !== null && isSnoozed({ snoozedUntil: before }, now);
  return [replacing(textMessage(still ? t.snoozeBack(formatDay(before, now, ctx.member.locale)) : t.snooze))];
}
