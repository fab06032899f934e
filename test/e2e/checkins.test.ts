// Weekly check-ins end to end in local mode: the schedule, answers, private notes, "Need help", reminders and the report.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Message } from '../../src/core/messages/model.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import type { Repositories } from '../../src/core/repositories.ts';
import { TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';
import { eventually, type InboxMessage, type LocalApp, startLocalApp, allText } from '../support/local-app.ts';
import { newPairValue } from '../support/builders.ts';

const ZONE = 'America/Chicago';
const NOTE = 'Zebra-quartz 7741: we practised the appeals letter together';

let app: LocalApp;
let database: DatabaseHandle;
let repos: Repositories;
let workspace: Workspace;
let people: Map<string, Member>;
/** Monday 09:00 in Chicago of the week after the app started: the pairs were active before it. */
let monday: DateTime;

beforeAll(async () => {
  app = await startLocalApp();
  database = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
  repos = createRepositories(database.db);
  workspace = await practiceOf(repos, app);
  people = new Map((await repos.members.list(workspace.id)).map((m) => [m.externalId, m]));
  // A second pair whose mentee's manager is someone else than the mentor: Luis (Denver) mentors Ana.
  await repos.pairs.create(
    newPairValue({ workspaceId: workspace.id, mentorId: id('luis-ortega'), menteeId: id('ana-garcia'), kind: 'cross_training' }),
    (await clockOf(app)).toISO() ?? '',
  );
  monday = nextWeekMonday(await clockOf(app));
});

afterAll(async () => {
  await app?.stop();
  await database?.close();
});

function id(externalId: string): string {
  const member = people.get(externalId);
  if (!member) throw new Error(`no ${externalId} in the demo practice`);
  return member.id;
}

describe('the weekly check-in', () => {
  it('arrives at 09:00 on Monday in each person’s own zone, once, with a row per pair', async () => {
    await advanceTo(app, monday.minus({ minutes: 1 }));
    await settle();
    expect(await checkinsOf(app, 'ben-okafor')).toHaveLength(0);

    await advanceTo(app, monday.plus({ seconds: 30 }));
    const ben = await eventually(async () => one(await checkinsOf(app, 'ben-okafor')));
    const ana = await eventually(async () => one(await checkinsOf(app, 'ana-garcia')));
    await eventually(async () => one(await checkinsOf(app, 'priya-shah')));
    expect(ben.text).toContain('Priya Shah');
    expect(ana.text).toContain('Luis Ortega');
    // The clock moved past 09:00 to 09:00:30: the check-in is stamped 09:00:00, when it fell due.
    expect(DateTime.fromISO(ben.at).toMillis()).toBe(monday.toMillis());
    // Luis works in Denver: 09:00 there is an hour later.
    expect(await checkinsOf(app, 'luis-ortega')).toHaveLength(0);

    await advanceTo(app, monday.plus({ hours: 1, seconds: 30 }));
    await eventually(async () => one(await checkinsOf(app, 'luis-ortega')));
    await settle();
    for (const who of ['ben-okafor', 'priya-shah', 'ana-garcia', 'luis-ortega']) expect(await checkinsOf(app, who)).toHaveLength(1);
    // Nobody outside a pair is asked.
    expect(await checkinsOf(app, 'keisha-jones')).toHaveLength(0);
  });

  it('records an answer once, however often it is pressed, and confirms it privately', async () => {
    const [checkin] = await checkinsOf(app, 'ben-okafor');
    const met = buttonOf(checkin, 'Priya Shah', 'checkin.met');
    const first = await app.act('ben-okafor', met.actionId, met.value);
    await app.act('ben-okafor', met.actionId, met.value);
    expect(allText(first)).toContain('you met with Priya Shah');
    expect(await answersOf('ben-okafor')).toMatchObject([{ outcome: 'met' }]);

    const notYet = buttonOf(checkin, 'Priya Shah', 'checkin.not_yet');
    await app.act('ben-okafor', notYet.actionId, notYet.value);
    expect(await answersOf('ben-okafor')).toMatchObject([{ outcome: 'not_yet' }]);
  });

  it('refuses a note with patient details, then keeps a clean one private to its author', async () => {
    const [checkin] = await checkinsOf(app, 'ben-okafor');
    const open = buttonOf(checkin, 'Priya Shah', 'checkin.note');
    const [formReply] = await app.act('ben-okafor', open.actionId, open.value);
    const form = formReply?.blocks.find((b) => b.type === 'form');
    if (form?.type !== 'form') throw new Error('the note button opened no form');

    const refused = await app.act('ben-okafor', form.formId, form.value, { rating: '4', note: 'Call back MRN 00123456 about her claim' });
    expect(allText(refused)).toMatch(/patient information/);
    expect((await answersOf('ben-okafor'))[0]).toMatchObject({ note: null, rating: null });

    const saved = await app.act('ben-okafor', form.formId, form.value, { rating: '4', note: NOTE });
    expect(allText(saved)).toContain('Only you can see your note');
    expect((await answersOf('ben-okafor'))[0]).toMatchObject({ outcome: 'not_yet', note: NOTE, rating: 4 });

    // Someone else pressing Ben's buttons changes nothing.
    const stolen = await app.act('keisha-jones', form.formId, form.value, { rating: '1', note: 'mine now' });
    expect(allText(stolen)).toMatch(/isn't yours/);
    expect((await answersOf('ben-okafor'))[0]).toMatchObject({ note: NOTE, rating: 4 });
  });

  it('tells the manager about "Need help" only when the member chooses to, and nothing more', async () => {
    const [checkin] = await checkinsOf(app, 'ana-garcia');
    const help = buttonOf(checkin, 'Luis Ortega', 'checkin.need_help');
    const asked = await app.act('ana-garcia', help.actionId, help.value);
    const tell = asked.flatMap((m) => buttons(m)).find((b) => b.actionId === 'checkin.tell');
    expect(tell?.label).toBe('Tell my manager');
    await settle();
    expect(helpMessages(await app.inbox('marcus-lee'))).toHaveLength(0);

    const noteForm = buttonOf(checkin, 'Luis Ortega', 'checkin.note');
    const [formReply] = await app.act('ana-garcia', noteForm.actionId, noteForm.value);
    const form = formReply?.blocks.find((b) => b.type === 'form');
    if (form?.type !== 'form' || !tell) throw new Error('no form or no tell button');
    await app.act('ana-garcia', form.formId, form.value, { rating: '2', note: NOTE });

    const told = await app.act('ana-garcia', tell.actionId, tell.value);
    expect(allText(told)).toContain('Marcus Lee');
    const [dm] = await eventually(async () => nonEmpty(helpMessages(await app.inbox('marcus-lee'))));
    expect(dm?.text).toContain('Ana García asked for help with their mentoring pair with Luis Ortega');
    expect(dm?.text).not.toContain(NOTE);
    // Only her own manager, and only once.
    expect(allText(await app.act('ana-garcia', tell.actionId, tell.value))).toMatch(/already/);
    await settle();
    expect(helpMessages(await app.inbox('marcus-lee'))).toHaveLength(1);
    expect(helpMessages(await app.inbox('dana-whitfield'))).toHaveLength(0);
  });

  it('reminds once, on the next work day, whoever has not answered', async () => {
    await advanceTo(app, monday.plus({ days: 1, seconds: 30 }));
    await eventually(async () => one(await remindersOf(app, 'priya-shah')));
    // Luis is reminded at his own 09:00, in Denver.
    expect(await remindersOf(app, 'luis-ortega')).toHaveLength(0);
    await advanceTo(app, monday.plus({ days: 1, hours: 1, seconds: 30 }));
    await eventually(async () => one(await remindersOf(app, 'luis-ortega')));
    await advanceTo(app, monday.plus({ days: 2, hours: 1, seconds: 30 }));
    await settle();
    expect(await remindersOf(app, 'priya-shah')).toHaveLength(1);
    expect(await remindersOf(app, 'luis-ortega')).toHaveLength(1);
    // Ben and Ana answered.
    expect(await remindersOf(app, 'ben-okafor')).toHaveLength(0);
    expect(await remindersOf(app, 'ana-garcia')).toHaveLength(0);
  });

  it('answers `checkin` at once with this week’s check-in and what was answered, or says there is nothing', async () => {
    const [mine] = await app.say('ben-okafor', 'checkin');
    expect(mine?.text).toContain('Your weekly check-in');
    expect(mine?.text).toContain('Your answer: not yet');
    expect(allText(await app.say('keisha-jones', 'checkin'))).toMatch(/nothing to check in on/);
  });
});

describe('the report', () => {
  it('shows managers participation per pair and per person, never a note or a rating', async () => {
    const replies = await app.say('dana-whitfield', 'report');
    const text = allText(replies);
    // Both people were asked in one week: one check-in, answered by one of them only.
    const week = monday.setZone(ZONE).toFormat('LLL d', { locale: 'en-US' });
    expect(text).toContain(`Priya Shah & Ben Okafor (mentoring): 1 check-in (week of ${week}) · answered by both: 0 · met: 0`);
    expect(text).toContain(`Luis Ortega & Ana García (cross-training): 1 check-in (week of ${week}) · answered by both: 0 · met: 0`);
    expect(text).toContain('A check-in is one week in which a pair was asked about, counted once for the two of them');
    expect(text).toMatch(/Ben Okafor: 1 of 1/);
    expect(text).toMatch(/Priya Shah: 0 of 1/);
    const everything = JSON.stringify(replies);
    expect(everything).not.toContain('Zebra-quartz');
    expect(everything).not.toMatch(/very well|not well|Rating/);
  });

  it('is for managers only', async () => {
    expect(allText(await app.say('ben-okafor', 'report'))).toMatch(/is for managers/);
  });

  it('says plainly when a pair has had no check-in yet and when its first one comes, and does not call it quiet', async () => {
    await repos.pairs.create(
      newPairValue({ workspaceId: workspace.id, mentorId: id('keisha-jones'), menteeId: id('tyler-brooks'), kind: 'buddy' }),
      (await clockOf(app)).toISO() ?? '',
    );
    const text = allText(await app.say('dana-whitfield', 'report'));
    // Started after this week's Monday check-in: first asked about the Monday after.
    const first = monday.plus({ weeks: 1 }).setZone(ZONE).toFormat('ccc LLL d', { locale: 'en-US' });
    expect(text).toContain(`Keisha Jones & Tyler Brooks (onboarding buddy): no check-in yet — first on ${first}`);
    expect(text).not.toMatch(/0 check-ins/);
    expect(text).toContain('Quiet pairs (no "We met" within their cadence)\nNone: every pair met, or started, within its cadence.');
  });
});

describe('an answered check-in', () => {
  it('replaces the answered check-in in the inbox with the answer and no buttons; the old button again changes nothing', async () => {
    const [checkin] = await checkinsOf(app, 'luis-ortega');
    if (!checkin) throw new Error('no check-in for Luis');
    const met = buttonOf(checkin, 'Ana García', 'checkin.met');
    const act = (as: string, button: { actionId: string; value: string }, message: string) =>
      app.post('/local/act', { as, actionId: button.actionId, value: button.value, message });

    // Someone else's message id is never touched, whatever they press.
    const [bens] = await checkinsOf(app, 'ben-okafor');
    expect((await act('ben-okafor', buttonOf(bens, 'Priya Shah', 'checkin.met'), checkin.id)).status).toBe(200);
    expect((await checkinsOf(app, 'luis-ortega'))[0]?.blocks).toEqual(checkin.blocks);

    const { status, json } = await act('luis-ortega', met, checkin.id);
    expect(status).toBe(200);
    const replies = (json as { replies: (Message & { replace?: boolean })[] }).replies;
    expect(replies[0]?.intent).toBe('replace');
    expect(allText(replies.slice(1))).toContain('you met with Ana García');

    const settled = (await app.inbox('luis-ortega')).find((m) => m.id === checkin.id);
    expect(settled?.text).toContain('Your answer: we met');
    expect(buttons(settled ?? { blocks: [] })).toEqual([]);

    // The button of the old rendering, pressed again: the same single answer, nothing new in the inbox.
    const before = (await app.inbox('luis-ortega')).length;
    await act('luis-ortega', met, checkin.id);
    expect(await answersOf('luis-ortega')).toMatchObject([{ outcome: 'met' }]);
    await settle();
    expect(await app.inbox('luis-ortega')).toHaveLength(before);
  });
});

// ---- helpers ------------------------------------------------------------------------------------

async function practiceOf(r: Repositories, a: LocalApp): Promise<Workspace> {
  const found = await r.workspaces.findByExternal('local', a.workspaceExternalId);
  if (!found) throw new Error('no local workspace');
  // No holidays: the expected instants are plain Mondays whatever the date the suite runs on.
  return r.workspaces.updateSettings(found.id, { ...found.settings, holidays: [], holidayNames: {}, holidaysSet: true });
}


async function clockOf(a: LocalApp): Promise<DateTime> {
  const res = await fetch(`${a.base}/local/clock`);
  return DateTime.fromISO(((await res.json()) as { now: string }).now, { zone: 'utc' });
}

/** Moves the local clock forward to `target` (and runs the tick there). */
async function advanceTo(a: LocalApp, target: DateTime): Promise<void> {
  const ms = target.toMillis() - (await clockOf(a)).toMillis();
  if (ms <= 0) throw new Error(`the clock is already past ${target.toISO()}`);
  await a.advance(`PT${(ms / 1000).toFixed(3)}S`);
}

function nextWeekMonday(now: DateTime, zone = ZONE): DateTime {
  return now.setZone(zone).startOf('week').plus({ weeks: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
}

/** Long enough for a delivery that was going to happen to have happened. */
const settle = () => new Promise((r) => setTimeout(r, 700));


function headed(messages: InboxMessage[], title: string): InboxMessage[] {
  return messages.filter((m) => m.blocks[0]?.type === 'header' && m.blocks[0].text === title);
}

const checkinsOf = async (a: LocalApp, who: string) => headed(await a.inbox(who), 'Your weekly check-in');
const remindersOf = async (a: LocalApp, who: string) => headed(await a.inbox(who), 'Your check-in is still open');
const helpMessages = (messages: InboxMessage[]) => messages.filter((m) => m.text.includes('asked for help'));

function one<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

function buttons(m: { blocks: Message['blocks'] }) {
  return m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.filter((e) => e.type === 'button') : []));
}

/** The button `actionId` in the row about `partner`. */
function buttonOf(m: InboxMessage | undefined, partner: string, actionId: string): { actionId: string; value: string } {
  const blocks = m?.blocks ?? [];
  const row = blocks.findIndex((b) => b.type === 'section' && b.text.includes(partner));
  const next = blocks[row + 1];
  const found = next?.type === 'actions' ? next.elements.find((e) => e.actionId === actionId) : undefined;
  if (row < 0 || !found) throw new Error(`no ${actionId} button for ${partner}`);
  return { actionId: found.actionId, value: found.type === 'button' ? found.value : '' };
}

async function answersOf(who: string) {
  const week = monday.toUTC();
  const zone = people.get(who)?.timeZone ?? ZONE;
  const checkin = await repos.checkins.findForWeek(workspace.id, id(who), `${week.setZone(zone).weekYear}-W${String(week.setZone(zone).weekNumber).padStart(2, '0')}`);
  return checkin ? repos.checkins.listAnswers(workspace.id, checkin.id) : [];
}
