// Time off through Slack (Bolt against the stand-in): the heads-up only to the member's manager, the confirmed
// cancel that replaces its message, the withdrawal DM, and an Undo press that replaces the answer it undoes.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, Workspace } from '../../src/core/model.ts';
import { eventually } from '../support/local-app.ts';
import { buttonPressBody, type SlackApp, slashAnswers, startSlackApp } from '../support/slack-app.ts';
import { startSlackStandIn } from '../support/slack-stand-in.ts';
import { type OwnDatabase, ownDatabase } from '../app/worker-support.ts';

const ADMIN = 'U0TOADMIN1';
const LEAD = 'U0TOLEAD01';
const STAFF = 'U0TOSTAFF1';

let app: SlackApp;
let database: OwnDatabase;
let workspace: Workspace;
const people = new Map<string, Member>();

beforeAll(async () => {
  database = await ownDatabase('slacktimeoff');
  const slack = await startSlackStandIn({
    users: [
      { id: ADMIN, real_name: 'Dana Whitfield', is_admin: true, tz: 'America/Chicago' },
      { id: LEAD, real_name: 'Marcus Lee', tz: 'America/Chicago' },
      { id: STAFF, real_name: 'Ana Garcia', tz: 'America/Chicago' },
    ],
  });
  app = await startSlackApp({ standIn: slack, env: { DATABASE_URL: database.url } });
  const found = await eventually(async () => (await database.repos.workspaces.findByExternal('slack', slack.team.id)) ?? undefined);
  workspace = await database.repos.workspaces.updateSettings(found.id, { ...found.settings, holidays: [], holidayNames: {}, holidaysSet: true });
  for (const id of [ADMIN, LEAD, STAFF]) {
    people.set(id, await eventually(async () => (await database.repos.members.findByExternal(workspace.id, id)) ?? undefined));
  }
  await database.repos.members.update(workspace.id, member(LEAD).id, { role: 'manager' });
  await database.repos.members.update(workspace.id, member(STAFF).id, { managerId: member(LEAD).id });
  const [task] = await database.repos.tasks.ensure(workspace.id, [{ key: 'fax-queue', name: 'Fax queue' }]);
  if (!task) throw new Error('no task');
  await database.repos.skills.upsert(workspace.id, { memberId: member(STAFF).id, taskId: task.id, level: 'trained', ownJob: true });
});

afterAll(async () => {
  await app?.stop();
  await app?.slack.close();
  await database?.drop();
});

function member(id: string): Member {
  const m = people.get(id);
  if (!m) throw new Error(`no ${id}`);
  return m;
}

interface Answer {
  text: string;
  replace_original?: boolean;
  blocks?: { type: string; elements?: { action_id: string; value?: string; text?: { text: string } }[] }[];
}

function buttonOf(answers: unknown[], label: string | RegExp): { action_id: string; value: string } {
  for (const answer of answers as Answer[]) {
    for (const el of (answer.blocks ?? []).flatMap((b) => b.elements ?? [])) {
      const text = el.text?.text ?? '';
      if (typeof label === 'string' ? text === label : label.test(text)) return { action_id: el.action_id, value: el.value ?? '' };
    }
  }
  throw new Error(`no button ${String(label)} in ${JSON.stringify(answers)}`);
}

async function press(user: string, button: { action_id: string; value: string }): Promise<Answer[]> {
  const responseId = `to-${Math.random().toString(36).slice(2)}`;
  expect((await app.post(buttonPressBody(app.slack, user, button.action_id, button.value, responseId), { contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
  return eventually(async () => {
    const bodies = app.slack.responsesTo(responseId) as Answer[];
    return bodies.length > 0 ? bodies : undefined;
  });
}

const timeOff = () => database.repos.timeOff.listForMember(workspace.id, member(STAFF).id, '2000-01-01');

describe('time off in Slack', () => {
  it("tells only the member's manager, confirms a cancel, replaces it with the outcome and withdraws the heads-up", async () => {
    const today = DateTime.utc().setZone('America/Chicago').startOf('day');
    const monday = today.startOf('week').plus({ weeks: 1 });
    const fmt = (d: DateTime) => d.toFormat(d.year === today.year ? 'ccc LLL d' : 'ccc LLL d, yyyy');
    const week = `${fmt(monday)} – ${fmt(monday.plus({ days: 4 }))}`;

    // Two answers: what was recorded, then the gap it leaves and who was told.
    const recorded = (await slashAnswers(app, STAFF, 'out next week', 2)) as Answer[];
    const said = recorded.map((a) => a.text).join('\n');
    expect(said).toContain(`You're out ${week}.`);
    expect(said).toContain("I've let Marcus Lee know.");
    const headsUp = await eventually(async () => app.slack.messagesTo(LEAD).find((m) => m.text.includes('Heads-up')));
    expect(headsUp.text).toContain(`will be out ${week}`);
    expect(app.slack.messagesTo(ADMIN).some((m) => m.text.includes('Heads-up'))).toBe(false);

    const asked = await slashAnswers(app, STAFF, 'out cancel');
    expect((asked as Answer[]).map((a) => a.text).join('\n')).toContain(`Cancel your time off ${week}?`);
    buttonOf(asked, 'Keep it');
    const settled = await press(STAFF, buttonOf(asked, `Cancel time off ${week}`));
    expect(settled[0]).toMatchObject({ replace_original: true });
    expect(settled[0]?.text).toBe(`Cancelled your time off ${week}. I've told Marcus Lee that no cover is needed.`);
    expect(await timeOff()).toEqual([]);
    const withdrawal = await eventually(async () => app.slack.messagesTo(LEAD).find((m) => m.text.includes('no cover needed')));
    expect(withdrawal.text).toBe(`Ana Garcia's time off ${week} was cancelled; no cover needed.`);
    expect(app.slack.messagesTo(ADMIN).some((m) => m.text.includes('no cover needed'))).toBe(false);
  });

  it('replaces the answer with what an Undo undid, and a second press changes nothing', async () => {
    const recorded = await slashAnswers(app, STAFF, 'out next friday');
    expect(await timeOff()).toHaveLength(1);
    const undo = buttonOf(recorded, 'Undo');
    const undone = await press(STAFF, undo);
    expect(undone[0]).toMatchObject({ replace_original: true });
    expect(undone[0]?.text).toMatch(/^Undone: your time off Fri [A-Z][a-z]{2} \d{1,2}(, \d{4})? is no longer recorded\./);
    expect(await timeOff()).toEqual([]);
    const again = await press(STAFF, undo);
    expect(again[0]?.replace_original).not.toBe(true);
    expect(again[0]?.text).toMatch(/nothing to undo/);
  });
});
