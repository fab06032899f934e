// Lenient readers for what managers type into the settings form: times, days, cadences, zones, holiday lines.
// Pure; each returns null (or the offending part) for text it cannot read, never throws.
import { DateTime } from 'luxon';
import type { Cadence } from '../model.ts';
import { localToday, readSpan } from '../commands/dates.ts';
import { canonicalZone } from '../time/zone.ts';
import type { ParseContext } from '../commands/types.ts';
import type { Holiday } from './holidays.ts';

const WEEKDAYS: Record<string, number> = {
  mon: 1, monday: 1, mo: 1, m: 1,
  tue: 2, tues: 2, tuesday: 2, tu: 2,
  wed: 3, weds: 3, wednesday: 3, we: 3, w: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, th: 4,
  fri: 5, friday: 5, fr: 5, f: 5,
  sat: 6, saturday: 6, sa: 6,
  sun: 7, sunday: 7, su: 7,
};

/** The stable option values of the day pickers, 1 = Monday … 7 = Sunday. */
export const WEEKDAY_VALUES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "Mon", "monday", "Tues.", "fridays", "5" → ISO weekday 1..7. */
export function parseWeekday(text: string): number | null {
  const word = text.trim().toLowerCase().replace(/\.$/, '');
  if (/^[1-7]$/.test(word)) return Number(word);
  return WEEKDAYS[word] ?? WEEKDAYS[word.replace(/s$/, '')] ?? null;
}

export type WorkDaysResult = { ok: true; days: number[] } | { ok: false; bad: string };

const DAY_SETS: Record<string, number[]> = {
  weekdays: [1, 2, 3, 4, 5],
  weekday: [1, 2, 3, 4, 5],
  weekends: [6, 7],
  weekend: [6, 7],
  'every day': [1, 2, 3, 4, 5, 6, 7],
  everyday: [1, 2, 3, 4, 5, 6, 7],
  daily: [1, 2, 3, 4, 5, 6, 7],
  'all week': [1, 2, 3, 4, 5, 6, 7],
};

/**
 * "Mon, Wed, Fri", "Monday-Friday", "mon–fri and sat", "Tue through Thu", "weekdays", "mon,tue,wed"
 * → sorted ISO weekdays. A range may wrap the week ("Fri-Mon"). `bad` is the first part not understood.
 */
export function parseWorkDays(text: string): WorkDaysResult {
  const normal = text
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+(?:to|through|thru|till|until)\s+/g, '-')
    .replace(/\s*-\s*/g, '-')
    .trim();
  const days = new Set<number>();
  for (const [phrase, set] of Object.entries(DAY_SETS)) {
    if (normal === phrase) return { ok: true, days: [...set] };
  }
  const parts = normal.split(/\s*(?:[,;&+/]|\band\b)\s*|\s+/).filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, bad: text.trim() };
  for (const part of parts) {
    const set = DAY_SETS[part];
    if (set) {
      set.forEach((d) => days.add(d));
      continue;
    }
    const range = part.split('-');
    if (range.length > 2) return { ok: false, bad: part };
    const from = parseWeekday(range[0] ?? '');
    const to = range.length === 2 ? parseWeekday(range[1] ?? '') : from;
    if (from === null || to === null) return { ok: false, bad: part };
    for (let d = from, n = 0; n < 7; d = (d % 7) + 1, n++) {
      days.add(d);
      if (d === to) break;
    }
  }
  return { ok: true, days: [...days].sort((a, b) => a - b) };
}

