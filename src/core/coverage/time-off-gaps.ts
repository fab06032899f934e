// Which tasks a stretch of time off leaves with nobody trained who is in, and on which work days.
//
// Contract: pure. Only the tasks the person going out is trained on (or expert in) are checked: those
// are the ones their absence can uncover. A task is uncovered on a work day when, for a half of the
// day they are out, no other active member trained or expert in it is in. Non-work days and the
// practice's holidays are never gaps.
import { type Half, isAvailable } from '../people/ports.ts';
import type { Member, MemberSkill, Task, TimeOff } from '../model.ts';
import { daysOf } from '../time/days.ts';

export interface GapInput {
  /** The time off just recorded (whether `timeOff` lists it too makes no difference). */
  entry: Pick<TimeOff, 'memberId' | 'startDate' | 'endDate' | 'part'>;
  members: readonly Member[];
  tasks: readonly Task[];
  skills: readonly MemberSkill[];
  /** Everyone's time off overlapping the entry. */
  timeOff: readonly TimeOff[];
  /** The practice's calendar: whether a `yyyy-MM-dd` date is a work day (not a day off, not a holiday). */
  isWorkDay: (date: string) => boolean;
}

export interface CoverageGap {
  task: Task;
  /** Uncovered work days, in order. */
  days: string[];
}

const HALVES: Record<TimeOff['part'], Half[]> = { full: ['morning', 'afternoon'], morning: ['morning'], afternoon: ['afternoon'] };

export function coverageGaps(input: GapInput): CoverageGap[] {
  const { entry } = input;
  const canCover = (s: MemberSkill) => s.level === 'trained' || s.level === 'expert';
  const mine = new Set(input.skills.filter((s) => s.memberId === entry.memberId && canCover(s)).map((s) => s.taskId));
  const members = new Map(input.members.map((m) => [m.id, m]));
  const days = workDaysOf(entry.startDate, entry.endDate, input.isWorkDay);
  const gaps: CoverageGap[] = [];
  for (const task of input.tasks) {
    if (!mine.has(task.id)) continue;
    const others = input.skills
      .filter((s) => s.taskId === task.id && s.memberId !== entry.memberId && canCover(s))
      .flatMap((s) => members.get(s.memberId) ?? []);
    const uncovered = days.filter((day) =>
      HALVES[entry.part].some((half) => !others.some((m) => isAvailable(m, day, input.timeOff, half))),
    );
    if (uncovered.length > 0) gaps.push({ task, days: uncovered });
  }
  return gaps.sort((a, b) => a.task.name.localeCompare(b.task.name));
}

/**
 * Uncovered days as runs for reading: days next to each other among the work days checked
 * (so Fri and the next Mon join when the weekend is off) form one run.
 */
export function gapRuns(days: readonly string[], checked: readonly string[]): Array<{ start: string; end: string }> {
  const index = new Map(checked.map((d, i) => [d, i]));
  const runs: Array<{ start: string; end: string }> = [];
  let previous = -2;
  for (const day of days) {
    const i = index.get(day) ?? -2;
    const last = runs[runs.length - 1];
    if (last && i === previous + 1) last.end = day;
    else runs.push({ start: day, end: day });
    previous = i;
  }
  return runs;
}

/** The work days of a span that `coverageGaps` checks. */
export function workDaysOf(start: string, end: string, isWorkDay: (date: string) => boolean): string[] {
  return daysOf(start, end).filter(isWorkDay);
}
