// Moving the local clock forward through the real HTTP API behaves as if time had passed minute by minute:
// every check-in, reminder and nudge that fell due inside the jump is sent, stamped with the instant it fell
// due in the member's own zone, in due order, once, within the attention budget and the cadence.
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Workspace } from '../../src/core/model.ts';
import { TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';
import { type LocalApp, useLocalApps } from '../support/local-app.ts';
import { isoWeekOf } from '../../src/core/time/week.ts';
import { newPairValue } from '../support/builders.ts';

const CHICAGO = 'America/Chicago'; // the practice's zone
const NEW_YORK = 'America/New_York';
const HONOLULU = 'Pacific/Honolulu';
/** Each person's zone in these tests: the practice is in Chicago, two of them are not. */
const ZONES: Record<string, string> = {
  'priya-shah': NEW_YORK,
  'ben-okafor': HONOLULU,
  'grace-kim': CHICAGO,
  'ana-garcia': CHICAGO,
  'tom-becker': CHICAGO,
};
const TOUCHPOINT_KINDS = new Set(['checkin', 'checkin_reminder', 'checkin_paused', 'nudge']);
/** 09:00 (the check-in time) on `date` in `zone`. */
const nine = (date: string, zone: string) => DateTime.fromISO(`${date}T09:00`, { zone });

const apps = useLocalApps();
const database = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
const repos = createRepositories(database.db);
afterAll(async () => {
  await database.close();
});

interface Practice {
  app: LocalApp;
  workspace: Workspace;
  /** Member id → demo id. */
  who: Map<string, string>;
  /** When the pairs were made (the clock's now then). */
  pairedAt: DateTime;
}

/**
 * A fresh demo practice with no holidays, the zones above, and only the given weekly pairs (mentor, mentee),
 * made once the clock has been moved to `start`.
 */
async function practice(start: (now: DateTime) => DateTime, pairs: [string, string][]): Promise<Practice> {
  const app = await apps.start();
  const workspace = await repos.workspaces.findByExternal('local', app.workspaceExternalId);
  if (!workspace) throw new Error('no local workspace');
  await repos.workspaces.updateSettings(workspace.id, { ...workspace.settings, holidays: [], holidayNames: {}, holidaysSet: true });
  const members = await repos.members.list(workspace.id);
  const idOf = new Map(members.map((m) => [m.externalId, m.id]));
  for (const [external, zone] of Object.entries(ZONES)) await repos.members.update(workspace.id, must(idOf.get(external)), { timeZone: zone });
  const at = (await clockOf(app)).toISO() ?? '';
  for (const pair of await repos.pairs.listByStatus(workspace.id, ['active'])) await repos.pairs.update(workspace.id, pair.id, { status: 'completed' }, at);

  const target = start(await clockOf(app));
  await app.advance(`PT${((target.toMillis() - (await clockOf(app)).toMillis()) / 1000).toFixed(3)}S`);
  const pairedAt = await clockOf(app);
  for (const [mentor, mentee] of pairs) {
    await repos.pairs.create(
      newPairValue({ workspaceId: workspace.id, mentorId: must(idOf.get(mentor)), menteeId: must(idOf.get(mentee)) }),
      pairedAt.toISO() ?? '',
    );
  }
  return { app, workspace, who: new Map(members.map((m) => [m.id, m.externalId])), pairedAt };
}

/** `kind who… instant` for every touchpoint delivery since the pairs were made, in due order; each must be sent when recorded. */
async function touchpoints(p: Practice): Promise<string[]> {
  const deliveries = (await repos.deliveries.list(p.workspace.id)).filter((d) => TOUCHPOINT_KINDS.has(d.kind) && DateTime.fromISO(d.createdAt) >= p.pairedAt);
  for (const d of deliveries) {
    expect(d.status).toBe('sent');
    // Recorded and sent at the instant it fell due, not when the jump ended.
    expect(DateTime.fromISO(d.sentAt ?? '').toMillis()).toBe(DateTime.fromISO(d.createdAt).toMillis());
  }
  return inOrder(deliveries.map((d) => ({ at: DateTime.fromISO(d.createdAt).toMillis(), line: `${d.kind} ${d.memberIds.map((id) => p.who.get(id)).sort().join('+')} ${utc(d.createdAt)}` })));
}

/** By instant, then by text (touchpoints of the same instant have no order among them). */
function inOrder(lines: { at: number; line: string }[]): string[] {
  return lines.sort((a, b) => a.at - b.at || a.line.localeCompare(b.line)).map((l) => l.line);
}

/** The expected lines, sorted the way `touchpoints` sorts (instant, then text). */
function expected(lines: [kind: string, who: string, at: DateTime][]): string[] {
  return inOrder(lines.map(([kind, who, at]) => ({ at: at.toMillis(), line: `${kind} ${who} ${utc(at.toISO() ?? '')}` })));
}

/** The same deliveries as each person's local inbox shows them: its times, in order. */
async function expectInboxesToShow(p: Practice, lines: string[]): Promise<void> {
  for (const external of Object.keys(ZONES)) {
    const times = lines.filter((l) => l.split(' ')[1]?.split('+').includes(external)).map((l) => l.split(' ')[2]);
    const inbox = (await p.app.inbox(external)).filter((m) => DateTime.fromISO(m.at) >= p.pairedAt);
    expect(inbox.map((m) => utc(m.at)), external).toEqual(times);
  }
}

/** No one got more unasked messages in an ISO week (their zone) than the practice's budget. */
function expectWithinBudget(p: Practice, lines: string[]): void {
  const perWeek = new Map<string, number>();
  for (const line of lines) {
    const [, who = '', at = ''] = line.split(' ');
    for (const external of who.split('+')) {
      const key = `${external} ${isoWeekOf(DateTime.fromISO(at), must(ZONES[external]))}`;
      perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of perWeek) expect(count, key).toBeLessThanOrEqual(p.workspace.settings.attentionBudget);
}

describe('moving the clock a day at a time from 11:56 PM', () => {
  it('sends every check-in, reminder and nudge of the twelve days at its instant, once, within the budget', async () => {
    // Sunday 23:56 in Chicago, a week ahead. Priya (New York) mentors Ben (Honolulu); Grace (Chicago) mentors Ana and Tom.
    const p = await practice(
      (now) => now.setZone(CHICAGO).startOf('week').plus({ weeks: 1, days: 6 }).set({ hour: 23, minute: 56 }),
      [
        ['priya-shah', 'ben-okafor'],
        ['grace-kim', 'ana-garcia'],
        ['grace-kim', 'tom-becker'],
      ],
    );
    for (let day = 0; day < 12; day++) {
      const res = await p.app.post('/local/clock', { advance: 'P1D' });
      expect(res.status).toBe(200);
    }
    const monday1 = p.pairedAt.setZone(CHICAGO).plus({ days: 1 }).toISODate() ?? '';
    const [m1, t1, m2, t2] = [after(monday1, 0), after(monday1, 1), after(monday1, 7), after(monday1, 8)];
    const lines = await touchpoints(p);
    expect(lines).toEqual(
      expected([
        // Week 1: each check-in at 09:00 Monday in its person's zone (14:00Z New York, 15:00Z Chicago, 19:00Z Honolulu),
        // none answered, so each reminder at 09:00 Tuesday.
        ['checkin', 'priya-shah', nine(m1, NEW_YORK)],
        ['checkin', 'grace-kim', nine(m1, CHICAGO)],
        ['checkin', 'ana-garcia', nine(m1, CHICAGO)],
        ['checkin', 'tom-becker', nine(m1, CHICAGO)],
        ['checkin', 'ben-okafor', nine(m1, HONOLULU)],
        ['checkin_reminder', 'priya-shah', nine(t1, NEW_YORK)],
        ['checkin_reminder', 'grace-kim', nine(t1, CHICAGO)],
        ['checkin_reminder', 'ana-garcia', nine(t1, CHICAGO)],
        ['checkin_reminder', 'tom-becker', nine(t1, CHICAGO)],
        ['checkin_reminder', 'ben-okafor', nine(t1, HONOLULU)],
        // Week 2: the pairs have been quiet a week (since Sunday 23:56): each gets one nudge, when both people are at work.
        ['checkin', 'priya-shah', nine(m2, NEW_YORK)],
        ['checkin', 'grace-kim', nine(m2, CHICAGO)],
        ['checkin', 'ana-garcia', nine(m2, CHICAGO)],
        ['checkin', 'tom-becker', nine(m2, CHICAGO)],
        ['nudge', 'ana-garcia+grace-kim', nine(m2, CHICAGO)],
        ['nudge', 'grace-kim+tom-becker', nine(m2, CHICAGO)],
        ['checkin', 'ben-okafor', nine(m2, HONOLULU)],
        ['nudge', 'ben-okafor+priya-shah', nine(m2, HONOLULU)],
        ['checkin_reminder', 'priya-shah', nine(t2, NEW_YORK)],
        // Grace had her three unasked messages of the week on Monday: no reminder for her.
        ['checkin_reminder', 'ana-garcia', nine(t2, CHICAGO)],
        ['checkin_reminder', 'tom-becker', nine(t2, CHICAGO)],
        ['checkin_reminder', 'ben-okafor', nine(t2, HONOLULU)],
      ]),
    );
    expect(new Set(lines).size).toBe(lines.length);
    expectWithinBudget(p, lines);
    await expectInboxesToShow(p, lines);
  });
});

describe('moving the clock an hour, then a week, from 08:59 AM', () => {
  it('sends the one check-in of the hour at 09:00, then the week’s, each at its instant', async () => {
    // Monday 08:59 in New York (07:59 in Chicago, 03:59 in Honolulu), two weeks ahead.
    const p = await practice(
      (now) => now.setZone(NEW_YORK).startOf('week').plus({ weeks: 2 }).set({ hour: 8, minute: 59 }),
      [
        ['priya-shah', 'ben-okafor'],
        ['grace-kim', 'ana-garcia'],
      ],
    );
    const m1 = p.pairedAt.setZone(NEW_YORK).toISODate() ?? '';
    const [t1, m2] = [after(m1, 1), after(m1, 7)];

    expect((await p.app.post('/local/clock', { advance: 'PT1H' })).status).toBe(200);
    // 09:00 came in New York only; Chicago's 09:00 is 10:00 there.
    expect(await touchpoints(p)).toEqual(expected([['checkin', 'priya-shah', nine(m1, NEW_YORK)]]));

    expect((await p.app.post('/local/clock', { advance: 'P1W' })).status).toBe(200);
    const lines = await touchpoints(p);
    expect(lines).toEqual(
      expected([
        ['checkin', 'priya-shah', nine(m1, NEW_YORK)],
        ['checkin', 'grace-kim', nine(m1, CHICAGO)],
        ['checkin', 'ana-garcia', nine(m1, CHICAGO)],
        ['checkin', 'ben-okafor', nine(m1, HONOLULU)],
        ['checkin_reminder', 'priya-shah', nine(t1, NEW_YORK)],
        ['checkin_reminder', 'grace-kim', nine(t1, CHICAGO)],
        ['checkin_reminder', 'ana-garcia', nine(t1, CHICAGO)],
        ['checkin_reminder', 'ben-okafor', nine(t1, HONOLULU)],
        // The week ends at 09:59 Monday in New York: only Priya's next check-in has come, and no nudge yet
        // (Ben is not at work before 09:00 in Honolulu, Grace and Ana not before 09:00 in Chicago).
        ['checkin', 'priya-shah', nine(m2, NEW_YORK)],
      ]),
    );
    expectWithinBudget(p, lines);
    await expectInboxesToShow(p, lines);
  });
});

describe('moving the clock a week at a time from 3 PM in Honolulu', () => {
  it('asks about new pairs from the next week on, and nudges the next work morning both people share', async () => {
    // Monday 15:00 in Honolulu = 20:00 in New York and 19:00 in Chicago: the pairs start after Monday's check-in everywhere.
    const p = await practice(
      (now) => now.setZone(HONOLULU).startOf('week').plus({ weeks: 2 }).set({ hour: 15, minute: 0 }),
      [
        ['priya-shah', 'ben-okafor'],
        ['grace-kim', 'ana-garcia'],
      ],
    );
    expect((await p.app.post('/local/clock', { advance: 'P1W' })).status).toBe(200);
    expect((await p.app.post('/local/clock', { advance: 'P1W' })).status).toBe(200);
    const m1 = p.pairedAt.setZone(HONOLULU).toISODate() ?? '';
    const [m2, t2, m3] = [after(m1, 7), after(m1, 8), after(m1, 14)];
    const lines = await touchpoints(p);
    expect(lines).toEqual(
      expected([
        ['checkin', 'priya-shah', nine(m2, NEW_YORK)],
        ['checkin', 'grace-kim', nine(m2, CHICAGO)],
        ['checkin', 'ana-garcia', nine(m2, CHICAGO)],
        ['checkin', 'ben-okafor', nine(m2, HONOLULU)],
        // A week quiet at Monday 15:00 Honolulu: after 18:00 in New York and Chicago, so the nudges wait for Tuesday,
        // 09:00 Chicago for Grace and Ana, 09:00 Honolulu (when both are at work) for Priya and Ben.
        ['checkin_reminder', 'priya-shah', nine(t2, NEW_YORK)],
        ['checkin_reminder', 'grace-kim', nine(t2, CHICAGO)],
        ['checkin_reminder', 'ana-garcia', nine(t2, CHICAGO)],
        ['nudge', 'ana-garcia+grace-kim', nine(t2, CHICAGO)],
        ['checkin_reminder', 'ben-okafor', nine(t2, HONOLULU)],
        ['nudge', 'ben-okafor+priya-shah', nine(t2, HONOLULU)],
        ['checkin', 'priya-shah', nine(m3, NEW_YORK)],
        ['checkin', 'grace-kim', nine(m3, CHICAGO)],
        ['checkin', 'ana-garcia', nine(m3, CHICAGO)],
        ['checkin', 'ben-okafor', nine(m3, HONOLULU)],
      ]),
    );
    expectWithinBudget(p, lines);
    await expectInboxesToShow(p, lines);
  });
});

async function clockOf(app: LocalApp): Promise<DateTime> {
  const { now } = (await (await fetch(`${app.base}/local/clock`)).json()) as { now: string };
  return DateTime.fromISO(now, { zone: 'utc' });
}

/** The date `days` after `date` (both `yyyy-MM-dd`). */
function after(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate() ?? '';
}

function utc(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).toISO() ?? '';
}

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('missing');
  return value;
}
