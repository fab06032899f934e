// The check-ins repository (and the outbox's claim on a send) on Postgres and on PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/core/messages/build.ts';
import type { Member, Pair, Workspace } from '../../../src/core/model.ts';
import type { Repositories } from '../../../src/core/repositories.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase, uniqueId } from '../../support/db.ts';

describe.each(['postgres', 'pglite'] as const)('check-ins on %s', (kind) => {
  let database: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repos = database.repos;
  });

  afterAll(async () => {
    await database?.close();
  });

  async function practice(): Promise<{ workspace: Workspace; mentor: Member; mentee: Member; pair: Pair }> {
    const workspace = await buildWorkspace(repos);
    const mentor = await buildMember(repos, workspace.id);
    const mentee = await buildMember(repos, workspace.id);
    const pair = await repos.pairs.create(
      { workspaceId: workspace.id, mentorId: mentor.id, menteeId: mentee.id, kind: 'mentoring', status: 'proposed', cadence: 'biweekly', focus: null, reason: null, mentorAccepted: false, menteeAccepted: false },
      '2026-11-01T10:00:00.000Z',
    );
    return { workspace, mentor, mentee, pair };
  }

  it('keeps one check-in per member and week, with its delivery keys; an open one takes the current pairs', async () => {
    const { workspace, mentee, pair } = await practice();
    const first = await repos.checkins.ensure({ workspaceId: workspace.id, memberId: mentee.id, isoWeek: '2026-W48', pairIds: [] }, '2026-11-23T15:00:00.000Z');
    const again = await repos.checkins.ensure({ workspaceId: workspace.id, memberId: mentee.id, isoWeek: '2026-W48', pairIds: [pair.id] }, '2026-11-23T16:00:00.000Z');
    expect(again).toMatchObject({
      id: first.id,
      pairIds: [pair.id],
      deliveryKey: `checkin:${mentee.id}:2026-W48`,
      reminderKey: `checkin-reminder:${mentee.id}:2026-W48`,
      createdAt: '2026-11-23T15:00:00.000Z',
      answeredAt: null,
    });
    await repos.checkins.saveAnswer({ workspaceId: workspace.id, checkinId: first.id, pairId: pair.id, memberId: mentee.id, outcome: 'met' }, '2026-11-23T17:00:00.000Z');
    // Answered: its pairs stay what was asked.
    const answered = await repos.checkins.ensure({ workspaceId: workspace.id, memberId: mentee.id, isoWeek: '2026-W48', pairIds: [] }, '2026-11-23T18:00:00.000Z');
    expect(answered).toMatchObject({ pairIds: [pair.id], answeredAt: '2026-11-23T17:00:00.000Z' });
  });

  it('updates an answer in place, keeping what a later press leaves out', async () => {
    const { workspace, mentee, pair } = await practice();
    const checkin = await repos.checkins.ensure({ workspaceId: workspace.id, memberId: mentee.id, isoWeek: '2026-W48', pairIds: [pair.id] }, '2026-11-23T15:00:00.000Z');
    const base = { workspaceId: workspace.id, checkinId: checkin.id, pairId: pair.id, memberId: mentee.id };
    await repos.checkins.saveAnswer({ ...base, outcome: 'met' }, '2026-11-23T15:01:00.000Z');
    await repos.checkins.saveAnswer({ ...base, rating: 4, note: 'private words' }, '2026-11-23T15:02:00.000Z');
    await repos.checkins.saveAnswer({ ...base, outcome: 'need_help' }, '2026-11-23T15:03:00.000Z');
    expect(await repos.checkins.listAnswers(workspace.id, checkin.id)).toEqual([
      { checkinId: checkin.id, pairId: pair.id, memberId: mentee.id, outcome: 'need_help', rating: 4, note: 'private words', answeredAt: '2026-11-23T15:03:00.000Z', helpRequestedAt: null },
    ]);
    expect((await repos.checkins.get(workspace.id, checkin.id))?.answeredAt).toBe('2026-11-23T15:01:00.000Z');
    expect(await repos.checkins.markHelpRequested(workspace.id, checkin.id, pair.id, '2026-11-23T15:04:00.000Z')).toBe(true);
    expect(await repos.checkins.markHelpRequested(workspace.id, checkin.id, pair.id, '2026-11-23T15:05:00.000Z')).toBe(false);
  });

  it('shows participation without the note or the rating', async () => {
    const { workspace, mentee, pair } = await practice();
    const checkin = await repos.checkins.ensure({ workspaceId: workspace.id, memberId: mentee.id, isoWeek: '2026-W48', pairIds: [pair.id] }, '2026-11-23T15:00:00.000Z');
    await repos.checkins.saveAnswer({ workspaceId: workspace.id, checkinId: checkin.id, pairId: pair.id, memberId: mentee.id, outcome: 'met', rating: 5, note: 'Nightjar-5521' }, '2026-11-23T16:00:00.000Z');
    const rows = await repos.checkins.participationSince(workspace.id, '2026-11-01T00:00:00.000Z');
    expect(rows).toEqual([
      { checkinId: checkin.id, memberId: mentee.id, isoWeek: '2026-W48', pairIds: [pair.id], sent: false, answeredAt: '2026-11-23T16:00:00.000Z', outcomes: { [pair.id]: 'met' } },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Nightjar|rating/);
  });

  it('records when a pair became active, whoever activated it, and when it last met', async () => {
    const { workspace, mentee, pair } = await practice();
    expect(await repos.checkins.pairActivity(workspace.id)).toEqual([]);
    await repos.pairs.update(workspace.id, pair.id, { status: 'active', mentorAccepted: true, menteeAccepted: true }, '2026-11-03T09:00:00.000Z');
    await repos.pairs.update(workspace.id, pair.id, { focus: 'coding' }, '2026-11-04T09:00:00.000Z');
    expect(await repos.checkins.pairActivity(workspace.id)).toEqual([{ pairId: pair.id, activatedAt: '2026-11-03T09:00:00.000Z', lastMetAt: null }]);
    await repos.pairs.update(workspace.id, pair.id, { status: 'paused' }, '2026-11-05T09:00:00.000Z');
    await repos.pairs.update(workspace.id, pair.id, { status: 'active' }, '2026-11-10T09:00:00.000Z');
    const checkin = await repos.checkins.ensure({ workspaceId: workspace.id, memberId: mentee.id, isoWeek: '2026-W48', pairIds: [pair.id] }, '2026-11-23T15:00:00.000Z');
    await repos.checkins.saveAnswer({ workspaceId: workspace.id, checkinId: checkin.id, pairId: pair.id, memberId: mentee.id, outcome: 'met' }, '2026-11-23T16:00:00.000Z');
    expect(await repos.checkins.pairActivity(workspace.id)).toEqual([{ pairId: pair.id, activatedAt: '2026-11-10T09:00:00.000Z', lastMetAt: '2026-11-23T16:00:00.000Z' }]);
  });

  it('counts a member’s latest check-ins that reached them, starting again after a resume', async () => {
    const { workspace, mentee, pair } = await practice();
    const sent = async (week: string, at: string) => {
      const c = await repos.checkins.ensure({ workspaceId: workspace.id, memberId: mentee.id, isoWeek: week, pairIds: [pair.id] }, at);
      await repos.deliveries.record({ workspaceId: workspace.id, key: c.deliveryKey, kind: 'checkin', memberIds: [mentee.id], conversation: 'dm', message: textMessage('x') }, at);
      await repos.deliveries.markSending(c.deliveryKey, at);
      await repos.deliveries.markSent(c.deliveryKey, 'ts', at);
      return c;
    };
    await sent('2026-W45', '2026-11-02T15:00:00.000Z');
    await sent('2026-W46', '2026-11-09T15:00:00.000Z');
    // Never sent, never answered: it does not count.
    await repos.checkins.ensure({ workspaceId: workspace.id, memberId: mentee.id, isoWeek: '2026-W47', pairIds: [pair.id] }, '2026-11-16T15:00:00.000Z');
    const w48 = await sent('2026-W48', '2026-11-23T15:00:00.000Z');
    expect((await repos.checkins.recentSent(workspace.id, [mentee.id], 3)).map((c) => c.isoWeek)).toEqual(['2026-W48', '2026-W46', '2026-W45']);
    expect((await repos.checkins.recentSent(workspace.id, [mentee.id], 3))[0]?.delivery).toEqual({ status: 'sent', sentAt: w48.createdAt });

    await repos.checkins.pause(workspace.id, mentee.id, '2026-W48', '2026-11-23T15:00:00.000Z');
    expect(await repos.checkins.memberStates(workspace.id)).toEqual([{ memberId: mentee.id, pausedAt: '2026-11-23T15:00:00.000Z', pausedWeek: '2026-W48', resumedAt: null }]);
    expect(await repos.checkins.resume(workspace.id, mentee.id, '2026-11-24T10:00:00.000Z')).toBe(true);
    expect(await repos.checkins.resume(workspace.id, mentee.id, '2026-11-24T10:01:00.000Z')).toBe(false);
    expect(await repos.checkins.recentSent(workspace.id, [mentee.id], 3)).toEqual([]);
    // Answered on demand after the resume: it reached them.
    const w49 = await repos.checkins.ensure({ workspaceId: workspace.id, memberId: mentee.id, isoWeek: '2026-W49', pairIds: [pair.id] }, '2026-11-30T08:00:00.000Z');
    await repos.checkins.saveAnswer({ workspaceId: workspace.id, checkinId: w49.id, pairId: pair.id, memberId: mentee.id, outcome: 'not_yet' }, '2026-11-30T08:01:00.000Z');
    expect((await repos.checkins.recentSent(workspace.id, [mentee.id], 3)).map((c) => c.isoWeek)).toEqual(['2026-W49']);
  });

  it('finds the deliveries recorded for members since an instant, failed ones left out, and keys by kind', async () => {
    const { workspace, mentor, mentee } = await practice();
    const record = (key: string, kind: string, memberIds: string[], at: string) =>
      repos.deliveries.record({ workspaceId: workspace.id, key, kind, memberIds, conversation: memberIds.length > 1 ? 'group' : 'dm', message: textMessage('x') }, at);
    const nudge = uniqueId('nudge');
    await record(nudge, 'nudge', [mentor.id, mentee.id], '2026-11-24T15:00:00.000Z');
    await record(uniqueId('checkin'), 'checkin', [mentee.id], '2026-11-23T15:00:00.000Z');
    await record(uniqueId('old'), 'checkin', [mentee.id], '2026-11-10T15:00:00.000Z');
    const failed = uniqueId('failed');
    await record(failed, 'checkin', [mentor.id], '2026-11-23T15:00:00.000Z');
    await repos.deliveries.markFailed(failed, 'user_not_found');

    const traces = await repos.deliveries.deliveriesTo(workspace.id, [mentor.id], '2026-11-20T00:00:00.000Z');
    expect(traces.map((t) => t.key)).toEqual([nudge]);
    expect(traces[0]?.memberIds).toEqual([mentor.id, mentee.id]);
    expect((await repos.deliveries.deliveriesTo(workspace.id, [mentee.id], '2026-11-20T00:00:00.000Z')).length).toBe(2);
    expect(await repos.deliveries.keysOfKind(workspace.id, 'nudge', '2026-11-01T00:00:00.000Z')).toEqual([nudge]);
  });

  it('lets only one of two attempts that read the same state start a send', async () => {
    const { workspace, mentee } = await practice();
    const key = uniqueId('claim');
    await repos.deliveries.record({ workspaceId: workspace.id, key, kind: 'checkin', memberIds: [mentee.id], conversation: 'dm', message: textMessage('x') }, '2026-11-23T15:00:00.000Z');
    expect(await repos.deliveries.markSending(key, '2026-11-23T15:00:01.000Z', null)).toBe(true);
    expect(await repos.deliveries.markSending(key, '2026-11-23T15:00:01.000Z', null)).toBe(false);
    await repos.deliveries.markAttemptFailed(key, 'HTTP 500', { inDoubt: true });
    expect(await repos.deliveries.get(key)).toMatchObject({ sendingAt: '2026-11-23T15:00:01.000Z', lastError: 'HTTP 500' });
    expect(await repos.deliveries.markSending(key, '2026-11-23T15:00:05.000Z', '2026-11-23T15:00:01.000Z')).toBe(true);
    expect(await repos.deliveries.get(key)).toMatchObject({ sendingAt: '2026-11-23T15:00:05.000Z', lastError: null, attempts: 2 });
    expect(await repos.deliveries.markSending(key, '2026-11-23T15:00:06.000Z', '2026-11-23T15:00:01.000Z')).toBe(false);
  });
});
