// Why someone who wanted a mentor got none: the first filter that leaves them without a possible teacher.
import type { Unmatched } from './match-types.ts';
import { managerRelation, type Person, type RecentIndex, type Settings } from './score.ts';

export interface ExplainContext {
  people: readonly Person[];
  /** Topic key → indices into `people` of everyone who teaches it (eligible or not), ascending. */
  teachersByTopic: ReadonlyMap<string, readonly number[]>;
  settings: Settings;
  recent: RecentIndex;
}

/**
 * Narrows the people who teach any wanted topic step by step (available, with room, not a manager
 * relation, not a recent pair) and names the step that removed the last of them. If some remain,
 * they had room before the run and better-scoring pairs filled it.
 */
export function explainUnmatched(index: number, ctx: ExplainContext): Unmatched {
  const mentee = ctx.people[index]!;
  const menteeId = mentee.id;
  if (!mentee.eligible) return { menteeId, why: 'not_eligible', blockers: mentee.blockers };
  if (mentee.learns.length === 0) return { menteeId, why: 'no_learning_topics' };
  const teacherIndices = new Set<number>();
  for (const topic of mentee.learns) for (const t of ctx.teachersByTopic.get(topic) ?? []) if (t !== index) teacherIndices.add(t);
  let teachers = [...teacherIndices].map((t) => ctx.people[t]!);
  if (teachers.length === 0) return { menteeId, why: 'no_teacher_for_topics' };
  teachers = teachers.filter((t) => t.eligible);
  if (teachers.length === 0) return { menteeId, why: 'teachers_unavailable' };
  teachers = teachers.filter((t) => t.capacity > 0);
  if (teachers.length === 0) return { menteeId, why: 'mentors_at_capacity' };
  if (!ctx.settings.allowManagerPairs) teachers = teachers.filter((t) => !managerRelation(t, mentee));
  if (teachers.length === 0) return { menteeId, why: 'only_own_manager' };
  teachers = teachers.filter((t) => !ctx.recent.blocks(t.id, menteeId));
  if (teachers.length === 0) return { menteeId, why: 'recent_pair' };
  return { menteeId, why: 'mentors_at_capacity' };
}
