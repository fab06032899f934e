// The outbox and its workers on real Postgres and Redis: retries, in-doubt sends, failures and a Redis flush.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalPlatform } from '../../adapters/local/platform.ts';
import { createLocalInboxStore } from '../../db/repositories/local-inbox.ts';
import { startDeliveryWorker } from '../../jobs/delivery-worker.ts';
import { createOutbox } from '../../jobs/outbox.ts';
import { createQueues, createRedis, type QueueNames, type Queues } from '../../jobs/queues.ts';
import { requeuePending, startScheduler, TICK_SCHEDULER_ID } from '../../jobs/scheduler.ts';
import { PlatformRejectedError, PlatformUnavailableError } from '../../src/core/errors.ts';
import { textMessage } from '../../src/core/messages/build.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import type { ChatPlatform } from '../../src/core/chat-platform.ts';
import type { Clock, Outbox } from '../../src/core/infrastructure.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase, uniqueId } from '../support/db.ts';
import { eventually, obliterateQueues } from '../support/local-app.ts';
import { testRedisUrl, uniqueQueueNames } from '../support/redis.ts';

/** A Redis database of this file's own, so it may be flushed without touching other tests' queues. */
const FLUSHABLE_REDIS_URL = process.env.TEST_REDIS_FLUSH_URL ?? 'redis://127.0.0.1:6379/2';
const logger = pino({ level: 'silent' });

let database: TestDatabase;
let workspace: Workspace;
let nurse: Member;

beforeAll(async () => {
  database = await openTestDatabase('postgres');
  workspace = await buildWorkspace(database.repos);
  nurse = await buildMember(database.repos, workspace.id, { displayName: 'Grace Kim', title: 'RN' });
});

afterAll(async () => {
  await database?.close();
});

function movableClock(start = DateTime.utc()): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now = now.plus({ milliseconds: ms })) };
}

interface Rig {
  names: QueueNames;
  connection: Redis;
  queues: Queues;
  outbox: Outbox;
  clock: ReturnType<typeof movableClock>;
  inbox: ReturnType<typeof createLocalInboxStore>;
  sends: { key: string }[];
  close(): Promise<void>;
}

/** Outbox + delivery worker on unique queues; `behaviour` wraps the real local platform to inject faults. */
function rig(behaviour: (real: ChatPlatform, attempt: number) => ChatPlatform['send'] | undefined, url = testRedisUrl()): Rig {
  const names = uniqueQueueNames('delivery');
  const connection = createRedis(url, 'test');
  const queues = createQueues(connection, names);
  const clock = movableClock();
  const inbox = createLocalInboxStore(database.db);
  const real = createLocalPlatform({ inbox, now: () => clock.now().toISO() ?? '', directory: () => [] });
  const sends: { key: string }[] = [];
  const platform: ChatPlatform = {
    ...real,
    async send(ws, to, message, key) {
      sends.push({ key });
      const custom = behaviour(real, sends.length);
      return (custom ?? real.send)(ws, to, message, key);
    },
  };
  const worker = startDeliveryWorker({ repos: database.repos, platforms: { local: platform }, clock, logger }, connection, names);
  const outbox = createOutbox({ deliveries: database.repos.deliveries, queues, clock, logger });
  return {
    names,
    connection,
    queues,
    outbox,
    clock,
    inbox,
    sends,
    async close() {
      await worker.close();
      await queues.close();
      await connection.quit();
      await obliterateQueues(names, url);
    },
  };
}

const item = (key: string) => ({
  workspaceId: workspace.id,
  key,
  kind: 'test',
  memberIds: [nurse.id],
  conversation: 'dm' as const,
  message: textMessage('Your weekly check-in is here.'),
});

async function settled(key: string, status: 'sent' | 'failed') {
  return eventually(async () => {
    const d = await database.repos.deliveries.get(key);
    return d?.status === status ? d : undefined;
  }, 20_000);
}

