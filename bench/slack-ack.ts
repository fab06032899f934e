// Benchmark: time from a signed `/rounds help` POST to its HTTP ack, Rounds beside a bare Bolt app, in one run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { SIGNING_SECRET, sign, slashCommandBody } from '../test/support/slack-app.ts';
import { startSlackStandIn } from '../test/support/slack-stand-in.ts';
import type { Row } from './matching.ts';

const REQUESTS = 500;
const CONCURRENCY = 50;
const ROUNDS = 2;
const root = join(import.meta.dirname, '..');

export interface Server {
  /** http://127.0.0.1:<port> */
  base: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The Node options `npm start` gives Rounds (package.json), so a bench measures Rounds as a person runs it;
 * the bare Bolt app runs with Node's defaults.
 */
export function startNodeOptions(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => /^--[a-z-]+(=\S+)?$/.test(word));
}

/** Starts a server process and waits until its /readyz answers 200; a random port already taken is tried again. */
export async function spawnServer(args: string[], env: Record<string, string>, attempts = 3): Promise<Server> {
  const port = String(30_000 + Math.floor(Math.random() * 20_000));
  const child = spawn(process.execPath, [...args], {
    cwd: root,
    env: { ...process.env, ...env, PORT: port, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      gone = true;
      resolve();
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300 && !gone; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (gone) {
    if (attempts > 1) return spawnServer(args, env, attempts - 1);
    throw new Error(`${args.join(' ')} exited before it was ready`);
  }
  return {
    base,
    url: `${base}/slack/events`,
    pid: child.pid ?? 0,
    stop: () => {
      if (!gone) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Resident and peak resident memory of a process, in MiB (Linux). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

export async function fire(url: string, bodies: string[]): Promise<number[]> {
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

function summarise(name: string, latencies: number[], wallMs: number, pid: number): Row {
  const sorted = [...latencies].sort((a, b) => a - b);
  const memory = memoryOf(pid);
  return {
    name,
    requests: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    per_second: Math.round(sorted.length / (wallMs / 1000)),
    rss_mib: memory.rss,
    peak_rss_mib: memory.peak,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function benchSlackAck(): Promise<Row[]> {
  const slack = await startSlackStandIn({ users: [{ id: 'U0BENCH01', real_name: 'Bench Person' }] });
  const env = {
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_API_URL: slack.url,
  };
  // Each server in a process of its own, the load from this one: nobody measures their own event loop.
  const rounds = await spawnServer([...startNodeOptions(), 'src/app/cli.ts', 'web'], env);
  const bare = await spawnServer(['bench/bare-bolt.ts'], env);
  const bodies = () => Array.from({ length: REQUESTS }, () => slashCommandBody(slack, 'U0BENCH01', 'help'));
  const results: Record<'rounds' | 'bare', number[]> = { rounds: [], bare: [] };
  const walls: Record<'rounds' | 'bare', number> = { rounds: 0, bare: 0 };
  try {
    // Warm both, then alternate so machine noise falls on both alike.
    await fire(rounds.url, bodies().slice(0, 100));
    await fire(bare.url, bodies().slice(0, 100));
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, server] of [['bare', bare], ['rounds', rounds]] as const) {
        const started = performance.now();
        results[name].push(...(await fire(server.url, bodies())));
        walls[name] += performance.now() - started;
        // Let Rounds finish the work it continued after each ack before the next side runs.
        await new Promise((r) => setTimeout(r, 1_500));
      }
    }
    const bareRow = summarise('slack ack: bare Bolt', results.bare, walls.bare, bare.pid);
    const roundsRow = summarise('slack ack: Rounds /rounds help', results.rounds, walls.rounds, rounds.pid);
    roundsRow.p50_vs_bare = round(Number(roundsRow.p50_ms) / Number(bareRow.p50_ms));
    roundsRow.p95_vs_bare = round(Number(roundsRow.p95_ms) / Number(bareRow.p95_ms));
    roundsRow.p99_vs_bare = round(Number(roundsRow.p99_ms) / Number(bareRow.p99_ms));
    return [bareRow, roundsRow];
  } finally {
    await rounds.stop();
    await bare.stop();
    await slack.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchSlackAck());
}
