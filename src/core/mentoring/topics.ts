// Topic keys and goal words: how two people's free text is compared, case-insensitively and independent of input order.
import type { MatchCandidate, TaskName } from './match-types.ts';

/** Maps any spelling of a topic to its canonical key, and a key to the name people read. */
export interface TopicBook {
  key(topic: string): string;
  name(key: string): string;
}

const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Task keys and names both resolve to the task's key. Topics that are not tasks are their own
 * key, and are shown in the smallest spelling anyone used, so the result does not depend on order.
 */
export function createTopicBook(tasks: readonly TaskName[], candidates: readonly MatchCandidate[]): TopicBook {
  const alias = new Map<string, string>();
  const names = new Map<string, string>();
  const sorted = [...tasks].sort((a, b) => compareIds(a.key, b.key));
  for (const task of sorted) {
    const key = fold(task.key);
    if (!names.has(key)) names.set(key, task.name);
    if (!alias.has(key)) alias.set(key, key);
  }
  for (const task of sorted) {
    const name = fold(task.name);
    if (!alias.has(name)) alias.set(name, fold(task.key));
  }
  const key = (topic: string): string => {
    const folded = fold(topic);
    return alias.get(folded) ?? folded;
  };
  const spellings = new Map<string, string>();
  for (const c of candidates) {
    for (const topic of [...c.teaches, ...c.learns, ...(c.expertIn ?? [])]) {
      const k = key(topic);
      const spelling = topic.trim().replace(/\s+/g, ' ');
      const seen = spellings.get(k);
      if (seen === undefined || spelling < seen) spellings.set(k, spelling);
    }
  }
  return { key, name: (k) => names.get(k) ?? spellings.get(k) ?? k };
}

/** Canonical keys, unique and sorted. */
export function topicKeys(book: TopicBook, topics: readonly string[]): string[] {
  return [...new Set(topics.map(book.key).filter((k) => k !== ''))].sort(compareIds);
}

// Words too common in goals to say anything about a match.
const STOP_WORDS = new Set(
  (
    'about also able after before being better become build could does doing done each from further get gets getting good have ' +
    'help into just know like make more most much need next over really some such take than that their them then there these ' +
    'they this those through want wants wanting wish would year years with work working learn learning improve improving skill ' +
    'skills grow growing role team time goal goals more what when where which while will your yours mine ours ' +
    'every within whole sure enough someone never first other others always'
  ).split(' '),
);

/** The words of a goals text worth comparing (letters or digits, four or more, not too common), unique and sorted. */
export function goalWords(goals: string): string[] {
  const words = new Set<string>();
  for (const match of goals.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (word.length >= 4 && !STOP_WORDS.has(word)) words.add(word);
  }
  return [...words].sort(compareIds);
}

/** The words two sorted word lists share, sorted. */
export function sharedWords(a: readonly string[], b: readonly string[]): string[] {
  const shared: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const order = compareIds(a[i]!, b[j]!);
    if (order === 0) shared.push(a[i]!);
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
  return shared;
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
