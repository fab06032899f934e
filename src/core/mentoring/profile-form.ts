// The profile form's contract (pure): the values it shows, reading a submission as a whole, and what a save changed.
// Topics are stored as task keys when they name a task of the practice, otherwise as the person wrote them.
import { userText } from '../messages/user-text.ts';
import { createHash } from 'node:crypto';
import type { Catalog } from '../messages/catalog.ts';
import { CADENCES, type MentoringProfile } from '../model.ts';
import { matchTask, normalizeTaskText } from '../coverage/ports.ts';
import { refusePhi } from '../phi-guard.ts';
import { foldText } from '../text/fold.ts';

export interface TaskLike {
  key: string;
  name: string;
}

export const PROFILE_FIELDS = ['teaches', 'teachesOther', 'learns', 'learnsOther', 'goals', 'capacity', 'cadence', 'optIn'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileValues = Record<ProfileField, string>;

export const PROFILE_LIMITS = { capacityMax: 5, topics: 12, topicLength: 60, goals: 500 } as const;

export interface ProfileError {
  field: ProfileField;
  problem: string;
}

export type ProfileSubmission = { ok: true; next: MentoringProfile } | { ok: false; errors: ProfileError[]; redisplay: ProfileValues };

const tidy = (s: string): string => s.trim().replace(/\s+/g, ' ');

/** The task a topic names (by key or name, any case), if any. */
function taskFor(topic: string, tasks: readonly TaskLike[]): TaskLike | undefined {
  const wanted = foldText(topic);
  return tasks.find((t) => foldText(t.key) === wanted || foldText(t.name) === wanted);
}

/** The stored form of a topic: the task's key when it names one, otherwise the tidied text. */
export function canonicalTopic(topic: string, tasks: readonly TaskLike[]): string {
  return taskFor(topic, tasks)?.key ?? tidy(topic);
}

/** How a stored topic is shown: the task's name, or the text itself. */
export function topicName(topic: string, tasks: readonly TaskLike[]): string {
  return taskFor(topic, tasks)?.name ?? topic;
}

/**
 * The stored form of a topic someone asked a mentor for, in their own words: a task's key when it
 * names one ("prior auths", "PA", "codng"), otherwise the text. Coverage's task reading is generous
 * (any word of one task, typos); a mentoring topic is often no task at all ("a certification"), so
 * a match counts only when the text is an abbreviation or its first word starts like a word of the task.
 */
export function requestedTopic(typed: string, tasks: readonly TaskLike[]): string {
  const exact = taskFor(typed, tasks);
  if (exact) return exact.key;
  const found = matchTask(typed, tasks);
  if (found.kind !== 'match') return tidy(typed);
  const text = normalizeTaskText(typed);
  const first = text.split(' ')[0] ?? '';
  const words = normalizeTaskText(found.task.name).split(' ');
  return text.length <= 3 || words.some((w) => w.slice(0, 3) === first.slice(0, 3)) ? found.task.key : tidy(typed);
}

/** Unique by meaning, first spelling kept, in the order given. */
export function uniqueTopics(topics: readonly string[], tasks: readonly TaskLike[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const topic of topics) {
    const stored = canonicalTopic(topic, tasks);
    const key = foldText(stored);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(stored);
  }
  return out;
}

/** A stored topic list split for the form: task keys (for the multiselect) and the other topics. */
function splitTopics(topics: readonly string[], tasks: readonly TaskLike[]): { taskKeys: string[]; other: string[] } {
  const taskKeys: string[] = [];
  const other: string[] = [];
  for (const topic of topics) {
    const task = taskFor(topic, tasks);
    if (task) taskKeys.push(task.key);
    else other.push(topic);
  }
  return { taskKeys, other };
}

export function profileValues(profile: MentoringProfile, tasks: readonly TaskLike[]): ProfileValues {
  const teaches = splitTopics(profile.teaches, tasks);
  const learns = splitTopics(profile.learns, tasks);
  return {
    teaches: teaches.taskKeys.join(','),
    teachesOther: teaches.other.join(', '),
    learns: learns.taskKeys.join(','),
    learnsOther: learns.other.join(', '),
    goals: profile.goals,
    capacity: String(profile.capacity),
    cadence: profile.cadence,
    optIn: profile.optedIn ? 'yes' : 'no',
  };
}

/** A field's value as compared, so a re-ordered selection or re-spaced text reads as the same answer. */
function comparable(field: ProfileField, value: string): string {
  if (field === 'teaches' || field === 'learns') return value.split(',').map((v) => v.trim()).filter((v) => v.length > 0).sort().join(',');
  return tidy(value);
}

const fingerprint = (field: ProfileField, value: string): string => createHash('sha256').update(comparable(field, value)).digest('hex').slice(0, 8);

/**
 * What a form showed, as one short fingerprint per field. It travels as the form's value, so a save
 * changes only the fields the member edited: the rest keep what is stored now, even when it changed
 * since the form was shown (a `mentor request` topic) or the form came back after a refusal.
 */
export function profileBase(values: ProfileValues): string {
  return PROFILE_FIELDS.map((field) => fingerprint(field, values[field])).join('.');
}

/** The fields of a submission the member edited, measured against the fingerprints `base` of the form they saw. */
function editedFields(fields: Record<string, string>, base: string | undefined): Partial<ProfileValues> {
  const prints = base?.split('.') ?? [];
  const known = prints.length === PROFILE_FIELDS.length && prints.every((x) => /^[0-9a-f]{8}$/.test(x));
  const edited: Partial<ProfileValues> = {};
  PROFILE_FIELDS.forEach((field, i) => {
    const value = fields[field];
    if (value === undefined) return;
    if (known && fingerprint(field, value) === prints[i]) return;
    edited[field] = value;
  });
  return edited;
}

/** Topics in the order already stored, new ones after: a list that only moved around is the same list. */
function keepOrder(before: readonly string[], after: readonly string[], tasks: readonly TaskLike[]): string[] {
  const key = (topic: string) => foldText(canonicalTopic(topic, tasks));
  const place = new Map(before.map((topic, i) => [key(topic), i]));
  const at = (topic: string) => place.get(key(topic)) ?? before.length;
  return after.map((topic, i) => ({ topic, i })).sort((a, b) => at(a.topic) - at(b.topic) || a.i - b.i).map((x) => x.topic);
}

/** Same topics, whatever their order. */
export function sameTopics(a: readonly string[], b: readonly string[], tasks: readonly TaskLike[]): boolean {
  const keys = (list: readonly string[]) => [...new Set(list.map((x) => foldText(canonicalTopic(x, tasks))))].sort().join('\u0001');
  return keys(a) === keys(b);
}

/**
 * Reads a whole submission: every field is checked, and either all of it is valid or nothing is taken.
 * A field missing from `fields`, or sent back as the form `base` showed it, keeps its current value.
 * A refused field comes back as typed, so nothing the member wrote is lost; the form is theirs alone.
 */
export function readProfile(
  t: Catalog,
  fields: Record<string, string>,
  current: MentoringProfile,
  tasks: readonly TaskLike[],
  base?: string,
): ProfileSubmission {
  const shown = profileValues(current, tasks);
  const edited = editedFields(fields, base);
  const raw = Object.fromEntries(PROFILE_FIELDS.map((name) => [name, edited[name] ?? shown[name]])) as ProfileValues;
  const redisplay = { ...raw };
  const errors: ProfileError[] = [];
  const tx = t.mentoring.profile.invalid;
  const fail = (field: ProfileField, problem: string) => errors.push({ field, problem });

  const readTopics = (selectField: ProfileField, otherField: ProfileField): string[] => {
    const selected = raw[selectField].split(',').map((v) => v.trim()).filter((v) => v.length > 0);
    const keys: string[] = [];
    for (const value of selected) {
      const task = taskFor(value, tasks);
      if (task) keys.push(task.key);
      else fail(selectField, tx.unknownTask(value));
    }
    const other = raw[otherField].split(/[,;\n]/).map(tidy).filter((v) => v.length > 0);
    for (const topic of other) if (topic.length > PROFILE_LIMITS.topicLength) fail(otherField, tx.topicTooLong(topic, PROFILE_LIMITS.topicLength));
    const refusal = refusePhi(t, ...other);
    if (refusal) fail(otherField, tx.phi(refusal.text));
    const all = uniqueTopics([...keys, ...other], tasks);
    if (all.length > PROFILE_LIMITS.topics) fail(otherField, tx.tooManyTopics(PROFILE_LIMITS.topics));
    return all;
  };

  const teaches = keepOrder(current.teaches, readTopics('teaches', 'teachesOther'), tasks);
  const learns = keepOrder(current.learns, readTopics('learns', 'learnsOther'), tasks);

  const goals = edited.goals === undefined ? current.goals : raw.goals.trim();
  if (goals.length > PROFILE_LIMITS.goals) fail('goals', tx.goalsTooLong(PROFILE_LIMITS.goals));
  const goalsRefusal = refusePhi(t, goals);
  if (goalsRefusal) fail('goals', tx.phi(goalsRefusal.text));

  const capacityText = raw.capacity.trim();
  const capacity = /^\d{1,2}$/.test(capacityText) ? Number(capacityText) : NaN;
  if (!(capacity >= 0 && capacity <= PROFILE_LIMITS.capacityMax)) fail('capacity', tx.capacity(capacityText));

  const cadence = CADENCES.find((c) => c === raw.cadence.trim().toLowerCase());
  if (!cadence) fail('cadence', tx.cadence(raw.cadence.trim()));

  const optInText = raw.optIn.trim().toLowerCase();
  const optedIn = optInText === 'yes' ? true : optInText === 'no' ? false : null;
  if (optedIn === null) fail('optIn', tx.optIn(raw.optIn.trim()));

  if (errors.length > 0 || !cadence || optedIn === null) return { ok: false, errors, redisplay };
  const requested = current.requested && learns.some((x) => sameTopics([x], [current.requested ?? ''], tasks)) ? { requested: current.requested } : {};
  return { ok: true, next: { memberId: current.memberId, teaches, learns, goals, capacity, cadence, optedIn, ...requested } };
}

/**
 * The profile without the tasks `taskKeys` among what the member wants to learn (and as their
 * requested topic): someone now trained in a task no longer looks for a mentor in it. Null when
 * none of them was there.
 */
export function withoutLearned(profile: MentoringProfile, taskKeys: readonly string[], tasks: readonly TaskLike[]): MentoringProfile | null {
  const done = new Set(taskKeys);
  const learned = (topic: string) => done.has(canonicalTopic(topic, tasks));
  if (!profile.learns.some(learned)) return null;
  const { requested, ...rest } = profile;
  return { ...rest, learns: profile.learns.filter((topic) => !learned(topic)), ...(requested && !learned(requested) ? { requested } : {}) };
}

/** One line per changed field, in form order. Empty when nothing changed. */
export function describeProfileChanges(t: Catalog, before: MentoringProfile, after: MentoringProfile, tasks: readonly TaskLike[]): string[] {
  const tm = t.mentoring;
  const f = tm.profile.fields;
  const s = tm.profile.saved;
  const lines: string[] = [];
  const topics = (list: string[]) => (list.length === 0 ? tm.profile.none : list.map((x) => userText(topicName(x, tasks))).join(', '));
  const change = (field: string, from: string, to: string) => {
    if (from !== to) lines.push(s.change(field, from, to));
  };
  if (!sameTopics(before.teaches, after.teaches, tasks)) change(f.teaches, topics(before.teaches), topics(after.teaches));
  if (!sameTopics(before.learns, after.learns, tasks)) change(f.learns, topics(before.learns), topics(after.learns));
  if (before.goals.trim() !== after.goals.trim()) lines.push(s.goals(f.goals));
  change(f.capacity, String(before.capacity), String(after.capacity));
  change(f.cadence, tm.cadences[before.cadence], tm.cadences[after.cadence]);
  change(f.optIn, tm.profile.optedIn(before.optedIn), tm.profile.optedIn(after.optedIn));
  return lines;
}
