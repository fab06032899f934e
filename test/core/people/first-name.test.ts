// What a message calls a person: the first word of their name, or a title with their last name.
import { describe, expect, it } from 'vitest';
import { firstName } from '../../../src/core/people/first-name.ts';

describe('firstName', () => {
  it('is the first word of the display name', () => {
    expect(firstName('Emily Nguyen')).toBe('Emily');
    expect(firstName('Ana María García López')).toBe('Ana');
  });

  it('takes the first word of a two-word first name: it cannot be told from a middle name', () => {
    expect(firstName('Mary Ann Lee')).toBe('Mary');
  });

  it('keeps a one-word name, accents and case as they are', () => {
    expect(firstName('Cher')).toBe('Cher');
    expect(firstName('Ángel Núñez')).toBe('Ángel');
    expect(firstName('josé ruiz')).toBe('josé');
  });

  it('ignores spaces around and between the words', () => {
    expect(firstName('   Emily   Nguyen  ')).toBe('Emily');
    expect(firstName('\tBen\nOkafor')).toBe('Ben');
  });

  it('keeps a title with the last name, and a title alone as it is', () => {
    expect(firstName('Dr. Sarah Patel')).toBe('Dr. Patel');
    expect(firstName('dr James Wu')).toBe('dr Wu');
    expect(firstName('Prof. Lena Ortiz Vega')).toBe('Prof. Vega');
    expect(firstName('Dr.')).toBe('Dr.');
  });

  it('reads "Last, First" the other way round', () => {
    expect(firstName('Nguyen, Emily')).toBe('Emily');
    expect(firstName('Patel, Dr. Sarah')).toBe('Dr. Patel');
  });

  it('gives an empty string for an empty name', () => {
    expect(firstName('')).toBe('');
    expect(firstName('   ')).toBe('');
  });
});
