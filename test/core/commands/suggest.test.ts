import { describe, expect, it } from 'vitest';
import { editDistance, suggestCommand as suggestFrom } from '../../../src/core/commands/suggest.ts';
import { assembleFeatures } from '../../../src/core/feature-set.ts';
import { FEATURES } from '../../../src/core/features.ts';

// The command words are the registered features' (src/core/features.ts).
const COMMAND_WORDS = assembleFeatures(FEATURES).vocabulary.suggestions;
const suggestCommand = (text: string): string | undefined => suggestFrom(text, COMMAND_WORDS);

describe('editDistance', () => {
  it.each([
    ['help', 'help', 0],
    ['hlep', 'help', 1],
    ['covr', 'cover', 1],
    ['skils', 'skills', 1],
    ['cvoer', 'cover', 1],
    ['kitten', 'sitting', 3],
    ['', 'out', 3],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggestCommand', () => {
  it('never suggests for a command typed right', () => {
    for (const word of COMMAND_WORDS) expect(suggestCommand(word)).toBeUndefined();
  });

  it('allows two edits only in long words', () => {
    expect(suggestCommand('welcme')).toBe('welcome');
    expect(suggestCommand('settngz')).toBe('settings');
    expect(suggestCommand('cvr')).toBeUndefined();
  });

  it('does not turn real short words into commands', () => {
    for (const word of ['but', 'put', 'cut', 'our', 'pain', 'yelp', 'watch', 'math']) expect(suggestCommand(word)).toBeUndefined();
  });

  it('accepts swapped and dropped letters in short commands', () => {
    expect(suggestCommand('otu')).toBe('out');
    expect(suggestCommand('pari')).toBe('pair');
    expect(suggestCommand('hep')).toBe('help');
  });

  it('stays quiet for sentences', () => {
    expect(suggestCommand('covr me friday for billing because i have an appointment')).toBeUndefined();
  });
});
