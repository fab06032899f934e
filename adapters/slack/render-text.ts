// Text for Slack: mrkdwn escaping that keeps mentions and links, and splitting/truncation that never cuts a token, an entity or a surrogate pair.

/** Longest mention or link passed through as a token; anything longer is escaped as text. */
const MAX_TOKEN = 1000;
const ELLIPSIS = '…';

/**
 * What the core may write inside angle brackets and Slack should interpret: a member mention
 * `<@ID>` / `<@ID|label>` and a link `<http…>` / `<http…|label>`. Everything else — `<!channel>`,
 * `<#C1>`, `<script>` typed by a person — is escaped, so free text can never ping a channel.
 */
const PASS_THROUGH = /<@[A-Za-z0-9][A-Za-z0-9._-]*(?:\|[^<>|\n]*)?>|<https?:\/\/[^\s<>|]+(?:\|[^<>\n]*)?>/g;

/** Indivisible pieces of escaped mrkdwn: a token, an entity, or one code point. */
const ATOMS = /<[^>]*>|&(?:amp|lt|gt);|[\s\S]/gu;

function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes `&`, `<`, `>` for mrkdwn, except in mention and link tokens. */
export function escapeMrkdwn(text: string): string {
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
