// The weekly check-in across the March and November DST changes, in four US zones, with time off and snooze:
// the scheduler tick (real Postgres, Redis, outbox and delivery worker) driven by a movable clock, minute-exact.
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalPlatform } from '../../adapters/local/platform.ts';
import { createLocalInboxStore } from '../../db/repositories/local-inbox.ts';
import { startDeliveryWorker } from '../../jobs/delivery-worker.ts';
import { createOutbox } from '../../jobs/outbox.ts';
import { createQueues, createRedis } from '../../jobs/queues.ts';
import { csvCodec } from '../../src/app/csv.ts';
import { checkinTouchpoints } from '../../src/core/checkins/tick.ts';
import type { BotDeps } from '../../src/core/context.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import { runTick } from '../../src/core/schedule.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { eventually, obliterateQueues } from '../support/local-app.ts';
import { testRedisUrl, uniqueQueueNames } from '../support/redis.ts';

const logger = pino({ level: 'silent' });
const ZONES = { ny: 'America/New_York', chicago: 'America/Chicago', phoenix: 'America/Phoenix', honolulu: 'Pacific/Honolulu' } as const;
type Who = keyof typeof ZONES;

/**
 * When each member's check-in of each week must be recorded and sent (UTC), worked out by hand from the
 * zones' offsets: EDT -4 / EST -5, CDT -5 / CST -6, Phoenix -7 all year, Honolulu -10 all year.
 * null: no check-in that week.
 */
const EXPECTED: Record<string, Record<Who, string | null>> = {
  // Daylight time ends Sunday 2026-11-01.
  '2026-W44': { ny: '2026-10-26T13:00Z', chicago: '2026-10-26T14:00Z', phoenix: '2026-10-26T16:00Z', honolulu: '2026-10-26T19:00Z' },
  // Chicago is out on Monday 2026-11-02: Tuesday then.
  '2026-W45': { ny: '2026-11-02T14:00Z', chicago: '2026-11-03T15:00Z', phoenix: '2026-11-02T16:00Z', honolulu: '2026-11-02T19:00Z' },
  // Daylight time starts Sunday 2027-03-14.
  '2027-W10': { ny: '2027-03-08T14:00Z', chicago: '2027-03-08T15:00Z', phoenix: '2027-03-08T16:00Z', honolulu: '2027-03-08T19:00Z' },
  // Honolulu is snoozed until Wednesday 2027-03-17: Wednesday then.
  '2027-W11': { ny: '2027-03-15T13:00Z', chicago: '2027-03-15T14:00Z', phoenix: '2027-03-15T16:00Z', honolulu: '2027-03-17T19:00Z' },
  // Daylight time ends Sunday 2027-11-07.
  '2027-W44': { ny: '2027-11-01T13:00Z', chicago: '2027-11-01T14:00Z', phoenix: '2027-11-01T16:00Z', honolulu: '2027-11-01T19:00Z' },
  // Phoenix is out all week: no check-in at all.
  '2027-W45': { ny: '2027-11-08T14:00Z', chicago: '2027-11-08T15:00Z', phoenix: null, honolulu: '2027-11-08T19:00Z' },
};

let database: TestDatabase;
let workspace: Workspace;
const members = {} as Record<Who, Member>;

beforeAll(async () => {
  database = await openTestDatabase('postgres');
  const { repos } = database;
  workspace = await buildWorkspace(repos, { timeZone: 'America/Chicago' });
  workspace = await repos.workspaces.updateSettings(workspace.id, { ...workspace.settings, holidays: [], holidayNames: {}, holidaysSet: true });
  for (const who of Object.keys(ZONES) as Who[]) {
    members[who] = await buildMember(repos, workspace.id, { displayName: `Nurse ${who}`, timeZone: ZONES[who] });
  }
  const long = '2026-09-01T00:00:00.000Z';
  for (const [mentor, mentee] of [
    ['ny', 'chicago'],
    ['phoenix', 'honolulu'],
  ] as const) {
    await repos.pairs.create(
      { workspaceId: workspace.id, mentorId: members[mentor].id, menteeId: members[mentee].id, kind: 'mentoring', status: 'active', cadence: 'weekly', focus: null, reason: null, mentorAccepted: true, menteeAccepted: true },
      long,
    );
  }
  await repos.timeOff.add({ workspaceId: workspace.id, memberId: members.chicago.id, startDate: '2026-11-02', endDate: '2026-11-02', part: 'full', note: null });
  await repos.timeOff.add({ workspaceId: workspace.id, memberId: members.phoenix.id, startDate: '2027-11-08', endDate: '2027-11-12', part: 'full', note: null });
});

