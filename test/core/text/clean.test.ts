// cleanTyped: the characters nobody means to send are removed from what comes in; everything else stays as typed.
import { describe, expect, it } from 'vitest';
import { cleanFields, cleanTyped, parseTypedJson } from '../../../src/core/text/clean.ts';

describe('cleanTyped', () => {
  it('removes NUL, ESC and the other C0 controls, but keeps newlines and tabs', () => {
    expect(cleanTyped('a\u0000b\u001b[31mc\u0007d\u0008e\u000bf\u000cg\u001fh')).toBe('ab[31mcdefgh');
    expect(cleanTyped('line one\nline\ttwo')).toBe('line one\nline\ttwo');
  });

  it('turns Windows and old Mac line ends into newlines rather than dropping the break', () => {
    expect(cleanTyped('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('removes DEL and the C1 controls', () => {
    expect(cleanTyped('a\u007fb\u0080c\u009bd\u009fe')).toBe('abcde');
  });

  it('removes the private-use characters Rounds marks user text with, so a span cannot be forged', () => {
    expect(cleanTyped('x\uE000<@U1>\uE001y')).toBe('x<@U1>y');
  });

  it('removes bidirectional embeddings, overrides and isolates', () => {
    const bidi = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    expect(cleanTyped(`invoice${bidi.join('')}fdp.exe`)).toBe('invoicefdp.exe');
  });

  it('keeps accents, emoji, other scripts and ordinary punctuation as typed', () => {
    const text = 'José Núñez 👩🏽‍⚕️ — "coding" & <billing> *ok* مرحبا 日本';
    expect(cleanTyped(text)).toBe(text);
  });

  it('cleans every field of a form', () => {
    expect(cleanFields({ note: 'ok\u0000', goals: 'a\u202Eb' })).toEqual({ note: 'ok', goals: 'ab' });
  });
});

describe('parseTypedJson', () => {
  it('removes control characters escaped inside a button value, at any depth', () => {
    const forged = JSON.stringify({ task: 'Fax\u0000 queue\u001b[31m', list: ['ok\u202e', 3] });
    expect(forged).toContain('\\u0000');
    expect(parseTypedJson(forged)).toEqual({ task: 'Fax queue[31m', list: ['ok', 3] });
  });

  it('reads clean JSON unchanged', () => {
    expect(parseTypedJson('{"a":"Prior authorizations","n":2,"b":null}')).toEqual({ a: 'Prior authorizations', n: 2, b: null });
  });
});
