// kill -9 of a `rounds worker` while Slack holds its chat.postMessage answers, then another worker: one check-in each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../support/db.js';
import { obliterateQueues } from '../support/local-app.js';
import { testRedisUrl } from '../support/redis.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.js';
import { checkinsTo, type OwnDatabase, ownDatabase, seedDuePractice, startWorker, stopWorker, until, type WorkerProcess } from './worker-support.js';

const PEOPLE = 6;
const prefix = uniqueId('kill').slice(0, 40);
let database: OwnDatabase;
let slack: SlackStandIn;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  database = await ownDatabase('kill');
  slack = await startSlackStandIn();
});

afterAll(async () => {
  for (const w of workers) await stopWorker(w);
  await slack?.close();
  await database?.drop();
  await obliterateQueues({ delivery: `${prefix}-delivery`, tick: `${prefix}-tick` });
});

describe('a worker killed mid-send', () => {
  it('leaves no check-in lost and none doubled once another worker takes over', async () => {
    const { members } = await seedDuePractice(database.repos, slack, PEOPLE);
    const hold = slack.hold('chat.postMessage');
    const first = startWorker({ databaseUrl: database.url, redisUrl: testRedisUrl(), queuePrefix: prefix, slack });
    workers.push(first);
    // Slack has stored every check-in; the answers never reach the worker.
    await hold.waitForHeld(PEOPLE, 60_000);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    hold.release();
    for (const m of members) expect(checkinsTo(slack, m.externalId)).toHaveLength(1);
    const pending = await database.repos.deliveries.list((await database.repos.workspaces.findByExternal('slack', slack.team.id))?.id ?? '', { status: 'pending' });
    expect(pending.filter((d) => d.kind === 'checkin' && d.sendingAt !== null)).toHaveLength(PEOPLE);

    const second = startWorker({ databaseUrl: database.url, redisUrl: testRedisUrl(), queuePrefix: prefix, slack });
    workers.push(second);
    const workspaceId = (await database.repos.workspaces.findByExternal('slack', slack.team.id))?.id ?? '';
    await until(
      async () => {
        const checkins = (await database.repos.deliveries.list(workspaceId)).filter((d) => d.kind === 'checkin');
        return checkins.length === PEOPLE && checkins.every((d) => d.status === 'sent') ? true : undefined;
      },
      90_000,
      [second],
    );
    // The second worker looked for the messages instead of sending them again.
    expect(slack.callsTo('conversations.history').length).toBeGreaterThanOrEqual(PEOPLE);
    await new Promise((r) => setTimeout(r, 1_500));
    for (const m of members) expect(checkinsTo(slack, m.externalId)).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(PEOPLE);
  }, 150_000);
});
