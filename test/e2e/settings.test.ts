// Practice settings end to end: a manager reads and changes them in local mode, on the real Postgres.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormBlock, Message } from '../../src/core/messages/model.ts';
import { type LocalApp, startLocalApp, allText } from '../support/local-app.ts';

let app: LocalApp;
let year: number;

beforeAll(async () => {
  app = await startLocalApp({ worker: false });
  const { now } = (await (await fetch(`${app.base}/local/clock`)).json()) as { now: string };
  year = DateTime.fromISO(now, { zone: 'America/Chicago' }).year;
});

afterAll(async () => {
  await app?.stop();
});


function settingsForm(messages: Message[]): FormBlock {
  const form = messages.flatMap((m) => m.blocks).find((b): b is FormBlock => b.type === 'form' && b.formId === 'settings.save');
  if (!form) throw new Error(`no settings form in ${allText(messages)}`);
  return form;
}

/** What the form shows, as the local page would send it back unchanged. */
function shownValues(form: FormBlock): Record<string, string> {
  return Object.fromEntries(form.inputs.map((input) => [input.name, input.initial ?? '']));
}

async function openSettings(as: string) {
  const replies = await app.say(as, 'settings');
  const form = settingsForm(replies);
  return { replies, text: allText(replies), form, values: shownValues(form) };
}

