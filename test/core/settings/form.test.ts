import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../../src/core/messages/catalog.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/model.ts';
import { describeChanges, formValues, type PracticeSettings, readSubmission, settingsToken } from '../../../src/core/settings/form.ts';
import { plain, plainDeep } from '../../support/user-text.ts';

const t = catalogFor('en');
const FROM = '2026-01-01';
// Thursday Dec 3, 2026, 9:00 in Chicago.
const TODAY = { now: '2026-12-03T15:00:00Z', timeZone: 'America/Chicago' };

const current: PracticeSettings = {
  timeZone: 'America/Chicago',
  settings: {
    ...DEFAULT_SETTINGS,
    holidays: ['2025-12-25', '2026-07-03', '2026-12-25'],
    holidayNames: { '2025-12-25': 'Christmas Day', '2026-07-03': 'Independence Day (observed)', '2026-12-25': 'Christmas Day' },
    holidaysSet: true,
  },
};

const valid = {
  timeZone: 'Eastern',
  workDays: 'mon,tue,wed,thu',
  checkinDay: 'tue',
  checkinTime: '8:30 am',
  cadence: 'weekly',
  attentionBudget: '4',
  introCount: '6',
  holidays: '2026-12-25 Christmas Day\n2026-12-24 Christmas Eve',
};

describe('formValues', () => {
  it('shows this year on, one holiday a line with its name', () => {
    expect(formValues(current, FROM)).toStrictEqual({
      timeZone: 'America/Chicago',
      workDays: 'mon,tue,wed,thu,fri',
      checkinDay: 'mon',
      checkinTime: '09:00',
      cadence: 'biweekly',
      attentionBudget: '3',
      introCount: '10',
      holidays: '2026-07-03 Independence Day (observed)\n2026-12-25 Christmas Day',
    });
  });
});

describe('readSubmission', () => {
  it('takes a valid form whole, keeps holidays before this year, and names the changes', () => {
    const read = readSubmission(t, valid, current, FROM, TODAY);
    expect(read).toStrictEqual({
      ok: true,
      next: {
        timeZone: 'America/New_York',
        settings: {
          workDays: [1, 2, 3, 4],
          holidays: ['2025-12-25', '2026-12-24', '2026-12-25'],
          holidayNames: { '2025-12-25': 'Christmas Day', '2026-12-24': 'Christmas Eve', '2026-12-25': 'Christmas Day' },
          holidaysSet: true,
          checkinDay: 2,
          checkinTime: '08:30',
          cadence: 'weekly',
          attentionBudget: 4,
          introCount: 6,
        },
      },
    });
    if (!read.ok) return;
    expect(plainDeep(describeChanges(t, current, read.next, FROM))).toStrictEqual([
      '• **Time zone**: America/Chicago → America/New_York',
      '• **Work days**: Mon–Fri → Mon–Thu',
      '• **Check-in day**: Monday → Tuesday',
      '• **Check-in time**: 9:00 AM → 8:30 AM',
      '• **Mentoring cadence**: Every 2 weeks → Weekly',
      '• **Weekly attention budget**: 3 → 4',
      '• **New-hire intros**: 10 → 6',
      '• **Holidays**:\n   ◦ added Thu, Dec 24, 2026 Christmas Eve\n   ◦ removed Fri, Jul 3, 2026 Independence Day (observed)',
    ]);
  });

  it('keeps what a submission leaves out, and an unchanged form changes nothing', () => {
    const read = readSubmission(t, { checkinTime: '9am' }, current, FROM, TODAY);
    expect(read).toStrictEqual({ ok: true, next: current });
    if (read.ok) expect(plainDeep(describeChanges(t, current, read.next, FROM))).toStrictEqual([]);
  });

  it('lists a past holiday typed again only once', () => {
    const read = readSubmission(t, { holidays: '2025-12-25 Christmas Day' }, current, FROM, TODAY);
    expect(read.ok && read.next.settings.holidays).toStrictEqual(['2025-12-25']);
  });

  it('saves holidays typed in the words people use for time off', () => {
    const read = readSubmission(t, { holidays: "Dec 24 Christmas Eve\n12/31 New Year's Eve\nJan 1 2027 New Year's Day" }, current, FROM, TODAY);
    expect(read.ok && read.next.settings.holidays).toStrictEqual(['2025-12-25', '2026-12-24', '2026-12-31', '2027-01-01']);
    expect(read.ok && read.next.settings.holidayNames).toMatchObject({
      '2026-12-24': 'Christmas Eve',
      '2026-12-31': "New Year's Eve",
      '2027-01-01': "New Year's Day",
    });
  });

  it('an empty holiday box means no holidays from this year on', () => {
    const read = readSubmission(t, { holidays: '' }, current, FROM, TODAY);
    expect(read.ok && read.next.settings.holidays).toStrictEqual(['2025-12-25']);
  });

  it('names every wrong field and what it expects, and returns what was typed', () => {
    const typed = {
      timeZone: 'Mars/Olympus',
      workDays: 'Mon, Funday',
      checkinDay: 'someday',
      checkinTime: '25:00',
      cadence: 'hourly',
      attentionBudget: '0',
      introCount: '2.5',
      holidays: '2026-13-01 Foo\n2026-08-03 Call 555-123-4567 first\n2026-12-24 Christmas Eve',
    };
    const read = readSubmission(t, typed, current, FROM, TODAY);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.field)).toStrictEqual([
      'timeZone',
      'workDays',
      'checkinDay',
      'checkinTime',
      'cadence',
      'attentionBudget',
      'introCount',
      'holidays',
      'holidays',
    ]);
    const problems = read.errors.map((e) => plain(e.problem));
    expect(problems[0]).toMatch(/"Mars\/Olympus" isn't a time zone I know/);
    expect(problems[1]).toMatch(/"funday"/);
    expect(problems[2]).toMatch(/"someday" isn't a day of the week/);
    expect(problems[3]).toMatch(/"25:00" isn't a time of day\. Use HH:mm/);
    expect(problems[5]).toMatch(/"0" won't do: use a whole number from 1 to 10/);
    expect(problems[6]).toMatch(/from 0 to 20/);
    expect(problems[7]).toMatch(/^line 1 \("2026-13-01 Foo"\): that date doesn't exist/);
    expect(problems[8]).toMatch(/^line 2: .*a phone number/);
    // Everything comes back as typed, so a fix elsewhere never drops a holiday's name.
    expect(read.redisplay).toStrictEqual(typed);
  });

  it('refuses a check-in day that is not a work day', () => {
    const read = readSubmission(t, { workDays: 'Tue-Fri' }, current, FROM, TODAY);
    expect(read.ok ? [] : read.errors).toStrictEqual([
      { field: 'checkinDay', problem: "Monday isn't one of the work days. Choose a work day, or add Monday to the work days." },
    ]);
  });

  it('refuses no work days at all', () => {
    const read = readSubmission(t, { workDays: '' }, current, FROM, TODAY);
    expect(read.ok ? [] : read.errors.map((e) => e.problem)).toContain('choose at least one work day.');
  });
});

describe('settingsToken', () => {
  it('changes when any setting does, and not otherwise', () => {
    const token = settingsToken(current);
    expect(settingsToken({ ...current, settings: { ...current.settings, holidayNames: { ...current.settings.holidayNames } } })).toBe(token);
    expect(settingsToken({ ...current, timeZone: 'America/Denver' })).not.toBe(token);
    expect(settingsToken({ ...current, settings: { ...current.settings, introCount: 9 } })).not.toBe(token);
  });
});
