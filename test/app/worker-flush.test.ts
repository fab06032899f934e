// A FLUSHDB of the worker's Redis in the middle of the week's check-ins: the next tick queues again what Postgres
// still holds, and every check-in arrives exactly once. The test flushes a Redis database of its own.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../support/db.ts';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';
import { checkinsTo, type OwnDatabase, ownDatabase, seedDuePractice, startWorker, stopWorker, until, type WorkerProcess } from './worker-support.ts';

/** Only this file uses it: flushing it touches no other test's queues. */
const FLUSHABLE_REDIS_URL = process.env.TEST_REDIS_WORKER_FLUSH_URL ?? 'redis://127.0.0.1:6379/5';
const PEOPLE = 40;
const prefix = uniqueId('flush').slice(0, 40);
let database: OwnDatabase;
let slack: SlackStandIn;
let redis: Redis;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  database = await ownDatabase('flush');
  slack = await startSlackStandIn();
  redis = new Redis(FLUSHABLE_REDIS_URL);
});

afterAll(async () => {
  for (const w of workers) await stopWorker(w);
  await slack?.close();
  await database?.drop();
  await redis?.flushdb();
  await redis?.quit();
});

describe('losing Redis mid-week', () => {
  it('loses no check-in and doubles none', async () => {
    const { members } = await seedDuePractice(database.repos, slack, PEOPLE);
    // Slow posts, so most check-ins are still queued when Redis loses everything.
    slack.delay('chat.postMessage', 300);
    const worker = startWorker({ databaseUrl: database.url, redisUrl: FLUSHABLE_REDIS_URL, queuePrefix: prefix, slack });
    workers.push(worker);
    const sentSoFar = () => members.filter((m) => checkinsTo(slack, m.externalId).length > 0).length;
    await until(() => (sentSoFar() >= 5 ? true : undefined), 60_000, [worker]);

    const queue = new Queue(`${prefix}-delivery`, { connection: redis });
    const queued = await queue.getJobCountByTypes('wait', 'delayed', 'prioritized', 'active');
    await redis.flushdb();
    await queue.close();
    expect(queued).toBeGreaterThan(0);
    expect(sentSoFar()).toBeLessThan(PEOPLE);

    // The tick's job scheduler is upserted again within a minute; its tick queues the pending deliveries again.
    await until(() => (sentSoFar() === PEOPLE ? true : undefined), 150_000, [worker]);
    await new Promise((r) => setTimeout(r, 2_000));
    for (const m of members) expect(checkinsTo(slack, m.externalId)).toHaveLength(1);
    const workspaceId = (await database.repos.workspaces.findByExternal('slack', slack.team.id))?.id ?? '';
    const checkins = (await database.repos.deliveries.list(workspaceId)).filter((d) => d.kind === 'checkin');
    expect(checkins).toHaveLength(PEOPLE);
    expect(checkins.every((d) => d.status === 'sent')).toBe(true);
  }, 240_000);
});
