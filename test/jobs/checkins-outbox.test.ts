// The outbox hardened for check-ins: a send still running elsewhere is never doubled, an in-doubt one is looked for
// first, and a delivery that fails for good is counted and visible.
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalPlatform } from '../../adapters/local/platform.ts';
import { createLocalInboxStore } from '../../db/repositories/local-inbox.ts';
import { createMetrics, deliveryCounters } from '../../src/app/metrics.ts';
import { deliver, IN_FLIGHT_MS, SendInFlightError, startDeliveryWorker } from '../../jobs/delivery-worker.ts';
import { createOutbox } from '../../jobs/outbox.ts';
import { createQueues, createRedis, enqueueDelivery } from '../../jobs/queues.ts';
import { PlatformRejectedError, PlatformUnavailableError } from '../../src/core/errors.ts';
import { textMessage } from '../../src/core/messages/build.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import type { ChatPlatform } from '../../src/core/chat-platform.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase, uniqueId } from '../support/db.ts';
import { eventually, obliterateQueues } from '../support/local-app.ts';
import { testRedisUrl, uniqueQueueNames } from '../support/redis.ts';

const logger = pino({ level: 'silent' });
let database: TestDatabase;
let workspace: Workspace;
let nurse: Member;

beforeAll(async () => {
  database = await openTestDatabase('postgres');
  workspace = await buildWorkspace(database.repos);
  nurse = await buildMember(database.repos, workspace.id, { displayName: 'Grace Kim' });
});

afterAll(async () => {
  await database?.close();
});

function clockAt(iso: string) {
  let now = DateTime.fromISO(iso, { zone: 'utc' });
  return { now: () => now, advance: (ms: number) => (now = now.plus({ milliseconds: ms })) };
}

async function recorded(key: string, at: string): Promise<void> {
  await database.repos.deliveries.record(
    { workspaceId: workspace.id, key, kind: 'checkin', memberIds: [nurse.id], conversation: 'dm', message: textMessage('Your weekly check-in') },
    at,
  );
}

/** The local platform, counting what it really sent, with a hook to hold or fail a send. */
function platformWith(hook: (attempt: number) => Promise<void> | void = () => undefined) {
  const inbox = createLocalInboxStore(database.db);
  const real = createLocalPlatform({ inbox, now: () => new Date().toISOString(), directory: () => [] });
  let attempts = 0;
  const sent: string[] = [];
  const platform: ChatPlatform = {
    ...real,
    async send(ws, to, message, key) {
      attempts += 1;
      await hook(attempts);
      const result = await real.send(ws, to, message, key);
      sent.push(key);
      return result;
    },
  };
  return { platform, sent, inbox };
}

describe('a delivery whose send may still be running elsewhere', () => {
  it('is not sent a second time by a worker that picked it up meanwhile (a re-enqueue after a Redis flush)', async () => {
    const key = uniqueId('checkin');
    const clock = clockAt('2026-11-23T15:00:00Z');
    await recorded(key, clock.now().toISO() ?? '');
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const { platform, sent } = platformWith((attempt) => (attempt === 1 ? held : undefined));
    const deps = { repos: database.repos, platforms: { local: platform }, clock, logger };

    const first = deliver(deps, key);
    await eventually(async () => ((await database.repos.deliveries.get(key))?.sendingAt ? true : undefined));
    // A second worker takes the same delivery while the first one's send has no answer yet.
    clock.advance(5_000);
    const second = await deliver(deps, key).catch((err: unknown) => err);
    expect(second).toBeInstanceOf(SendInFlightError);
    expect((second as SendInFlightError).retryAfterMs).toBe(IN_FLIGHT_MS - 5_000);

    release();
    expect(await first).toBe('sent');
    expect(await deliver(deps, key)).toBe('already_sent');
    expect(sent).toEqual([key]);
  });

  it('when its worker died without a word, is looked for after IN_FLIGHT_MS and not sent again', async () => {
    const key = uniqueId('checkin');
    const clock = clockAt('2026-11-23T15:00:00Z');
    await recorded(key, clock.now().toISO() ?? '');
    const { platform, sent } = platformWith();
    // The dead worker's state: the send started, the platform got it, nothing was recorded after.
    await database.repos.deliveries.markSending(key, clock.now().toISO() ?? '');
    await platform.send(workspace, { kind: 'dm', member: nurse }, textMessage('Your weekly check-in'), key);
    const deps = { repos: database.repos, platforms: { local: platform }, clock, logger };

    clock.advance(IN_FLIGHT_MS - 1);
    await expect(deliver(deps, key)).rejects.toBeInstanceOf(SendInFlightError);
    clock.advance(1);
    expect(await deliver(deps, key)).toBe('reconciled');
    expect(sent).toEqual([key]);
  });

  it('after a 5xx (the attempt is over, its outcome unknown) is looked for at once and sent once', async () => {
    const key = uniqueId('checkin');
    const clock = clockAt('2026-11-23T15:00:00Z');
    await recorded(key, clock.now().toISO() ?? '');
    const { platform, sent } = platformWith((attempt) => {
      if (attempt === 1) throw new PlatformUnavailableError('chat.postMessage: HTTP 500');
    });
    const deps = { repos: database.repos, platforms: { local: platform }, clock, logger };
    await expect(deliver(deps, key)).rejects.toBeInstanceOf(PlatformUnavailableError);
    expect(await database.repos.deliveries.get(key)).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/HTTP 500/) });
    expect((await database.repos.deliveries.get(key))?.sendingAt).not.toBeNull();
    expect(await deliver(deps, key)).toBe('sent');
    expect(sent).toEqual([key]);
  });
});

