// English sentences of the settings area.
import { userText as u } from '../user-text.ts';
import { DateTime } from 'luxon';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** ISO weekday 1..7 → "Monday". */
const weekday = (day: number): string => WEEKDAYS[day - 1] ?? String(day);

/** Sorted ISO weekdays → "Mon–Fri", "Mon, Wed, Fri", "Mon–Wed, Sat". */
function dayList(days: readonly number[]): string {
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) => {
      const names = run.map((d) => SHORT[d - 1] ?? String(d));
      return run.length >= 3 ? [`${names[0]}–${names.at(-1)}`] : names;
    })
    .join(', ');
}

/** `HH:mm` → "9:00 AM". */
const time = (hhmm: string): string => DateTime.fromFormat(hhmm, 'HH:mm', { locale: 'en-US' }).toFormat('h:mm a');

/** `yyyy-MM-dd` → "Fri, Jul 3, 2026". */
const date = (iso: string): string => DateTime.fromISO(iso, { locale: 'en-US' }).toFormat('ccc, LLL d, yyyy');

const holiday = (iso: string, name: string): string => (name ? `${date(iso)} ${u(name)}` : date(iso));

export const settings = {
  weekday,
  dayList,
  time,
  date,
  holiday,
  cadences: { weekly: 'Weekly', biweekly: 'Every 2 weeks', monthly: 'Monthly' },
  fields: {
    checkin: 'Check-in',
    timeZone: 'Time zone',
    workDays: 'Work days',
    holidays: 'Holidays',
    checkinDay: 'Check-in day',
    checkinTime: 'Check-in time',
    cadence: 'Mentoring cadence',
    attentionBudget: 'Weekly attention budget',
    introCount: 'New-hire intros',
  },
  hints: {
    timeZone: 'Like America/Chicago, or Eastern, Central, Mountain, Pacific, Arizona, Hawaii or Alaska.',
    workDays: 'Rounds skips check-ins and intros on the other days.',
    checkinTime: "In each person's own time zone, like 09:00, 9am or 9:30 am.",
    cadence: 'How often new mentoring pairs meet, unless they choose otherwise.',
    attentionBudget: 'The most messages Rounds sends anyone unasked in a week: 1 to 10.',
    introCount: 'Colleagues a new hire is introduced to, one per work day: 0 to 20.',
    holidays: 'One per line, a date and a name: Dec 24 Christmas Eve, 12/31 New Year\'s Eve or 2026-12-25 Christmas Day. Rounds skips check-ins and intros on these days.',
  },
  show: {
    title: 'Practice settings',
    intro: 'This is how Rounds runs for your practice. Change anything in the form below and save.',
    checkin: (day: number, hhmm: string) => `${weekday(day)} at ${time(hhmm)}, in each person's own time zone`,
    cadence: (label: string) => `${label} (for new pairs)`,
    attentionBudget: (n: number) => `at most ${plural(n, 'unasked message', 'unasked messages')} per person a week`,
    introCount: (n: number) => (n === 0 ? 'no introductions' : `${plural(n, 'colleague', 'colleagues')}, one per work day`),
    holidays: (count: number, years: string, next: string[]) =>
      count === 0
        ? `none in ${years}`
        : `${count} in ${years}${next.length > 0 ? `. Next: ${next.join('; ')}` : ''}`,
    noHolidaysYet: (year: number) => `No holidays are listed for ${year} yet: add them in the form when you know them.`,
    filledHolidays: (years: string) =>
      `I filled in the US federal holidays for ${years}. Edit them below if your practice keeps different days.`,
    formTitle: 'Change settings',
    save: 'Save settings',
  },
  invalid: {
    marked: (problem: string) => `⚠ Not saved: ${problem}`,
    intro: (count: number) =>
      count === 1
        ? "I didn't save anything: one answer needs fixing. Your answers are still in the form below."
        : `I didn't save anything: ${count} answers need fixing. Your answers are still in the form below.`,
    field: (field: string, problem: string) => `• **${field}**: ${problem}`,
    timeZone: (value: string) =>
      `"${u(value)}" isn't a time zone I know. Use a name like America/Chicago, or Eastern, Central, Mountain, Pacific, Arizona, Hawaii or Alaska.`,
    workDaysEmpty: 'choose at least one work day.',
    workDays: (part: string) => `I couldn't read "${u(part)}". Use days like Mon, Wed, Fri or Monday-Friday.`,
    checkinDay: (value: string) => `"${u(value)}" isn't a day of the week. Choose one from Monday to Sunday.`,
    checkinNotWorkDay: (day: number) =>
      `${weekday(day)} isn't one of the work days. Choose a work day, or add ${weekday(day)} to the work days.`,
    checkinTime: (value: string) => `"${u(value)}" isn't a time of day. Use HH:mm like 09:00, or 9am or 9:30 am.`,
    cadence: (value: string) => `"${u(value)}" isn't a cadence. Choose weekly, every 2 weeks or monthly.`,
    number: (value: string, min: number, max: number) =>
      value.trim() === '' ? `enter a whole number from ${min} to ${max}.` : `"${u(value)}" won't do: use a whole number from ${min} to ${max}.`,
    holidayFormat: (line: number, text: string) =>
      `line ${line} ("${u(text)}") should be a date and a name, like Dec 24 Christmas Eve or 2026-12-25 Christmas Day.`,
    holidayDate: (line: number, text: string) =>
      `line ${line} ("${u(text)}"): that date doesn't exist. Check the month and the day, like Dec 24 or 2026-12-25.`,
    holidayNameTooLong: (line: number, max: number) => `line ${line}: keep the name under ${max} characters.`,
    holidayPhi: (line: number, refusal: string) => `line ${line}: ${refusal}`,
    holidaysTooMany: (max: number) => `that is more than ${max} holidays. Keep this year's and the next few.`,
  },
  undo: {
    button: 'Undo the holiday changes',
    done: 'Undone: the holidays are as they were before that save.',
    removed: (days: readonly string[]) => `No longer a holiday: ${days.join(', ')}.`,
    restored: (days: readonly string[]) => `A holiday again: ${days.join(', ')}.`,
  },
  saved: {
    title: 'Settings saved',
    changed: 'What changed:',
    change: (field: string, from: string, to: string) => `• **${field}**: ${from} → ${to}`,
    holidays: (field: string, lines: string[]) => `• **${field}**:\n${lines.map((line) => `   ◦ ${line}`).join('\n')}`,
    added: (holiday: string) => `added ${holiday}`,
    removed: (holiday: string) => `removed ${holiday}`,
    renamed: (holiday: string) => `renamed ${holiday}`,
    more: (n: number, what: 'added' | 'removed' | 'renamed') => `${n} more ${what}`,
    nothing: 'Nothing changed: the form matched the current settings.',
    again: 'Type **settings** to see or change them again.',
  },
  stale:
    "Someone changed the settings after this form was opened, so I didn't save it and nothing changed. Here are the current settings: please make your changes again.",
};
