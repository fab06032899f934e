// Benchmark: resident memory of Rounds (web and worker in one `rounds start` process, with npm start's Node options) on Postgres beside a bare
// Bolt app on one express server, idle and after a burst of signed `/rounds help` requests; all on this machine
// at once. PGlite's own share is local mode on its embedded database minus local mode on Postgres.
//
// Each Rounds has a database of its own and its own queue prefix, on BENCH_REDIS_URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ownDatabase } from '../test/app/worker-support.ts';
import { obliterateQueues } from '../test/support/local-app.ts';
import { SIGNING_SECRET, slashCommandBody } from '../test/support/slack-app.ts';
import { startSlackStandIn } from '../test/support/slack-stand-in.ts';
import type { Row } from './matching.ts';
import { fire, memoryOf, type Server, spawnServer, startNodeOptions } from './slack-ack.ts';

const DATABASE_SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/1';
const REQUESTS = 1_000;
const LOCAL_REQUESTS = 300;
const CONCURRENCY = 50;
/** Long enough after start-up (or a burst) for the first garbage collections and timers to have run. */
const SETTLE_MS = 5_000;

const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

/** `help` typed on the local chat page, `count` times, `concurrency` at once. */
async function fireLocal(base: string, count: number): Promise<void> {
  let next = 0;
  const one = async () => {
    while (next++ < count) {
      const res = await fetch(`${base}/local/say`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ as: 'dana-whitfield', text: 'help' }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/local/say answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, one));
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

export async function benchRss(): Promise<Row[]> {
  const stamp = Date.now();
  const prefixes = { slack: `bench-rss-slack-${stamp}`, localPg: `bench-rss-localpg-${stamp}`, localLite: `bench-rss-locallite-${stamp}` };
  const slack = await startSlackStandIn({ users: [{ id: 'U0BENCH01', real_name: 'Bench Person' }] });
  const [slackDb, localDb] = await Promise.all([ownDatabase('rssslack', DATABASE_SERVER), ownDatabase('rsslocal', DATABASE_SERVER)]);
  const common = { REDIS_URL, NODE_ENV: 'development', ROUNDS_DATA_DIR: '' };
  const slackEnv = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: slack.botToken, SLACK_API_URL: slack.url };
  const servers: Server[] = [];
  try {
    const start = (args: string[], env: Record<string, string>) =>
      spawnServer(args, { ...common, ROUNDS_DATA_DIR: mkdtempSync(join(tmpdir(), 'rounds-bench-rss-')), ...env }).then((s) => {
        servers.push(s);
        return s;
      });
    const bare = await start(['bench/bare-bolt.ts'], slackEnv);
    const asStarted = [...startNodeOptions(), 'bin/rounds.js', 'start'];
    const rounds = await start(asStarted, { ...slackEnv, DATABASE_URL: slackDb.url, ROUNDS_QUEUE_PREFIX: prefixes.slack });
    const localPg = await start(asStarted, { DATABASE_URL: localDb.url, ROUNDS_QUEUE_PREFIX: prefixes.localPg });
    const localLite = await start(asStarted, { ROUNDS_QUEUE_PREFIX: prefixes.localLite });
    await settle();
    const idle = new Map(servers.map((s) => [s, memoryOf(s.pid).rss]));

    const bodies = (n: number) => Array.from({ length: n }, () => slashCommandBody(slack, 'U0BENCH01', 'help'));
    await fire(bare.url, bodies(REQUESTS));
    await fire(rounds.url, bodies(REQUESTS));
    await fireLocal(localPg.base, LOCAL_REQUESTS);
    await fireLocal(localLite.base, LOCAL_REQUESTS);
    await settle();
    const loaded = new Map(servers.map((s) => [s, memoryOf(s.pid)]));

    const row = (name: string, s: Server, load: string): Row => ({
      name,
      load,
      idle_rss_mib: idle.get(s) ?? 0,
      load_rss_mib: loaded.get(s)?.rss ?? 0,
      peak_rss_mib: loaded.get(s)?.peak ?? 0,
    });
    const bareRow = row('rss: bare Bolt', bare, `${REQUESTS} /rounds help`);
    const roundsRow = row('rss: Rounds web+worker, Postgres', rounds, `${REQUESTS} /rounds help`);
    roundsRow.idle_vs_bare = ratio(Number(roundsRow.idle_rss_mib), Number(bareRow.idle_rss_mib));
    roundsRow.load_vs_bare = ratio(Number(roundsRow.load_rss_mib), Number(bareRow.load_rss_mib));
    roundsRow.peak_vs_bare = ratio(Number(roundsRow.peak_rss_mib), Number(bareRow.peak_rss_mib));
    const pgRow = row('rss: Rounds local mode, Postgres', localPg, `${LOCAL_REQUESTS} local help`);
    const liteRow = row('rss: Rounds local mode, PGlite', localLite, `${LOCAL_REQUESTS} local help`);
    const shareRow: Row = {
      name: 'rss: PGlite share (local PGlite - local Postgres)',
      load: `${LOCAL_REQUESTS} local help`,
      idle_rss_mib: Number(liteRow.idle_rss_mib) - Number(pgRow.idle_rss_mib),
      load_rss_mib: Number(liteRow.load_rss_mib) - Number(pgRow.load_rss_mib),
      peak_rss_mib: Number(liteRow.peak_rss_mib) - Number(pgRow.peak_rss_mib),
    };
    return [bareRow, roundsRow, pgRow, liteRow, shareRow];
  } finally {
    for (const s of servers) await s.stop();
    for (const prefix of Object.values(prefixes)) await obliterateQueues({ delivery: `${prefix}-delivery`, tick: `${prefix}-tick` }, REDIS_URL);
    await slack.close();
    await Promise.all([slackDb.drop(), localDb.drop()]);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchRss());
}
