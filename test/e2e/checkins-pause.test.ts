// Weeks of check-ins in local mode: reminders, a nudge for a quiet pair, the pause after three unanswered and `checkin`
// to resume; the report and every log line of the run stay free of note text and ratings.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.ts';
import { type RoundsProcess, startRounds } from '../../src/app/runtime.ts';
import { loadConfig } from '../../src/config.ts';
import type { Message } from '../../src/core/messages/model.ts';
import { createDatabase, type DatabaseHandle } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { TEST_APP_POOL_MAX, TEST_POOL_MAX, testDatabaseUrl, uniqueId } from '../support/db.ts';
import { eventually, type InboxMessage, obliterateQueues, allText } from '../support/local-app.ts';
import { testRedisUrl, uniqueQueueNames } from '../support/redis.ts';

const NOTE = 'Heliotrope-9313 talked through the denial appeal steps';
const queueNames = uniqueQueueNames('checkins-pause');
const logLines: string[] = [];

let proc: RoundsProcess;
let base: string;
let database: DatabaseHandle;
let monday: DateTime;

beforeAll(async () => {
  const externalId = uniqueId('demo');
  const config = loadConfig({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_POOL_MAX: String(TEST_APP_POOL_MAX),
    REDIS_URL: testRedisUrl(),
    PORT: '0',
    ROUNDS_DATA_DIR: mkdtempSync(join(tmpdir(), 'rounds-test-')),
  });
  // Every log line of the run, at debug level, as the process writes them.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  proc = await startRounds(config, { web: true, worker: true, queueNames, localWorkspaceExternalId: externalId, logger: createLogger('debug', sink) });
  base = `http://127.0.0.1:${proc.port}`;
  database = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
  const repos = createRepositories(database.db);
  const workspace = await repos.workspaces.findByExternal('local', externalId);
  if (!workspace) throw new Error('no local workspace');
  await repos.workspaces.updateSettings(workspace.id, { ...workspace.settings, holidays: [], holidayNames: {}, holidaysSet: true });
  monday = (await clock()).setZone('America/Chicago').startOf('week').plus({ weeks: 1 }).set({ hour: 9 });
});

afterAll(async () => {
  await proc?.stop();
  await obliterateQueues(queueNames);
  await database?.close();
});

