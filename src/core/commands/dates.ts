// Reads days and spans of days from casual English, in the member's time zone, relative to the Clock's now.
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { DayPart } from '../model.ts';
import type { DateSpan, NoSuchDate, ParseContext } from './types.ts';

/** Why a date could not be used; the same words as `ParseFailure['detail']`. */
export type DateProblem = 'unparsed' | 'end_before_start' | 'past' | 'too_long' | 'too_far' | 'no_such_date';

/** What `checkSpan` can find wrong with a span that was read. */
export type SpanProblem = Exclude<DateProblem, 'no_such_date'>;

/** The longest span `out` and `cover` accept, in days, both ends included. */
export const MAX_SPAN_DAYS = 60;

/** Time off (and cover) must start within this many months from today. */
export const MAX_START_MONTHS = 18;

/** A snooze must end (Rounds may write again) within this many months from today. */
export const MAX_SNOOZE_MONTHS = 12;

/**
 * What `readSpan` found: the span, and the words it did not use (lowercased,
 * normalised), so a caller can read a task or a note out of the same sentence.
 */
export type SpanReading =
  | { ok: true; span: DateSpan; rest: string }
  | { ok: false; detail: 'unparsed' | 'end_before_start' }
  | { ok: false; detail: 'no_such_date'; nonexistent: NoSuchDate };

export type SpanResult =
  | { ok: true; span: DateSpan }
  | { ok: false; detail: SpanProblem }
  | { ok: false; detail: 'no_such_date'; nonexistent: NoSuchDate };
export type DayResult =
  | { ok: true; date: string }
  | { ok: false; detail: 'unparsed' }
  | { ok: false; detail: 'no_such_date'; nonexistent: NoSuchDate };

type Day = DateTime;

interface Found {
  start: Day;
  end: Day;
  /** Character ranges of the normalised text that the dates used. */
  used: Array<[number, number]>;
}

/** Today's date (`yyyy-MM-dd`) in the member's zone, or undefined when `now` or the zone is invalid. */
export function localToday(ctx: ParseContext): string | undefined {
  return today(ctx)?.toISODate() ?? undefined;
}

/** Adds days to a `yyyy-MM-dd` date (calendar days, so DST never shifts it). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;
}

/** Adds calendar months to a `yyyy-MM-dd` date; a day the month lacks becomes its last ("Aug 31" + 6 months is Feb 28). */
export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate() ?? date;
}

/** The last day time off may start on, `MAX_START_MONTHS` after `today` (`yyyy-MM-dd`). */
export function latestStart(today: string): string {
  return addMonths(today, MAX_START_MONTHS);
}

/** The last day a snooze may run until, `MAX_SNOOZE_MONTHS` after `today` (`yyyy-MM-dd`). */
export function latestSnoozeEnd(today: string): string {
  return addMonths(today, MAX_SNOOZE_MONTHS);
}

/** Days in a span, both ends included. */
export function spanDays(span: Pick<DateSpan, 'start' | 'end'>): number {
  const start = DateTime.fromISO(span.start, { zone: 'utc' });
  const end = DateTime.fromISO(span.end, { zone: 'utc' });
  return Math.round(end.diff(start, 'days').days) + 1;
}

/**
 * Reads a day or a span of days, without judging it (past and length are `checkSpan`'s).
 * Words that are not part of the dates are ignored and returned in `rest`.
 */
export function readSpan(text: string, ctx: ParseContext): SpanReading {
  const now = today(ctx);
  if (!now) return { ok: false, detail: 'unparsed' };
  const s = normaliseDateText(text);
  const nonexistent = findNonexistentDate(s, now);
  if (nonexistent) return { ok: false, detail: 'no_such_date', nonexistent };
  let found = readSpecial(s, now) ?? readChrono(s, now) ?? readOrdinals(s, now);
  if (!found) return { ok: false, detail: 'unparsed' };
  // "until friday", "thru jan 3": from today to that day.
  const open = /^(?:from now |starting now |from today )?(?:to|until|up to|up until) /.exec(s);
  if (open && found !== 'end_before_start' && found.used.every(([from]) => from >= open[0].length)) {
    found = { start: now, end: found.end, used: [[0, open[0].length], ...found.used] };
  }
  if (found === 'end_before_start' || found.end < found.start) return { ok: false, detail: 'end_before_start' };
  const start = found.start.toISODate();
  const end = found.end.toISODate();
  if (!start || !end) return { ok: false, detail: 'unparsed' };
  const part: DayPart = start === end ? dayPart(s) : 'full';
  return { ok: true, span: { start, end, part }, rest: remainder(s, found.used) };
}

