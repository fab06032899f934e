// Benchmark of the patient-information screen on the labelled set: recall and false-alarm rate, held out and overall.
import { loadLabelled, scoreScreen } from '../test/support/phi-labelled.ts';
import type { Row } from './matching.ts';

export async function benchPhi(): Promise<Row[]> {
  const all = loadLabelled();
  const parts: [string, typeof all][] = [
    ['phi screen, held-out', all.filter((i) => i.split === 'heldout')],
    ['phi screen, all', all],
  ];
  return parts.map(([name, items]) => {
    const score = scoreScreen(items);
    return {
      name,
      texts: score.items,
      phi: score.phi,
      innocent: score.innocent,
      recall: Number(score.recall.toFixed(3)),
      falseAlarm: Number(score.falseAlarm.toFixed(3)),
      missed: score.missed.length,
      falseAlarms: score.falseAlarms.length,
    };
  });
}
