// Text people type is never markup: what staff type (topics, task names, pair focus), what a directory says
// (titles, names) and what managers store (holiday names) reaches Slack as text, never as a live link, a mention,
// a channel ping or formatting. Bolt runs for real against the Slack stand-in, on the real Postgres and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import type { Repositories } from '../../src/core/repositories.ts';
import { TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';
import { eventually } from '../support/local-app.ts';
import { buttonPressBody, type SlackApp, slashAnswers, slashCommandBody, startSlackApp } from '../support/slack-app.ts';
import type { SlackCall } from '../support/slack-stand-in.ts';
import { startSlackStandIn } from '../support/slack-stand-in.ts';

const ADMIN = 'U0UTADMIN';
const STAFF = 'U0UTSTAFF';
const MENTOR = 'U0UTMENTR';
const MENTEE = 'U0UTMENTE';
const BOSS = 'U0UTBOSS1';
const FORM = 'application/x-www-form-urlencoded';
const LINK = '<https://evil.example/sso|prior authorizations>';
const ZW = '\u200B';

let app: SlackApp;
let db: Awaited<ReturnType<typeof createDatabase>>;
let repos: Repositories;
let workspace: Workspace;

type SlackButton = { type: string; action_id: string; value?: string; text: { text: string } };
type SlackBlock = { type: string; elements?: SlackButton[]; accessory?: SlackButton };

beforeAll(async () => {
  const slack = await startSlackStandIn({
    users: [
      { id: ADMIN, real_name: 'Dana Whitfield', is_admin: true, tz: 'America/Chicago', profile: { title: 'Practice Manager' } },
      { id: STAFF, real_name: 'Ben Okafor', tz: 'America/Chicago', profile: { title: 'Medical Biller' } },
      { id: MENTOR, real_name: 'Luis Ortega', tz: 'America/Chicago', profile: { title: 'Referral Coordinator' } },
      { id: MENTEE, real_name: 'Grace Kim', tz: 'America/Chicago', profile: { title: 'Front Desk' } },
      { id: BOSS, real_name: 'Tom Becker', tz: 'America/Chicago', profile: { title: '*boss* <!here> <@U123> _big_ ~gone~' } },
    ],
  });
  app = await startSlackApp({ standIn: slack });
  db = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
  repos = createRepositories(db.db);
  workspace = await eventually(async () => (await repos.workspaces.findByExternal('slack', app.slack.team.id)) ?? undefined);
  await eventually(async () => ((await repos.members.findByExternal(workspace.id, BOSS)) ? true : undefined));
});

afterAll(async () => {
  await app?.stop();
  await app?.slack.close();
  await db?.close();
});

/**
 * Everything Slack would read as mrkdwn in a message, response or view: the notification text and every mrkdwn
 * object. Not plain_text (Slack shows it literally), button values or what an input is pre-filled with (data).
 */
function rendered(body: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') {
          if ((node as { type?: string }).type !== 'plain_text') texts.push(value);
        } else walk(value);
      }
    }
  };
  walk(body);
  // The span markers never leave Rounds, plain_text and values included.
  expect(JSON.stringify(body)).not.toMatch(/[\uE000\uE001]/);
  return texts.join('\n');
}

/** Nothing in it is a link, mention or ping Slack would act on, and the span markers never leave Rounds. */
function expectInert(text: string): void {
  expect(text).not.toMatch(/<https?:\/\/evil/);
  expect(text).not.toMatch(/<!here>|<!channel>|<@U123>/);
  expect(text).not.toMatch(/[\uE000\uE001]/);
}

function postTo(user: string, pattern: RegExp): Promise<SlackCall> {
  return eventually(async () =>
    app.slack.callsTo('chat.postMessage').find((c) => (c.args.channel === user || c.args.channel === app.slack.dmChannelOf(user)) && pattern.test(String(c.args.text))),
  );
}

const buttonsIn = (blocks: unknown): SlackButton[] =>
  ((blocks ?? []) as SlackBlock[]).flatMap((b) => [...(b.type === 'actions' ? (b.elements ?? []) : []), ...(b.accessory ? [b.accessory] : [])]);

async function press(user: string, button: SlackButton): Promise<unknown[]> {
  const responseId = `act-${Math.random().toString(36).slice(2)}`;
  const res = await app.post(buttonPressBody(app.slack, user, button.action_id, button.value ?? '', responseId), { contentType: FORM });
  expect(res.status).toBe(200);
  return eventually(async () => {
    const bodies = app.slack.responsesTo(responseId);
    return bodies.length > 0 ? bodies : undefined;
  });
}

async function member(externalId: string): Promise<Member> {
  const found = await repos.members.findByExternal(workspace.id, externalId);
  if (!found) throw new Error(`no member ${externalId}`);
  return found;
}

