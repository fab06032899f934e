// Reads a task as people write it ("prior auths", "PA", "check in", "schedulng") against the practice's catalogue.
//
// Contract: pure. Tried in order, the first rule that finds anything decides:
//   1. the task's name or key, written any way (case, accents, plural, punctuation);
//   2. a common abbreviation or synonym of a default task ("PA" → prior authorizations);
//      some words are ambiguous on purpose ("billing" → ask which billing task);
//   3. every word written is a word (or the start of one) of exactly one task ("inbox");
//   4. a typo: the closest name or synonym within a few edits, by length.
// Several tasks found by one rule → `ambiguous`; none by any → `none` with the closest names.

import { editDistance } from '../commands/suggest.ts';
import { foldText } from '../text/fold.ts';

/** Re-exported: the same typo measure the command parser uses. */
export { editDistance };

export interface TaskLike {
  key: string;
  name: string;
}

export type TaskMatch<T extends TaskLike> =
  | { kind: 'match'; task: T }
  | { kind: 'ambiguous'; options: T[] }
  | { kind: 'none'; suggestions: T[] };

/**
 * Synonyms of the default tasks, by task key, written as `normalize` leaves them (lowercase,
 * singular). Only tasks the workspace has count, so a practice that removed one never gets it back.
 */
const ALIASES: Record<string, readonly string[]> = {
  'front-desk-check-in': [
    'check in', 'checkin', 'checking in', 'front desk', 'front desk checkin', 'registration', 'patient registration',
    'patient check in', 'arrival', 'arrivals', 'intake',
  ],
  'front-desk-check-out': ['check out', 'checkout', 'checking out', 'front desk checkout', 'patient check out'],
  scheduling: ['schedule', 'appointment', 'appointment scheduling', 'booking', 'scheduler', 'making appointment', 'sched'],
  phones: ['phone', 'telephone', 'call', 'phone call', 'answering phone', 'answering the phone', 'switchboard'],
  'insurance-verification': [
    'insurance', 'eligibility', 'eligibility check', 'verification', 'verifying insurance', 'benefit verification',
    'benefits verification', 'insurance check', 'ins verification', 'vob',
  ],
  'prior-authorizations': [
    'pa', 'prior auth', 'auth', 'authorization', 'preauth', 'pre auth', 'pre authorization', 'preauthorization',
    'prior authorisation', 'authorisation', 'prior approval',
  ],
  referrals: ['referral', 'referral coordination', 'referral processing'],
  'charge-entry': ['charge', 'charge posting', 'entering charge', 'charge capture'],
  'claims-submission': ['claim', 'claim submission', 'submitting claim', 'claim filing', 'filing claim'],
  'denials-and-appeals': ['denial', 'appeal', 'denial management', 'denial and appeal', 'appeal and denial', 'rejection'],
  coding: ['code', 'medical coding', 'coder', 'icd coding', 'cpt coding', 'icd 10', 'icd10', 'cpt'],
  'payment-posting': ['payment', 'posting', 'cash posting', 'era posting', 'posting payment', 'remittance', 'remit'],
  'patient-statements': ['statement', 'patient statement', 'patient bill', 'patient balance'],
  payroll: ['pay roll', 'timesheet', 'timecard', 'time card'],
  'rooming-patients': ['rooming', 'room patient', 'rooming patient', 'room'],
  vitals: ['vital', 'vital sign', 'taking vital', 'vs'],
  injections: ['injection', 'shot', 'vaccine', 'vaccination', 'immunization', 'giving injection'],
  'lab-draws': ['lab', 'lab draw', 'blood draw', 'drawing blood', 'draw', 'phlebotomy', 'venipuncture', 'drawing lab'],
  'ehr-inbox-management': [
    'ehr', 'emr', 'inbox', 'ehr inbox', 'emr inbox', 'in basket', 'inbasket', 'patient message', 'portal message', 'task inbox',
  ],
  'prescription-refills': [
    'refill', 'rx', 'rx refill', 'prescription', 'prescription refill', 'medication refill', 'med refill', 'script refill',
  ],
  'supply-ordering': ['supply', 'ordering', 'ordering supply', 'inventory', 'order', 'supply order'],
  'opening-and-closing': [
    'opening', 'closing', 'open', 'close', 'opening closing', 'open and close', 'opening and closing', 'closing and opening',
    'lock up', 'locking up', 'open close',
  ],
};

/** Words that name several tasks at once: the member is asked which one they meant. */
const AMBIGUOUS: Record<string, readonly string[]> = {
  billing: ['charge-entry', 'claims-submission', 'payment-posting', 'patient-statements', 'denials-and-appeals'],
  biller: ['charge-entry', 'claims-submission', 'payment-posting', 'patient-statements', 'denials-and-appeals'],
  'front office': ['front-desk-check-in', 'front-desk-check-out', 'scheduling', 'phones'],
  desk: ['front-desk-check-in', 'front-desk-check-out'],
  'revenue cycle': ['charge-entry', 'claims-submission', 'payment-posting', 'denials-and-appeals'],
  'back office': ['rooming-patients', 'vitals', 'injections', 'lab-draws'],
  'clinical task': ['rooming-patients', 'vitals', 'injections', 'lab-draws'],
  ma: ['rooming-patients', 'vitals', 'injections', 'lab-draws'],
};