describe('delivery', () => {
  it('sends once even when the same touchpoint is enqueued twice', async () => {
    const r = rig(() => undefined);
    try {
      const key = uniqueId('once');
      await r.outbox.enqueue(item(key));
      await r.outbox.enqueue(item(key));
      const delivery = await settled(key, 'sent');
      expect(delivery.platformMessageId).toBeTruthy();
      await new Promise((res) => setTimeout(res, 300));
      expect(r.sends).toHaveLength(1);
      const messages = await r.inbox.listFor(workspace.id, nurse.id);
      expect(messages.filter((m) => m.message.text === 'Your weekly check-in is here.').length).toBeGreaterThanOrEqual(1);
    } finally {
      await r.close();
    }
  });

  it('retries a platform outage with backoff and delivers once', async () => {
    const r = rig((_real, attempt) =>
      attempt <= 2
        ? async () => {
            throw new PlatformUnavailableError('503 from the platform');
          }
        : undefined,
    );
    try {
      const key = uniqueId('retry');
      await r.outbox.enqueue(item(key));
      const delivery = await settled(key, 'sent');
      expect(r.sends).toHaveLength(3);
      expect(delivery.attempts).toBe(3);
    } finally {
      await r.close();
    }
  });

  it('does not send a second copy when the first send went through but its answer was lost', async () => {
    let delivered = 0;
    const r = rig((real, attempt) =>
      attempt === 1
        ? async (ws, to, message, key) => {
            await real.send(ws, to, message, key);
            delivered += 1;
            throw new Error('socket hang up');
          }
        : undefined,
    );
    try {
      const key = uniqueId('doubt');
      await r.outbox.enqueue(item(key));
      await settled(key, 'sent');
      // The retry found the message under its key instead of sending again.
      expect(delivered).toBe(1);
      expect(r.sends).toHaveLength(1);
    } finally {
      await r.close();
    }
  });

  it('marks a delivery failed, visibly, when the platform rejects it for good', async () => {
    const r = rig(() => async () => {
      throw new PlatformRejectedError('user_not_found');
    });
    try {
      const key = uniqueId('rejected');
      await r.outbox.enqueue(item(key));
      const delivery = await settled(key, 'failed');
      expect(delivery.lastError).toMatch(/user_not_found/);
      expect(r.sends).toHaveLength(1);
      const failed = await database.repos.deliveries.list(workspace.id, { status: 'failed' });
      expect(failed.map((d) => d.key)).toContain(key);
    } finally {
      await r.close();
    }
  });
});

describe('after Redis loses everything', () => {
  let flushable: Redis;
  beforeAll(() => {
    flushable = new Redis(FLUSHABLE_REDIS_URL);
  });
  afterAll(async () => {
    await flushable.quit();
  });

  it('the next tick queues again what Postgres still holds as pending, and it is sent once', async () => {
    const names = uniqueQueueNames('flush');
    const connection = createRedis(FLUSHABLE_REDIS_URL, 'test');
    const queues = createQueues(connection, names);
    const clock = movableClock();
    const outbox = createOutbox({ deliveries: database.repos.deliveries, queues, clock, logger });
    const key = uniqueId('flushed');
    await outbox.enqueue(item(key));
    expect(await queues.delivery.getJobCountByTypes('wait', 'delayed', 'prioritized')).toBe(1);

    await flushable.flushdb();
    expect(await queues.delivery.getJobCountByTypes('wait', 'delayed', 'prioritized')).toBe(0);

    const inbox = createLocalInboxStore(database.db);
    const platform = createLocalPlatform({ inbox, now: () => clock.now().toISO() ?? '', directory: () => [] });
    const worker = startDeliveryWorker({ repos: database.repos, platforms: { local: platform }, clock, logger }, connection, names);
    try {
      clock.advance(60_000);
      const requeued = await requeuePending({ deliveries: database.repos.deliveries, clock }, queues);
      expect(requeued).toBeGreaterThanOrEqual(1);
      await settled(key, 'sent');
      // A second tick finds nothing pending for this key and sends nothing more.
      clock.advance(60_000);
      await requeuePending({ deliveries: database.repos.deliveries, clock }, queues);
      await new Promise((res) => setTimeout(res, 300));
      // One send attempt in all: the requeued job after delivery found it sent and did nothing.
      expect((await database.repos.deliveries.get(key))?.attempts).toBe(1);
    } finally {
      await worker.close();
      await queues.close();
      await connection.quit();
    }
  });

  it('the tick job scheduler comes back by itself and keeps ticking', async () => {
    const names = uniqueQueueNames('heal');
    const connection = createRedis(FLUSHABLE_REDIS_URL, 'test');
    const queues = createQueues(connection, names);
    let ticks = 0;
    const scheduler = await startScheduler({
      queues,
      connection,
      logger,
      everyMs: 250,
      rescheduleEveryMs: 200,
      run: async () => {
        ticks += 1;
      },
    });
    try {
      await eventually(async () => (ticks >= 2 ? true : undefined));
      await flushable.flushdb();
      const probe = new Queue(names.tick, { connection });
      const schedulers = await eventually(async () => {
        const list = await probe.getJobSchedulers();
        return list.some((s) => s.key === TICK_SCHEDULER_ID) ? list : undefined;
      });
      expect(schedulers.map((s) => s.key)).toContain(TICK_SCHEDULER_ID);
      const after = ticks;
      await eventually(async () => (ticks >= after + 2 ? true : undefined));
      await probe.close();
    } finally {
      await scheduler.close();
      await queues.close();
      await connection.quit();
    }
  });
});
