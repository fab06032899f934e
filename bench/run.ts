// `npm run bench`: every benchmark, printed as a table and written to bench/results.json.
import { writeFileSync } from 'node:fs';
import { benchMatching, type Row } from './matching.ts';
import { benchFanout } from './fanout.ts';
import { benchRss } from './rss.ts';
import { benchSlackAck } from './slack-ack.ts';
import { benchPhi } from './phi.ts';

const benches: [string, () => Promise<Row[]>][] = [
  ['matching', benchMatching],
  ['slack-ack', benchSlackAck],
  ['rss', benchRss],
  ['fanout', benchFanout],
  ['phi', benchPhi],
];

const only = process.argv.slice(2);
const rows: Row[] = [];
for (const [name, run] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await run()));
}
console.table(rows);
const file = new URL('./results.json', import.meta.url);
writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
process.stderr.write(`bench: wrote ${file.pathname}\n`);
process.exit(0);
