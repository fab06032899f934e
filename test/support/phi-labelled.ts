// The labelled patient-information set (test/fixtures/phi/labelled.json) and how the screen scores on it.
import { readFileSync } from 'node:fs';
import { screenForPhi, type PhiKind } from '../../src/core/phi.ts';

export interface LabelledText {
  text: string;
  label: 'phi' | 'innocent';
  /** For patient information, the kind the screen must report; for innocent text, the trap it resembles. */
  class: string;
  /** Where such a text is typed: note, goal, topic, task, title, timeoff. */
  field: string;
  /** `dev` items were used to write the screen; `heldout` ones were written apart and only measured. */
  split: 'dev' | 'heldout';
}

export function loadLabelled(): LabelledText[] {
  const file = new URL('../fixtures/phi/labelled.json', import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as LabelledText[];
}

export interface PhiScore {
  items: number;
  phi: number;
  innocent: number;
  /** Share of patient-information texts refused. */
  recall: number;
  /** Share of innocent texts refused. */
  falseAlarm: number;
  missed: string[];
  falseAlarms: string[];
}

export function scoreScreen(items: readonly LabelledText[]): PhiScore {
  const phi = items.filter((i) => i.label === 'phi');
  const innocent = items.filter((i) => i.label === 'innocent');
  const missed = phi.filter((i) => screenForPhi(i.text).ok).map((i) => i.text);
  const falseAlarms = innocent.filter((i) => !screenForPhi(i.text).ok).map((i) => i.text);
  return {
    items: items.length,
    phi: phi.length,
    innocent: innocent.length,
    recall: phi.length === 0 ? 1 : (phi.length - missed.length) / phi.length,
    falseAlarm: innocent.length === 0 ? 0 : falseAlarms.length / innocent.length,
    missed,
    falseAlarms,
  };
}

/** The kinds a refusal of `item` must include: its class, for patient information. */
export function expectedKind(item: LabelledText): PhiKind {
  return item.class as PhiKind;
}
