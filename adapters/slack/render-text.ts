// Text for Slack: the core's parsed text rendered as mrkdwn (every text node escaped and inert, mentions by the
// member's Slack id), and splitting/truncation that never cuts a token, an entity or a surrogate pair.
import { type Inline, joinBlocks, parseRich, plainRich } from '../../src/core/messages/inline.ts';

const ELLIPSIS = '…';

/** Member id → Slack user id, for the mentions in the messages being rendered. A member not in it is named. */
export type MentionBook = ReadonlyMap<string, string>;
const NO_MENTIONS: MentionBook = new Map();

/**
 * Slack has no escape for its style characters. It styles only when `*`, `_`, `~` or a backtick
 * stands at a word boundary, so in text each one gets a zero-width space on both sides: it is
 * then inside a "word" and can neither open nor close bold, italics, strike or code, and the reader
 * sees the character as typed. A zero-width space is invisible and copies as nothing in most places.
 */
const ZWSP = '\u200B';
const STYLE_CHARS = /[*_~`]/g;
const SLACK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const LINK_URL = /^(?:https?:\/\/|mailto:)[^\s<>|]{1,1000}$/;

/** Indivisible pieces of escaped mrkdwn: a token, an entity, a neutralised style character, or one code point. */
const ATOMS = /<[^>]*>|&(?:amp|lt|gt);|\u200B[*_~`]\u200B|[\s\S]/gu;

function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The core's text as mrkdwn. Only the parsed structure becomes markup (bold, italics, code, links, mentions,
 * list bullets); every piece of text, the core's own and a person's alike, is escaped and its style characters
 * neutralised, so nothing typed becomes a link, a mention, a ping or formatting.
 */
export function escapeMrkdwn(text: string, mentions: MentionBook = NO_MENTIONS): string {
  return joinBlocks(parseRich(text), (nodes) => inlineMrkdwn(nodes, mentions), (line) => `• ${line}`);
}

function inlineMrkdwn(nodes: readonly Inline[], mentions: MentionBook): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeText(node.text);
        case 'break':
          return '\n';
        case 'strong':
          return styled('*', inlineMrkdwn(node.children, mentions));
        case 'emphasis':
          return styled('_', inlineMrkdwn(node.children, mentions));
        case 'code':
          return node.text.trim() ? `\`${escapeControl(node.text.replace(/`/g, 'ˋ'))}\`` : '';
        case 'link': {
          const label = inlineMrkdwn(node.children, mentions).replace(/[|\n]/g, ' ').replace(/>/g, '&gt;');
          return LINK_URL.test(node.url) ? `<${node.url}|${label}>` : label;
        }
        case 'mention': {
          const id = mentions.get(node.memberId);
          return id !== undefined && SLACK_ID.test(id) ? `<@${id}>` : escapeText(node.label);
        }
      }
    })
    .join('');
}

/** Bold or italics around rendered text; Slack styles nothing when the text is blank. */
function styled(mark: string, inner: string): string {
  return inner.trim() ? `${mark}${inner}${mark}` : inner;
}

/** Text for mrkdwn: `&`, `<`, `>` always escaped, style characters neutralised. */
export function escapeText(text: string): string {
  return escapeControl(text).replace(STYLE_CHARS, (ch) => `${ZWSP}${ch}${ZWSP}`);
}

/** Text for a plain_text element (buttons, headers, options, titles, notification text): markup and markers removed. */
export function plainUserText(text: string): string {
  return plainRich(text);
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
