// For the worker process tests and the fan-out benchmark: a Postgres database of their own, a Slack practice whose
// weekly check-ins are due now, and real `rounds worker` processes (node bin/rounds.js worker) to run against them.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { DEFAULT_SETTINGS, type Member, type Workspace } from '../../src/core/model.ts';
import type { Repositories } from '../../src/core/repositories.ts';
import { afterAll, beforeAll } from 'vitest';
import { TEST_APP_POOL_MAX, TEST_POOL_MAX, testDatabaseUrl, uniqueId } from '../support/db.ts';
import { obliterateQueues } from '../support/local-app.ts';
import { testRedisUrl } from '../support/redis.ts';
import { type SlackStandIn, type SlackStoredMessage, startSlackStandIn } from '../support/slack-stand-in.ts';

const root = join(import.meta.dirname, '../..');

export interface OwnDatabase extends DatabaseHandle {
  url: string;
  repos: Repositories;
  /** Closes and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database on the test Postgres server. Worker processes tick every workspace of their
 * database: one of their own keeps them off other tests' practices (and other tests' ticks off theirs).
 */
export async function ownDatabase(label: string, serverUrl = testDatabaseUrl()): Promise<OwnDatabase> {
  const name = `rounds_${label}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ url: url.toString(), maxConnections: TEST_POOL_MAX });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    repos: createRepositories(handle.db),
    async drop() {
      await handle.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A Slack practice of `size` people (external ids U…, also added to the stand-in) in pairs, whose weekly
 * check-ins are due at any moment this week: every day a work day, no holidays, check-in Monday 00:00 UTC,
 * the pairs active since just before this week began (and not yet quiet, so no nudge).
 */
export async function seedDuePractice(repos: Repositories, slack: SlackStandIn, size: number): Promise<{ workspace: Workspace; members: Member[] }> {
  const workspace = await repos.workspaces.create({
    platform: 'slack',
    externalId: slack.team.id,
    name: 'Fan-out Family Practice',
    timeZone: 'UTC',
    locale: 'en',
    settings: { ...DEFAULT_SETTINGS, workDays: [1, 2, 3, 4, 5, 6, 7], holidays: [], holidayNames: {}, holidaysSet: true, checkinDay: 1, checkinTime: '00:00' },
  });
  const members: Member[] = [];
  for (let i = 0; i < size; i += 1) {
    const externalId = `U0W${String(i).padStart(7, '0')}`;
    slack.addUser({ id: externalId, real_name: `Nurse ${i}`, tz: 'UTC' });
    members.push(
      await repos.members.create({
        workspaceId: workspace.id,
        externalId,
        displayName: `Nurse ${i}`,
        role: 'staff',
        title: 'RN',
        team: 'Clinic',
        managerId: null,
        timeZone: 'UTC',
        locale: 'en',
        email: null,
        startDate: null,
        active: true,
        snoozedUntil: null,
        optedOut: false,
      }),
    );
  }
  const since = DateTime.utc().startOf('week').minus({ hours: 1 }).toISO() ?? '';
  for (let i = 0; i + 1 < members.length; i += 2) {
    const [mentor, mentee] = [members[i], members[i + 1]];
    if (!mentor || !mentee) continue;
    await repos.pairs.create(
      { workspaceId: workspace.id, mentorId: mentor.id, menteeId: mentee.id, kind: 'mentoring', status: 'active', cadence: 'monthly', focus: null, reason: null, mentorAccepted: true, menteeAccepted: true },
      since,
    );
  }
  return { workspace, members };
}

/** What the stand-in holds for a user: the check-in messages Rounds sent them (tagged with their delivery key). */
export function checkinsTo(slack: SlackStandIn, userId: string): SlackStoredMessage[] {
  return slack.messagesTo(userId).filter((m) => String(m.metadata?.event_payload.key ?? '').startsWith('checkin:'));
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Peak resident memory so far (VmHWM), in MiB; 0 when /proc cannot tell. */
  peakRssMib(): number;
}

/** A real `rounds worker` process against the stand-in, on its own queues. */
export function startWorker(opts: {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  slack: SlackStandIn;
  token?: string;
  script?: string;
  env?: Record<string, string>;
}): WorkerProcess {
  const args = opts.script ? [opts.script] : ['bin/rounds.js', 'worker'];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: opts.databaseUrl,
      DATABASE_POOL_MAX: String(TEST_APP_POOL_MAX),
      REDIS_URL: opts.redisUrl,
      ROUNDS_QUEUE_PREFIX: opts.queuePrefix,
      ROUNDS_DATA_DIR: mkdtempSync(join(tmpdir(), 'rounds-worker-')),
      SLACK_SIGNING_SECRET: 'rounds-worker-test',
      SLACK_BOT_TOKEN: opts.token ?? opts.slack.botToken,
      SLACK_API_URL: opts.slack.url,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    peakRssMib() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
        return Math.round(kb / 1024);
      } catch {
        return 0;
      }
    },
  };
}

/** SIGTERM, and SIGKILL if it has not gone within `ms`. */
export async function stopWorker(worker: WorkerProcess, ms = 12_000): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), ms);
  await worker.exited;
  clearTimeout(timer);
}

/** Polls until `check` returns a value, or fails after `ms` (with what the workers said). */
export async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms: number, workers: WorkerProcess[] = []): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${ms} ms\n${workers.map((w) => w.output()).join('\n---\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface WorkerRig {
  /** The queue prefix the rig's workers use. */
  prefix: string;
  database: OwnDatabase;
  slack: SlackStandIn;
  /** Workers started through the rig are stopped after the file. */
  workers: WorkerProcess[];
}

/**
 * A database of the file's own, a Slack stand-in and a queue prefix, set up before the file's tests and
 * torn down after them (workers stopped, stand-in closed, database dropped, queues obliterated).
 */
export function useWorkerRig(label: string, slackOptions: Parameters<typeof startSlackStandIn>[0] = {}, redisUrl = testRedisUrl()): WorkerRig {
  const rig = { prefix: uniqueId(label).slice(0, 40), workers: [] as WorkerProcess[] } as WorkerRig;
  beforeAll(async () => {
    rig.database = await ownDatabase(label);
    rig.slack = await startSlackStandIn(slackOptions);
  });
  afterAll(async () => {
    for (const w of rig.workers) await stopWorker(w);
    await rig.slack?.close();
    await rig.database?.drop();
    await obliterateQueues({ delivery: `${rig.prefix}-delivery`, tick: `${rig.prefix}-tick` }, redisUrl);
  });
  return rig;
}
