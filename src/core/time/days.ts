// Calendar days as people read them: "Mon Dec 21", "Mon Dec 21 – Thu Dec 24", with the year only when it is not this year's.
import { DateTime } from 'luxon';
import type { DayPart } from '../model.ts';

/** "Mon Dec 21"; "Mon Jan 4, 2027" when `date` is not in the year of `today`. */
export function formatDay(date: string, today: string, locale = 'en'): string {
  const day = DateTime.fromISO(date, { zone: 'utc' }).setLocale(locale);
  if (!day.isValid) return date;
  const sameYear = date.slice(0, 4) === today.slice(0, 4);
  return day.toFormat(sameYear ? 'ccc LLL d' : 'ccc LLL d, yyyy');
}

export interface DaySpan {
  startDate: string;
  endDate: string;
  part: DayPart;
}

/** "Mon Dec 21 – Thu Dec 24", "Fri Dec 18", or "Fri Dec 18 (afternoon)" with the part's word from the catalogue. */
export function formatSpan(span: DaySpan, today: string, partWord: (part: 'morning' | 'afternoon') => string, locale = 'en'): string {
  if (span.startDate === span.endDate) {
    const day = formatDay(span.startDate, today, locale);
    return span.part === 'full' ? day : `${day} (${partWord(span.part)})`;
  }
  // Both ends get the year when the span crosses into another year, so "Dec 30 – Jan 2, 2027" never reads as going back.
  const crossesYear = span.startDate.slice(0, 4) !== span.endDate.slice(0, 4);
  const start = formatDay(span.startDate, crossesYear ? '' : today, locale);
  return `${start} – ${formatDay(span.endDate, today, locale)}`;
}

/** Every calendar day from `start` to `end`, both included. */
export function daysOf(start: string, end: string): string[] {
  const days: string[] = [];
  let day = DateTime.fromISO(start, { zone: 'utc' });
  const last = DateTime.fromISO(end, { zone: 'utc' });
  if (!day.isValid || !last.isValid) return days;
  while (day <= last) {
    days.push(day.toISODate() ?? '');
    day = day.plus({ days: 1 });
  }
  return days;
}
