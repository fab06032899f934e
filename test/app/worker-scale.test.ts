// Two `rounds worker` processes on one Redis and one Postgres share 200 check-ins: each sent exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../support/db.js';
import { obliterateQueues } from '../support/local-app.js';
import { testRedisUrl } from '../support/redis.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.js';
import { checkinsTo, type OwnDatabase, ownDatabase, seedDuePractice, startWorker, stopWorker, until, type WorkerProcess } from './worker-support.js';

const PEOPLE = 200;
const prefix = uniqueId('scale').slice(0, 40);
/** A second token for the same Slack workspace, so the stand-in can tell which process sent what. */
const SECOND_TOKEN = `xoxb-second-${uniqueId('t')}`;
let database: OwnDatabase;
let slack: SlackStandIn;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  database = await ownDatabase('scale');
  slack = await startSlackStandIn({ extraTokens: [SECOND_TOKEN], maxLoggedCalls: 5_000 });
});

afterAll(async () => {
  for (const w of workers) await stopWorker(w);
  await slack?.close();
  await database?.drop();
  await obliterateQueues({ delivery: `${prefix}-delivery`, tick: `${prefix}-tick` });
});

describe('two workers', () => {
  it('share the work with no duplicates and nothing missing', async () => {
    const { members } = await seedDuePractice(database.repos, slack, PEOPLE);
    // Each post takes a moment, as Slack's do, so both workers are busy at once.
    slack.delay('chat.postMessage', 40);
    const common = { databaseUrl: database.url, redisUrl: testRedisUrl(), queuePrefix: prefix, slack };
    workers.push(startWorker(common), startWorker({ ...common, token: SECOND_TOKEN }));

    await until(() => (members.every((m) => checkinsTo(slack, m.externalId).length > 0) ? true : undefined), 120_000, workers);
    await new Promise((r) => setTimeout(r, 2_000));
    const counts = members.map((m) => checkinsTo(slack, m.externalId).length);
    expect(counts.filter((n) => n !== 1)).toEqual([]);

    const posts = slack.callsTo('chat.postMessage').filter((c) => c.status === 200);
    const byToken = (token: string) => posts.filter((c) => c.headers.authorization === `Bearer ${token}`).length;
    expect(byToken(slack.botToken) + byToken(SECOND_TOKEN)).toBe(PEOPLE);
    expect(byToken(slack.botToken)).toBeGreaterThan(0);
    expect(byToken(SECOND_TOKEN)).toBeGreaterThan(0);

    const workspaceId = (await database.repos.workspaces.findByExternal('slack', slack.team.id))?.id ?? '';
    const deliveries = (await database.repos.deliveries.list(workspaceId)).filter((d) => d.kind === 'checkin');
    expect(deliveries).toHaveLength(PEOPLE);
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
  }, 180_000);
});
