// When a member's check-in, reminder or nudge may go out: their ISO week, their work day and their local time. Pure.
//
// One rule serves the schedule and its catch-up: a touchpoint goes out on a day that is a work day of
// the practice on which the member may be contacted (not out, not snoozed, not opted out), within that
// day's working window in the member's own zone: from the check-in time until 18:00. A tick that runs
// late (the process was down) sends what it owes at once inside the window; outside it, the touchpoint
// waits for the next work morning of the same period (this week's check-in, never last week's) and is
// dropped when none is left. `wakeupsBetween` names the instants a moved clock steps through.
import { DateTime } from 'luxon';
import type { Cadence, Member, TimeOff, Workspace, WorkspaceSettings } from '../model.ts';
import { canBeContacted } from '../people/ports.ts';
import { checkinInstant, isWorkDay, workDayCheckinInstant } from '../settings/ports.ts';
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

/** The end of the working window: a touchpoint caught up later in the day waits for the next work morning. */
export const WORKDAY_ENDS = '18:00';

/**
 * The working window of the local day `at` falls in (in `zone`): from the day's check-in time until
 * `WORKDAY_ENDS`, or until midnight when the check-in time is that late. A check-in time that does not
 * exist that day (spring forward) moves forward by the gap.
 */
function workingWindow(settings: Pick<Settings, 'checkinTime'>, zone: string, at: DateTime): { opens: DateTime; closes: DateTime } {
  const local = at.setZone(zone);
  const opens = checkinInstant({ ...settings, checkinDay: local.weekday }, zone, isoWeekOf(at, zone));
  const [hour, minute] = WORKDAY_ENDS.split(':').map(Number);
  const ends = local.set({ hour, minute, second: 0, millisecond: 0 });
  const closes = settings.checkinTime < WORKDAY_ENDS ? ends : local.startOf('day').plus({ days: 1 });
  return { opens, closes: closes.toUTC() };
}

/**
 * At work and reachable now: today (in `zone`) is a work day, the member may be contacted today, and
 * now is within the day's working window (`workingWindow`).
 */
export function reachableNow(settings: Settings, member: Member, zone: string, now: DateTime, timeOff: readonly TimeOff[]): boolean {
  const today = now.setZone(zone).toISODate() ?? '';
  if (!isWorkDay(settings, today) || !canBeContacted(member, today, timeOff)) return false;
  const { opens, closes } = workingWindow(settings, zone, now);
  return now.toMillis() >= opens.toMillis() && now.toMillis() < closes.toMillis();
}

/**
 * The instants in (`from`, `to`] at which a touchpoint can become due, for members in `zones` and quiet
 * periods counted from `nudgeSince`: each work day's window opening in each zone, and each cadence period's
 * start (a nudge can fall due then, inside a window). Between two of them the rules above give the same
 * answer they gave at the earlier one, so a clock moved forward runs the tick at these instants, in order,
 * instead of every minute. Sorted, without repeats.
 */
export function wakeupsBetween(
  settings: Settings,
  zones: Iterable<string>,
  nudgeSince: Iterable<{ cadence: Cadence; since: string }>,
  from: DateTime,
  to: DateTime,
): DateTime[] {
  const inRange = (t: DateTime) => t.toMillis() > from.toMillis() && t.toMillis() <= to.toMillis();
  const found = new Map<number, DateTime>();
  for (const zone of new Set(zones)) {
    const last = to.setZone(zone).startOf('day');
    for (let day = from.setZone(zone).startOf('day'); day.toMillis() <= last.toMillis(); day = day.plus({ days: 1 })) {
      if (!isWorkDay(settings, day.toISODate() ?? '')) continue;
      const { opens } = workingWindow(settings, zone, day.plus({ hours: 12 }));
      if (inRange(opens)) found.set(opens.toMillis(), opens.toUTC());
    }
  }
  for (const { cadence, since } of nudgeSince) {
    const start = DateTime.fromISO(since, { zone: 'utc' });
    if (!start.isValid) continue;
    const days = CADENCE_DAYS[cadence];
    const first = Math.max(1, Math.ceil(from.diff(start, 'days').days / days));
    for (let k = first; ; k++) {
      const t = start.plus({ days: k * days });
      if (t.toMillis() > to.toMillis()) break;
      if (inRange(t)) found.set(t.toMillis(), t);
    }
  }
  return [...found.values()].sort((a, b) => a.toMillis() - b.toMillis());
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
