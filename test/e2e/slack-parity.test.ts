// Slack answers exactly as local mode does: the same words typed by the same kind of person get the same replies,
// and every reply renders as Block Kit that Slack accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/slack/render.ts';
import { createDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Message } from '../../src/core/messages/model.ts';
import { assertValidMessage } from '../support/block-kit.ts';
import { TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';
import { eventually, type LocalApp, startLocalApp } from '../support/local-app.ts';
import { type SlackApp, slashCommandBody, startSlackApp } from '../support/slack-app.ts';
import { startSlackStandIn } from '../support/slack-stand-in.ts';

let local: LocalApp;
let slack: SlackApp;
const PEOPLE = {
  staff: { local: 'olivia-reyes', slack: 'U0OLIVIA1', name: 'Olivia Reyes' },
  admin: { local: 'dana-whitfield', slack: 'U0DANA001', name: 'Dana Whitfield' },
};

beforeAll(async () => {
  local = await startLocalApp();
  const standIn = await startSlackStandIn({
    users: [
      { id: PEOPLE.admin.slack, real_name: PEOPLE.admin.name, is_admin: true, tz: 'America/Chicago' },
      { id: PEOPLE.staff.slack, real_name: PEOPLE.staff.name, tz: 'America/Chicago' },
    ],
  });
  slack = await startSlackApp({ standIn });
  // The same newcomer in the local practice: joined today, no skills, no manager.
  const database = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
  try {
    const ws = await createRepositories(database.db).workspaces.findByExternal('local', local.workspaceExternalId);
    if (!ws || !local.proc.bot) throw new Error('no local workspace');
    await local.proc.bot.handle({
      type: 'member_joined',
      workspaceId: ws.id,
      user: { externalId: PEOPLE.staff.local, displayName: PEOPLE.staff.name, timeZone: 'America/Chicago' },
    });
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  await local?.stop();
  await slack?.stop();
  await slack?.slack.close();
});

/** What Slack's `text` fallback escapes, undone, so both sides compare as a person reads them. */
const unescape = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

async function viaSlack(who: keyof typeof PEOPLE, text: string): Promise<{ texts: string[]; modals: unknown[] }> {
  const before = slack.slack.callsTo('views.open').length;
  const body = slashCommandBody(slack.slack, PEOPLE[who].slack, text);
  const responseId = new URLSearchParams(body).get('response_url')?.split('/').pop() ?? '';
  const res = await slack.post(body, { contentType: 'application/x-www-form-urlencoded' });
  expect(res.status).toBe(200);
  // Answers arrive after the ack; wait until they stop coming.
  let seen = -1;
  await eventually(async () => {
    const now = slack.slack.responsesTo(responseId).length + slack.slack.callsTo('views.open').length;
    if (now > 0 && now === seen) return true;
    seen = now;
    await new Promise((r) => setTimeout(r, 250));
    return undefined;
  });
  return {
    texts: slack.slack.responsesTo(responseId).map((b) => unescape((b as { text: string }).text)),
    modals: slack.slack.callsTo('views.open').slice(before).map((c) => c.args.view),
  };
}

const CORPUS: [keyof typeof PEOPLE, string][] = [
  ['staff', 'help'],
  ['admin', 'help'],
  ['staff', 'hlep'],
  ['staff', 'covr friday'],
  ['staff', 'asdf qwerty zxcv'],
  ['staff', 'skills'],
  ['staff', 'skills add coding expert'],
  ['staff', 'skills add prior auths, scheduling'],
  ['staff', 'skills add billing'],
  ['staff', 'skills'],
  ['staff', 'skills remove scheduling'],
  ['staff', 'out dec 24 - dec 20'],
  ['staff', 'out jan 1 - jun 30'],
  ['staff', 'out last monday'],
  ['staff', 'out list'],
  ['staff', 'out cancel'],
  ['staff', 'snooze'],
  ['staff', 'optout'],
  ['staff', 'optin'],
  ['staff', 'snooze off'],
  ['staff', 'roster'],
  ['staff', 'match preview'],
  ['staff', 'skills @dana add coding'],
  ['staff', 'pair @dana @olivia'],
];

describe('the same words, the same answers', () => {
  it.each(CORPUS)('%s: %s', async (who, text) => {
    const fromLocal: Message[] = await local.say(PEOPLE[who].local, text);
    for (const reply of fromLocal) assertValidMessage(renderMessage(reply));
    const fromSlack = await viaSlack(who, text);
    const normalise = (s: string) => s.replaceAll(/<@[^>]+>/g, '@someone');
    expect(fromSlack.texts.map(normalise)).toEqual(fromLocal.map((r) => normalise(r.text)));
  });

  it('opens the settings form as a modal in Slack where local mode shows it inline', async () => {
    const fromLocal = await local.say(PEOPLE.admin.local, 'settings');
    const form = fromLocal.flatMap((r) => r.blocks).find((b) => b.type === 'form');
    expect(form).toBeDefined();
    const fromSlack = await viaSlack('admin', 'settings');
    expect(fromSlack.modals).toHaveLength(1);
    expect(fromSlack.modals[0]).toMatchObject({ type: 'modal', callback_id: 'settings.save' });
  });
});