describe('a platform that lacks a capability', () => {
  it('is never asked to look for a message it cannot find: an in-doubt delivery is given up, not sent twice', async () => {
    const key = uniqueId('checkin');
    const clock = clockAt('2026-11-23T15:00:00Z');
    await recorded(key, clock.now().toISO() ?? '');
    const { platform, sent } = platformWith();
    let looked = false;
    const blind: ChatPlatform = {
      ...platform,
      capabilities: { ...platform.capabilities, findSent: false },
      findSent: () => {
        looked = true;
        return Promise.resolve(null);
      },
    };
    await database.repos.deliveries.markSending(key, clock.now().toISO() ?? '');
    clock.advance(IN_FLIGHT_MS);
    await expect(deliver({ repos: database.repos, platforms: { local: blind }, clock, logger }, key)).rejects.toThrow(/cannot look for it/);
    expect(looked).toBe(false);
    expect(sent).toEqual([]);
  });

  it('is never given a group conversation it cannot open', async () => {
    const key = uniqueId('nudge');
    const partner = await buildMember(database.repos, workspace.id, { displayName: 'Omar Haddad' });
    await database.repos.deliveries.record(
      { workspaceId: workspace.id, key, kind: 'nudge', memberIds: [nurse.id, partner.id], conversation: 'group', message: textMessage('Time to meet?') },
      '2026-11-23T15:00:00.000Z',
    );
    const { platform, sent } = platformWith();
    const dmOnly: ChatPlatform = { ...platform, capabilities: { ...platform.capabilities, groupConversations: false } };
    const clock = clockAt('2026-11-23T15:00:00Z');
    await expect(deliver({ repos: database.repos, platforms: { local: dmOnly }, clock, logger }, key)).rejects.toThrow(/cannot open a group conversation/);
    expect(sent).toEqual([]);
  });
});

describe('a delivery that fails for good', () => {
  it('is marked failed, listed, and counted by the worker’s failure hook (the metric)', async () => {
    const names = uniqueQueueNames('checkins-fail');
    const connection = createRedis(testRedisUrl(), 'test');
    const queues = createQueues(connection, names);
    const clock = clockAt('2026-11-23T15:00:00Z');
    const failedKinds: string[] = [];
    const { platform } = platformWith(() => {
      throw new PlatformRejectedError('chat.postMessage: user_not_found');
    });
    const worker = startDeliveryWorker(
      { repos: database.repos, platforms: { local: platform }, clock, logger, onFailed: (kind) => failedKinds.push(kind) },
      connection,
      names,
    );
    try {
      // A kind whose key begins differently: the metric is labelled by kind, as for sent deliveries.
      const key = `role-changed:${uniqueId('member')}`;
      await createOutbox({ deliveries: database.repos.deliveries, queues, clock, logger }).enqueue({
        workspaceId: workspace.id,
        key,
        kind: 'role_changed',
        memberIds: [nurse.id],
        conversation: 'dm',
        message: textMessage('Your weekly check-in'),
      });
      await eventually(async () => (failedKinds.length > 0 ? true : undefined));
      expect(failedKinds).toEqual(['role_changed']);
      const failed = await database.repos.deliveries.list(workspace.id, { status: 'failed' });
      expect(failed.find((d) => d.key === key)?.lastError).toMatch(/user_not_found/);
    } finally {
      await worker.close();
      await queues.close();
      await connection.quit();
      await obliterateQueues(names);
    }
  });
});

describe('rounds_deliveries_total', () => {
  it('labels sent deliveries and failed ones by their kind alike', async () => {
    const metrics = createMetrics();
    const sentKey = `role-changed:${uniqueId('member')}`;
    const failedKey = `welcome:${uniqueId('member')}`;
    for (const [key, kind] of [
      [sentKey, 'role_changed'],
      [failedKey, 'welcome'],
    ] as const) {
      await database.repos.deliveries.record(
        { workspaceId: workspace.id, key, kind, memberIds: [nurse.id], conversation: 'dm', message: textMessage('Your role changed') },
        '2026-11-23T15:00:00.000Z',
      );
    }
    const { platform } = platformWith();
    const refusing: ChatPlatform = {
      ...platform,
      send: () => Promise.reject(new PlatformRejectedError('chat.postMessage: user_not_found')),
    };
    const clock = clockAt('2026-11-23T15:00:00Z');
    expect(await deliver({ repos: database.repos, platforms: { local: platform }, clock, logger, ...deliveryCounters(metrics) }, sentKey)).toBe('sent');

    const names = uniqueQueueNames('metrics-fail');
    const connection = createRedis(testRedisUrl(), 'test');
    const queues = createQueues(connection, names);
    let failedSeen = false;
    const counters = deliveryCounters(metrics);
    const worker = startDeliveryWorker(
      {
        repos: database.repos,
        platforms: { local: refusing },
        clock,
        logger,
        onFailed: (kind) => {
          counters.onFailed(kind);
          failedSeen = true;
        },
      },
      connection,
      names,
    );
    try {
      await enqueueDelivery(queues, { key: failedKey });
      await eventually(async () => (failedSeen ? true : undefined));
    } finally {
      await worker.close();
      await queues.close();
      await connection.quit();
      await obliterateQueues(names);
    }
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^rounds_deliveries_total\{outcome="sent",kind="role_changed"\} 1$/m);
    expect(text).toMatch(/^rounds_deliveries_total\{outcome="failed",kind="welcome"\} 1$/m);
  });
});
