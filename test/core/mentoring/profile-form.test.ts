// The profile form as a whole: what it shows, what a submission reads as, what a save changed, and topics in people's words.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TASKS } from '../../../src/core/coverage/catalogue.ts';
import {
  describeProfileChanges,
  profileBase,
  profileValues,
  readProfile,
  requestedTopic,
  uniqueTopics,
} from '../../../src/core/mentoring/profile-form.ts';
import { catalogFor } from '../../../src/core/messages/catalog.ts';
import type { MentoringProfile } from '../../../src/core/model.ts';
import { plain, plainDeep } from '../../support/user-text.ts';

const t = catalogFor('en');
const tasks = DEFAULT_TASKS;
const current: MentoringProfile = {
  memberId: 'm1',
  teaches: ['payroll', 'Leadership', 'handling difficult conversations'],
  learns: ['EHR reporting'],
  goals: 'Grow two team leads.',
  capacity: 2,
  cadence: 'biweekly',
  optedIn: true,
};

describe('profileValues', () => {
  it('splits topics into catalogue tasks (by key) and the others', () => {
    expect(profileValues({ ...current, teaches: ['payroll', 'Prior authorizations', 'Leadership'] }, tasks)).toEqual({
      teaches: 'payroll,prior-authorizations',
      teachesOther: 'Leadership',
      learns: '',
      learnsOther: 'EHR reporting',
      goals: 'Grow two team leads.',
      capacity: '2',
      cadence: 'biweekly',
      optIn: 'yes',
    });
  });
});

describe('readProfile', () => {
  const shown = profileValues(current, tasks);

  it('reads a whole valid submission, keeping fields it does not carry', () => {
    const read = readProfile(t, { teaches: 'payroll,coding', learnsOther: 'EHR reporting, Coding ,  public speaking', capacity: ' 3 ', cadence: 'weekly' }, current, tasks);
    expect(read).toEqual({
      ok: true,
      next: {
        memberId: 'm1',
        // Topics already there keep their place; new ones come after.
        teaches: ['payroll', 'Leadership', 'handling difficult conversations', 'coding'],
        learns: ['EHR reporting', 'coding', 'public speaking'],
        goals: 'Grow two team leads.',
        capacity: 3,
        cadence: 'weekly',
        optedIn: true,
      },
    });
  });

  it('refuses every mistake at once and shows the form again without patient information', () => {
    const read = readProfile(t, { ...shown, teaches: 'payroll,juggling', goals: 'Text me at 555-201-3344', capacity: '9', cadence: 'daily', optIn: 'maybe' }, current, tasks);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.field)).toEqual(['teaches', 'goals', 'capacity', 'cadence', 'optIn']);
    expect(plain(read.errors[0]?.problem ?? '')).toBe('"juggling" isn\'t on the practice\'s task list.');
    expect(read.errors[1]?.problem).toMatch(/a phone number.*still in the form, unsaved/);
    expect(plain(read.errors[2]?.problem ?? '')).toBe('"9" isn\'t a number from 0 to 5.');
    expect(read.redisplay).toMatchObject({ goals: 'Text me at 555-201-3344', capacity: '9', cadence: 'daily', teaches: 'payroll,juggling' });
  });

  it('takes only the fields edited since the form was shown', () => {
    const base = profileBase(shown);
    const later: MentoringProfile = { ...current, learns: ['EHR reporting', 'coding'], goals: 'A newer goal.' };
    const read = readProfile(t, { ...shown, capacity: '4' }, later, tasks, base);
    expect(read).toMatchObject({ ok: true, next: { ...later, capacity: 4 } });
    // Without the fingerprint every field sent counts, as for an API script.
    expect(readProfile(t, { ...shown, capacity: '4' }, later, tasks)).toMatchObject({ ok: true, next: { learns: ['EHR reporting'], goals: 'Grow two team leads.' } });
  });

  it('keeps the stored order of topics picked in another order', () => {
    const mixed = { ...current, teaches: ['payroll', 'coding', 'Leadership'] };
    const values = profileValues(mixed, tasks);
    const read = readProfile(t, { ...values, teaches: 'coding,payroll' }, mixed, tasks);
    expect(read).toMatchObject({ ok: true, next: { teaches: ['payroll', 'coding', 'Leadership'] } });
    if (read.ok) expect(describeProfileChanges(t, mixed, read.next, tasks)).toEqual([]);
    expect(describeProfileChanges(t, mixed, { ...mixed, teaches: ['Leadership', 'coding', 'payroll'] }, tasks)).toEqual([]);
  });

  it('accepts 0 to 5 mentees and nothing else', () => {
    for (const [text, ok] of [['0', true], ['5', true], ['6', false], ['-1', false], ['two', false], ['', false], ['1.5', false]] as const) {
      expect(readProfile(t, { ...shown, capacity: text }, current, tasks).ok, text).toBe(ok);
    }
  });

  it('limits how many and how long free topics are', () => {
    const many = Array.from({ length: 13 }, (_, i) => `topic ${i}`).join(', ');
    expect(readProfile(t, { ...shown, learnsOther: many }, current, tasks)).toMatchObject({ ok: false, errors: [{ field: 'learnsOther' }] });
    expect(readProfile(t, { ...shown, teachesOther: 'x'.repeat(61) }, current, tasks)).toMatchObject({ ok: false, errors: [{ field: 'teachesOther' }] });
  });
});

describe('describeProfileChanges', () => {
  it('lists what changed in form order, by name, without echoing goals', () => {
    const after = { ...current, teaches: ['payroll', 'coding'], goals: 'Something new.', capacity: 0, optedIn: false };
    expect(plainDeep(describeProfileChanges(t, current, after, tasks))).toEqual([
      '• **I can teach**: Payroll, Leadership, handling difficult conversations → Payroll, Coding',
      '• **My goals**: updated',
      '• **Mentees at a time**: 2 → 0',
      '• **Include me in matching**: yes → no',
    ]);
    expect(describeProfileChanges(t, current, { ...current }, tasks)).toEqual([]);
  });
});

describe('topics in people\'s words', () => {
  it('stores a task by its key when the words name it, and anything else as written', () => {
    expect(requestedTopic('Coding', tasks)).toBe('coding');
    expect(requestedTopic('codng', tasks)).toBe('coding');
    expect(requestedTopic('prior auths', tasks)).toBe('prior-authorizations');
    expect(requestedTopic('PA', tasks)).toBe('prior-authorizations');
    expect(requestedTopic('leadership', tasks)).toBe('leadership');
    // "certification" is a typo away from "verification": not a reason to read it as insurance verification.
    expect(requestedTopic('a  certification', tasks)).toBe('a certification');
  });

  it('keeps one of each topic, whatever its spelling', () => {
    expect(uniqueTopics(['coding', 'Coding', 'Leadership', 'leadership ', 'payroll'], tasks)).toEqual(['coding', 'Leadership', 'payroll']);
  });
});
