// When a member's check-in, reminder or nudge may go out: their ISO week, their work day and their local time. Pure.
//
// One rule serves the schedule and its catch-up: a touchpoint goes out on a day that is a work day of
// the practice on which the member may be contacted (not out, not snoozed, not opted out), at or after
// the check-in time of that day in the member's own zone. A tick that runs late (the process was down,
// the local clock moved) sends this week's check-in on the first such day it sees, never last week's.
import { DateTime } from 'luxon';
import type { Cadence, Member, TimeOff, Workspace, WorkspaceSettings } from '../model.ts';
import { canBeContacted } from '../people/availability.ts';
import { checkinInstant, isWorkDay, workDayCheckinInstant } from '../settings/calendar.ts';
import { isoWeekOf } from '../time/week.ts';
import { canonicalZone } from '../time/zone.ts';

type Settings = Pick<WorkspaceSettings, 'workDays' | 'holidays' | 'holidaysSet' | 'checkinDay' | 'checkinTime'>;

/** The member's zone, or the workspace's when theirs is not a zone luxon knows (UTC as the last resort). */
export function zoneOf(member: Pick<Member, 'timeZone'>, workspace: Pick<Workspace, 'timeZone'>): string {
  for (const zone of [member.timeZone, workspace.timeZone]) {
    if (canonicalZone(zone) !== null) return zone;
  }
  return 'UTC';
}

/**
 * At work and reachable now: today (in `zone`) is a work day, the member may be contacted today, and
 * the day's check-in time has come. A check-in time that does not exist that day (spring forward)
 * moves forward by the gap.
 */
export function reachableNow(settings: Settings, member: Member, zone: string, now: DateTime, timeOff: readonly TimeOff[]): boolean {
  const local = now.setZone(zone);
  const today = local.toISODate() ?? '';
  if (!isWorkDay(settings, today) || !canBeContacted(member, today, timeOff)) return false;
  const at = checkinInstant({ ...settings, checkinDay: local.weekday }, zone, isoWeekOf(now, zone));
  return now.toMillis() >= at.toMillis();
}

/**
 * The weekly check-in is due now: today is the check-in day or a later day of the same ISO week (a day
 * out, snoozed or a holiday moves it to the next work day of that week, and a week without one has none),
 * and `reachableNow`. Whether it was sent already is the caller's business (its delivery key).
 */
export function checkinDueNow(settings: Settings, member: Member, zone: string, now: DateTime, timeOff: readonly TimeOff[]): boolean {
  return now.setZone(zone).weekday >= settings.checkinDay && reachableNow(settings, member, zone, now, timeOff);
}

/**
 * A pair belongs in the member's check-in of `isoWeek` when it was active by that week's regular check-in
 * instant: a pair that starts on Tuesday is first asked about the week after.
 */
export function pairInWeek(settings: Settings, zone: string, isoWeek: string, activatedAt: string | null): boolean {
  if (activatedAt === null) return true;
  const regular = workDayCheckinInstant(settings, zone, isoWeek) ?? checkinInstant(settings, zone, isoWeek);
  return DateTime.fromISO(activatedAt).toMillis() <= regular.toMillis();
}

/**
 * The reminder of an unanswered check-in is due now: on a later day than the check-in was sent, in the
 * same ISO week, and `reachableNow` (so the next work day the member is in, at the check-in time).
 */
export function reminderDueNow(
  settings: Settings,
  member: Member,
  zone: string,
  now: DateTime,
  timeOff: readonly TimeOff[],
  checkin: { isoWeek: string; sentAt: string },
): boolean {
  if (isoWeekOf(now, zone) !== checkin.isoWeek) return false;
  const sentDay = DateTime.fromISO(checkin.sentAt).setZone(zone).toISODate() ?? '';
  const today = now.setZone(zone).toISODate() ?? '';
  return today > sentDay && reachableNow(settings, member, zone, now, timeOff);
}

/** Days in each cadence: "within its cadence" for a nudge. */
export const CADENCE_DAYS: Readonly<Record<Cadence, number>> = { weekly: 7, biweekly: 14, monthly: 30 };

/**
 * The cadence period a quiet pair is in at `now`: counted from the later of its activation and its last
 * "We met", in whole cadences. Null while the pair is within its first cadence (not quiet). The period is
 * named by the UTC date it began, so each period has one nudge key.
 */
export function quietPeriod(cadence: Cadence, since: string, now: DateTime): string | null {
  const start = DateTime.fromISO(since, { zone: 'utc' });
  const days = CADENCE_DAYS[cadence];
  const periods = Math.floor(now.diff(start, 'days').days / days);
  if (!(periods >= 1)) return null;
  return start.plus({ days: periods * days }).toISODate();
}

/** The later of two ISO instants, either of which may be missing. */
export function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return DateTime.fromISO(a).toMillis() >= DateTime.fromISO(b).toMillis() ? a : b;
}
