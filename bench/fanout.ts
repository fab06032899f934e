// Benchmark: one weekly check-in fanned out to a whole Slack workspace through real `rounds worker` processes,
// against the Slack stand-in enforcing a chat.postMessage limit; with one worker and with two.
//
// Per case: a database of its own seeded with BENCH_FANOUT_MEMBERS people (default 2,000) in active pairs,
// the scheduler tick run once here to record and queue every check-in, then worker processes started to send.
// Rounds' limiter is sized to the stand-in's limit, so the ideal is exactly the allowed rate.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { createOutbox } from '../jobs/outbox.ts';
import { createQueues, createRedis, queueNamesFor } from '../jobs/queues.ts';
import { systemClock } from '../src/app/clock.ts';
import { csvCodec } from '../src/app/csv.ts';
import { checkinTouchpoints } from '../src/core/checkins/tick.ts';
import { runTick } from '../src/core/schedule.ts';
import { checkinsTo, ownDatabase, seedDuePractice, startWorker, stopWorker, until, type WorkerProcess } from '../test/app/worker-support.ts';
import { obliterateQueues } from '../test/support/local-app.ts';
import { startSlackStandIn } from '../test/support/slack-stand-in.ts';
import type { Row } from './matching.ts';

const MEMBERS = Number(process.env.BENCH_FANOUT_MEMBERS ?? 2_000);
const POSTS_PER_MINUTE = 1_200;
const DATABASE_SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/1';

async function fanout(workerCount: number): Promise<Row> {
  const label = `fanout${workerCount}`;
  const prefix = `bench-${label}-${Date.now()}`;
  const database = await ownDatabase(label, DATABASE_SERVER);
  const slack = await startSlackStandIn({ limits: { 'chat.postMessage': POSTS_PER_MINUTE }, maxLoggedCalls: 1_000 });
  const connection = createRedis(REDIS_URL, 'bench');
  const queues = createQueues(connection, queueNamesFor(prefix));
  const workers: WorkerProcess[] = [];
  try {
    const { workspace, members } = await seedDuePractice(database.repos, slack, MEMBERS);
    const logger = pino({ level: 'silent' });
    const outbox = createOutbox({ deliveries: database.repos.deliveries, queues, clock: systemClock, logger });
    const tickStarted = performance.now();
    const summary = await runTick({ repos: database.repos, outbox, clock: systemClock, logger, csv: csvCodec }, [checkinTouchpoints], {
      serves: (id) => id === workspace.id,
    });
    const tickMs = performance.now() - tickStarted;

    const started = performance.now();
    for (let i = 0; i < workerCount; i += 1) {
      workers.push(
        startWorker({
          databaseUrl: database.url,
          redisUrl: REDIS_URL,
          queuePrefix: prefix,
          slack,
          script: 'bench/fanout-worker.ts',
          env: { BENCH_POST_PER_MINUTE: String(POSTS_PER_MINUTE), LOG_LEVEL: 'error' },
        }),
      );
    }
    const reached = () => members.filter((m) => checkinsTo(slack, m.externalId).length > 0).length;
    await until(() => (reached() === members.length ? true : undefined), 30 * 60_000, workers);
    const wallS = (performance.now() - started) / 1000;
    // Anything still in flight lands now, so duplicates would show.
    await new Promise((r) => setTimeout(r, 3_000));
    const peakRss = Math.max(...workers.map((w) => w.peakRssMib()));

    const counts = members.map((m) => checkinsTo(slack, m.externalId));
    const stamps = counts.flat().map((m) => Number(m.ts));
    const first = Math.min(...stamps);
    const last = Math.max(...stamps);
    const perSecond = (stamps.length - 1) / (last - first);
    const allowed = POSTS_PER_MINUTE / 60;
    return {
      name: `fanout: ${workerCount} worker${workerCount === 1 ? '' : 's'}`,
      members: members.length,
      enqueued_by_tick: summary.enqueued,
      tick_ms: Math.round(tickMs),
      delivered: counts.filter((c) => c.length > 0).length,
      per_second: Math.round(perSecond * 10) / 10,
      allowed_per_second: allowed,
      vs_allowed: Math.round((perSecond / allowed) * 1000) / 1000,
      duplicates: counts.filter((c) => c.length > 1).length,
      missing: counts.filter((c) => c.length === 0).length,
      rate_limited_429: slack.rateLimitedCountFor('chat.postMessage'),
      wall_s: Math.round(wallS * 10) / 10,
      peak_worker_rss_mib: peakRss,
    };
  } finally {
    for (const w of workers) await stopWorker(w);
    await queues.close();
    await connection.quit();
    await obliterateQueues({ delivery: `${prefix}-delivery`, tick: `${prefix}-tick` }, REDIS_URL);
    await slack.close();
    await database.drop();
  }
}

export async function benchFanout(): Promise<Row[]> {
  return [await fanout(1), await fanout(2)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchFanout());
  process.exit(0);
}
