// Marks text a person typed (or a directory supplied) inside message text, so every renderer shows it as typed and never as markup.
//
// Contract: `userText(s)` wraps `s` in two private-use characters, USER_OPEN … USER_CLOSE. Inside a span,
// renderers show the characters literally: no bold or italics, no links, no mentions, no channel pings.
// The core's own markup (bold around a name, the mentions and links it writes) stays outside the span.
// Nobody can forge a span: text coming in has these characters removed (cleanTyped), and `userText`
// removes any inside before wrapping.

export const USER_OPEN = '\uE000';
export const USER_CLOSE = '\uE001';

const SENTINELS = /[\uE000\uE001]/g;

/** One span of user text. */
export function userText(text: string): string {
  return `${USER_OPEN}${text.replace(SENTINELS, '')}${USER_CLOSE}`;
}

/** The text as a reader sees it, with the span markers removed (plain text, logs, the CLI). */
export function stripUserText(text: string): string {
  return text.replace(SENTINELS, '');
}

/** A piece of message text: core text (which may hold the core's own markup) or a span of user text (markers removed). */
export interface TextPiece {
  user: boolean;
  text: string;
}

/**
 * Splits message text into core pieces and user spans. A marker without its partner is dropped:
 * an unclosed span runs to the end of the text, and a stray close is ignored.
 */
export function userTextPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf(USER_OPEN, i);
    const end = open < 0 ? text.length : open;
    if (end > i) pieces.push({ user: false, text: text.slice(i, end).replaceAll(USER_CLOSE, '') });
    if (open < 0) break;
    const close = text.indexOf(USER_CLOSE, open + 1);
    const stop = close < 0 ? text.length : close;
    const inner = text.slice(open + 1, stop).replaceAll(USER_OPEN, '');
    if (inner.length > 0) pieces.push({ user: true, text: inner });
    i = close < 0 ? text.length : close + 1;
  }
  return pieces;
}
