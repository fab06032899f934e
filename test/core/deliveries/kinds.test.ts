// The registry of delivery kinds: the keys already recorded keep their shape, and every kind that counts
// takes from the weekly attention budget, read from the delivery ledger (Postgres).
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentDeliveries, weekCounts } from '../../../src/core/deliveries/attention.ts';
import { countsAgainstBudget, DELIVERY_KINDS, delivery, deliveryKey, mentorRequestPrefix, timeOffGapPrefix } from '../../../src/core/deliveries/kinds.ts';
import { textMessage } from '../../../src/core/messages/build.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase, uniqueId } from '../../support/db.ts';

describe('delivery keys', () => {
  it('keep the shapes deliveries were recorded under before the registry', () => {
    expect(deliveryKey('checkin', 'm1', '2026-W48')).toBe('checkin:m1:2026-W48');
    expect(deliveryKey('checkin_reminder', 'm1', '2026-W48')).toBe('checkin-reminder:m1:2026-W48');
    expect(deliveryKey('checkin_paused', 'm1', '2026-W48')).toBe('checkin-paused:m1:2026-W48');
    expect(deliveryKey('nudge', 'p1', '2026-11-23')).toBe('nudge:p1:2026-11-23');
    expect(deliveryKey('checkin_help', 'c1', 'p1', 'r1')).toBe('checkin-help:c1:p1:r1');
    expect(deliveryKey('mentoring_intro', 'p1', 'r1')).toBe('intro:p1:r1');
    expect(deliveryKey('pair_paused', 'p1', 'r1', 'at')).toBe('pair-paused:p1:r1:at');
    expect(deliveryKey('pair_ended', 'p1')).toBe('pair-ended:p1');
    expect(deliveryKey('role_changed', 'm1', 'manager', 'at')).toBe('role-changed:m1:manager:at');
    expect(deliveryKey('welcome', 'm1')).toBe('welcome:m1');
    expect(delivery('timeoff-withdrawn', 't1', 'r1')).toEqual({ kind: 'timeoff-withdrawn', key: 'timeoff-withdrawn:t1:r1' });
  });

  it('of the readers told about one thing share the prefix their withdrawal looks for', () => {
    expect(deliveryKey('mentor_request', 'm1', '2026-W48', 'r1').startsWith(mentorRequestPrefix('m1', '2026-W48'))).toBe(true);
    expect(deliveryKey('timeoff-gap', 't1', 'r1').startsWith(timeOffGapPrefix('t1'))).toBe(true);
    expect(deliveryKey('timeoff-gap', 't10', 'r1').startsWith(timeOffGapPrefix('t1'))).toBe(false);
  });

  it('say whether they count against the budget; an unknown kind counts, the onboarding sequence never does', () => {
    for (const kind of Object.keys(DELIVERY_KINDS)) expect(countsAgainstBudget(kind)).toBe(true);
    expect(countsAgainstBudget('something_newer')).toBe(true);
    expect(countsAgainstBudget('onboarding_day1')).toBe(false);
  });
});

describe('the weekly attention budget over the delivery ledger', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });

  afterAll(async () => {
    await database?.close();
  });

  it('counts every kind that counts, not only check-ins, and never a failed one', async () => {
    const { repos } = database;
    const workspace = await buildWorkspace(repos);
    const manager = await buildMember(repos, workspace.id, { timeZone: 'America/Chicago' });
    const record = (item: { kind: string; key: string }, at: string) =>
      repos.deliveries.record({ workspaceId: workspace.id, ...item, memberIds: [manager.id], conversation: 'dm', message: textMessage('x') }, at);
    await record(delivery('timeoff-gap', uniqueId('off'), manager.id), '2026-11-23T15:00:00.000Z');
    await record(delivery('mentor_request', uniqueId('m'), '2026-W48', manager.id), '2026-11-24T15:00:00.000Z');
    await record(delivery('checkin', manager.id, '2026-W48'), '2026-11-23T15:00:00.000Z');
    const failed = delivery('role_changed', manager.id, 'manager', '2026-11-24T16:00:00.000Z');
    await record(failed, '2026-11-24T16:00:00.000Z');
    await repos.deliveries.markFailed(failed.key, 'user_not_found');
    // Last week, in Chicago.
    await record(delivery('welcome', manager.id), '2026-11-22T15:00:00.000Z');

    const now = DateTime.fromISO('2026-11-25T15:00:00Z', { zone: 'utc' });
    const traces = await recentDeliveries(repos.deliveries, workspace.id, [manager.id, manager.id], now);
    expect(traces.map((t) => t.kind).sort()).toEqual(['checkin', 'mentor_request', 'timeoff-gap', 'welcome']);
    expect(weekCounts(traces, () => 'America/Chicago', now).get(manager.id)).toBe(3);
  });
});
