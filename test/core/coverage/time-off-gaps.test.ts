// Coverage gaps of a stretch of time off, and how days read, with literal dates (Dec 2026: the 21st is a Monday).
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatDay, formatSpan } from '../../../src/core/time/days.ts';
import { coverageGaps, gapRuns, workDaysOf } from '../../../src/core/coverage/time-off-gaps.ts';
import type { Member, MemberSkill, SkillLevel, Task, TimeOff } from '../../../src/core/model.ts';

const task = (key: string, name: string): Task => ({ id: `t-${key}`, workspaceId: 'w', key, name });
const claims = task('claims-submission', 'Claims submission');
const coding = task('coding', 'Coding');
const payroll = task('payroll', 'Payroll');
const tasks = [claims, coding, payroll];

function person(id: string, overrides: Partial<Member> = {}): Member {
  return {
    id, workspaceId: 'w', externalId: id, displayName: id, role: 'staff', title: '', team: '', managerId: null,
    timeZone: 'America/Chicago', locale: 'en', email: null, startDate: null, active: true, snoozedUntil: null, optedOut: false,
    ...overrides,
  };
}
const skill = (memberId: string, t: Task, level: SkillLevel): MemberSkill => ({ memberId, taskId: t.id, level, ownJob: false });
const off = (memberId: string, startDate: string, endDate: string, part: TimeOff['part'] = 'full'): TimeOff => ({
  id: `${memberId}-${startDate}`, workspaceId: 'w', memberId, startDate, endDate, part, note: null,
});

const members = [person('ben'), person('priya'), person('keisha'), person('dana')];
const skills = [
  skill('ben', claims, 'trained'),
  skill('priya', claims, 'expert'),
  skill('keisha', claims, 'learning'),
  skill('ben', coding, 'trained'),
  skill('keisha', coding, 'expert'),
  skill('dana', payroll, 'expert'),
];
/** Monday to Friday, and the holidays given. */
const weekdays = (...holidays: string[]) => (date: string) =>
  DateTime.fromISO(date, { zone: 'utc' }).weekday <= 5 && !holidays.includes(date);
const week = { isWorkDay: weekdays() };

describe('coverageGaps', () => {
  it('finds no gap while another trained person is in', () => {
    const entry = off('ben', '2026-12-21', '2026-12-25');
    expect(coverageGaps({ entry, members, tasks, skills, timeOff: [entry], ...week })).toEqual([]);
  });

  it('finds the days both billers are out, on work days only; a learner does not cover', () => {
    const priya = off('priya', '2026-12-23', '2026-12-29');
    const entry = off('ben', '2026-12-21', '2026-12-25');
    const gaps = coverageGaps({ entry, members, tasks, skills, timeOff: [priya, entry], ...week });
    expect(gaps).toEqual([{ task: claims, days: ['2026-12-23', '2026-12-24', '2026-12-25'] }]);
  });

  it('skips the practice holidays', () => {
    const priya = off('priya', '2026-12-21', '2026-12-25');
    const entry = off('ben', '2026-12-24', '2026-12-25');
    const gaps = coverageGaps({ entry, members, tasks, skills, timeOff: [priya, entry], isWorkDay: weekdays('2026-12-25') });
    expect(gaps).toEqual([{ task: claims, days: ['2026-12-24'] }]);
  });

  it('a sole expert going out leaves their task uncovered', () => {
    const entry = off('dana', '2026-12-21', '2026-12-21');
    expect(coverageGaps({ entry, members, tasks, skills, timeOff: [entry], ...week })).toEqual([{ task: payroll, days: ['2026-12-21'] }]);
  });

  it('reads half days: the other half of the day is still covered', () => {
    const priyaMorning = off('priya', '2026-12-22', '2026-12-22', 'morning');
    const benAfternoon = off('ben', '2026-12-22', '2026-12-22', 'afternoon');
    expect(coverageGaps({ entry: benAfternoon, members, tasks, skills, timeOff: [priyaMorning, benAfternoon], ...week })).toEqual([]);
    const benMorning = off('ben', '2026-12-22', '2026-12-22', 'morning');
    expect(coverageGaps({ entry: benMorning, members, tasks, skills, timeOff: [priyaMorning, benMorning], ...week })).toEqual([
      { task: claims, days: ['2026-12-22'] },
    ]);
  });

  it('does not count a colleague who left the practice', () => {
    const gone = members.map((m) => (m.id === 'priya' ? { ...m, active: false } : m));
    const entry = off('ben', '2026-12-21', '2026-12-21');
    expect(coverageGaps({ entry, members: gone, tasks, skills, timeOff: [entry], ...week })).toEqual([{ task: claims, days: ['2026-12-21'] }]);
  });

  it('counts a snoozed colleague as in', () => {
    const snoozed = members.map((m) => (m.id === 'priya' ? { ...m, snoozedUntil: '2027-02-01', optedOut: true } : m));
    const entry = off('ben', '2026-12-21', '2026-12-21');
    expect(coverageGaps({ entry, members: snoozed, tasks, skills, timeOff: [entry], ...week })).toEqual([]);
  });
});

describe('gapRuns and workDaysOf', () => {
  it('joins Friday and the next Monday across a weekend off', () => {
    const checked = workDaysOf('2026-12-24', '2026-12-29', weekdays());
    expect(checked).toEqual(['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29']);
    expect(gapRuns(['2026-12-24', '2026-12-25', '2026-12-28'], checked)).toEqual([{ start: '2026-12-24', end: '2026-12-28' }]);
    expect(gapRuns(['2026-12-24', '2026-12-28', '2026-12-29'], checked)).toEqual([
      { start: '2026-12-24', end: '2026-12-24' },
      { start: '2026-12-28', end: '2026-12-29' },
    ]);
  });
});

describe('formatDay and formatSpan', () => {
  const part = (p: 'morning' | 'afternoon') => p;
  it('reads like a person writes dates, with the year only when it differs', () => {
    expect(formatDay('2026-12-21', '2026-12-10')).toBe('Mon Dec 21');
    expect(formatDay('2027-01-04', '2026-12-10')).toBe('Mon Jan 4, 2027');
    expect(formatSpan({ startDate: '2026-12-21', endDate: '2026-12-24', part: 'full' }, '2026-12-10', part)).toBe('Mon Dec 21 – Thu Dec 24');
    expect(formatSpan({ startDate: '2026-12-18', endDate: '2026-12-18', part: 'afternoon' }, '2026-12-10', part)).toBe('Fri Dec 18 (afternoon)');
    expect(formatSpan({ startDate: '2026-12-30', endDate: '2027-01-02', part: 'full' }, '2026-12-10', part)).toBe(
      'Wed Dec 30, 2026 – Sat Jan 2, 2027',
    );
  });
});
