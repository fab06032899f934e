// The settings form's contract: the values it shows, reading a submission as a whole, and what a save changed.
import { createHash } from 'node:crypto';
import type { Catalog } from '../messages/catalog.ts';
import type { WorkspaceSettings } from '../model.ts';
import { refusePhi } from '../phi-guard.ts';
import type { ParseContext } from '../commands/types.ts';
import { HOLIDAY_NAME_MAX, parseCadence, parseHolidayLines, parseTime, parseTimeZone, parseWeekday, parseWorkDays, WEEKDAY_VALUES } from './parse.ts';

/** The practice's settings as the form edits them: the workspace's zone and its settings. */
export interface PracticeSettings {
  timeZone: string;
  settings: WorkspaceSettings;
}

export const FIELD_NAMES = [
  'timeZone',
  'workDays',
  'checkinDay',
  'checkinTime',
  'cadence',
  'attentionBudget',
  'introCount',
  'holidays',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export type FormValues = Record<FieldName, string>;

export interface FieldError {
  field: FieldName;
  problem: string;
}

export type Submission = { ok: true; next: PracticeSettings } | { ok: false; errors: FieldError[]; redisplay: FormValues };

export const LIMITS = {
  attentionBudget: { min: 1, max: 10 },
  introCount: { min: 0, max: 20 },
  holidays: 200,
} as const;

const weekdayValue = (day: number): string => WEEKDAY_VALUES[day - 1] ?? String(day);

/**
 * What the form shows for `current`. Holidays before `fromDate` (January 1 of this year) are not shown
 * and are kept as they are on save, so the box stays short as the years go by.
 */
export function formValues(current: PracticeSettings, fromDate: string): FormValues {
  const s = current.settings;
  return {
    timeZone: current.timeZone,
    workDays: s.workDays.map(weekdayValue).join(','),
    checkinDay: weekdayValue(s.checkinDay),
    checkinTime: s.checkinTime,
    cadence: s.cadence,
    attentionBudget: String(s.attentionBudget),
    introCount: String(s.introCount),
    holidays: s.holidays
      .filter((date) => date >= fromDate)
      .map((date) => `${date} ${s.holidayNames[date] ?? ''}`.trim())
      .join('\n'),
  };
}

/**
 * Reads a whole submission: every field is checked, and either all of it is valid or nothing is
 * taken. A field missing from `fields` keeps its current value (API scripts may send only what changes).
 * A refused submission comes back as typed, so nothing the manager wrote is lost.
 */
/** `dates`: the practice's now and zone, for holidays typed without a year. */
export function readSubmission(
  t: Catalog,
  fields: Record<string, string>,
  current: PracticeSettings,
  fromDate: string,
  dates: ParseContext,
): Submission {
  const shown = formValues(current, fromDate);
  const raw = Object.fromEntries(FIELD_NAMES.map((name) => [name, fields[name] ?? shown[name]])) as FormValues;
  const redisplay = { ...raw };
  const errors: FieldError[] = [];
  const fail = (field: FieldName, problem: string) => errors.push({ field, problem });
  const tx = t.settings.invalid;

  const timeZone = parseTimeZone(raw.timeZone);
  if (timeZone === null) fail('timeZone', tx.timeZone(raw.timeZone.trim()));

  const workDays = parseWorkDays(raw.workDays);
  if (!workDays.ok) fail('workDays', workDays.bad === '' ? tx.workDaysEmpty : tx.workDays(workDays.bad));

  const checkinDay = parseWeekday(raw.checkinDay);
  if (checkinDay === null) fail('checkinDay', tx.checkinDay(raw.checkinDay.trim()));
  else if (workDays.ok && !workDays.days.includes(checkinDay)) fail('checkinDay', tx.checkinNotWorkDay(checkinDay));

  const checkinTime = parseTime(raw.checkinTime);
  if (checkinTime === null) fail('checkinTime', tx.checkinTime(raw.checkinTime.trim()));

  const cadence = parseCadence(raw.cadence);
  if (cadence === null) fail('cadence', tx.cadence(raw.cadence.trim()));

  const attentionBudget = readNumber(raw.attentionBudget, LIMITS.attentionBudget);
  if (attentionBudget === null) fail('attentionBudget', tx.number(raw.attentionBudget, LIMITS.attentionBudget.min, LIMITS.attentionBudget.max));

  const introCount = readNumber(raw.introCount, LIMITS.introCount);
  if (introCount === null) fail('introCount', tx.number(raw.introCount, LIMITS.introCount.min, LIMITS.introCount.max));

  const holidays = readHolidays(t, raw.holidays, errors, dates);

  if (
    errors.length > 0 ||
    timeZone === null ||
    !workDays.ok ||
    checkinDay === null ||
    checkinTime === null ||
    cadence === null ||
    attentionBudget === null ||
    introCount === null
  ) {
    return { ok: false, errors, redisplay };
  }
  const before = current.settings;
  const kept = before.holidays.filter((date) => date < fromDate);
  const holidayNames: Record<string, string> = {};
  for (const date of kept) if (before.holidayNames[date]) holidayNames[date] = before.holidayNames[date];
  for (const h of holidays.list) if (h.name) holidayNames[h.date] = h.name;
  const sameLines = (text: string) => text.split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, ' ')).filter((line) => line !== '').join('\n');
  const holidaysChanged = fields.holidays !== undefined && sameLines(fields.holidays) !== sameLines(shown.holidays);
  return {
    ok: true,
    next: {
      timeZone,
      settings: {
        ...before,
        workDays: workDays.days,
        checkinDay,
        checkinTime,
        cadence,
        attentionBudget,
        introCount,
        ...(holidaysChanged
          ? { holidays: [...new Set([...kept, ...holidays.list.map((h) => h.date)])].sort(), holidayNames, holidaysSet: true }
          : {}),
      },
    },
  };
}

