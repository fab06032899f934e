// The command grammar: how the words after a command word are read into the arguments each command takes.
import type { SkillLevel } from '../model.ts';
import { addDays, checkSpan, latestSnoozeEnd, localToday, parseDay, parseSpan, readSpan } from './dates.ts';
import { hasMention, mentionOf, restoreMentions, sameMention } from './mentions.ts';
import type { Command, DateDetail, Mention, NoSuchDate, ParseContext, ParseFailure, ParseResult } from './types.ts';

/** A tidied one-line command: mentions are placeholder words, indexing `mentions`. */
export interface Sentence {
  text: string;
  mentions: Mention[];
}

/** How the words after a command word are read into a command. */
export type GrammarEntry = (rest: string, sentence: Sentence, ctx: ParseContext) => ParseResult;

export const ok = (command: Command): ParseResult => ({ ok: true, command });
export const badArgs = (command: string): ParseFailure => ({ ok: false, reason: 'bad_args', command });
/** A refused date; a date that does not exist carries why (`nonexistent`). */
const badDate = (command: string, detail: DateDetail, nonexistent?: NoSuchDate): ParseFailure =>
  nonexistent ? { ok: false, reason: 'bad_date', command, detail, nonexistent } : { ok: false, reason: 'bad_date', command, detail };

const refusal = (command: string, failure: { detail: DateDetail; nonexistent?: NoSuchDate }): ParseFailure =>
  badDate(command, failure.detail, failure.nonexistent);

function words(text: string): string[] {
  return text.split(' ').filter((w) => w.length > 0);
}

function firstWord(text: string): { word: string; rest: string } {
  const m = /^\s*(\S+)\s*(.*)$/.exec(text);
  return { word: (m?.[1] ?? '').toLowerCase().replace(/[:,;]+$/, ''), rest: (m?.[2] ?? '').trim() };
}

function strip(text: string, pattern: RegExp): string {
  let s = text.trim();
  for (let i = 0; i < 5; i++) {
    const next = s.replace(pattern, '').trim();
    if (next === s) break;
    s = next;
  }
  return s;
}

// ---- snooze ---------------------------------------------------------------

const WEEKDAY = /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i;
const SNOOZE_OFF = /^(?:off|cancel|stop|end|clear|none|no|remove|done|over|resume|undo|nothing|finish|delete)$/i;

/**
 * `until` is the first day Rounds may write again: "until jan 5" and "jan 5" give
 * Jan 5; a stretch ("next week", "dec 20-24", "through friday") gives the day after it.
 */
