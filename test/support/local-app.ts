// Runs Rounds in local mode inside the test process, on the real Postgres and Redis, with its own workspace and queues.
import { plain, plainDeep } from './user-text.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { QueueNames } from '../../jobs/queues.ts';
import { type RoundsProcess, startRounds } from '../../src/app/runtime.ts';
import { loadConfig } from '../../src/config.ts';
import type { Button, Message } from '../../src/core/messages/model.ts';
import { TEST_APP_POOL_MAX, testDatabaseUrl, uniqueId } from './db.ts';
import { testRedisUrl, uniqueQueueNames } from './redis.ts';

export interface InboxMessage {
  id: string;
  at: string;
  conversation: 'dm' | 'group';
  with: string[];
  text: string;
  blocks: Message['blocks'];
}

export interface LocalApp {
  base: string;
  proc: RoundsProcess;
  workspaceExternalId: string;
  queueNames: QueueNames;
  say(as: string, text: string): Promise<Message[]>;
  act(as: string, actionId: string, value?: string, fields?: Record<string, string>): Promise<Message[]>;
  inbox(memberId: string): Promise<InboxMessage[]>;
  advance(duration: string): Promise<string>;
  post(path: string, body: unknown): Promise<{ status: number; json: unknown }>;
  stop(opts?: { keepQueues?: boolean }): Promise<void>;
}

export async function startLocalApp(
  opts: { workspaceExternalId?: string; queueNames?: QueueNames; worker?: boolean; tickEveryMs?: number } = {},
): Promise<LocalApp> {
  const config = loadConfig({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_POOL_MAX: String(TEST_APP_POOL_MAX),
    REDIS_URL: testRedisUrl(),
    PORT: '0',
    LOG_LEVEL: 'silent',
    ROUNDS_DATA_DIR: mkdtempSync(join(tmpdir(), 'rounds-test-')),
  });
  const workspaceExternalId = opts.workspaceExternalId ?? uniqueId('demo');
  const queueNames = opts.queueNames ?? uniqueQueueNames('local');
  const proc = await startRounds(config, {
    web: true,
    worker: opts.worker ?? true,
    queueNames,
    localWorkspaceExternalId: workspaceExternalId,
    logger: pino({ level: 'silent' }),
    tickEveryMs: opts.tickEveryMs,
  });
  const base = `http://127.0.0.1:${proc.port}`;

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  const replies = async (path: string, body: unknown) => {
    const { status, json } = await post(path, body);
    if (status !== 200) throw new Error(`${path} answered ${status}: ${JSON.stringify(json)}`);
    // As the chat page shows them: the user-text markers dropped (`post` gives the replies as sent).
    return plainDeep((json as { replies: Message[] }).replies);
  };

  return {
    base,
    proc,
    workspaceExternalId,
    queueNames,
    post,
    say: (as, text) => replies('/local/say', { as, text }),
    act: (as, actionId, value = '', fields) => replies('/local/act', { as, actionId, value, ...(fields ? { fields } : {}) }),
    async inbox(memberId) {
      const res = await fetch(`${base}/local/inbox/${encodeURIComponent(memberId)}`);
      if (res.status !== 200) throw new Error(`inbox answered ${res.status}`);
      return plainDeep(((await res.json()) as { messages: InboxMessage[] }).messages);
    },
    async advance(duration) {
      const { status, json } = await post('/local/clock', { advance: duration });
      if (status !== 200) throw new Error(`clock answered ${status}: ${JSON.stringify(json)}`);
      return (json as { now: string }).now;
    },
    async stop(stopOpts = {}) {
      await proc.stop();
      if (!stopOpts.keepQueues) await obliterateQueues(queueNames);
    },
  };
}

/** Removes a test's queues with BullMQ's own API (never FLUSHDB on the shared database). */
export async function obliterateQueues(names: QueueNames, url = testRedisUrl()): Promise<void> {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  try {
    for (const name of [names.delivery, names.tick]) {
      const queue = new Queue(name, { connection });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    await connection.quit();
  }
}

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Local apps started by a test file, each with its own practice, one running at a time; the last stopped after the file. */
export function useLocalApps(): { start(): Promise<LocalApp> } {
  const apps: LocalApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.stop();
  });
  return {
    async start() {
      // One at a time: a file's describes run in turn, so the app of the one before is done. Stopping it
      // here keeps the file's Postgres connections to one app's pool, not one per describe.
      for (const earlier of apps.splice(0)) await earlier.stop();
      const app = await startLocalApp();
      apps.push(app);
      return app;
    },
  };
}

/** Everything the replies say, as one text (as a reader sees it: user-text markers dropped). */
export const allText = (messages: readonly { text: string }[]): string => plain(messages.map((m) => m.text).join('\n'));

/** Every button in the replies, in order. */
export const buttonsOf = (messages: readonly Pick<Message, 'blocks'>[]): Button[] =>
  messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.filter((e): e is Button => e.type === 'button') : [])));
