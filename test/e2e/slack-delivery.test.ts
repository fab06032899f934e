// Touchpoints through Slack: 429s are waited out, outages retried, and nothing is sent twice or dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { deliver } from '../../jobs/delivery-worker.ts';
import { systemClock } from '../../src/app/clock.ts';
import { textMessage } from '../../src/core/messages/build.ts';
import { upsertDirectoryMember } from '../../src/core/people/upsert-member.ts';
import { recordingLogger } from '../support/logger.ts';
import { TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';
import { createSlackRateLimiter } from '../../adapters/slack/rate-limiter.ts';
import { RateLimitedError } from '../../src/core/errors.ts';
import { eventually } from '../support/local-app.ts';
import { testRedisUrl } from '../support/redis.ts';
import { eventEnvelope, type SlackApp, startSlackApp } from '../support/slack-app.ts';
import { startSlackStandIn } from '../support/slack-stand-in.ts';

let app: SlackApp;

beforeAll(async () => {
  const slack = await startSlackStandIn({ users: [{ id: 'U0ADMIN1', real_name: 'Dana Whitfield', is_admin: true }] });
  app = await startSlackApp({ standIn: slack });
});

afterAll(async () => {
  await app?.stop();
  await app?.slack.close();
});

function join(userId: string, name: string) {
  app.slack.addUser({ id: userId, real_name: name });
  const user = { id: userId, team_id: app.slack.team.id, name: userId.toLowerCase(), real_name: name, deleted: false, is_bot: false, profile: { real_name: name } };
  return app.post(eventEnvelope(app.slack, { type: 'team_join', user }));
}

describe('delivery through Slack', () => {
  it('waits out a 429 with Retry-After and then delivers exactly once', async () => {
    app.slack.failNext('chat.postMessage', { status: 429, retryAfterSec: 1 });
    const before = app.slack.rateLimitedCountFor('chat.postMessage');
    await join('U0HIRE001', 'Olivia Reyes');
    const delivered = await eventually(async () => {
      const stored = app.slack.messagesTo('U0HIRE001');
      return stored.length > 0 ? stored : undefined;
    }, 15_000);
    expect(app.slack.rateLimitedCountFor('chat.postMessage') - before).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(app.slack.messagesTo('U0HIRE001')).toHaveLength(delivered.length);
    expect(delivered).toHaveLength(1);
  });

  it('retries a Slack 500 and delivers exactly once', async () => {
    app.slack.failNext('chat.postMessage', { status: 500 }, 2);
    await join('U0HIRE002', 'Marcus Lee');
    await eventually(async () => (app.slack.messagesTo('U0HIRE002').length > 0 ? true : undefined), 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(app.slack.messagesTo('U0HIRE002')).toHaveLength(1);
  });

  it('finds a message Slack accepted but whose answer never came, instead of sending it again', async () => {
    // The state a crash leaves: the intent recorded, the send started, Slack has the message, we never heard back.
    const database = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
    try {
      const repos = createRepositories(database.db);
      const workspace = await eventually(async () => (await repos.workspaces.findByExternal('slack', app.slack.team.id)) ?? undefined);
      app.slack.addUser({ id: 'U0HIRE003', real_name: 'Keisha Jones' });
      const { member } = await upsertDirectoryMember({ repos, logger: recordingLogger(), clock: systemClock }, workspace, { externalId: 'U0HIRE003', displayName: 'Keisha Jones' });
      const key = `test-in-doubt:${member.id}`;
      const message = textMessage('Your first check-in is here.');
      await repos.deliveries.record({ workspaceId: workspace.id, key, kind: 'test', memberIds: [member.id], conversation: 'dm', message }, new Date().toISOString());
      // Longer ago than any send can still be running (IN_FLIGHT_MS): the worker that started it is gone.
      await repos.deliveries.markSending(key, new Date(Date.now() - 30_000).toISOString());
      const platform = app.proc.platforms.slack;
      if (!platform) throw new Error('no Slack platform');
      await sendPastTheLimiter(() => platform.send(workspace, { kind: 'dm', member }, message, key));

      const outcome = await sendPastTheLimiter(() =>
        deliver({ repos, platforms: { slack: platform }, clock: systemClock, logger: pino({ level: 'silent' }) }, key),
      );
      expect(outcome).toBe('reconciled');
      expect(app.slack.messagesTo('U0HIRE003')).toHaveLength(1);
      expect(app.slack.callsTo('conversations.history').length).toBeGreaterThanOrEqual(1);
      expect((await repos.deliveries.get(key))?.status).toBe('sent');
    } finally {
      await database.close();
    }
  });
});

/** Earlier tests used this second's budget: wait it out like the delivery worker would. */
async function sendPastTheLimiter<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof RateLimitedError)) throw err;
      await new Promise((r) => setTimeout(r, err.retryAfterMs));
    }
  }
}

describe('the rate limiter', () => {
  it('shares one budget per workspace across processes through Redis', async () => {
    const a = new Redis(testRedisUrl());
    const b = new Redis(testRedisUrl());
    const prefix = `rl-test-${Date.now()}`;
    try {
      const one = createSlackRateLimiter(a, { limits: { 'chat.postMessage': 180 }, prefix });
      const two = createSlackRateLimiter(b, { limits: { 'chat.postMessage': 180 }, prefix });
      // 180 a minute = 3 a second, whichever process asks.
      await one.take('T1', 'chat.postMessage');
      await two.take('T1', 'chat.postMessage');
      await one.take('T1', 'chat.postMessage');
      const refused = await two.take('T1', 'chat.postMessage').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RateLimitedError);
      expect((refused as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
      expect((refused as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(1_000);
      // Another workspace has its own budget.
      await expect(two.take('T2', 'chat.postMessage')).resolves.toBeUndefined();
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });
});
