// parseCommand: from the words a person typed (slash command, DM or local chat) to a typed Command or a reason it is not one.
// The command words come from the features (`Vocabulary`); the parser itself is pure.
import { parseGrammar, type Sentence, type Vocabulary } from './grammar.ts';
import { extractMentions } from './mentions.ts';
import { cleanCharacters, dropCourtesy, joinCommandWords, stripInvocation, trimSentence } from './normalize.ts';
import { isHelpPhrase, matchPhrase } from './phrases.ts';
import { suggestCommand } from './suggest.ts';
import type { ParseContext, ParseResult } from './types.ts';

/** Longer input is not a command anyone typed; reading it all would only cost time. */
const MAX_INPUT = 2_000;
const MAX_SENTENCE = 500;

/**
 * Parses one message. Never throws: whatever arrives, the answer is a command or a
 * failure the bot can explain (never a stack trace, never silence).
 */
export function parseCommand(text: string, ctx: ParseContext, vocabulary: Vocabulary): ParseResult {
  try {
    return readCommand(text, ctx, vocabulary);
  } catch {
    // A bug in a date library or a pattern must still end in a friendly answer.
    return { ok: false, reason: 'unknown' };
  }
}

/** parseCommand without its safety net, so tests see a bug as the exception it is. */
export function readCommand(raw: string, ctx: ParseContext, vocabulary: Vocabulary): ParseResult {
  const text = stripInvocation(cleanCharacters(raw));
  // A pasted roster may be long; it is the only input that is not cut short.
  const imported = rosterImport(text);
  if (imported) return imported;

  if (text.length > MAX_INPUT) return { ok: false, reason: 'unknown' };
  const extracted = extractMentions(text.replace(/\n+/g, ' '));
  const line = trimSentence(extracted.text);
  if (!line || isHelpPhrase(line)) return { ok: true, command: { name: 'help' } };
  if (line.length > MAX_SENTENCE) return { ok: false, reason: 'unknown' };

  const sentence: Sentence = { text: joinCommandWords(dropCourtesy(line)), mentions: extracted.mentions };
  if (!sentence.text) return { ok: true, command: { name: 'help' } };

  // The grammar decides when the first word is a command; a plain sentence that
  // happens to start with one ("match me with a mentor") gets a second chance.
  const grammar = parseGrammar(sentence, ctx, vocabulary.starts);
  if (grammar?.ok) return grammar;
  const phrase = matchPhrase(sentence, ctx);
  if (phrase?.ok) return phrase;
  if (grammar) return grammar;
  if (phrase) return phrase;

  const suggestion = suggestCommand(sentence.text, vocabulary.suggestions);
  return suggestion ? { ok: false, reason: 'unknown', suggestion } : { ok: false, reason: 'unknown' };
}

/**
 * `roster import` followed by pasted CSV on the next lines. The CSV keeps its line
 * breaks; a Slack code fence around it is removed.
 */
function rosterImport(text: string): ParseResult | undefined {
  const m = /^\s*roster\s+import\b[ \t:]*([^\n]*)(?:\n([\s\S]*))?$/i.exec(text);
  if (!m) return undefined;
  const sameLine = (m[1] ?? '').trim();
  const below = m[2] ?? '';
  let csv = sameLine.includes(',') ? `${sameLine}\n${below}` : below;
  csv = csv
    .replace(/^\s*```[^\n]*\n?/, '')
    .replace(/\n?```\s*$/, '')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  return { ok: true, command: csv ? { name: 'roster_import', csv } : { name: 'roster_import' } };
}