export function snoozeArgs(rest: string, ctx: ParseContext): ParseResult {
  const text = strip(rest, /^(?:me|rounds|it|everything|messages|notifications|for now)\b\s*/i);
  if (!text) return badArgs('snooze');
  if (SNOOZE_OFF.test(text)) return ok({ name: 'snooze_off' });
  if (hasMention(text)) return badArgs('snooze');
  const connector = /^(until|till|til|'til|to|up to|up until|through|thru|till the end of|until the end of)\s+/i.exec(text);
  const kind = connector ? (/thr|end of/i.test(connector[1] ?? '') ? 'through' : 'until') : 'plain';
  const dateText = connector ? text.slice(connector[0].length) : text;
  const read = readSpan(dateText, ctx);
  if (!read.ok) return refusal('snooze', read);
  const { start, end } = read.span;
  let until = kind === 'until' ? start : kind === 'through' || start !== end ? addDays(end, 1) : start;
  const today = localToday(ctx);
  // "snooze until monday" typed on a Monday means next Monday: snoozing until today does nothing.
  if (until === today && WEEKDAY.test(dateText) && !/\b(?:today|tonight|this)\b/i.test(dateText)) until = addDays(until, 7);
  if (today && until < today) return badDate('snooze', 'past');
  if (today && until > latestSnoozeEnd(today)) return badDate('snooze', 'snooze_too_far');
  return ok({ name: 'snooze', until });
}

// ---- out ------------------------------------------------------------------

const OUT_LIST = /^(?:list|ls|show|view|see|mine|my|dates|all|upcoming|status)$/i;
const OUT_CANCEL = /^(?:cancel|delete|remove|undo|clear|rm|del|nevermind|never mind|unbook)$/i;
const OUT_FILLER =
  /^(?:sick|out sick|of (?:the )?office|on (?:vacation|vacay|leave|pto|holiday|a trip)|for (?:vacation|pto|leave|a trip)|vacation|pto|ooo|again|too|also|as well|be|will be)\b\s*/i;

export function outArgs(rest: string, ctx: ParseContext): ParseResult {
  const { word } = firstWord(rest);
  if (!word) return badArgs('out');
  if (OUT_LIST.test(word)) return ok({ name: 'out_list' });
  if (OUT_CANCEL.test(word)) return ok({ name: 'out_cancel' });
  if (hasMention(rest)) return badArgs('out');
  const text = strip(rest, OUT_FILLER);
  if (!text) return badArgs('out');
  const span = parseSpan(text, ctx);
  return span.ok ? ok({ name: 'out_add', span: span.span }) : refusal('out', span);
}

// ---- cover ----------------------------------------------------------------

const COVER_ME =
  /^(?:(?:for\s+)?(?:me|us|my\s+(?:shift|shifts|desk|tasks|work|job|duties|spot|hours|day|stuff|role))|(?:my|the)\s+(?:shift|shifts|desk)|on|please)\b\s*/i;
const WHILE_AWAY = /\b(?:while|when|since|because|as|if) i(?:'m| am|m| will be|'ll be| will| be)?\s+(?:out|off|away|gone|on (?:vacation|leave|pto|holiday))\b/gi;
const DATE_WORDS =
  /\d|\b(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|today|tomorrow|tonight|yesterday|next|week|weekend|month)\b/i;

// Words that make leftover text a remark ("if possible"), not a task ("billing").
const NOT_A_TASK = /\b(?:if|possible|when|while|because|since|so|again|thanks|asap|anyone|anybody|someone|somebody|please|can|could|would|is|are|am|i|you|it|we|they|need|needed)\b/i;

/** `[dates] [for <task>]`, in either order; dates are optional. */
export function coverArgs(rest: string, ctx: ParseContext): ParseResult {
  if (hasMention(rest)) return badArgs('cover');
  const text = strip(rest.replace(WHILE_AWAY, ' ').replace(/\s+/g, ' '), COVER_ME);
  if (!text) return ok({ name: 'cover' });
  const read = readSpan(text, ctx);
  if (read.ok) {
    const problem = checkSpan(read.span, ctx);
    if (problem) return badDate('cover', problem);
    const task = taskAfterFor(read.rest, !NOT_A_TASK.test(read.rest) && words(read.rest).length <= 4);
    return ok(task ? { name: 'cover', span: read.span, task } : { name: 'cover', span: read.span });
  }
  if (read.detail !== 'unparsed' || DATE_WORDS.test(text)) return refusal('cover', read);
  const task = taskAfterFor(text, true);
  return ok(task ? { name: 'cover', task } : { name: 'cover' });
}

function taskAfterFor(text: string, anyText: boolean): string | undefined {
  const m = /(?:^|\s)for\s+(.+)$/i.exec(text);
  const raw = m?.[1] ?? (anyText ? text : '');
  const task = strip(
    strip(raw, /^(?:for|with|on|at|in|doing|the|my|some|a|me|us)\b\s*/i),
    /\s*\b(?:on|for|at|in|the|please|too|shift|shifts|coverage|tasks?)$/i,
  );
  return task || undefined;
}

// ---- skills ---------------------------------------------------------------

const SKILLS_SHOW = /^(?:show|list|view|see|mine|matrix|all)$/i;
const SKILLS_ADD = /^(?:add|\+|set|new|have|update|put|record)$/i;
const SKILLS_REMOVE = /^(?:remove|rm|delete|del|drop|-|minus|unset|clear)$/i;

const LEVEL_SYNONYMS: Record<string, SkillLevel> = {
  learning: 'learning',
  learner: 'learning',
  beginner: 'learning',
  novice: 'learning',
  trainee: 'learning',
  trained: 'trained',
  competent: 'trained',
  proficient: 'trained',
  capable: 'trained',
  expert: 'expert',
  advanced: 'expert',
};
const LEVEL_WORD = Object.keys(LEVEL_SYNONYMS).join('|');
const TRAILING_LEVEL = new RegExp(`(?:^|[\\s,(:-]+)(?:as |at |level:? |- )?(?:an? )?(${LEVEL_WORD})(?: level)?\\)?$`, 'i');
const LEADING_LEVEL = new RegExp(`^(${LEVEL_WORD})\\s*[:-]?\\s+`, 'i');

/** Splits "scheduling, prior auth and coding" into tasks as written (trimmed, duplicates dropped). */
function splitTasks(text: string): string[] {
  const seen = new Set<string>();
  const tasks: string[] = [];
  for (const part of text.split(/\s*(?:,|;|\s&\s|\+|\band\b)\s*/i)) {
    const task = part.trim().replace(/^["']+|["']+$/g, '').trim();
    const key = task.toLowerCase();
    if (task && !seen.has(key)) {
      seen.add(key);
      tasks.push(task);
    }
  }
  return tasks;
}

/** Tasks and a level from "coding, billing expert"; `trained` when no level is named. */
export function tasksWithLevel(text: string, level: SkillLevel = 'trained'): { tasks: string[]; level: SkillLevel } {
  let s = text.trim();
  let found = level;
  const trailing = TRAILING_LEVEL.exec(s);
  if (trailing) {
    found = LEVEL_SYNONYMS[(trailing[1] ?? '').toLowerCase()] ?? found;
    s = s.slice(0, trailing.index);
  } else {
    const leading = LEADING_LEVEL.exec(s);
    if (leading) {
      found = LEVEL_SYNONYMS[(leading[1] ?? '').toLowerCase()] ?? found;
      s = s.slice(leading[0].length);
    }
  }
  return { tasks: splitTasks(s), level: found };
}

function skills(rest: string, sentence: Sentence): ParseResult {
  const mentioned = words(rest).flatMap((w) => {
    const m = mentionOf(w, sentence.mentions);
    return m ? [m] : [];
  });
  if (mentioned.length > 1) return badArgs('skills');
  const member = mentioned[0];
  // "skills add coding for @ana", "skills of @ana": the mention and its little word go.
  const text = rest.replace(/(?:\b(?:for|of|to)\s+)?\uE000\d+\uE001/, ' ').replace(/\s+/g, ' ').trim();
  type SkillsCommand = Extract<Command, { name: 'skills_show' | 'skills_add' | 'skills_remove' }>;
  const withMember = (c: SkillsCommand): ParseResult => ok(member ? { ...c, member } : c);
  const { word, rest: args } = firstWord(text);
  if (!word || SKILLS_SHOW.test(word)) return withMember({ name: 'skills_show' });
  if (SKILLS_ADD.test(word)) {
    const { tasks, level } = tasksWithLevel(args);
    return tasks.length > 0 ? withMember({ name: 'skills_add', tasks, level }) : badArgs('skills');
  }
  if (SKILLS_REMOVE.test(word)) {
    const tasks = tasksWithLevel(args).tasks;
    return tasks.length > 0 ? withMember({ name: 'skills_remove', tasks }) : badArgs('skills');
  }
  return badArgs('skills');
}

// ---- mentor ---------------------------------------------------------------

const MENTOR_SHOW = /^(?:show|list|status|mine|pairs?|info|my|view|see|current)$/i;
const MENTOR_REQUEST = /^(?:request|requests|req|ask|find|need|want|get|me|please|new|match)$/i;
const TOPIC_LEAD =
  /^(?:for|in|on|about|with|:|-|a mentor|an? (?:new )?mentor|mentor|mentorship|mentoring|to help(?: me)?(?: with| learn| get better at)?|to (?:teach|help) me(?: with| learn)?|who (?:can|could|will) (?:teach|help|show)(?: me)?(?: with| learn| how to)?|that knows|who knows|to learn|learning|help with)\b\s*|^[:-]\s*/i;

/** A topic as the person wrote it, without the little words around it; undefined when empty. */
export function mentorTopic(text: string, mentions: readonly Mention[] = []): string | undefined {
  const topic = restoreMentions(strip(strip(text, TOPIC_LEAD), /\s+(?:please|pls|too|as well)$/i), mentions);
  return topic || undefined;
}

function mentor(rest: string): ParseResult {
  if (hasMention(rest)) return badArgs('mentor');
  const { word, rest: args } = firstWord(rest);
  if (!word || MENTOR_SHOW.test(word)) return ok({ name: 'mentor_show' });
  if (MENTOR_REQUEST.test(word) || /^(?:for|in|on|about|with)$/i.test(word)) {
    const topic = mentorTopic(MENTOR_REQUEST.test(word) ? args : rest);
    return ok(topic ? { name: 'mentor_request', topic } : { name: 'mentor_request' });
  }
  return badArgs('mentor');
}

// ---- pair -----------------------------------------------------------------

const PAIR_CONNECTOR = /^(?:and|&|with|to|\+|->|=>|,|\/|x|mentor|mentee|mentors|mentoring)$/i;
const PAIR_KINDS: Array<[RegExp, 'mentoring' | 'reverse' | 'buddy' | 'cross_training']> = [
  [/^(?:as\s+)?(?:an?\s+)?(?:reverse(?:[\s-]*mentor(?:ing|ship)?)?|reverse_mentoring)\b/i, 'reverse'],
  [/^(?:as\s+)?(?:an?\s+)?(?:onboarding[\s-]*buddy|onboarding|new[\s-]hire[\s-]buddy|buddy|buddies)\b/i, 'buddy'],
  [/^(?:as\s+)?(?:for\s+)?(?:cross[\s_-]*train(?:ing|ed)?|xtraining|x-training)\b/i, 'cross_training'],
  [/^(?:as\s+)?(?:mentoring|mentorship|regular|standard|normal)\b/i, 'mentoring'],
];

function pair(rest: string, sentence: Sentence): ParseResult {
  const tokens = words(rest);
  const people: Mention[] = [];
  let i = 0;
  for (; i < tokens.length && people.length < 2; i++) {
    const token = tokens[i] ?? '';
    const m = mentionOf(token, sentence.mentions);
    if (m) people.push(m);
    else if (!PAIR_CONNECTOR.test(token)) return badArgs('pair');
  }
  const [mentorPerson, mentee] = people;
  if (!mentorPerson || !mentee || sameMention(mentorPerson, mentee)) return badArgs('pair');
  let tail = tokens.slice(i).join(' ');
  if (hasMention(tail)) return badArgs('pair');
  let kind: 'mentoring' | 'reverse' | 'buddy' | 'cross_training' = 'mentoring';
  for (const [pattern, k] of PAIR_KINDS) {
    const m = pattern.exec(tail);
    if (m) {
      kind = k;
      tail = tail.slice(m[0].length);
      break;
    }
  }
  const focus = strip(tail, /^(?:[:,-]|focus(?:ing)?(?: on)?:?|on|for|about|in|with|to learn|learning)\s*/i);
  return ok(focus ? { name: 'pair', mentor: mentorPerson, mentee, kind, focus } : { name: 'pair', mentor: mentorPerson, mentee, kind });
}

// ---- match ----------------------------------------------------------------

function match(rest: string): ParseResult {
  const text = rest.toLowerCase().trim();
  if (!text || /^(?:run|now|go|start|all|everyone|people)$/.test(text)) return ok({ name: 'match', preview: false });
  if (/^(?:--?)?(?:preview|dry[\s-]?run|test|draft|show|see|peek|what if)$/.test(text)) return ok({ name: 'match', preview: true });
  return badArgs('match');
}

// ---- welcome --------------------------------------------------------------

const WELCOME_LEAD = /^(?:new|hire|new-hire|our|the|staff|member|colleague|please|to|aboard|everyone)$/i;

function welcome(rest: string, sentence: Sentence, ctx: ParseContext): ParseResult {
  const tokens = words(rest);
  let member: Mention | undefined;
  let i = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    member = mentionOf(token, sentence.mentions);
    if (member) break;
    if (!WELCOME_LEAD.test(token)) return badArgs('welcome');
  }
  if (!member) return badArgs('welcome');
  let tail = tokens.slice(i + 1).join(' ');

  let buddy: Mention | undefined;
  const buddyClause = /(?:^|\s)(?:(?:with|and)\s+)?(?:(?:an?|the|their|onboarding)\s+)?buddy(?:\s+is)?\s*:?\s*(\S*)/i.exec(tail);
  if (buddyClause) {
    buddy = mentionOf(buddyClause[1] ?? '', sentence.mentions);
    if (!buddy || sameMention(buddy, member)) return badArgs('welcome');
    tail = `${tail.slice(0, buddyClause.index)} ${tail.slice(buddyClause.index + buddyClause[0].length)}`.trim();
  }
  if (hasMention(tail)) return badArgs('welcome');

  const dateText = strip(
    tail,
    /^(?:,|who|they|she|he|starts?|starting|started|start date|start day|first day|begins?|beginning|began|joins?|joining|joined|is|was|will|on|:|-)\b\s*|^[,:-]\s*/i,
  );
  let start: string | undefined;
  if (dateText) {
    const day = parseDay(dateText, ctx);
    if (!day.ok) return refusal('welcome', day);
    start = day.date;
  }
  return ok({ name: 'welcome', member, ...(buddy ? { buddy } : {}), ...(start ? { start } : {}) });
}

// ---- roster ---------------------------------------------------------------

const ROSTER_SHOW = /^(?:list|show|all|view|see|members|everyone|staff list)$/i;
const ROSTER_MANAGER = /^(?:manager|managers|mgr|lead|promote|make-manager)$/i;
const ROSTER_STAFF = /^(?:staff|demote|member|regular|make-staff)$/i;
const ROSTER_DEACTIVATE = /^(?:deactivate|remove|left|leave|leaver|inactive|offboard|delete|disable|rm|archive|gone|quit|departed)$/i;

function roster(rest: string, sentence: Sentence): ParseResult {
  const tokens = words(rest);
  if (tokens.length === 0 || (tokens.length === 1 && ROSTER_SHOW.test(tokens[0] ?? ''))) return ok({ name: 'roster_show' });
  if (/^import$/i.test(tokens[0] ?? '')) return ok({ name: 'roster_import' });
  const people = tokens.flatMap((t) => {
    const m = mentionOf(t, sentence.mentions);
    return m ? [m] : [];
  });
  const others = tokens.filter((t) => !mentionOf(t, sentence.mentions)).map((t) => t.toLowerCase());
  const [first, second] = people;
  if (!first) return badArgs('roster');
  const plain = others.join(' ').replace(/^(?:make|set)\s+/, '').replace(/\s+(?:now|please)$/, '');

  if (people.length === 2 && second && !sameMention(first, second)) {
    // "@ana reports to @ben": the first person is the report.
    if (/^(?:reports? to|reporting to|works? for|is under|under|manager is|'s manager is)$/.test(plain) && mentionOf(tokens[0] ?? '', sentence.mentions)) {
      return ok({ name: 'roster_reports', member: first, manager: second });
    }
    return badArgs('roster');
  }
  if (people.length !== 1) return badArgs('roster');
  const role = plain.replace(/^(?:as|a|an)\s+/, '').replace(/\s+(?:as|a|an)$/, '');
  if (ROSTER_MANAGER.test(role) || /^(?:as )?(?:an? )?manager$/.test(plain)) return ok({ name: 'roster_role', member: first, role: 'manager' });
  if (ROSTER_STAFF.test(role) || /^(?:as )?staff$/.test(plain)) return ok({ name: 'roster_role', member: first, role: 'staff' });
  if (ROSTER_DEACTIVATE.test(role) || /^(?:has left|is gone|left the practice|no longer works here)$/.test(plain)) {
    return ok({ name: 'roster_deactivate', member: first });
  }
  return badArgs('roster');
}

// ---- how each command word reads the rest -------------------------------

/** A command that takes no arguments: extra words are ignored. */
export const simple =
  (command: Command): GrammarEntry =>
  () =>
    ok(command);

/**
 * The readers a command word can start, by what they read. Which words start which reader is not
 * decided here: each feature declares its words (src/core/feature.ts), and the bot hands the parser
 * the table they make (`Vocabulary`).
 */
export const read = {
  snooze: (rest, _s, ctx) => snoozeArgs(rest, ctx),
  out: (rest, _s, ctx) => outArgs(rest, ctx),
  cover: (rest, _s, ctx) => coverArgs(rest, ctx),
  skills: (rest, s) => skills(rest, s),
  mentor: (rest) => mentor(rest),
  pair: (rest, s) => pair(rest, s),
  match: (rest) => match(rest),
  welcome: (rest, s, ctx) => welcome(rest, s, ctx),
  roster: (rest, s) => roster(rest, s),
} satisfies Record<string, GrammarEntry>;

/** What the parser knows of the commands: the first words and how each reads the rest, and the words a typo may be taken for. */
export interface Vocabulary {
  starts: ReadonlyMap<string, GrammarEntry>;
  suggestions: readonly string[];
}

/** Parses a sentence that starts with a command word; undefined when it does not. */
export function parseGrammar(sentence: Sentence, ctx: ParseContext, starts: Vocabulary['starts']): ParseResult | undefined {
  const { word, rest } = firstWord(sentence.text);
  const entry = starts.get(word);
  return entry ? entry(rest, sentence, ctx) : undefined;
}
