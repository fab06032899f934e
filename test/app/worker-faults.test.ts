// Slack answering 20% of chat.postMessage calls with a 500 or a 429 (Retry-After): every check-in still arrives once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../support/db.js';
import { obliterateQueues } from '../support/local-app.js';
import { testRedisUrl } from '../support/redis.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.js';
import { checkinsTo, type OwnDatabase, ownDatabase, seedDuePractice, startWorker, stopWorker, until, type WorkerProcess } from './worker-support.js';

const PEOPLE = 40;
const prefix = uniqueId('faults').slice(0, 40);
let database: OwnDatabase;
let slack: SlackStandIn;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  database = await ownDatabase('faults');
  slack = await startSlackStandIn();
});

afterAll(async () => {
  for (const w of workers) await stopWorker(w);
  await slack?.close();
  await database?.drop();
  await obliterateQueues({ delivery: `${prefix}-delivery`, tick: `${prefix}-tick` });
});

describe('an unreliable Slack', () => {
  it('gets every check-in delivered exactly once, 429s waited out and 500s retried', async () => {
    const { members } = await seedDuePractice(database.repos, slack, PEOPLE);
    slack.failRandomly('chat.postMessage', { rate: 0.2, kinds: ['500', '429'], seed: 20261123, retryAfterSec: 1 });
    const worker = startWorker({ databaseUrl: database.url, redisUrl: testRedisUrl(), queuePrefix: prefix, slack });
    workers.push(worker);

    const workspaceId = (await database.repos.workspaces.findByExternal('slack', slack.team.id))?.id ?? '';
    await until(
      async () => {
        const checkins = (await database.repos.deliveries.list(workspaceId)).filter((d) => d.kind === 'checkin');
        return checkins.length === PEOPLE && checkins.every((d) => d.status === 'sent') ? true : undefined;
      },
      120_000,
      [worker],
    );
    await new Promise((r) => setTimeout(r, 1_500));
    for (const m of members) expect(checkinsTo(slack, m.externalId)).toHaveLength(1);

    const posts = slack.callsTo('chat.postMessage');
    const failed500 = posts.filter((c) => c.status === 500).length;
    const limited = posts.filter((c) => c.status === 429);
    expect(failed500).toBeGreaterThan(0);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((c) => c.response?.error === 'ratelimited')).toBe(true);
    // One successful post per person: no retry after a 500 or a 429 posted a second copy.
    expect(posts.filter((c) => c.status === 200)).toHaveLength(PEOPLE);
  }, 180_000);
});