describe('settings', () => {
  it('shows a manager the settings, starting the holidays from the US federal list', async () => {
    const first = await openSettings('dana-whitfield');
    expect(first.text).toContain('Practice settings');
    expect(first.text).toContain('Time zone: America/Chicago');
    expect(first.text).toContain('Work days: Mon–Fri');
    expect(first.text).toContain("Check-in: Monday at 9:00 AM, in each person's own time zone");
    expect(first.text).toContain('Mentoring cadence: Every 2 weeks (for new pairs)');
    expect(first.text).toContain('Weekly attention budget: at most 3 unasked messages per person a week');
    expect(first.text).toContain('New-hire intros: 10 colleagues, one per work day');
    expect(first.text).toContain(`I filled in the US federal holidays for ${year}–${year + 1}`);
    expect(first.text).toMatch(new RegExp(`Holidays: 2[123] in ${year}–${year + 1}\\. Next: `));

    expect(first.form.value).toMatch(/^[0-9a-f]{16}$/);
    expect(first.values).toMatchObject({
      timeZone: 'America/Chicago',
      workDays: 'mon,tue,wed,thu,fri',
      checkinDay: 'mon',
      checkinTime: '09:00',
      cadence: 'biweekly',
      attentionBudget: '3',
      introCount: '10',
    });
    expect(first.values.holidays).toMatch(new RegExp(`^${year}-01-\\d\\d Martin Luther King Jr\\. Day$`, 'm'));
    expect(first.values.holidays).toMatch(new RegExp(`^${year + 1}-12-2[456] Christmas Day`, 'm'));
    expect(first.form.inputs.find((i) => i.name === 'workDays')?.kind).toBe('multiselect');

    // Filled in once: the second look shows the same list without the note.
    const again = await openSettings('dana-whitfield');
    expect(again.text).not.toContain('I filled in');
    expect(again.values.holidays).toBe(first.values.holidays);
    expect(again.form.value).toBe(first.form.value);
  });

  it('refuses staff, to look or to save', async () => {
    expect(allText(await app.say('ben-okafor', 'settings'))).toMatch(/settings is for managers/);
    const { form, values } = await openSettings('marcus-lee');
    const refused = await app.act('ben-okafor', 'settings.save', form.value, { ...values, attentionBudget: '9' });
    expect(allText(refused)).toMatch(/settings is for managers.*Dana Whitfield/);
    expect((await openSettings('marcus-lee')).values.attentionBudget).toBe('3');
  });

  describe('a submission with a mistake saves nothing and says which field expects what', () => {
    it.each([
      ['timeZone', 'Mars/Olympus', /• Time zone: "Mars\/Olympus" isn't a time zone I know\. Use a name like America\/Chicago, or Eastern/],
      ['checkinTime', '25:00', /• Check-in time: "25:00" isn't a time of day\. Use HH:mm like 09:00, or 9am/],
      ['attentionBudget', '0', /• Weekly attention budget: "0" won't do: use a whole number from 1 to 10\./],
      ['holidays', '2026-13-01 Foo', /• Holidays: line 1 \("2026-13-01 Foo"\): that date doesn't exist\. Check the month and the day, like Dec 24 or 2026-12-25\./],
    ])('%s = %j', async (field, bad, expected) => {
      const before = await openSettings('marcus-lee');
      const replies = await app.act('marcus-lee', 'settings.save', before.form.value, {
        ...before.values,
        checkinTime: '7:45 am', // a good change beside the bad one: it must not be saved either
        [field]: bad,
      });
      const text = allText(replies);
      expect(text).toMatch(/^I didn't save anything: one answer needs fixing\./);
      expect(text).toMatch(expected);
      // The form again, with what was typed.
      expect(shownValues(settingsForm(replies))).toMatchObject({ [field]: bad });

      const after = await openSettings('marcus-lee');
      expect(after.text).toBe(before.text);
      expect(after.values).toStrictEqual(before.values);
    });

    it('a holiday name with a phone number is refused, kept in the form as typed and marked, and nothing is lost', async () => {
      const before = await openSettings('marcus-lee');
      const holidays = `${before.values.holidays}\n${year + 1}-08-14 Call 555-123-4567 for the picnic`;
      const replies = await app.act('marcus-lee', 'settings.save', before.form.value, { ...before.values, holidays, checkinTime: '25:00' });
      const text = allText(replies);
      expect(text).toMatch(/• Holidays: line \d+: I didn't save that: it looks like it may contain patient information/);
      expect(text).toContain('a phone number');
      const again = settingsForm(replies);
      expect(shownValues(again).holidays).toBe(holidays);
      expect(again.inputs.find((i) => i.name === 'holidays')?.hint).toMatch(/^⚠ Not saved: line \d+: .*patient information/);
      expect(again.inputs.find((i) => i.name === 'checkinTime')?.hint).toMatch(/^⚠ Not saved: "25:00"/);
      expect(replies.flatMap((m) => m.blocks).filter((b) => b.type === 'section').map((b) => b.text).join('\n')).not.toContain('555-123-4567');
      expect((await openSettings('marcus-lee')).values).toStrictEqual(before.values);

      // Fixing the time and the holiday's name saves only that holiday, and every other holiday keeps its name.
      const fixed = holidays.replace('Call 555-123-4567 for the picnic', 'Staff picnic');
      const saved = await app.act('marcus-lee', 'settings.save', again.value, { ...shownValues(again), holidays: fixed, checkinTime: before.values.checkinTime! });
      expect(allText(saved)).toMatch(new RegExp(`Settings saved\\nWhat changed:\\n• Holidays:\\n   ◦ added \\w{3}, Aug 14, ${year + 1} Staff picnic\\n[^•◦]*$`));
      const after = (await openSettings('marcus-lee')).values.holidays!.split('\n');
      expect(after).toEqual(expect.arrayContaining([...before.values.holidays!.split('\n'), `${year + 1}-08-14 Staff picnic`]));
      // Back as it was, for the tests after this one.
      await app.act('marcus-lee', 'settings.save', (await openSettings('marcus-lee')).form.value, before.values);
      expect((await openSettings('marcus-lee')).values).toStrictEqual(before.values);
    });

    it('lists every mistake at once', async () => {
      const before = await openSettings('marcus-lee');
      const replies = await app.act('marcus-lee', 'settings.save', before.form.value, {
        ...before.values,
        timeZone: 'Mars/Olympus',
        checkinTime: '25:00',
        introCount: '40',
      });
      const text = allText(replies);
      expect(text).toMatch(/3 answers need fixing/);
      expect(text).toMatch(/• Time zone: /);
      expect(text).toMatch(/• Check-in time: /);
      expect(text).toMatch(/• New-hire intros: "40" won't do: use a whole number from 0 to 20\./);
    });
  });

  it('saves a valid form, lists what changed, and shows the new settings after', async () => {
    const before = await openSettings('marcus-lee');
    const holidays = [
      ...before.values.holidays!.split('\n').filter((line) => !line.includes('Columbus')),
      `${year + 1}-08-14 Staff retreat`,
    ].join('\n');
    const replies = await app.act('marcus-lee', 'settings.save', before.form.value, {
      timeZone: 'Eastern',
      workDays: 'mon,tue,wed,thu',
      checkinDay: 'tue',
      checkinTime: '8:30 am',
      cadence: 'weekly',
      attentionBudget: '4',
      introCount: '6',
      holidays,
    });
    const text = allText(replies);
    expect(text).toContain('Settings saved');
    expect(text).toContain('• Time zone: America/Chicago → America/New_York');
    expect(text).toContain('• Work days: Mon–Fri → Mon–Thu');
    expect(text).toContain('• Check-in day: Monday → Tuesday');
    expect(text).toContain('• Check-in time: 9:00 AM → 8:30 AM');
    expect(text).toContain('• Mentoring cadence: Every 2 weeks → Weekly');
    expect(text).toContain('• Weekly attention budget: 3 → 4');
    expect(text).toContain('• New-hire intros: 10 → 6');
    expect(text).toMatch(new RegExp(`• Holidays:\\n   ◦ added \\w{3}, Aug 14, ${year + 1} Staff retreat\\n   ◦ removed .*Columbus Day`));

    const after = await openSettings('dana-whitfield');
    expect(after.text).toContain('Time zone: America/New_York');
    expect(after.text).toContain('Work days: Mon–Thu');
    expect(after.text).toContain('Check-in: Tuesday at 8:30 AM');
    expect(after.text).toContain('Mentoring cadence: Weekly');
    expect(after.text).toContain('at most 4 unasked messages');
    expect(after.text).toContain('6 colleagues');
    expect(after.values.holidays).toContain(`${year + 1}-08-14 Staff retreat`);
    expect(after.values.holidays).not.toContain('Columbus');
    expect(after.form.value).not.toBe(before.form.value);

    // The same form again changes nothing.
    const same = await app.act('dana-whitfield', 'settings.save', after.form.value, after.values);
    expect(allText(same)).toBe('Nothing changed: the form matched the current settings.');
  });

  it('refuses a form that another manager’s save has overtaken', async () => {
    const marcus = await openSettings('marcus-lee');
    const priya = await openSettings('priya-shah');
    await app.act('priya-shah', 'settings.save', priya.form.value, { ...priya.values, introCount: '8' });
    const replies = await app.act('marcus-lee', 'settings.save', marcus.form.value, { ...marcus.values, attentionBudget: '5' });
    expect(allText(replies)).toMatch(/Someone changed the settings after this form was opened, so I didn't save it/);
    const now = await openSettings('marcus-lee');
    expect(now.values).toMatchObject({ introCount: '8', attentionBudget: marcus.values.attentionBudget });
  });
});
