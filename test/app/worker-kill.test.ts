// kill -9 of a `rounds worker` while Slack holds its chat.postMessage answers, then another worker: one check-in each.
import { describe, expect, it } from 'vitest';
import { testRedisUrl } from '../support/redis.ts';
import { checkinsTo, seedDuePractice, startWorker, until, useWorkerRig } from './worker-support.ts';

const PEOPLE = 6;
const rig = useWorkerRig('kill');

describe('a worker killed mid-send', () => {
  it('leaves no check-in lost and none doubled once another worker takes over', async () => {
    const { members } = await seedDuePractice(rig.database.repos, rig.slack, PEOPLE);
    const hold = rig.slack.hold('chat.postMessage');
    const first = startWorker({ databaseUrl: rig.database.url, redisUrl: testRedisUrl(), queuePrefix: rig.prefix, slack: rig.slack });
    rig.workers.push(first);
    // Slack has stored every check-in; the answers never reach the worker.
    await hold.waitForHeld(PEOPLE, 60_000);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    hold.release();
    for (const m of members) expect(checkinsTo(rig.slack, m.externalId)).toHaveLength(1);
    const pending = await rig.database.repos.deliveries.list((await rig.database.repos.workspaces.findByExternal('slack', rig.slack.team.id))?.id ?? '', { status: 'pending' });
    expect(pending.filter((d) => d.kind === 'checkin' && d.sendingAt !== null)).toHaveLength(PEOPLE);

    const second = startWorker({ databaseUrl: rig.database.url, redisUrl: testRedisUrl(), queuePrefix: rig.prefix, slack: rig.slack });
    rig.workers.push(second);
    const workspaceId = (await rig.database.repos.workspaces.findByExternal('slack', rig.slack.team.id))?.id ?? '';
    await until(
      async () => {
        const checkins = (await rig.database.repos.deliveries.list(workspaceId)).filter((d) => d.kind === 'checkin');
        return checkins.length === PEOPLE && checkins.every((d) => d.status === 'sent') ? true : undefined;
      },
      90_000,
      [second],
    );
    // The second worker looked for the messages instead of sending them again.
    expect(rig.slack.callsTo('conversations.history').length).toBeGreaterThanOrEqual(PEOPLE);
    await new Promise((r) => setTimeout(r, 1_500));
    for (const m of members) expect(checkinsTo(rig.slack, m.externalId)).toHaveLength(1);
    expect(rig.slack.callsTo('chat.postMessage')).toHaveLength(PEOPLE);
  }, 150_000);
});