/** The problem with a span someone wants to record or cover, if any. */
export function checkSpan(
  span: Pick<DateSpan, 'start' | 'end'>,
  ctx: ParseContext,
  maxDays: number = MAX_SPAN_DAYS,
): SpanProblem | undefined {
  const todayDate = localToday(ctx);
  if (span.end < span.start) return 'end_before_start';
  if (todayDate && span.end < todayDate) return 'past';
  if (todayDate && span.start > latestStart(todayDate)) return 'too_far';
  if (spanDays(span) > maxDays) return 'too_long';
  return undefined;
}

/** Reads and checks a span of time off or coverage. */
export function parseSpan(text: string, ctx: ParseContext): SpanResult {
  const read = readSpan(text, ctx);
  if (!read.ok) return read;
  const problem = checkSpan(read.span, ctx);
  return problem ? { ok: false, detail: problem } : { ok: true, span: read.span };
}

/**
 * Reads one day (the first day of a span, if a span is written). Not judged: a start
 * date may be in the near past. A month and day without a year is the nearest one.
 */
export function parseDay(text: string, ctx: ParseContext): DayResult {
  const read = readSpan(text, ctx);
  if (read.ok) return { ok: true, date: read.span.start };
  return read.detail === 'no_such_date' ? read : { ok: false, detail: 'unparsed' };
}

function today(ctx: ParseContext): Day | undefined {
  const now = DateTime.fromISO(ctx.now, { zone: ctx.timeZone });
  return now.isValid ? now.startOf('day') : undefined;
}