/** "9am", "9:30 am", "9.30 a.m.", "13:00", "0830", "noon" → `HH:mm` (24-hour); null for "25:00" or "13pm". */
export function parseTime(text: string): string | null {
  const normal = text.trim().toLowerCase().replace(/\./g, (dot, at: number, all: string) => (/\d/.test(all[at + 1] ?? '') ? ':' : ''));
  if (normal === 'noon') return '12:00';
  if (normal === 'midnight') return '00:00';
  const match = /^(\d{1,2})(?:[:h]?(\d{2}))?\s*(am|pm|a|p)?$/.exec(normal.replace(/\s+/g, ' '));
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.[0];
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const CADENCE_WORDS: Record<string, Cadence> = {
  weekly: 'weekly',
  'every week': 'weekly',
  'once a week': 'weekly',
  biweekly: 'biweekly',
  'bi-weekly': 'biweekly',
  'every 2 weeks': 'biweekly',
  'every two weeks': 'biweekly',
  'every other week': 'biweekly',
  fortnightly: 'biweekly',
  monthly: 'monthly',
  'every month': 'monthly',
  'once a month': 'monthly',
};

/** "weekly", "every 2 weeks", "every other week", "monthly" → a cadence. */
export function parseCadence(text: string): Cadence | null {
  return CADENCE_WORDS[text.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

// What people in US practices call their zone. "EST" alone is a fixed offset in the IANA database
// (no daylight saving), which is never what a practice in New York means, so abbreviations map here.
const US_ZONES: Record<string, string> = {
  eastern: 'America/New_York', et: 'America/New_York', est: 'America/New_York', edt: 'America/New_York',
  central: 'America/Chicago', ct: 'America/Chicago', cst: 'America/Chicago', cdt: 'America/Chicago',
  mountain: 'America/Denver', mt: 'America/Denver', mst: 'America/Denver', mdt: 'America/Denver',
  pacific: 'America/Los_Angeles', pt: 'America/Los_Angeles', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles',
  arizona: 'America/Phoenix', az: 'America/Phoenix',
  hawaii: 'Pacific/Honolulu', hst: 'Pacific/Honolulu',
  alaska: 'America/Anchorage', akst: 'America/Anchorage', akdt: 'America/Anchorage',
};

/**
 * "Eastern", "central time", "PST", "America/Chicago", "us/pacific" → an IANA zone name. Bare offsets
 * ("+05:00", "UTC-5") are refused: they ignore daylight saving, so check-ins would move by an hour twice a year.
 */
export function parseTimeZone(text: string): string | null {
  const normal = text.trim().replace(/\s+/g, ' ');
  const key = normal.toLowerCase().replace(/^us[ /-]/, '').replace(/ (?:standard |daylight )?time$/, '');
  const us = US_ZONES[key];
  if (us) return us;
  return canonicalZone(normal);
}

export type HolidayLineProblem = 'format' | 'date' | 'name_too_long';
export interface HolidayLineError {
  /** 1-based, counting blank lines, as the manager sees the text box. */
  line: number;
  text: string;
  problem: HolidayLineProblem;
}
export interface HolidayLine extends Holiday {
  line: number;
  /** The words of the line that gave the date, as typed. */
  dateText: string;
}

export const HOLIDAY_NAME_MAX = 60;

/** The most words a holiday's date can take ("Thursday, November 26th, 2026"). */
const HOLIDAY_DATE_WORDS = 6;

/**
 * One holiday a line, the date first in the same words as time off: "Dec 24 Christmas Eve",
 * "12/31 New Year's Eve", "Jan 1 2027 New Year's Day", "2026-12-25 - Christmas", "12/25/2026: Christmas"
 * or a date alone. A date without a year is its next occurrence from today (`ctx`), since a holiday list
 * plans ahead. Blank lines and list bullets are skipped; a date listed twice keeps its first name.
 */
export function parseHolidayLines(text: string, ctx: ParseContext): { holidays: HolidayLine[]; errors: HolidayLineError[] } {
  const holidays: HolidayLine[] = [];
  const errors: HolidayLineError[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim().replace(/^[•*-]\s+/, '');
    if (trimmed.length === 0) return;
    const read = readHolidayDate(trimmed, ctx);
    if (!read.ok) return errors.push({ line, text: trimmed, problem: read.problem });
    const name = read.rest.replace(/^\s*[-–—:,|]?\s*/, '').replace(/\s+/g, ' ').trim();
    if (name.length > HOLIDAY_NAME_MAX) return errors.push({ line, text: trimmed, problem: 'name_too_long' });
    if (seen.has(read.date)) return;
    seen.add(read.date);
    holidays.push({ line, date: read.date, name, dateText: read.dateText });
  });
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, errors };
}

type HolidayDate = { ok: true; date: string; dateText: string; rest: string } | { ok: false; problem: 'format' | 'date' };

/** The longest run of leading words that reads as exactly one day; the words after it are the name, as typed. */
function readHolidayDate(line: string, ctx: ParseContext): HolidayDate {
  const words = line.split(/\s+/);
  let problem: 'format' | 'date' = 'format';
  for (let count = Math.min(words.length, HOLIDAY_DATE_WORDS); count > 0; count--) {
    const dateText = words.slice(0, count).join(' ').replace(/[\s\-–—:,|]+$/, '');
    const read = readSpan(dateText, ctx);
    if (!read.ok) {
      if (read.detail === 'no_such_date') problem = 'date';
      continue;
    }
    if (read.rest !== '' || read.span.start !== read.span.end) continue;
    return { ok: true, date: nextOccurrence(read.span.start, dateText, ctx), dateText, rest: words.slice(count).join(' ') };
  }
  return { ok: false, problem };
}

/** A date read without a year that has already passed this year means next year's. */
function nextOccurrence(date: string, dateText: string, ctx: ParseContext): string {
  const today = localToday(ctx);
  if (!today || date >= today || /\d{4}|\d{1,2}\/\d{1,2}\/\d{2}/.test(dateText)) return date;
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ years: 1 }).toISODate() ?? date;
}
