// Local mode with Redis gone: what needs Redis (moving the clock) answers 503 at once with a plain message;
// what does not (the inbox, the chat) keeps answering. Redis is reached through a proxy this test cuts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RoundsProcess, startRounds } from '../../src/app/runtime.ts';
import { loadConfig } from '../../src/config.ts';
import { pino } from 'pino';
import { TEST_APP_POOL_MAX, testDatabaseUrl, uniqueId } from '../support/db.ts';
import { eventually, obliterateQueues } from '../support/local-app.ts';
import { type RedisProxy, startRedisProxy } from '../support/redis-proxy.ts';
import { testRedisUrl, uniqueQueueNames } from '../support/redis.ts';
import { plain } from '../support/user-text.ts';

const queueNames = uniqueQueueNames('redis-down');
let proxy: RedisProxy;
let proc: RoundsProcess;
let base: string;

beforeAll(async () => {
  proxy = await startRedisProxy(testRedisUrl());
  const config = loadConfig({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_POOL_MAX: String(TEST_APP_POOL_MAX),
    REDIS_URL: proxy.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ROUNDS_DATA_DIR: mkdtempSync(join(tmpdir(), 'rounds-test-')),
  });
  proc = await startRounds(config, { web: true, worker: true, queueNames, localWorkspaceExternalId: uniqueId('demo'), logger: pino({ level: 'silent' }) });
  base = `http://127.0.0.1:${proc.port}`;
});

afterAll(async () => {
  await proc?.stop();
  await proxy?.close();
  await obliterateQueues(queueNames);
});

interface Reply {
  text: string;
  blocks: { type: string; elements?: { type: string; actionId?: string; value?: string }[] }[];
}

function buttonsIn(reply: Reply): { actionId: string; value: string }[] {
  return reply.blocks.flatMap((b) => (b.elements ?? []).flatMap((e) => (e.type === 'button' && e.actionId ? [{ actionId: e.actionId, value: e.value ?? '' }] : [])));
}

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { error?: string; now?: string; replies?: Reply[] } };
};

describe('local mode while Redis is unreachable', () => {
  it('refuses to move the clock with a plain 503, keeps the inbox and the chat answering, and moves again once Redis is back', async () => {
    expect((await post('/local/clock', { advance: 'PT1M' })).status).toBe(200);
    const before = ((await (await fetch(`${base}/local/clock`)).json()) as { now: string }).now;

    proxy.set('refusing');
    // The connection notices the drop on its next turn of the event loop.
    await new Promise((r) => setTimeout(r, 200));

    const refused = await post('/local/clock', { advance: 'P1D' });
    expect(refused.status).toBe(503);
    expect(refused.json.error).toMatch(/^Redis is not reachable, so the clock cannot move/);
    // Nothing moved.
    const clock = (await (await fetch(`${base}/local/clock`)).json()) as { now: string };
    expect(Date.parse(clock.now) - Date.parse(before)).toBeLessThan(24 * 3600 * 1000);

    const inbox = await fetch(`${base}/local/inbox/ana-garcia`);
    expect(inbox.status).toBe(200);
    expect(await inbox.json()).toEqual({ messages: expect.any(Array) });
    const help = await post('/local/say', { as: 'ana-garcia', text: 'help' });
    expect(help.status).toBe(200);
    expect(help.json.replies?.map((r) => r.text).join('\n')).toMatch(/What I can do/);

    // A command that sends others a message answers too: the intros wait in Postgres, not on a queue.
    const asked = await post('/local/say', { as: 'dana-whitfield', text: 'pair @marcus @ana cross-training front desk check-in' });
    const confirm = (asked.json.replies ?? []).flatMap((r) => buttonsIn(r)).find((b) => b.actionId === 'pair.confirm');
    expect(confirm).toBeDefined();
    const proposed = await post('/local/act', { as: 'dana-whitfield', actionId: confirm?.actionId, value: confirm?.value });
    expect(proposed.status).toBe(200);
    expect(plain(proposed.json.replies?.map((r) => r.text).join('\n') ?? '')).toMatch(/Proposed: Marcus Lee → Ana García/);

    proxy.set('up');
    const moved = await eventually(async () => {
      const res = await post('/local/clock', { advance: 'PT1M' });
      return res.status === 200 ? res : undefined;
    });
    expect(moved.json.now).toBeDefined();
    // Once Redis is back, the tick queues what waited and the intro arrives.
    await eventually(async () => {
      const { messages } = (await (await fetch(`${base}/local/inbox/marcus-lee`)).json()) as { messages: { text: string }[] };
      return messages.find((m) => /A mentoring introduction/.test(m.text));
    });
  });
});