const WEEKDAY_ABBREVIATIONS: Record<string, string> = {
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  weds: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

function normaliseDateText(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\b(?:tmrw|tmrrw|tmr|tmw|tmrow|tomorow|tommorow|tommorrow|tomorrrow|2morrow|2moro)\b/g, 'tomorrow')
      .replace(/\b(?:tdy|2day)\b/g, 'today')
      .replace(/\bnxt\b/g, 'next')
      .replace(/\bwks?\b/g, (w) => (w === 'wk' ? 'week' : 'weeks'))
      .replace(/\b(mon|tues?|weds?|thu|thurs?|fri|sat|sun)\b\.?/g, (w, abbr: string) => WEEKDAY_ABBREVIATIONS[abbr] ?? w)
      // chrono reads "through" and "till" poorly, "to" well.
      // The apostrophe of "'til" goes too, or "dec 10 'til dec 12" would be read as Dec 10 alone.
      .replace(/\s*(?:['\u2018\u2019]\b)?\b(?:through|thru|till|til|untill|up to and including)\b\s*/g, ' to ')
      // "12/20-24": chrono would take "20-24" as a year; spell the month out again.
      .replace(/\b(\d{1,2})\/(\d{1,2})\s*-\s*(\d{1,2})\b(?![/\d])/g, '$1/$2 - $1/$3')
      // "12/20-12/24": chrono needs room around the dash between two slashed dates.
      .replace(/(\d)\s*-\s*(\d{1,2}\/\d)/g, '$1 - $2')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

function dayPart(s: string): DayPart {
  const morning = /\b(?:mornings?|a\.?m\.?|before (?:noon|lunch))(?=\s|$|[,;)])/.test(s);
  const afternoon = /\b(?:afternoons?|evenings?|p\.?m\.?|after (?:noon|lunch))(?=\s|$|[,;)])/.test(s);
  if (morning === afternoon) return 'full';
  return morning ? 'morning' : 'afternoon';
}

function remainder(s: string, used: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [from, to] of [...used].sort((a, b) => a[0] - b[0])) {
    if (from > at) out += s.slice(at, from);
    at = Math.max(at, to);
  }
  out += s.slice(at);
  return out
    .replace(/\b(?:mornings?|afternoons?|evenings?|a\.?m\.?|p\.?m\.?|(?:before|after) (?:noon|lunch)|all day|full day|half day|the whole day)(?=\s|$|[,;)])/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function weekMonday(day: Day): Day {
  return day.minus({ days: day.weekday - 1 });
}

/** Phrases chrono reads as one day (or not at all) that people mean as a stretch of days. */
function readSpecial(s: string, now: Day): Found | 'end_before_start' | undefined {
  const used = (m: RegExpExecArray): Array<[number, number]> => [[m.index, m.index + m[0].length]];

  let m = /\b(?:for )?(?:all |the whole |the entire |the rest of |rest of )?(?:the )?week after next\b/.exec(s);
  if (m) {
    const monday = weekMonday(now).plus({ weeks: 2 });
    return { start: monday, end: monday.plus({ days: 4 }), used: used(m) };
  }
  m = /\b(?:for )?(?:all (?:of )?|the whole |the entire )?next week\b/.exec(s);
  if (m) {
    const monday = weekMonday(now).plus({ weeks: 1 });
    return { start: monday, end: monday.plus({ days: 4 }), used: used(m) };
  }
  m = /\b(?:for )?(?:the )?(?:rest of (?:the |this )?week|(?:all |the whole |the entire )?this week|all week|the whole week|this whole week)\b/.exec(s);
  if (m) {
    const friday = weekMonday(now).plus({ days: 4 });
    return { start: now, end: now > friday ? weekMonday(now).plus({ days: 6 }) : friday, used: used(m) };
  }
  m = /\b(?:(this|next) )?weekend\b/.exec(s);
  if (m) {
    let saturday = weekMonday(now).plus({ days: 5 });
    if (m[1] === 'next') saturday = saturday.plus({ weeks: 1 });
    return { start: now > saturday ? now : saturday, end: saturday.plus({ days: 1 }), used: used(m) };
  }
  m = /\b(?:for )?(?:all (?:of )?|the whole |the entire )?next month\b/.exec(s);
  if (m) {
    const first = now.startOf('month').plus({ months: 1 });
    return { start: first, end: first.endOf('month').startOf('day'), used: used(m) };
  }
  m = /\b(?:for )?(?:the )?rest of (?:the |this )?month\b/.exec(s);
  if (m) return { start: now, end: now.endOf('month').startOf('day'), used: used(m) };

  m = /\b(?:the )?week of\b/.exec(s);
  if (m) {
    const after = s.slice(m.index + m[0].length);
    const point = readChrono(after, now) ?? readOrdinals(after, now);
    if (!point || point === 'end_before_start') return point;
    const monday = weekMonday(point.start);
    const offset = m.index + m[0].length;
    return {
      start: monday,
      end: monday.plus({ days: 4 }),
      used: [[m.index, offset], ...point.used.map(([a, b]): [number, number] => [a + offset, b + offset])],
    };
  }

  m = /\bfor (?:the next |the following )?(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten) (days?|weeks?|months?)\b|\b(?:the )?next (\d{1,3}|two|three|four|five|six|seven|eight|nine|ten) (days|weeks)\b/.exec(s);
  if (m) {
    const count = Number(NUMBER_WORDS[m[1] ?? m[3] ?? ''] ?? (m[1] ?? m[3]));
    const unit = (m[2] ?? m[4] ?? 'days').replace(/s?$/, 's') as 'days' | 'weeks' | 'months';
    const rest = s.slice(0, m.index) + ' '.repeat(m[0].length) + s.slice(m.index + m[0].length);
    const from = readChrono(rest, now) ?? readOrdinals(rest, now);
    const start = from && from !== 'end_before_start' ? from.start : now;
    const end = start.plus({ [unit]: count }).minus({ days: 1 });
    const fromUsed = from && from !== 'end_before_start' ? from.used : [];
    return { start, end: end < start ? start : end, used: [...used(m), ...fromUsed] };
  }
  return undefined;
}

/** chrono matches that are noise here: "the week" alone would become next Monday. */
const NOISE = /^(?:the )?(?:week|day|month|year|now|sec|second|min|minute|hour)s?$/;

function readChrono(s: string, now: Day): Found | 'end_before_start' | undefined {
  // "last friday", "yesterday": the person means the past; everything else looks forward.
  const forwardDate = !/\b(?:last|yesterday|ago|past|previous)\b/.test(s);
  // chrono reads the reference's local fields; give it the member's midnight as
  // local fields, so the machine's zone never matters and the hour never pushes a
  // weekday or "this morning" to the next day.
  const reference = new Date(now.year, now.month - 1, now.day, 0, 0, 0, 0);
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(s, reference, { forwardDate });
  } catch {
    return undefined;
  }
  results = results.filter((r) => !NOISE.test(r.text.trim()));
  const first = results[0];
  if (!first) return undefined;
  if (writtenReversed(first, reference, forwardDate)) return 'end_before_start';

  const startComp = first.start;
  let endComp: chrono.ParsedComponents | undefined = first.end ?? undefined;
  let usedEnd = first.index + first.text.length;
  let endDayOnly: number | undefined;
  let joinedByAnd = false;

  if (!endComp) {
    const after = s.slice(usedEnd);
    const connector = /^\s*(?:(?:mornings?|afternoons?|evenings?|a\.?m\.?|p\.?m\.?)\s*)?(?:-|to|until|and|&|,)\s*/.exec(after);
    const second = results[1];
    if (connector && second && second.index === usedEnd + connector[0].length) {
      endComp = second.start;
      joinedByAnd = !/-|to|until/.test(connector[0]);
      usedEnd = second.index + second.text.length;
    } else {
      const bare = /^\s*(?:-|to|until)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b/.exec(after);
      if (bare) {
        endDayOnly = Number(bare[1]);
        usedEnd += bare[0].length;
      }
    }
  }

  const start = dayOf(startComp, now);
  if (!start) return undefined;
  let end: Day | undefined = start;
  if (endComp) end = dayOf(endComp, now);
  else if (endDayOnly !== undefined) end = dayInMonthOnOrAfter(start, endDayOnly);
  if (!end) return undefined;

  const startYearGuessed = isMonthDayWithoutYear(startComp);
  if (endComp && isMonthDayWithoutYear(endComp)) {
    // chrono pushes a yearless end a year on whenever it lands before the start; that
    // is right for "dec 20 until jan 3" but turns "dec 24 - dec 20" into a 12-month span.
    end = end.set({ year: start.year });
    if (end < start && end.month < start.month) end = end.plus({ years: 1 });
  } else if (endComp && end < start && isWeekdayOnly(endComp)) {
    end = end.plus({ weeks: 1 });
  }
  if (end < start) return 'end_before_start';

  let found: Found = { start, end, used: [[first.index, usedEnd]] };
  if (startYearGuessed && forwardDate) found = nearestYear(found, now);
  if (joinedByAnd && found.end.diff(found.start, 'days').days > 1) {
    // "monday and friday" is two days, not a span; say so rather than record four.
    return undefined;
  }
  return found;
}

/**
 * chrono puts a range whose two dates are both certain in order, so "dec 11 2026 - dec 9 2026" would become
 * Dec 9–11; a person who wrote the later date first made a slip, and is asked rather than guessed for.
 */
function writtenReversed(result: chrono.ParsedResult, reference: Date, forwardDate: boolean): boolean {
  if (!result.end) return false;
  const left = /^(.*?)\s+(?:-|–|to|until|through|thru)\s+/i.exec(result.text)?.[1];
  if (!left) return false;
  let alone: chrono.ParsedResult | undefined;
  try {
    alone = chrono.parse(left, reference, { forwardDate })[0];
  } catch {
    return false;
  }
  if (!alone) return false;
  const day = (c: chrono.ParsedComponents) => `${c.get('year')}-${c.get('month')}-${c.get('day')}`;
  return day(alone.start) !== day(result.start) && day(alone.start) === day(result.end);
}

/**
 * A month and day without a year, in the nearest year: "nov 20" typed on Nov 23 is
 * three days ago (and so too late), not next November; "nov 20 - dec 5" is under way.
 */
function nearestYear(found: Found, now: Day): Found {
  const back = { ...found, start: found.start.minus({ years: 1 }), end: found.end.minus({ years: 1 }) };
  // "feb 29" a year back would be Feb 28: that is another day, so the year ahead is the only one.
  if (back.start.day !== found.start.day || back.end.day !== found.end.day) return found;
  if (back.end >= now) return back;
  const behind = now.diff(back.start, 'days').days;
  const ahead = found.start.diff(now, 'days').days;
  return behind < ahead ? back : found;
}

function isWeekdayOnly(c: chrono.ParsedComponents): boolean {
  return c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('month');
}

function isMonthDayWithoutYear(c: chrono.ParsedComponents): boolean {
  return c.isCertain('month') && c.isCertain('day') && !c.isCertain('year');
}

function dayOf(c: chrono.ParsedComponents, now: Day): Day | undefined {
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null || month === null || day === null) return undefined;
  const d = DateTime.fromObject({ year, month, day }, { zone: now.zone });
  return d.isValid ? d.startOf('day') : undefined;
}

