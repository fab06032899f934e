// Text for Slack: mrkdwn escaping that keeps the core's mentions and links and makes user text inert, and splitting/truncation that never cuts a token, an entity or a surrogate pair.
import { stripUserText, userTextPieces } from '../../src/core/messages/user-text.ts';

/** Longest mention or link passed through as a token; anything longer is escaped as text. */
const MAX_TOKEN = 1000;
const ELLIPSIS = '…';

/**
 * What the core may write inside angle brackets and Slack should interpret: a member mention
 * `<@ID>` / `<@ID|label>` and a link `<http…>` / `<http…|label>`. Everything else — `<!channel>`,
 * `<#C1>`, `<script>` typed by a person — is escaped, so free text can never ping a channel.
 */
const PASS_THROUGH = /<@[A-Za-z0-9][A-Za-z0-9._-]*(?:\|[^<>|\n]*)?>|<https?:\/\/[^\s<>|]+(?:\|[^<>\n]*)?>/g;

/**
 * Slack has no escape for its style characters. It styles only when `*`, `_`, `~` or a backtick
 * stands at a word boundary, so in user text each one gets a zero-width space on both sides: it is
 * then inside a "word" and can neither open nor close bold, italics, strike or code, and the reader
 * sees the character as typed. A zero-width space is invisible and copies as nothing in most places.
 */
const ZWSP = '\u200B';
const STYLE_CHARS = /[*_~`]/g;

/** Indivisible pieces of escaped mrkdwn: a token, an entity, a neutralised style character, or one code point. */
const ATOMS = /<[^>]*>|&(?:amp|lt|gt);|\u200B[*_~`]\u200B|[\s\S]/gu;

function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes message text for mrkdwn. The core's own text keeps its mention and link tokens and its
 * `*bold*`; user text (a `userText` span) is escaped completely and its style characters neutralised,
 * so nothing a person typed becomes a link, a mention, a ping or formatting. The span markers go.
 */
export function escapeMrkdwn(text: string): string {
  return userTextPieces(text)
    .map((piece) => (piece.user ? escapeUserText(piece.text) : escapeCoreText(piece.text)))
    .join('');
}

/** User text for mrkdwn: `&`, `<`, `>` always escaped, style characters neutralised. */
export function escapeUserText(text: string): string {
  return escapeControl(text).replace(STYLE_CHARS, (ch) => `${ZWSP}${ch}${ZWSP}`);
}

/** Text for a plain_text element (buttons, headers, options, titles, notification text): user-text markers removed. */
export function plainUserText(text: string): string {
  return stripUserText(text);
}

function escapeCoreText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PASS_THROUGH)) {
    const token = match[0];
    out += escapeControl(text.slice(last, match.index));
    out += token.length <= MAX_TOKEN ? token : escapeControl(token);
    last = match.index + token.length;
  }
  return out + escapeControl(text.slice(last));
}

function atomsOf(escaped: string): string[] {
  return escaped.match(ATOMS) ?? [];
}

function take(atoms: Iterable<string>, budget: number): string {
  let out = '';
  for (const atom of atoms) {
    if (out.length + atom.length > budget) break;
    out += atom;
  }
  return out;
}

/** Shortens escaped mrkdwn to at most `max` characters, ending with "…" when cut. */
export function truncateMrkdwn(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  return take(atomsOf(escaped), max - ELLIPSIS.length).trimEnd() + ELLIPSIS;
}

/** Shortens plain text to at most `max` characters, ending with "…" when cut. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return take(text, max - ELLIPSIS.length).trimEnd() + ELLIPSIS;
}

/**
 * Splits escaped mrkdwn into parts of at most `max` characters: at line breaks where it can, a
 * line longer than `max` at its last space in the second half of a part, else between atoms.
 * Blank parts are dropped.
 */
export function splitMrkdwn(escaped: string, max: number): string[] {
  const parts: string[] = [];
  let current = '';
  const flush = (): void => {
    const part = current.replace(/^\n+|\n+$/g, '');
    if (part.trim().length > 0) parts.push(part);
    current = '';
  };
  for (const line of escaped.split('\n')) {
    if (line.length > max) {
      flush();
      const pieces = splitLine(line, max);
      current = pieces.pop() ?? '';
      for (const piece of pieces) if (piece.trim().length > 0) parts.push(piece);
      continue;
    }
    const joined = current.length > 0 ? `${current}\n${line}` : line;
    if (joined.length <= max) {
      current = joined;
    } else {
      flush();
      current = line;
    }
  }
  flush();
  return parts;
}

function splitLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let chunk: string[] = [];
  let length = 0;
  for (const atom of atomsOf(line)) {
    if (length + atom.length > max) {
      const space = lastSpaceIndex(chunk);
      const cut = space > chunk.length / 2 ? space : chunk.length;
      pieces.push(chunk.slice(0, cut).join('').trimEnd());
      chunk = chunk.slice(cut);
      while (chunk[0] !== undefined && /^\s$/u.test(chunk[0])) chunk.shift();
      length = chunk.join('').length;
    }
    chunk.push(atom);
    length += atom.length;
  }
  if (chunk.length > 0) pieces.push(chunk.join(''));
  return pieces;
}

function lastSpaceIndex(atoms: string[]): number {
  for (let i = atoms.length - 1; i >= 0; i -= 1) if (atoms[i] === ' ') return i;
  return -1;
}