describe('weeks of check-ins for a pair that never answers', () => {
  it('reminds each week, nudges the quiet pair once, then pauses after three unanswered and says how to resume', async () => {
    for (const week of [0, 1, 2]) {
      await advanceTo(monday.plus({ weeks: week, seconds: 30 }));
      await eventually(async () => ((await titled('ben-okafor', 'Your weekly check-in')).length === week + 1 ? true : undefined));
      await advanceTo(monday.plus({ weeks: week, days: 1, seconds: 30 }));
      await eventually(async () => ((await titled('ben-okafor', 'Your check-in is still open')).length === week + 1 ? true : undefined));
    }
    // The pair started two weeks before week 3's Monday and never said "We met": one nudge, to both at once.
    const nudges = await nudgesOf('priya-shah');
    expect(nudges).toHaveLength(1);
    expect(nudges[0]?.conversation).toBe('group');
    expect(nudges[0]?.with.sort()).toEqual(['ben-okafor', 'priya-shah']);
    expect(nudges[0]?.text).toMatch(/A question to start with: .+\?/);
    expect(await nudgesOf('ben-okafor')).toHaveLength(1);

    await advanceTo(monday.plus({ weeks: 3, seconds: 30 }));
    const [notice] = await eventually(async () => nonEmpty(await pauseNotices('ben-okafor')));
    expect(notice?.text).toMatch(/paused/);
    expect(buttons(notice).map((b) => b.label)).toContain('Resume check-ins');
    await settle();
    expect(await titled('ben-okafor', 'Your weekly check-in')).toHaveLength(3);
    expect(await pauseNotices('priya-shah')).toHaveLength(1);
  });

  it('sends no check-in while paused; `checkin` resumes and shows this week’s at once', async () => {
    await advanceTo(monday.plus({ weeks: 3, days: 1, seconds: 30 }));
    await settle();
    expect(await titled('ben-okafor', 'Your check-in is still open')).toHaveLength(3);

    const replies = await say('ben-okafor', 'checkin');
    expect(replies[0]?.text).toMatch(/back on/);
    const checkin = replies[1];
    expect(checkin?.text).toContain('Your weekly check-in');
    const met = buttons(checkin).find((b) => b.actionId === 'checkin.met');
    const note = buttons(checkin).find((b) => b.actionId === 'checkin.note');
    if (!met || !note) throw new Error('no buttons');
    await act('ben-okafor', met.actionId, met.value);
    const [formReply] = await act('ben-okafor', note.actionId, note.value);
    const form = formReply?.blocks.find((b) => b.type === 'form');
    if (form?.type !== 'form') throw new Error('no form');
    expect(allText(await act('ben-okafor', form.formId, form.value ?? '', { rating: '5', note: NOTE }))).toContain('Only you can see');

    // Ben is back; Priya stays paused until she asks.
    await advanceTo(monday.plus({ weeks: 4, seconds: 30 }));
    await eventually(async () => ((await titled('ben-okafor', 'Your weekly check-in')).length === 4 ? true : undefined));
    await settle();
    expect(await titled('priya-shah', 'Your weekly check-in')).toHaveLength(3);
  });

  it('reports participation without the note or rating, and no log line carries them', async () => {
    const replies = await say('dana-whitfield', 'report');
    const text = allText(replies);
    expect(text).toMatch(/Priya Shah & Ben Okafor \(mentoring\): \d+ check-ins \(weeks of [^)]+\) · answered by both: 0 · met: 1/);
    expect(text).toMatch(/paused after three unanswered: Priya Shah/);
    expect(JSON.stringify(replies)).not.toContain('Heliotrope');

    const logs = logLines.join('');
    expect(logLines.length).toBeGreaterThan(10);
    expect(logs).toContain('check-in note saved');
    expect(logs).not.toContain('Heliotrope');
    expect(logs).not.toContain('denial appeal');
    expect(logs).not.toMatch(/"rating":\s*5/);
  });
});

// ---- a small client of the local API ------------------------------------------------------------

async function call(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return res.json();
}

const say = async (as: string, text: string) => ((await call('/local/say', { as, text })) as { replies: Message[] }).replies;
const act = async (as: string, actionId: string, value: string, fields?: Record<string, string>) =>
  ((await call('/local/act', { as, actionId, value, ...(fields ? { fields } : {}) })) as { replies: Message[] }).replies;
const inbox = async (who: string) => ((await call(`/local/inbox/${who}`)) as { messages: InboxMessage[] }).messages;
const clock = async () => DateTime.fromISO(((await call('/local/clock')) as { now: string }).now, { zone: 'utc' });

async function advanceTo(target: DateTime): Promise<void> {
  const ms = target.toMillis() - (await clock()).toMillis();
  if (ms <= 0) throw new Error(`the clock is already past ${target.toISO()}`);
  await call('/local/clock', { advance: `PT${(ms / 1000).toFixed(3)}S` });
}

const settle = () => new Promise((r) => setTimeout(r, 700));
const titled = async (who: string, title: string) => (await inbox(who)).filter((m) => m.blocks[0]?.type === 'header' && m.blocks[0].text === title);
const nudgesOf = async (who: string) => (await inbox(who)).filter((m) => m.text.includes('since you last met'));
const pauseNotices = async (who: string) => (await inbox(who)).filter((m) => m.text.includes("I've paused them"));
const nonEmpty = <T>(items: T[]) => (items.length > 0 ? items : undefined);

function buttons(m: { blocks: Message['blocks'] } | undefined) {
  return (m?.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements.flatMap((e) => (e.type === 'button' ? [e] : [])) : []));
}
