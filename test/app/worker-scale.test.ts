// Two `rounds worker` processes on one Redis and one Postgres share 200 check-ins: each sent exactly once.
import { describe, expect, it } from 'vitest';
import { uniqueId } from '../support/db.ts';
import { testRedisUrl } from '../support/redis.ts';
import { checkinsTo, seedDuePractice, startWorker, until, useWorkerRig } from './worker-support.ts';

const PEOPLE = 200;
/** A second token for the same Slack workspace, so the stand-in can tell which process sent what. */
const SECOND_TOKEN = `xoxb-second-${uniqueId('t')}`;
const rig = useWorkerRig('scale', { extraTokens: [SECOND_TOKEN], maxLoggedCalls: 5_000 });

describe('two workers', () => {
  it('share the work with no duplicates and nothing missing', async () => {
    const { members } = await seedDuePractice(rig.database.repos, rig.slack, PEOPLE);
    // Each post takes a moment, as Slack's do, so both workers are busy at once.
    rig.slack.delay('chat.postMessage', 40);
    const common = { databaseUrl: rig.database.url, redisUrl: testRedisUrl(), queuePrefix: rig.prefix, slack: rig.slack };
    rig.workers.push(startWorker(common), startWorker({ ...common, token: SECOND_TOKEN }));

    await until(() => (members.every((m) => checkinsTo(rig.slack, m.externalId).length > 0) ? true : undefined), 120_000, rig.workers);
    await new Promise((r) => setTimeout(r, 2_000));
    const counts = members.map((m) => checkinsTo(rig.slack, m.externalId).length);
    expect(counts.filter((n) => n !== 1)).toEqual([]);

    const posts = rig.slack.callsTo('chat.postMessage').filter((c) => c.status === 200);
    const byToken = (token: string) => posts.filter((c) => c.headers.authorization === `Bearer ${token}`).length;
    expect(byToken(rig.slack.botToken) + byToken(SECOND_TOKEN)).toBe(PEOPLE);
    expect(byToken(rig.slack.botToken)).toBeGreaterThan(0);
    expect(byToken(SECOND_TOKEN)).toBeGreaterThan(0);

    const workspaceId = (await rig.database.repos.workspaces.findByExternal('slack', rig.slack.team.id))?.id ?? '';
    const deliveries = (await rig.database.repos.deliveries.list(workspaceId)).filter((d) => d.kind === 'checkin');
    expect(deliveries).toHaveLength(PEOPLE);
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
  }, 180_000);
});