/** The first date on or after `from` (in its month or a later one) that has this day of the month. */
function dayInMonthOnOrAfter(from: Day, dayOfMonth: number): Day | undefined {
  if (dayOfMonth < 1 || dayOfMonth > 31) return undefined;
  for (let i = 0; i < 3; i++) {
    const month = from.startOf('month').plus({ months: i });
    const d = month.set({ day: dayOfMonth });
    if (d.isValid && d.month === month.month && d >= from) return d;
  }
  return undefined;
}

/** "the 20th", "20th-24th", "the 20th to the 24th": chrono needs a month for these. */
function readOrdinals(s: string, now: Day): Found | undefined {
  const m = /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?:\s*(?:-|to|until)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b)?/.exec(s);
  if (!m) return undefined;
  const start = dayInMonthOnOrAfter(now, Number(m[1]));
  if (!start) return undefined;
  const end = m[2] === undefined ? start : dayInMonthOnOrAfter(start, Number(m[2]));
  if (!end) return undefined;
  return { start, end, used: [[m.index, m.index + m[0].length]] };
}

const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';
const ISO_DATE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g;
const SLASHED_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/g;
const MONTH_THEN_DAY = new RegExp(
  `\\b${MONTH_NAME}\\s+(?:the\\s+)?(\\d{1,2})${ORDINAL}(?:\\s*(?:-|to)\\s*(?:the\\s+)?(\\d{1,2})${ORDINAL})?(?![\\d:/])\\b(?:,?\\s+(\\d{4})\\b)?`,
  'g',
);
const DAY_THEN_MONTH = new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH_NAME}\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(name: string): number {
  return MONTH_PREFIXES.indexOf(name.slice(0, 3)) + 1;
}

