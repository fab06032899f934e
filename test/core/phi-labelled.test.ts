// The PHI screen against the labelled set: every text it was written against is judged right, and the
// held-out texts keep the measured recall and false-alarm rate from slipping.
import { describe, expect, it } from 'vitest';
import { screenForPhi } from '../../src/core/phi.ts';
import { expectedKind, loadLabelled, scoreScreen } from '../support/phi-labelled.ts';

const all = loadLabelled();
const dev = all.filter((i) => i.split === 'dev');
const heldOut = all.filter((i) => i.split === 'heldout');

describe('the labelled set', () => {
  it('is big and varied enough to measure the screen', () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((i) => i.text)).size).toBe(all.length);
    for (const part of [dev, heldOut]) {
      expect(part.filter((i) => i.label === 'phi').length).toBeGreaterThanOrEqual(40);
      expect(part.filter((i) => i.label === 'innocent').length).toBeGreaterThanOrEqual(50);
    }
    const heldOutClasses = new Set(heldOut.filter((i) => i.label === 'phi').map((i) => i.class));
    for (const kind of ['insurance_id', 'address', 'name_with_details', 'phone', 'record_number', 'date_of_birth']) {
      expect(heldOutClasses).toContain(kind);
    }
    expect(new Set(all.map((i) => i.field))).toEqual(new Set(['note', 'goal', 'topic', 'task', 'title', 'timeoff']));
  });
});

describe('texts the screen was written against', () => {
  it.each(dev.filter((i) => i.label === 'phi').map((i) => [i.text, expectedKind(i)] as const))(
    'refuses %s as %s',
    (text, kind) => {
      const screen = screenForPhi(text);
      expect(screen.ok).toBe(false);
      expect(screen.ok ? [] : screen.kinds).toContain(kind);
    },
  );

  it.each(dev.filter((i) => i.label === 'innocent').map((i) => i.text))('lets through %s', (text) => {
    expect(screenForPhi(text)).toEqual({ ok: true });
  });
});

describe('held-out texts (measured, not tuned on)', () => {
  it('keeps recall at 0.9 or more and false alarms at 0.05 or fewer', () => {
    const score = scoreScreen(heldOut);
    expect(score.recall, `missed: ${score.missed.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
    expect(score.falseAlarm, `false alarms: ${score.falseAlarms.join(' | ')}`).toBeLessThanOrEqual(0.05);
  });
});
