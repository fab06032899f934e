// "Is it working?": admins ask `status`; /readyz carries the same figures as detail and /metrics as gauges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, section } from '../../src/core/messages/build.ts';
import { openTestDatabase, type TestDatabase, uniqueId } from '../support/db.ts';
import { allText, type LocalApp, startLocalApp } from '../support/local-app.ts';

let app: LocalApp;
let db: TestDatabase;
const reason = 'channel_not_found from chat.postMessage';

beforeAll(async () => {
  [app, db] = await Promise.all([startLocalApp(), openTestDatabase('postgres')]);
  const workspace = await db.repos.workspaces.findByExternal('local', app.workspaceExternalId);
  const luis = workspace && (await db.repos.members.findByExternal(workspace.id, 'luis-ortega'));
  if (!workspace || !luis) throw new Error('no demo practice');
  // A message the platform refused for good, two days ago.
  const key = `status-test:${uniqueId()}`;
  await db.repos.deliveries.record(
    { workspaceId: workspace.id, key, kind: 'checkin', memberIds: [luis.id], conversation: 'dm', message: message([section('Hello')]) },
    new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString(),
  );
  await db.repos.deliveries.markFailed(key, reason);
  await app.say('ana-garcia', 'optout');
});

afterAll(async () => {
  await app?.stop();
  await db?.close();
});

describe('status', () => {
  it('tells an admin the platforms, the last scheduler tick, deliveries and who cannot be reached, and why', async () => {
    const text = allText(await app.say('dana-whitfield', 'status'));
    expect(text).toContain('Platforms connected: local');
    expect(text).toMatch(/Scheduler: last ran \d+ s ago/);
    expect(text).toMatch(/Deliveries: \d+ waiting to be sent, 1 failed in the last 7 days/);
    expect(text).toContain(`1 × ${reason}`);
    expect(text).toContain('Ana García: opted out');
    expect(text).toContain(`Luis Ortega: a message could not be delivered: ${reason}`);
  });

  it('refuses staff the usual way, and tells a manager it is for admins', async () => {
    const staff = allText(await app.say('tyler-brooks', 'status'));
    expect(staff).toContain('Sorry, status is for managers.');
    expect(staff).not.toContain('Platforms connected');
    const manager = allText(await app.say('marcus-lee', 'status'));
    expect(manager).toContain('Sorry, status is for admins. Dana Whitfield can run it for you.');
  });

  it('puts the same figures on /readyz?detail=1 (still 200) and on /metrics as gauges', async () => {
    const plain = await fetch(`${app.base}/readyz`);
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual({ postgres: 'ok', redis: 'ok' });
    const ready = await fetch(`${app.base}/readyz?detail=1`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as Record<string, unknown> & { detail: Record<string, unknown> };
    expect(body).toMatchObject({ postgres: 'ok', redis: 'ok' });
    // Over every practice of the database (the test database holds other tests' too).
    expect(body.detail).toMatchObject({ platforms: ['local'] });
    expect(body.detail.deliveriesFailed7d).toBeGreaterThanOrEqual(1);
    expect(body.detail.lastTickSecondsAgo).toEqual(expect.any(Number));
    expect(body.detail.unreachable).toEqual(expect.arrayContaining([{ name: 'Ana García', reason: 'opted out' }]));

    const metrics = await (await fetch(`${app.base}/metrics`)).text();
    expect(metrics).toMatch(/^rounds_platform_connected\{platform="local"\} 1$/m);
    expect(metrics).toMatch(/^rounds_scheduler_last_tick_seconds \d+$/m);
    expect(metrics).toMatch(/^rounds_deliveries_pending \d+$/m);
    expect(Number(/^rounds_deliveries_failed_7d (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^rounds_members_unreachable (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
  });
});
