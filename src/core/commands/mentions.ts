// Finds the people named in a command: `<@id>` / `<@id|label>` markup, Teams `<at>name</at>`, and local `@name`.
import type { Mention } from './types.ts';

// Private-use characters: nobody types them, so a placeholder can never be forged
// (the cleaner removes any that arrive) and survives lowercasing and word splitting.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** A command's text with each mention replaced by a placeholder word, and the mentions in order. */
export interface MentionedText {
  text: string;
  mentions: Mention[];
}

const ID_MARKUP = /<@([^>|\s]{1,100})(?:\|[^>]{0,200})?>/y;
const TEAMS_MARKUP = /<at>([^<]{1,80})<\/at>/y;
const QUOTED_NAME = /@"([^"\n]{1,80})"/y;
// A name token: letters (accents included), digits, '.', '-', '_', and an inner apostrophe (O'Brien).
const NAME = /@([\p{L}\p{M}\p{N}_]+(?:['.-][\p{L}\p{M}\p{N}_]+)*)/uy;
const NAME_CHAR = /[\p{L}\p{M}\p{N}._-]/u;

/** Replaces every mention in `text` with a placeholder word. */
export function extractMentions(text: string): MentionedText {
  const clean = text.replaceAll(OPEN, '').replaceAll(CLOSE, '');
  const mentions: Mention[] = [];
  let out = '';
  let i = 0;
  while (i < clean.length) {
    const found = mentionAt(clean, i);
    if (found) {
      out += ` ${OPEN}${mentions.length}${CLOSE} `;
      mentions.push(found.mention);
      i = found.end;
    } else {
      out += clean[i];
      i += 1;
    }
  }
  return { text: out, mentions };
}

function mentionAt(text: string, at: number): { mention: Mention; end: number } | undefined {
  const ch = text[at];
  if (ch === '<') {
    for (const [pattern, kind] of [
      [ID_MARKUP, 'id'],
      [TEAMS_MARKUP, 'name'],
    ] as const) {
      pattern.lastIndex = at;
      const m = pattern.exec(text);
      const value = m?.[1]?.trim();
      if (m && value) {
        const mention: Mention = kind === 'id' ? { kind, id: value } : { kind, name: value };
        return { mention, end: at + m[0].length };
      }
    }
    return undefined;
  }
  // "ana@clinic.org" is an e-mail address, not a mention.
  if (ch !== '@' || (at > 0 && NAME_CHAR.test(text[at - 1] ?? ''))) return undefined;
  for (const pattern of [QUOTED_NAME, NAME]) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    const name = m?.[1]?.trim();
    if (m && name) return { mention: { kind: 'name', name }, end: at + m[0].length };
  }
  return undefined;
}

/** The mention a placeholder word stands for, if the word is one. */
export function mentionOf(word: string, mentions: readonly Mention[]): Mention | undefined {
  const m = /^\uE000(\d+)\uE001$/.exec(word);
  return m ? mentions[Number(m[1])] : undefined;
}

export function hasMention(text: string): boolean {
  return text.includes(OPEN);
}

/** Puts mentions back as the user could have typed them, for free text such as a pair's focus. */
export function restoreMentions(text: string, mentions: readonly Mention[]): string {
  return text
    .replace(/\uE000(\d+)\uE001/g, (_, n: string) => {
      const m = mentions[Number(n)];
      if (!m) return '';
      return m.kind === 'id' ? `<@${m.id}>` : `@${m.name}`;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads a single mention, e.g. a form field or a button value holding `<@U123>` or `@ana`. */
export function parseMention(text: string): Mention | undefined {
  const { text: rest, mentions } = extractMentions(text.trim());
  const [only] = mentions;
  return mentions.length === 1 && only && rest.trim() === `${OPEN}0${CLOSE}` ? only : undefined;
}

/** Whether two mentions surely name the same person (ids equal, or names equal ignoring case). */
export function sameMention(a: Mention, b: Mention): boolean {
  if (a.kind === 'id' && b.kind === 'id') return a.id === b.id;
  if (a.kind === 'name' && b.kind === 'name') return a.name.toLowerCase() === b.name.toLowerCase();
  return false;
}