/**
 * The first written date that is not in the calendar: "dec 32", "2/30", "13/1", "2026-04-31", "feb 29"
 * in a year without one. chrono would otherwise read "dec 32" as December 2032 and "13/1" as January 13.
 * Without a year, a month means its next occurrence (this year's if it has not ended).
 */
function findNonexistentDate(s: string, now: Day): NoSuchDate | undefined {
  const candidates: Array<{ at: number; month: number; days: number[]; year?: number }> = [];
  for (const m of s.matchAll(ISO_DATE)) candidates.push({ at: m.index, month: Number(m[2]), days: [Number(m[3])], year: Number(m[1]) });
  for (const m of s.matchAll(SLASHED_DATE)) {
    const year = m[3] === undefined ? undefined : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    candidates.push({ at: m.index, month: Number(m[1]), days: [Number(m[2])], ...(year === undefined ? {} : { year }) });
  }
  for (const m of s.matchAll(MONTH_THEN_DAY)) {
    const days = [Number(m[2]), ...(m[3] === undefined ? [] : [Number(m[3])])];
    candidates.push({ at: m.index, month: monthNumber(m[1] ?? ''), days, ...(m[4] === undefined ? {} : { year: Number(m[4]) }) });
  }
  for (const m of s.matchAll(DAY_THEN_MONTH)) {
    candidates.push({ at: m.index, month: monthNumber(m[2] ?? ''), days: [Number(m[1])], ...(m[3] === undefined ? {} : { year: Number(m[3]) }) });
  }
  candidates.sort((a, b) => a.at - b.at);
  for (const { month, days, year } of candidates) {
    if (month < 1 || month > 12) return { month };
    const inYear = year ?? (month >= now.month ? now.year : now.year + 1);
    const length = DateTime.utc(inYear, month, 1).daysInMonth ?? 31;
    if (days.some((d) => d < 1 || d > length)) return month === 2 ? { month, days: length, year: inYear } : { month, days: length };
  }
  return undefined;
}
