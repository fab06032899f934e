// Removes the characters nobody means to send from everything that comes in: typed text, form and button values, directory data.
//
// Contract: pure. Removes the C0 controls except tab and newline (NUL, ESC, BEL…),
// DEL, C1 controls (U+0080–U+009F), the private-use characters the core uses to mark user text
// (U+E000, U+E001), and the bidirectional embedding, override and isolate characters (U+202A–U+202E,
// U+2066–U+2069) that can make text read differently from what it says. A carriage return before
// a newline goes, and a lone one becomes a newline, so pasted Windows text keeps its lines.
// Everything else, emoji and accents included, is kept as typed.

import type { z } from 'zod';

// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uE000\uE001\u202A-\u202E\u2066-\u2069]/g;

export function cleanTyped(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNWANTED, '');
}

/** `cleanTyped` applied to every value of a record (a form's fields). */
export function cleanFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, cleanTyped(value)]));
}

/**
 * `JSON.parse` for a value that came back from a button, with `cleanTyped` applied to every string in it:
 * an escaped control character (`\u0000`) inside a forged button value is removed as a raw one is.
 */
export function parseTypedJson(raw: string): unknown {
  return JSON.parse(raw, (_key, value: unknown) => (typeof value === 'string' ? cleanTyped(value) : value));
}

/** A button's JSON value read with `schema`; null when it is not JSON or not of that shape (an old or forged button). */
export function readTypedJson<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    const parsed = schema.safeParse(parseTypedJson(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
