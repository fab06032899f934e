// Benchmark: time from a signed `/rounds help` POST to its HTTP ack, Rounds beside a bare Bolt app, in one run.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';
import { pino } from 'pino';
import { startRounds } from '../src/app/runtime.js';
import { loadConfig } from '../src/config.js';
import { obliterateQueues } from '../test/support/local-app.js';
import { uniqueQueueNames } from '../test/support/redis.js';
import { SIGNING_SECRET, sign, slashCommandBody } from '../test/support/slack-app.js';
import { startSlackStandIn } from '../test/support/slack-stand-in.js';
import type { Row } from './matching.js';

const REQUESTS = 500;
const CONCURRENCY = 50;
const ROUNDS = 2;

async function bareBolt(): Promise<{ url: string; server: Server }> {
  const http = express();
  const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, app: http, endpoints: '/slack/events' });
  const app = new App({ receiver, token: 'xoxb-bare', botId: 'B0BARE', botUserId: 'U0BARE', tokenVerificationEnabled: false });
  app.command('/rounds', async ({ ack }) => {
    await ack();
  });
  const server = createServer(http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/slack/events`, server };
}

async function fire(url: string, bodies: string[]): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++] ?? '';
      const timestamp = Math.floor(Date.now() / 1000);
      const started = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(body, timestamp),
        },
        body,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`ack answered ${res.status}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function summarise(name: string, latencies: number[], wallMs: number): Row {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    requests: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    per_second: Math.round(sorted.length / (wallMs / 1000)),
    rss_mib: Math.round(process.memoryUsage().rss / 1048576),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function benchSlackAck(): Promise<Row[]> {
  const slack = await startSlackStandIn({ users: [{ id: 'U0BENCH01', real_name: 'Bench Person' }] });
  const queueNames = uniqueQueueNames('bench-ack');
  const rounds = await startRounds(
    loadConfig({
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      ROUNDS_DATA_DIR: mkdtempSync(join(tmpdir(), 'rounds-bench-')),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_API_URL: slack.url,
    }),
    { web: true, worker: false, queueNames, logger: pino({ level: 'silent' }) },
  );
  const bare = await bareBolt();
  const roundsUrl = `http://127.0.0.1:${rounds.port}/slack/events`;
  const bodies = () => Array.from({ length: REQUESTS }, () => slashCommandBody(slack, 'U0BENCH01', 'help'));
  const results: Record<'rounds' | 'bare', number[]> = { rounds: [], bare: [] };
  const walls: Record<'rounds' | 'bare', number> = { rounds: 0, bare: 0 };
  try {
    // Warm both, then alternate so machine noise falls on both alike.
    await fire(roundsUrl, bodies().slice(0, 100));
    await fire(bare.url, bodies().slice(0, 100));
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, url] of [['bare', bare.url], ['rounds', roundsUrl]] as const) {
        const started = performance.now();
        results[name].push(...(await fire(url, bodies())));
        walls[name] += performance.now() - started;
        // Let Rounds finish the work it continued after each ack before the next side runs.
        await new Promise((r) => setTimeout(r, 1_500));
      }
    }
  } finally {
    await rounds.stop();
    await new Promise((r) => bare.server.close(r));
    await slack.close();
    await obliterateQueues(queueNames);
  }
  const bareRow = summarise('slack ack: bare Bolt', results.bare, walls.bare);
  const roundsRow = summarise('slack ack: Rounds /rounds help', results.rounds, walls.rounds);
  roundsRow.p50_vs_bare = round(Number(roundsRow.p50_ms) / Number(bareRow.p50_ms));
  roundsRow.p99_vs_bare = round(Number(roundsRow.p99_ms) / Number(bareRow.p99_ms));
  return [bareRow, roundsRow];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchSlackAck());
}