function readNumber(text: string, range: { min: number; max: number }): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= range.min && n <= range.max ? n : null;
}

function readHolidays(t: Catalog, text: string, errors: FieldError[], dates: ParseContext) {
  const tx = t.settings.invalid;
  const { holidays, errors: lineErrors } = parseHolidayLines(text, dates);
  const problems: { line: number; problem: string }[] = lineErrors.map((e) => ({
    line: e.line,
    problem:
      e.problem === 'format'
        ? tx.holidayFormat(e.line, e.text)
        : e.problem === 'date'
          ? tx.holidayDate(e.line, e.text)
          : tx.holidayNameTooLong(e.line, HOLIDAY_NAME_MAX),
  }));
  for (const h of holidays) {
    const refusal = refusePhi(t, h.name);
    if (refusal) problems.push({ line: h.line, problem: tx.holidayPhi(h.line, refusal.text) });
  }
  problems.sort((a, b) => a.line - b.line).forEach((p) => errors.push({ field: 'holidays', problem: p.problem }));
  if (holidays.length > LIMITS.holidays) errors.push({ field: 'holidays', problem: tx.holidaysTooMany(LIMITS.holidays) });
  return { list: holidays };
}

/** One line per changed setting, in form order: "• *Check-in time*: 9:00 AM → 8:30 AM". Empty when nothing changed. */
export function describeChanges(t: Catalog, before: PracticeSettings, after: PracticeSettings, fromDate: string): string[] {
  const ts = t.settings;
  const f = ts.fields;
  const a = before.settings;
  const b = after.settings;
  const lines: string[] = [];
  const change = (field: string, from: string, to: string) => {
    if (from !== to) lines.push(ts.saved.change(field, from, to));
  };
  change(f.timeZone, before.timeZone, after.timeZone);
  change(f.workDays, ts.dayList(a.workDays), ts.dayList(b.workDays));
  change(f.checkinDay, ts.weekday(a.checkinDay), ts.weekday(b.checkinDay));
  change(f.checkinTime, ts.time(a.checkinTime), ts.time(b.checkinTime));
  change(f.cadence, ts.cadences[a.cadence], ts.cadences[b.cadence]);
  change(f.attentionBudget, String(a.attentionBudget), String(b.attentionBudget));
  change(f.introCount, String(a.introCount), String(b.introCount));
  const holidays = holidayChanges(t, a, b, fromDate);
  if (holidays.length > 0) lines.push(ts.saved.holidays(f.holidays, holidays));
  return lines;
}

const SHOWN_CHANGES = 5;

function holidayChanges(t: Catalog, a: WorkspaceSettings, b: WorkspaceSettings, fromDate: string): string[] {
  const ts = t.settings;
  const olds = new Set(a.holidays.filter((d) => d >= fromDate));
  const news = new Set(b.holidays.filter((d) => d >= fromDate));
  const added = [...news].filter((d) => !olds.has(d)).map((d) => ts.holiday(d, b.holidayNames[d] ?? ''));
  const removed = [...olds].filter((d) => !news.has(d)).map((d) => ts.holiday(d, a.holidayNames[d] ?? ''));
  const renamed = [...news]
    .filter((d) => olds.has(d) && (a.holidayNames[d] ?? '') !== (b.holidayNames[d] ?? ''))
    .map((d) => ts.holiday(d, b.holidayNames[d] ?? ''));
  const part = (list: string[], say: (holiday: string) => string, what: 'added' | 'removed' | 'renamed') => [
    ...list.slice(0, SHOWN_CHANGES).map(say),
    ...(list.length > SHOWN_CHANGES ? [ts.saved.more(list.length - SHOWN_CHANGES, what)] : []),
  ];
  return [...part(added, ts.saved.added, 'added'), ...part(removed, ts.saved.removed, 'removed'), ...part(renamed, ts.saved.renamed, 'renamed')];
}

/**
 * A short fingerprint of the settings a form was built from. It travels as the form's value, so a
 * save made from a form that someone else's save has overtaken is refused instead of undoing theirs.
 */
export function settingsToken(current: PracticeSettings): string {
  const s = current.settings;
  const canonical = JSON.stringify([
    current.timeZone,
    s.workDays,
    [...s.holidays].sort(),
    Object.entries(s.holidayNames).sort(([x], [y]) => x.localeCompare(y)),
    s.holidaysSet,
    s.checkinDay,
    s.checkinTime,
    s.cadence,
    s.attentionBudget,
    s.introCount,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