afterAll(async () => {
  await database?.close();
});

describe('check-ins across DST changes', () => {
  it('are recorded and sent at the stated UTC instants, not a minute earlier, once each', async () => {
    const { repos } = database;
    const names = uniqueQueueNames('dst');
    const connection = createRedis(testRedisUrl(), 'test');
    const queues = createQueues(connection, names);
    let now = DateTime.fromISO('2026-10-25T00:00:00Z', { zone: 'utc' });
    const clock = { now: () => now };
    const outbox = createOutbox({ deliveries: repos.deliveries, queues, clock, logger });
    const inbox = createLocalInboxStore(database.db);
    const platform = createLocalPlatform({ inbox, now: () => now.toISO() ?? '', directory: () => [] });
    const worker = startDeliveryWorker({ repos, platforms: { local: platform }, clock, logger }, connection, names);
    const deps: BotDeps = { repos, outbox, clock, logger, csv: csvCodec };
    try {
      // A tick a minute before each expected instant and one at it; plus the Mondays the check-in was moved from,
      // and every day of the week Phoenix is out.
      const instants = new Set<string>();
      for (const week of Object.values(EXPECTED)) {
        for (const at of Object.values(week)) {
          if (!at) continue;
          instants.add(at);
          instants.add(DateTime.fromISO(at).minus({ minutes: 1 }).toUTC().toISO() ?? '');
        }
      }
      for (const at of ['2026-11-02T15:00Z', '2027-03-15T19:00Z', '2027-03-16T19:00Z']) instants.add(DateTime.fromISO(at).toUTC().toISO() ?? '');
      for (let day = 8; day <= 12; day += 1) instants.add(`2027-11-${String(day).padStart(2, '0')}T16:00:00.000Z`);
      const sorted = [...instants].map((i) => DateTime.fromISO(i, { zone: 'utc' })).sort((a, b) => a.toMillis() - b.toMillis());

      let snoozed = false;
      for (const at of sorted) {
        now = at;
        if (!snoozed && at >= DateTime.fromISO('2027-03-10T00:00Z')) {
          // On Wednesday 2027-03-10 Honolulu snoozes Rounds until the next Wednesday.
          await repos.members.update(workspace.id, members.honolulu.id, { snoozedUntil: '2027-03-17' });
          snoozed = true;
        }
        await runTick(deps, [checkinTouchpoints], { serves: (id) => id === workspace.id });
        // Each delivery is sent before the clock moves on, and each check-in answered, as a nurse would.
        await eventually(async () => ((await repos.deliveries.list(workspace.id, { status: 'pending' })).length === 0 ? true : undefined));
        for (const who of Object.keys(ZONES) as Who[]) {
          const week = `${at.setZone(ZONES[who]).weekYear}-W${String(at.setZone(ZONES[who]).weekNumber).padStart(2, '0')}`;
          const checkin = await repos.checkins.findForWeek(workspace.id, members[who].id, week);
          const pair = checkin?.pairIds[0];
          if (checkin && pair && !checkin.answeredAt) {
            await repos.checkins.saveAnswer({ workspaceId: workspace.id, checkinId: checkin.id, pairId: pair, memberId: members[who].id, outcome: 'met' }, at.toISO() ?? '');
          }
        }
      }

      const checkins = (await repos.deliveries.list(workspace.id)).filter((d) => d.kind === 'checkin');
      const actual: Record<string, Record<string, string | null>> = {};
      for (const [week, row] of Object.entries(EXPECTED)) {
        actual[week] = {};
        for (const who of Object.keys(row) as Who[]) {
          const found = checkins.filter((d) => d.key === `checkin:${members[who].id}:${week}`);
          expect(found.length).toBeLessThanOrEqual(1);
          const delivery = found[0];
          if (delivery) expect(delivery.sentAt).toBe(delivery.createdAt);
          actual[week][who] = delivery?.status === 'sent' ? (delivery.sentAt ?? '').replace(':00.000Z', 'Z') : null;
        }
      }
      expect(actual).toEqual(EXPECTED);
      expect(checkins).toHaveLength(23);
    } finally {
      await worker.close();
      await queues.close();
      await connection.quit();
      await obliterateQueues(names);
    }
  }, 120_000);
});
