// Two deployments (two databases) on one Redis: each has queues of its own unless told to share, and one
// deployment's worker never takes the other's deliveries. Web and worker of one deployment agree on theirs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../../jobs/outbox.ts';
import { createQueues, jobIdFor, type QueueNames } from '../../jobs/queues.ts';
import { systemClock } from '../../src/app/clock.ts';
import { type RoundsProcess, startRounds } from '../../src/app/runtime.ts';
import { loadConfig } from '../../src/config.ts';
import { message, section } from '../../src/core/messages/build.ts';
import { TEST_APP_POOL_MAX, uniqueId } from '../support/db.ts';
import { eventually, obliterateQueues } from '../support/local-app.ts';
import { testRedisUrl } from '../support/redis.ts';
import { type OwnDatabase, ownDatabase } from './worker-support.ts';

const practice = uniqueId('demo');
const running: RoundsProcess[] = [];
const queuesSeen: QueueNames[] = [];
let first: OwnDatabase;
let second: OwnDatabase;

/** Rounds in local mode on `database`, as an operator starts it: no queue names given, none in the environment. */
async function rounds(database: OwnDatabase, roles: { web: boolean; worker: boolean }, env: Record<string, string> = {}): Promise<RoundsProcess> {
  const config = loadConfig({
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(TEST_APP_POOL_MAX),
    REDIS_URL: testRedisUrl(),
    PORT: '0',
    LOG_LEVEL: 'silent',
    ROUNDS_DATA_DIR: mkdtempSync(join(tmpdir(), 'rounds-deploy-')),
    ...env,
  });
  const proc = await startRounds(config, { ...roles, localWorkspaceExternalId: practice, logger: pino({ level: 'silent' }) });
  running.push(proc);
  queuesSeen.push(proc.queueNames);
  return proc;
}

beforeAll(async () => {
  [first, second] = await Promise.all([ownDatabase('deploya'), ownDatabase('deployb')]);
});

afterAll(async () => {
  for (const proc of running) await proc.stop();
  const names = new Map(queuesSeen.map((n) => [n.delivery, n]));
  for (const n of names.values()) await obliterateQueues(n);
  await Promise.all([first?.drop(), second?.drop()]);
});

describe('default queue names', () => {
  it('differ between deployments, and the other deployment’s worker never takes a delivery', async () => {
    const firstWeb = await rounds(first, { web: true, worker: false });
    const secondAll = await rounds(second, { web: true, worker: true });
    expect(firstWeb.queueNames.delivery).toMatch(/^rounds-[0-9a-f]{12}-delivery$/);
    expect(secondAll.queueNames.delivery).toMatch(/^rounds-[0-9a-f]{12}-delivery$/);
    expect(firstWeb.queueNames).not.toEqual(secondAll.queueNames);

    // A delivery recorded and queued by the first deployment (as its web process does), while only the second has a worker.
    const workspace = await first.repos.workspaces.findByExternal('local', practice);
    if (!workspace) throw new Error('no local practice');
    const [member] = await first.repos.members.list(workspace.id);
    if (!member) throw new Error('no member');
    const connection = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    const queues = createQueues(connection, firstWeb.queueNames);
    try {
      const key = `deploy-test:${uniqueId()}`;
      const outbox = createOutbox({ deliveries: first.repos.deliveries, queues, clock: systemClock, logger: pino({ level: 'silent' }) });
      await outbox.enqueue({ workspaceId: workspace.id, key, kind: 'deploy-test', memberIds: [member.id], conversation: 'dm', message: message([section('Hello from the first practice')]) });

      await new Promise((r) => setTimeout(r, 1_500));
      const queue = new Queue(firstWeb.queueNames.delivery, { connection });
      const job = await queue.getJob(jobIdFor(key));
      expect(await job?.getState()).toBe('waiting');
      await queue.close();
      expect((await first.repos.deliveries.get(key))?.status).toBe('pending');

      // The first deployment's own worker, a process of its own on the same database, finds the same queues and sends it.
      const firstWorker = await rounds(first, { web: false, worker: true });
      expect(firstWorker.queueNames).toEqual(firstWeb.queueNames);
      const sent = await eventually(async () => ((await first.repos.deliveries.get(key))?.status === 'sent' ? true : undefined));
      expect(sent).toBe(true);
    } finally {
      await queues.close();
      await connection.quit();
    }
  });

  it('are shared only through an explicit ROUNDS_QUEUE_PREFIX', async () => {
    const prefix = uniqueId('shared').slice(0, 40);
    const [a, b] = await Promise.all([
      rounds(first, { web: true, worker: false }, { ROUNDS_QUEUE_PREFIX: prefix }),
      rounds(second, { web: true, worker: false }, { ROUNDS_QUEUE_PREFIX: prefix }),
    ]);
    expect(a.queueNames).toEqual({ delivery: `${prefix}-delivery`, tick: `${prefix}-tick` });
    expect(b.queueNames).toEqual(a.queueNames);
  });
});
