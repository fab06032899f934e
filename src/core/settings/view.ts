// The settings messages: the summary with its form, the form shown again after a mistake, and the confirmation.
import type { Catalog } from '../messages/catalog.ts';
import { context, form, header, message, section } from '../messages/build.ts';
import type { Block, Message } from '../messages/model.ts';
import { CADENCES } from '../model.ts';
import { holidaysAreSet } from './calendar.ts';
import type { FieldError, FormValues, PracticeSettings } from './form.ts';
import { WEEKDAY_VALUES } from './parse.ts';

const NEXT_HOLIDAYS = 3;

/** The current settings at a glance, then the form to change them. `today` is `yyyy-MM-dd` in the practice's zone. */
export function settingsMessage(t: Catalog, current: PracticeSettings, today: string, values: FormValues, token: string, notes: string[] = []): Message {
  const ts = t.settings;
  const s = current.settings;
  const year = Number(today.slice(0, 4));
  const years = `${year}–${year + 1}`;
  const inYears = s.holidays.filter((d) => d >= `${year}-01-01` && d <= `${year + 1}-12-31`);
  const next = s.holidays.filter((d) => d >= today).slice(0, NEXT_HOLIDAYS).map((d) => ts.holiday(d, s.holidayNames[d] ?? ''));
  const lastYear = s.holidays.at(-1);
  const missingNextYear = holidaysAreSet(s) && (lastYear === undefined || lastYear < `${year + 1}-01-01`);
  const allNotes = missingNextYear ? [...notes, ts.show.noHolidaysYet(year + 1)] : notes;
  return message([
    header(ts.show.title),
    section(ts.show.intro, [
      { label: ts.fields.timeZone, value: current.timeZone },
      { label: ts.fields.workDays, value: ts.dayList(s.workDays) },
      { label: ts.fields.holidays, value: ts.show.holidays(inYears.length, years, next) },
      { label: ts.fields.checkin, value: ts.show.checkin(s.checkinDay, s.checkinTime) },
      { label: ts.fields.cadence, value: ts.show.cadence(ts.cadences[s.cadence]) },
      { label: ts.fields.attentionBudget, value: ts.show.attentionBudget(s.attentionBudget) },
      { label: ts.fields.introCount, value: ts.show.introCount(s.introCount) },
    ]),
    ...allNotes.map((note) => context(note)),
    settingsForm(t, values, token),
  ]);
}

/** The answer to a submission with mistakes: each wrong field and what it expects, then the form with what was typed. */
export function invalidMessage(t: Catalog, errors: FieldError[], values: FormValues, token: string): Message {
  const ts = t.settings;
  const lines = errors.map((e) => ts.invalid.field(ts.fields[e.field], e.problem));
  return message([section(`${ts.invalid.intro(errors.length)}\n${lines.join('\n')}`), settingsForm(t, values, token, errors)]);
}

export function savedMessage(t: Catalog, changes: string[]): Message {
  const ts = t.settings.saved;
  return message([header(ts.title), section(`${ts.changed}\n${changes.join('\n')}`), context(ts.again)]);
}

/** The form; a field in `errors` carries its problem where its hint would be, next to what was typed. */
export function settingsForm(t: Catalog, values: FormValues, token: string, errors: FieldError[] = []): Block {
  const ts = t.settings;
  const hint = (field: FieldError['field'], usual?: string): { hint?: string } => {
    const problems = errors.filter((e) => e.field === field).map((e) => e.problem);
    if (problems.length > 0) return { hint: ts.invalid.marked(problems.join(' ')) };
    return usual ? { hint: usual } : {};
  };
  const days = WEEKDAY_VALUES.map((value, i) => ({ label: ts.weekday(i + 1), value }));
  return form({
    formId: 'settings.save',
    title: ts.show.formTitle,
    submitLabel: ts.show.save,
    value: token,
    inputs: [
      { type: 'input', name: 'timeZone', label: ts.fields.timeZone, kind: 'text', initial: values.timeZone, ...hint('timeZone', ts.hints.timeZone) },
      { type: 'input', name: 'workDays', label: ts.fields.workDays, kind: 'multiselect', options: days, initial: values.workDays, ...hint('workDays', ts.hints.workDays) },
      { type: 'input', name: 'checkinDay', label: ts.fields.checkinDay, kind: 'select', options: days, initial: values.checkinDay, ...hint('checkinDay') },
      { type: 'input', name: 'checkinTime', label: ts.fields.checkinTime, kind: 'text', initial: values.checkinTime, ...hint('checkinTime', ts.hints.checkinTime) },
      {
        type: 'input',
        name: 'cadence',
        label: ts.fields.cadence,
        kind: 'select',
        options: CADENCES.map((c) => ({ label: ts.cadences[c], value: c })),
        initial: values.cadence,
        ...hint('cadence', ts.hints.cadence),
      },
      { type: 'input', name: 'attentionBudget', label: ts.fields.attentionBudget, kind: 'number', initial: values.attentionBudget, ...hint('attentionBudget', ts.hints.attentionBudget) },
      { type: 'input', name: 'introCount', label: ts.fields.introCount, kind: 'number', initial: values.introCount, ...hint('introCount', ts.hints.introCount) },
      { type: 'input', name: 'holidays', label: ts.fields.holidays, kind: 'textarea', initial: values.holidays, optional: true, ...hint('holidays', ts.hints.holidays) },
    ],
  });
}
