// The practice calendar: which dates are work days, and when a member's weekly check-in falls. Pure.
import { DateTime, type WeekdayNumbers } from 'luxon';
import { RoundsError } from '../errors.ts';
import type { WorkspaceSettings } from '../model.ts';
import { usFederalHolidays } from './holidays.ts';

type CalendarSettings = Pick<WorkspaceSettings, 'workDays' | 'holidays' | 'holidaysSet' | 'checkinDay' | 'checkinTime'>;

/** How far `nextWorkDay` looks before deciding the settings have no work day at all. */
const SEARCH_DAYS = 366 * 2;

/** The settings name no work day within two years (only stored data that bypassed the form can). */
export class NoWorkDayError extends RoundsError {
  constructor(from: string) {
    super('no_work_day', `no work day within ${SEARCH_DAYS} days after ${from}`);
  }
}

/** Whether the practice has its own holiday list (a stored list from before the flag existed counts). */
export function holidaysAreSet(settings: Pick<WorkspaceSettings, 'holidays' | 'holidaysSet'>): boolean {
  return settings.holidaysSet || settings.holidays.length > 0;
}

/**
 * Whether the practice holds `date` (`yyyy-MM-dd`) as a holiday. Until the practice's list was set,
 * the US federal holidays apply, for any year.
 */
function isHoliday(settings: Pick<WorkspaceSettings, 'holidays' | 'holidaysSet'>, date: string): boolean {
  if (holidaysAreSet(settings)) return settings.holidays.includes(date);
  return usFederalHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}

/** A work day of the practice and not one of its holidays. `date` is `yyyy-MM-dd`, in whichever zone the caller means. */
export function isWorkDay(settings: Pick<CalendarSettings, 'workDays' | 'holidays' | 'holidaysSet'>, date: string): boolean {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  if (!day.isValid) throw new RoundsError('invalid_date', `not a yyyy-MM-dd date: ${date}`);
  return settings.workDays.includes(day.weekday) && !isHoliday(settings, date);
}

/** The first work day strictly after `date` (`yyyy-MM-dd`). */
export function nextWorkDay(settings: Pick<CalendarSettings, 'workDays' | 'holidays' | 'holidaysSet'>, date: string): string {
  let day = DateTime.fromISO(date, { zone: 'utc' });
  if (!day.isValid) throw new RoundsError('invalid_date', `not a yyyy-MM-dd date: ${date}`);
  for (let n = 0; n < SEARCH_DAYS; n++) {
    day = day.plus({ days: 1 });
    const iso = day.toISODate() ?? '';
    if (isWorkDay(settings, iso)) return iso;
  }
  throw new NoWorkDayError(date);
}

/**
 * The instant (UTC) of a member's check-in in ISO week `isoWeek` (`2026-W11`) of their own zone: the
 * practice's check-in day at its check-in time, local to `memberZone` (default Monday 09:00). A local
 * time that does not exist that day (skipped by a spring-forward change) moves forward by the gap.
 * Holidays are not considered here: see `workDayCheckinInstant`.
 */
export function checkinInstant(settings: Pick<CalendarSettings, 'checkinDay' | 'checkinTime'>, memberZone: string, isoWeek: string): DateTime {
  return localCheckin(settings, memberZone, isoWeek, settings.checkinDay).toUTC();
}

/**
 * The check-in instant moved to the first work day of the same ISO week, on or after the check-in
 * day, when that day is a holiday or not a work day (e.g. Memorial Day moves a Monday check-in to
 * Tuesday); null when no work day is left in that week.
 */
export function workDayCheckinInstant(settings: CalendarSettings, memberZone: string, isoWeek: string): DateTime | null {
  for (let weekday = settings.checkinDay; weekday <= 7; weekday++) {
    const local = localCheckin(settings, memberZone, isoWeek, weekday);
    if (isWorkDay(settings, local.toISODate() ?? '')) return local.toUTC();
  }
  return null;
}

function localCheckin(settings: Pick<CalendarSettings, 'checkinTime'>, zone: string, isoWeek: string, weekday: number): DateTime {
  const week = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  const [hour, minute] = settings.checkinTime.split(':').map(Number);
  const local = week
    ? DateTime.fromObject(
        { weekYear: Number(week[1]), weekNumber: Number(week[2]), weekday: weekday as WeekdayNumbers, hour, minute },
        { zone },
      )
    : DateTime.invalid('bad week');
  if (!local.isValid) throw new RoundsError('invalid_week', `cannot place a check-in in week ${isoWeek} of zone ${zone}`);
  return local;
}
