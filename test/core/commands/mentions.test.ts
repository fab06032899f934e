import { describe, expect, it } from 'vitest';
import { extractMentions, mentionOf, parseMention, restoreMentions, sameMention } from '../../../src/core/commands/mentions.ts';

describe('extractMentions', () => {
  it.each([
    ['<@U123ABC>', { kind: 'id', id: 'U123ABC' }],
    ['<@U123ABC|ana>', { kind: 'id', id: 'U123ABC' }],
    ['<@W0ENTERPRISE|Ana García>', { kind: 'id', id: 'W0ENTERPRISE' }],
    ['<@ana-garcia>', { kind: 'id', id: 'ana-garcia' }],
    ['@ana', { kind: 'name', name: 'ana' }],
    ['@José', { kind: 'name', name: 'José' }],
    ['@ana-garcia', { kind: 'name', name: 'ana-garcia' }],
    ['@dr.smith', { kind: 'name', name: 'dr.smith' }],
    ["@o'brien", { kind: 'name', name: "o'brien" }],
    ['@"Ana García"', { kind: 'name', name: 'Ana García' }],
    ['<at>Ana García</at>', { kind: 'name', name: 'Ana García' }],
  ])('%s', (text, mention) => {
    expect(extractMentions(`pair ${text} please`).mentions).toStrictEqual([mention]);
  });

  it('leaves trailing punctuation out of a name', () => {
    expect(extractMentions('pair @ana, @ben.').mentions).toStrictEqual([
      { kind: 'name', name: 'ana' },
      { kind: 'name', name: 'ben' },
    ]);
  });

  it('ignores e-mail addresses and a lone @', () => {
    expect(extractMentions('write ana@clinic.org @ or @@').mentions).toStrictEqual([]);
  });

  it('cannot be fooled by placeholder characters in the input', () => {
    const { text, mentions } = extractMentions('\uE0000\uE001 @ana');
    expect(mentions).toStrictEqual([{ kind: 'name', name: 'ana' }]);
    const [forged, real] = text.trim().split(/\s+/);
    expect(forged).toBe('0');
    expect(mentionOf(real ?? '', mentions)).toStrictEqual({ kind: 'name', name: 'ana' });
  });
});

describe('parseMention, restoreMentions, sameMention', () => {
  it('reads exactly one mention', () => {
    expect(parseMention(' <@U1|ana> ')).toStrictEqual({ kind: 'id', id: 'U1' });
    expect(parseMention('@ana')).toStrictEqual({ kind: 'name', name: 'ana' });
    expect(parseMention('@ana @ben')).toBeUndefined();
    expect(parseMention('ana')).toBeUndefined();
  });

  it('puts mentions back as typed', () => {
    const { text, mentions } = extractMentions('focus on <@U1|ana> and @ben');
    expect(restoreMentions(text, mentions)).toBe('focus on <@U1> and @ben');
  });

  it('compares ids exactly and names without case', () => {
    expect(sameMention({ kind: 'id', id: 'U1' }, { kind: 'id', id: 'U1' })).toBe(true);
    expect(sameMention({ kind: 'name', name: 'Ana' }, { kind: 'name', name: 'ana' })).toBe(true);
    expect(sameMention({ kind: 'id', id: 'ana' }, { kind: 'name', name: 'ana' })).toBe(false);
  });
});