describe('user text in Slack', () => {
  it('a mentor request for a disguised link tells the admins the words, with no live link', async () => {
    const [answer] = await slashAnswers(app, STAFF, `mentor request ${LINK}`);
    expectInert(rendered(answer));
    expect(rendered(answer)).toContain('&lt;https://evil.example/sso|prior authorizations&gt;');

    const dm = await postTo(ADMIN, /would like a mentor/);
    const shown = rendered(dm.args);
    expectInert(shown);
    expect(shown).toContain('Ben Okafor would like a mentor for *&lt;https://evil.example/sso|prior authorizations&gt;*');

    // The manager's matching preview names the topic nobody teaches: still words, not a link.
    const [preview] = await slashAnswers(app, ADMIN, 'match preview');
    expectInert(rendered(preview));
    expect(rendered(preview)).toContain('&lt;https://evil.example/sso');
  });

  it('a directory title with styles, a channel ping and a mention shows as typed in the roster', async () => {
    const [roster] = await slashAnswers(app, ADMIN, 'roster');
    const shown = rendered(roster);
    expectInert(shown);
    expect(shown).toContain('&lt;!here&gt; &lt;@U123&gt;');
    // Each style character sits between zero-width spaces, so Slack cannot open or close a style with it.
    expect(shown).toContain(`${ZW}*${ZW}boss${ZW}*${ZW}`);
    expect(shown).toContain(`${ZW}_${ZW}big${ZW}_${ZW}`);
    expect(shown).toContain(`${ZW}~${ZW}gone${ZW}~${ZW}`);
    // The core's own bold around the name is kept.
    expect(shown).toContain('*Tom Becker*');
  });

  it('a pair focus with a link and styles reaches both introductions as text', async () => {
    const [first] = await slashAnswers(app, ADMIN, `pair <@${MENTOR}> <@${MENTEE}> *urgent* ${LINK}`);
    expectInert(rendered(first));
    const confirm = buttonsIn((first as { blocks?: unknown }).blocks).find((b) => /anyway/i.test(b.text.text));
    if (confirm) expectInert(rendered((await press(ADMIN, confirm))[0]));
    for (const to of [MENTOR, MENTEE]) {
      const intro = await postTo(to, /A mentoring introduction/);
      const shown = rendered(intro.args);
      expectInert(shown);
      expect(shown).toContain(`${ZW}*${ZW}urgent${ZW}*${ZW} &lt;https://evil.example/sso|prior authorizations&gt;`);
    }
  });

  it('a new task named with a link and a mention is offered and added as words', async () => {
    const [answer] = await slashAnswers(app, ADMIN, 'skills add <https://evil.example/t|Zebra wrangling> <!channel> trained');
    const shown = rendered(answer);
    expectInert(shown);
    expect(shown).toContain('&lt;https://evil.example/t|Zebra wrangling&gt; &lt;!channel&gt;');
    const add = buttonsIn((answer as { blocks?: unknown }).blocks).find((b) => /^Add “/.test(b.text.text));
    expect(add?.text.text).toMatch(/^Add “<https:\/\/evil\.example\/t\|Zebra/); // plain_text: Slack shows it literally
    const [created] = await press(ADMIN, add!);
    expectInert(rendered(created));
    expect(rendered(created)).toContain('Added “&lt;https://evil.example/t|Zebra wrangling&gt; &lt;!channel&gt;”');
  });

  it('a stored holiday name with a link and a ping is shown in settings as words', async () => {
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const name = '<!channel> *Party* <https://evil.example/h|lunch>';
    await repos.workspaces.updateSettings(workspace.id, { ...workspace.settings, holidays: [soon], holidayNames: { [soon]: name }, holidaysSet: true });
    // From a slash command the settings open as a modal: what they say now sits above the form.
    const before = app.slack.callsTo('views.open').length;
    const res = await app.post(slashCommandBody(app.slack, ADMIN, 'settings'), { contentType: FORM });
    expect(res.status).toBe(200);
    const view = (await eventually(async () => app.slack.callsTo('views.open')[before])).args.view as { blocks: unknown };
    const shown = rendered(view);
    expectInert(shown);
    expect(shown).toContain(`&lt;!channel&gt; ${ZW}*${ZW}Party${ZW}*${ZW} &lt;https://evil.example/h|lunch&gt;`);
  });

  it('control characters typed in a command are not echoed back', async () => {
    const [answer] = await slashAnswers(app, STAFF, 'skills add Bil\u0000ling\u001b[31m\u202E\u0007 trained');
    const shown = rendered(answer);
    // eslint-disable-next-line no-control-regex
    expect(shown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
    expect(shown).toContain('Billing[31m');
    expect((await member(STAFF)).displayName).toBe('Ben Okafor');
  });
});