/** Little words around a task that carry no meaning for matching. */
const LEADING_FILLER = new Set(['the', 'my', 'some', 'doing', 'do', 'with', 'on', 'in', 'for', 'a', 'an', 'all']);
const TRAILING_FILLER = new Set(['task', 'duty', 'work', 'stuff', 'too', 'please', 'as', 'well']);
const STOP_WORDS = new Set(['and', 'of', 'the', 'a', 'an']);

/** Lowercase, no accents or punctuation, "&" as "and", each word singular. */
export function normalizeTaskText(text: string): string {
  const words = foldText(text)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .map(singular);
  while (words.length > 1 && LEADING_FILLER.has(words[0] ?? '')) words.shift();
  while (words.length > 1 && TRAILING_FILLER.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

function singular(word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:ss|us|is)$/.test(word)) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Typos forgiven for a text of this length: none in short words like "PA", where one edit is another word. */
function typosAllowed(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  if (length < 14) return 2;
  return 3;
}

interface Labels<T> {
  task: T;
  /** The task's own name and key. */
  own: string[];
  aliases: string[];
  words: string[];
}

function labelsOf<T extends TaskLike>(task: T): Labels<T> {
  const name = normalizeTaskText(task.name);
  const own = [...new Set([name, normalizeTaskText(task.key.replace(/-/g, ' '))])];
  const aliases = (ALIASES[task.key] ?? []).map(normalizeTaskText);
  const words = name.split(' ').filter((w) => !STOP_WORDS.has(w));
  return { task, own, aliases, words };
}

function decide<T extends TaskLike>(found: T[]): TaskMatch<T> | undefined {
  const unique = [...new Set(found)];
  const [only] = unique;
  if (!only) return undefined;
  return unique.length === 1 ? { kind: 'match', task: only } : { kind: 'ambiguous', options: unique };
}

export function matchTask<T extends TaskLike>(text: string, tasks: readonly T[]): TaskMatch<T> {
  const wanted = normalizeTaskText(text);
  if (!wanted) return { kind: 'none', suggestions: [] };
  const labels = tasks.map(labelsOf);

  const byName = decide(labels.filter((l) => l.own.includes(wanted)).map((l) => l.task));
  if (byName) return byName;

  const byAlias = decide(labels.filter((l) => l.aliases.includes(wanted)).map((l) => l.task));
  if (byAlias) return byAlias;
  const shared = AMBIGUOUS[wanted];
  if (shared) {
    const options = shared.flatMap((key) => tasks.filter((t) => t.key === key));
    const decided = decide(options);
    if (decided) return decided;
  }

  const words = wanted.split(' ').filter((w) => !STOP_WORDS.has(w));
  if (words.length > 0) {
    const byWords = decide(
      labels
        .filter((l) => words.every((w) => l.words.some((u) => u === w || (w.length >= 3 && u.startsWith(w)))))
        .map((l) => l.task),
    );
    if (byWords) return byWords;
  }

  const allowed = typosAllowed(wanted.length);
  const distances = labels.map((l) => ({
    task: l.task,
    distance: Math.min(...[...l.own, ...l.aliases].filter((s) => s.length >= 4).map((s) => editDistance(wanted, s))),
  }));
  const closest = Math.min(...distances.map((d) => d.distance));
  if (allowed > 0 && closest <= allowed) {
    const byTypo = decide(distances.filter((d) => d.distance === closest).map((d) => d.task));
    if (byTypo) return byTypo;
  }

  return { kind: 'none', suggestions: suggestionsFor(wanted, labels) };
}

/** Up to three tasks whose name is fairly close to what was written, closest first. */
function suggestionsFor<T extends TaskLike>(wanted: string, labels: Labels<T>[]): T[] {
  const wantedWords = wanted.split(' ');
  return labels
    .map((l) => {
      const ratio = Math.min(
        ...[...l.own, ...l.aliases].map((s) => editDistance(wanted, s) / Math.max(wanted.length, s.length, 1)),
        // a word of the name written with a typo ("insurence forms" → Insurance verification)
        ...wantedWords.flatMap((w) =>
          w.length < 4 ? [] : l.words.filter((u) => u.length >= 4).map((u) => (editDistance(w, u) <= 1 ? 0.3 : 1)),
        ),
      );
      return { task: l.task, ratio };
    })
    .filter((s) => s.ratio <= 0.5)
    .sort((a, b) => a.ratio - b.ratio || a.task.name.localeCompare(b.task.name))
    .slice(0, 3)
    .map((s) => s.task);
}
