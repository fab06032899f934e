// Slack answering 20% of chat.postMessage calls with a 500 or a 429 (Retry-After): every check-in still arrives once.
import { describe, expect, it } from 'vitest';
import { testRedisUrl } from '../support/redis.ts';
import { checkinsTo, seedDuePractice, startWorker, until, useWorkerRig } from './worker-support.ts';

const PEOPLE = 40;
const rig = useWorkerRig('faults');

describe('an unreliable Slack', () => {
  it('gets every check-in delivered exactly once, 429s waited out and 500s retried', async () => {
    const { members } = await seedDuePractice(rig.database.repos, rig.slack, PEOPLE);
    rig.slack.failRandomly('chat.postMessage', { rate: 0.2, kinds: ['500', '429'], seed: 20261123, retryAfterSec: 1 });
    const worker = startWorker({ databaseUrl: rig.database.url, redisUrl: testRedisUrl(), queuePrefix: rig.prefix, slack: rig.slack });
    rig.workers.push(worker);

    const workspaceId = (await rig.database.repos.workspaces.findByExternal('slack', rig.slack.team.id))?.id ?? '';
    await until(
      async () => {
        const checkins = (await rig.database.repos.deliveries.list(workspaceId)).filter((d) => d.kind === 'checkin');
        return checkins.length === PEOPLE && checkins.every((d) => d.status === 'sent') ? true : undefined;
      },
      120_000,
      [worker],
    );
    await new Promise((r) => setTimeout(r, 1_500));
    for (const m of members) expect(checkinsTo(rig.slack, m.externalId)).toHaveLength(1);

    const posts = rig.slack.callsTo('chat.postMessage');
    const failed500 = posts.filter((c) => c.status === 500).length;
    const limited = posts.filter((c) => c.status === 429);
    expect(failed500).toBeGreaterThan(0);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((c) => c.response?.error === 'ratelimited')).toBe(true);
    // One successful post per person: no retry after a 500 or a 429 posted a second copy.
    expect(posts.filter((c) => c.status === 200)).toHaveLength(PEOPLE);
  }, 180_000);
});
