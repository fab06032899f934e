// Slack end to end: signed requests to /slack/events with Bolt running for real, against the Slack stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Repositories } from '../../src/core/repositories.ts';
import { TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';
import { eventually } from '../support/local-app.ts';
import { eventEnvelope, interactionBody, type SlackApp, sign, slashCommandBody, startSlackApp, type ModalInputBlock, modalState, slashAnswers } from '../support/slack-app.ts';
import { startSlackStandIn } from '../support/slack-stand-in.ts';

let app: SlackApp;
let db: Awaited<ReturnType<typeof createDatabase>>;
let repos: Repositories;
const ADMIN = 'U0ADMIN1';
const STAFF = 'U0STAFF1';

beforeAll(async () => {
  const slack = await startSlackStandIn({
    users: [
      { id: ADMIN, real_name: 'Dana Whitfield', is_admin: true, tz: 'America/Chicago', profile: { title: 'Practice Manager', email: 'dana@example.org' } },
      { id: STAFF, real_name: 'Ana García', tz: 'America/New_York', profile: { title: 'Patient Services Representative', email: 'ana@example.org' } },
      { id: 'U0GONE01', real_name: 'Former Person', deleted: true },
    ],
  });
  app = await startSlackApp({ standIn: slack });
  db = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
  repos = createRepositories(db.db);
});

afterAll(async () => {
  await app?.stop();
  await app?.slack.close();
  await db?.close();
});

async function workspace() {
  const ws = await eventually(async () => (await repos.workspaces.findByExternal('slack', app.slack.team.id)) ?? undefined);
  return ws;
}

function responseText(body: unknown): string {
  return (body as { text?: string }).text ?? '';
}

describe('installation and directory', () => {
  it('creates the workspace and brings in the directory, skipping bots and deleted users', async () => {
    const ws = await workspace();
    const members = await eventually(async () => {
      const list = await repos.members.list(ws.id);
      return list.length >= 2 ? list : undefined;
    });
    const byId = new Map(members.map((m) => [m.externalId, m]));
    expect(byId.get(ADMIN)?.role).toBe('admin');
    expect(byId.get(ADMIN)?.title).toBe('Practice Manager');
    expect(byId.get(STAFF)?.role).toBe('staff');
    expect(byId.get(STAFF)?.timeZone).toBe('America/New_York');
    expect(byId.has('U0GONE01')).toBe(false);
    expect(byId.has(app.slack.botUserId)).toBe(false);
  });
});

describe('the /rounds command', () => {
  it('acks at once and answers help privately through the response url', async () => {
    const [reply] = await slashAnswers(app, STAFF, 'help');
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(responseText(reply)).toMatch(/What I can do/);
    expect(responseText(reply)).not.toMatch(/For managers/);
    expect((reply as { blocks: unknown[] }).blocks.length).toBeGreaterThan(2);
  });

  it('shows a Slack admin the manager commands', async () => {
    const [reply] = await slashAnswers(app, ADMIN, 'help');
    expect(responseText(reply)).toMatch(/For managers/);
  });

  it('answers a near miss with did-you-mean, as in local mode', async () => {
    const [reply] = await slashAnswers(app, STAFF, 'covr friday');
    expect(responseText(reply)).toMatch(/Did you mean cover\?/);
  });
});

describe('security', () => {
  it('refuses unsigned, tampered and stale requests with 401 and changes nothing', async () => {
    const body = slashCommandBody(app.slack, STAFF, 'help');
    const responseId = new URLSearchParams(body).get('response_url')?.split('/').pop() ?? '';
    const now = Math.floor(Date.now() / 1000);
    const form = { contentType: 'application/x-www-form-urlencoded' };
    const unsigned = await fetch(`${app.base}/slack/events`, { method: 'POST', headers: { 'content-type': form.contentType }, body });
    expect(unsigned.status).toBe(401);
    const tampered = await app.post(body.replace('help', 'match'), { ...form, signature: sign(body, now) });
    expect(tampered.status).toBe(401);
    const stale = now - 6 * 60;
    const old = await app.post(body, { ...form, timestamp: stale, signature: sign(body, stale) });
    expect(old.status).toBe(401);
    const wrongSecret = await app.post(body, { ...form, signature: sign(body, now, 'not-the-secret') });
    expect(wrongSecret.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.slack.responsesTo(responseId)).toEqual([]);
  });

  it('answers a malformed signed body with 400', async () => {
    const res = await app.post('{"type": "event_callback", ', { contentType: 'application/json' });
    expect(res.status).toBe(400);
  });

  it('answers the url_verification challenge', async () => {
    const res = await app.post(JSON.stringify({ token: 'x', challenge: 'c4a1-challenge', type: 'url_verification' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('c4a1-challenge');
  });
});

describe('direct messages', () => {
  it('answers a DM with the same grammar, and ignores bot messages', async () => {
    const channel = app.slack.dmChannelOf(STAFF);
    const before = app.slack.callsTo('chat.postMessage').length;
    const dm = (text: string, extra: Record<string, unknown> = {}) =>
      eventEnvelope(app.slack, { type: 'message', channel_type: 'im', channel, user: STAFF, text, ts: `${Date.now() / 1000}`, ...extra });
    expect((await app.post(dm('who can cover me friday?'))).status).toBe(200);
    await app.post(dm('I am a bot', { bot_id: 'B999', subtype: 'bot_message' }));
    const posts = await eventually(async () => {
      const calls = app.slack.callsTo('chat.postMessage').slice(before);
      return calls.length >= 1 ? calls : undefined;
    });
    await new Promise((r) => setTimeout(r, 300));
    const after = app.slack.callsTo('chat.postMessage').slice(before);
    expect(after).toHaveLength(1);
    expect(String(posts[0]?.args.text)).toMatch(/^cover isn't available yet/);
    expect(posts[0]?.args.channel).toBe(channel);
  });

  it('processes a retried event once', async () => {
    const channel = app.slack.dmChannelOf(STAFF);
    const before = app.slack.callsTo('chat.postMessage').length;
    const body = eventEnvelope(app.slack, { type: 'message', channel_type: 'im', channel, user: STAFF, text: 'help', ts: '1700000000.000100' }, `EvRETRY${Date.now()}`);
    expect((await app.post(body)).status).toBe(200);
    expect((await app.post(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await eventually(async () => (app.slack.callsTo('chat.postMessage').length > before ? true : undefined));
    await new Promise((r) => setTimeout(r, 400));
    expect(app.slack.callsTo('chat.postMessage').length - before).toBe(1);
  });
});

describe('buttons', () => {
  it('turns a button press into a core action and answers through the response url', async () => {
    const responseId = `act-${Date.now()}`;
    const payload = {
      type: 'block_actions',
      team: { id: app.slack.team.id, domain: app.slack.team.domain },
      user: { id: STAFF, team_id: app.slack.team.id },
      api_app_id: app.slack.appId,
      trigger_id: app.slack.issueTriggerId({ userId: STAFF }),
      channel: { id: app.slack.dmChannelOf(STAFF) },
      response_url: app.slack.responseUrl(responseId),
      actions: [{ type: 'button', action_id: 'help.show', block_id: 'b1', value: '', action_ts: `${Date.now() / 1000}` }],
    };
    const res = await app.post(interactionBody(payload), { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    const [reply] = await eventually(async () => {
      const bodies = app.slack.responsesTo(responseId);
      return bodies.length > 0 ? bodies : undefined;
    });
    expect(responseText(reply)).toMatch(/What I can do/);
  });
});

describe('App Home', () => {
  it('publishes a home built by the core, with program health for an admin', async () => {
    const body = eventEnvelope(app.slack, { type: 'app_home_opened', user: ADMIN, channel: app.slack.dmChannelOf(ADMIN), tab: 'home' });
    expect((await app.post(body)).status).toBe(200);
    const view = await eventually(async () => app.slack.homeViewOf(ADMIN));
    const text = JSON.stringify(view);
    expect(text).toMatch(/My skills/);
    expect(text).toMatch(/Program health/);
  });
});

describe('team_join', () => {
  it('adds the new person and welcomes them once, tagged with the delivery key', async () => {
    const user = { id: 'U0NEWHIRE', team_id: app.slack.team.id, name: 'olivia', real_name: 'Olivia Reyes', tz: 'America/Chicago', deleted: false, is_bot: false, profile: { real_name: 'Olivia Reyes', title: 'Medical Assistant' } };
    app.slack.addUser({ id: 'U0NEWHIRE', real_name: 'Olivia Reyes', tz: 'America/Chicago' });
    const body = eventEnvelope(app.slack, { type: 'team_join', user });
    expect((await app.post(body)).status).toBe(200);
    const [welcome] = await eventually(async () => {
      const posts = app.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0NEWHIRE');
      return posts.length > 0 ? posts : undefined;
    });
    expect(String(welcome?.args.text)).toMatch(/Welcome to the team, Olivia!/);
    expect(welcome?.args.metadata).toMatchObject({ event_type: 'rounds_delivery', event_payload: { key: expect.stringMatching(/^welcome:/) } });
    const ws = await workspace();
    expect((await repos.members.findByExternal(ws.id, 'U0NEWHIRE'))?.displayName).toBe('Olivia Reyes');
  });
});

describe('profile edits in Slack (user_change)', () => {
  const EDITED = 'U0EDITED1';
  const profile = (title: string, tz = 'America/Chicago') => ({
    id: EDITED,
    team_id: app.slack.team.id,
    name: 'rosa',
    real_name: 'Rosa Díaz',
    tz,
    deleted: false,
    is_bot: false,
    profile: { real_name: 'Rosa Díaz', title },
  });
  const changed = (user: ReturnType<typeof profile>) => app.post(eventEnvelope(app.slack, { type: 'user_change', user }));

  it("never undoes a manager's title or deactivation; takes what the directory itself changed", async () => {
    const ws = await workspace();
    app.slack.addUser({ id: EDITED, real_name: 'Rosa Díaz', tz: 'America/Chicago' });
    expect((await changed(profile('Medical Assistant'))).status).toBe(200);
    const rosa = await eventually(async () => (await repos.members.findByExternal(ws.id, EDITED)) ?? undefined);
    expect(rosa).toMatchObject({ title: 'Medical Assistant', active: true });

    // A manager gives her the title the practice uses, then takes her off Rounds (she moved to billing).
    await repos.members.update(ws.id, rosa.id, { title: 'Lead Medical Assistant', active: false });

    // She edits her Slack profile: a new zone, the same Slack title.
    expect((await changed(profile('Medical Assistant', 'America/Denver'))).status).toBe(200);
    const afterEdit = await eventually(async () => {
      const m = await repos.members.findByExternal(ws.id, EDITED);
      return m?.timeZone === 'America/Denver' ? m : undefined;
    });
    expect(afterEdit).toMatchObject({ title: 'Lead Medical Assistant', active: false });

    // Her Slack title itself changes: that is the directory's news, and it is taken; she stays inactive.
    expect((await changed(profile('Billing Specialist', 'America/Denver'))).status).toBe(200);
    const afterTitle = await eventually(async () => {
      const m = await repos.members.findByExternal(ws.id, EDITED);
      return m?.title === 'Billing Specialist' ? m : undefined;
    });
    expect(afterTitle.active).toBe(false);
  });

  it('deactivates someone whose account was deleted, and makes them active again when they come back', async () => {
    const ws = await workspace();
    const gone = { ...profile('Billing Specialist', 'America/Denver'), deleted: true };
    const rosa = await repos.members.findByExternal(ws.id, EDITED);
    if (!rosa) throw new Error('no Rosa');
    await repos.members.update(ws.id, rosa.id, { active: true });
    expect((await changed(gone)).status).toBe(200);
    await eventually(async () => ((await repos.members.findByExternal(ws.id, EDITED))?.active === false ? true : undefined));
    expect((await changed(profile('Billing Specialist', 'America/Denver'))).status).toBe(200);
    await eventually(async () => ((await repos.members.findByExternal(ws.id, EDITED))?.active === true ? true : undefined));
  });
});

describe('patient information from the Slack directory', () => {
  const PHI_TITLE = 'MA - MRN 00123456 Mrs. Lopez DOB 3/4/1950';

  it('does not keep a title that looks like patient information from team_join, and still welcomes the person', async () => {
    const user = { id: 'U0NEWPHI1', team_id: app.slack.team.id, name: 'maya', real_name: 'Maya Ortiz', tz: 'America/Chicago', deleted: false, is_bot: false, profile: { real_name: 'Maya Ortiz', title: PHI_TITLE } };
    app.slack.addUser({ id: 'U0NEWPHI1', real_name: 'Maya Ortiz', tz: 'America/Chicago' });
    expect((await app.post(eventEnvelope(app.slack, { type: 'team_join', user }))).status).toBe(200);
    await eventually(async () => {
      const posts = app.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0NEWPHI1');
      return posts.length > 0 ? posts : undefined;
    });
    const ws = await workspace();
    expect(await repos.members.findByExternal(ws.id, 'U0NEWPHI1')).toMatchObject({ displayName: 'Maya Ortiz', title: '' });
  });

  it('does not take a title that looks like patient information from user_change, and keeps the one before', async () => {
    const ws = await workspace();
    const user = { id: STAFF, team_id: app.slack.team.id, name: 'ana', real_name: 'Ana García', tz: 'America/New_York', deleted: false, is_bot: false, profile: { real_name: 'Ana García', title: PHI_TITLE } };
    const before = app.slack.callsTo('chat.postMessage').length;
    expect((await app.post(eventEnvelope(app.slack, { type: 'user_change', user }))).status).toBe(200);
    const renamed = { ...user, real_name: 'Ana García López', profile: { real_name: 'Ana García López', title: PHI_TITLE } };
    expect((await app.post(eventEnvelope(app.slack, { type: 'user_change', user: renamed }))).status).toBe(200);
    const member = await eventually(async () => {
      const m = await repos.members.findByExternal(ws.id, STAFF);
      return m?.displayName === 'Ana García López' ? m : undefined;
    });
    expect(member.title).toBe('Patient Services Representative');
    expect(app.slack.callsTo('chat.postMessage').length).toBe(before);
  });
});

describe('forms as modals', () => {


  async function openSettings() {
    const before = app.slack.callsTo('views.open').length;
    const body = slashCommandBody(app.slack, ADMIN, 'settings');
    expect((await app.post(body, { contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
    const call = await eventually(async () => app.slack.callsTo('views.open')[before]);
    expect(call.status).toBe(200);
    return call.args.view as { callback_id: string; private_metadata: string; blocks: ModalInputBlock[] };
  }

  function submit(view: { callback_id: string; private_metadata: string; blocks: ModalInputBlock[] }, overrides: Record<string, string>) {
    const payload = {
      type: 'view_submission',
      team: { id: app.slack.team.id, domain: app.slack.team.domain },
      user: { id: ADMIN, team_id: app.slack.team.id },
      api_app_id: app.slack.appId,
      trigger_id: app.slack.issueTriggerId({ userId: ADMIN }),
      view: {
        id: 'V0SETTINGS',
        team_id: app.slack.team.id,
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: modalState(view, overrides) },
      },
    };
    return app.post(interactionBody(payload), { contentType: 'application/x-www-form-urlencoded' });
  }

  it('opens settings as a modal straight from the slash command', async () => {
    const view = await openSettings();
    expect(view.callback_id).toBe('settings.save');
    expect(view.blocks.some((b) => b.type === 'input' && b.block_id === 'checkinTime')).toBe(true);
  });

  it('keeps the modal open with the explanation when a field is wrong, and saves nothing', async () => {
    const view = await openSettings();
    const res = await submit(view, { checkinTime: '25:00' });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { response_action: string; view: { blocks: unknown[] } };
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view.blocks)).toMatch(/check-in time/i);
    const ws = await workspace();
    expect((await repos.workspaces.get(ws.id))?.settings.checkinTime).toBe('09:00');
  });

  it('closes the modal on a good submission, saves, and confirms in a DM', async () => {
    const view = await openSettings();
    const before = app.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ADMIN).length;
    const res = await submit(view, { checkinTime: '10:30' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const ws = await workspace();
    await eventually(async () => ((await repos.workspaces.get(ws.id))?.settings.checkinTime === '10:30' ? true : undefined));
    const confirmations = await eventually(async () => {
      const posts = app.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ADMIN).slice(before);
      return posts.length > 0 ? posts : undefined;
    });
    expect(String(confirmations[0]?.args.text)).toMatch(/10:30/);
  });
});

describe('a form asked for in a DM', () => {
  it('offers a button that opens it as a modal', async () => {
    const channel = app.slack.dmChannelOf(ADMIN);
    const postsBefore = app.slack.callsTo('chat.postMessage').length;
    await app.post(eventEnvelope(app.slack, { type: 'message', channel_type: 'im', channel, user: ADMIN, text: 'settings', ts: `${Date.now() / 1000}` }));
    const post = await eventually(async () => app.slack.callsTo('chat.postMessage').slice(postsBefore).find((c) => c.args.channel === channel));
    const blocks = post.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const open = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'rounds.open_form');
    expect(open?.value).toBe('settings');

    const opensBefore = app.slack.callsTo('views.open').length;
    const payload = {
      type: 'block_actions',
      team: { id: app.slack.team.id, domain: app.slack.team.domain },
      user: { id: ADMIN, team_id: app.slack.team.id },
      api_app_id: app.slack.appId,
      trigger_id: app.slack.issueTriggerId({ userId: ADMIN }),
      channel: { id: channel },
      response_url: app.slack.responseUrl(`open-${Date.now()}`),
      actions: [{ type: 'button', action_id: 'rounds.open_form', block_id: 'b1', value: 'settings', action_ts: `${Date.now() / 1000}` }],
    };
    await app.post(interactionBody(payload), { contentType: 'application/x-www-form-urlencoded' });
    const opened = await eventually(async () => app.slack.callsTo('views.open')[opensBefore]);
    expect(opened.status).toBe(200);
    expect(opened.args.view).toMatchObject({ callback_id: 'settings.save' });
  });
});

describe('a form sent on its own (through the outbox)', () => {
  it('arrives as a button that opens the form as a modal', async () => {
    const ws = await workspace();
    const admin = await repos.members.findByExternal(ws.id, ADMIN);
    const staff = await repos.members.findByExternal(ws.id, STAFF);
    if (!admin || !staff) throw new Error('members missing');
    const now = new Date().toISOString();
    const pair = await repos.pairs.create(
      { workspaceId: ws.id, mentorId: admin.id, menteeId: staff.id, kind: 'mentoring', status: 'completed', cadence: 'biweekly', focus: null, reason: null, mentorAccepted: true, menteeAccepted: true },
      now,
    );
    const { renderMessage } = await import('../../adapters/slack/render.ts');
    const { message, form } = await import('../../src/core/messages/build.ts');
    const rendered = renderMessage(
      message([form({ formId: 'mentor.reflect', title: 'Your reflection', submitLabel: 'Save', value: `reflect:${pair.id}`, inputs: [{ type: 'input', name: 'reflection', label: 'One line', kind: 'text' }] })]),
    );
    const buttons = JSON.stringify(rendered.blocks);
    const value = /"action_id":"rounds\.open_form","value":"((?:[^"\\]|\\.)*)"/.exec(buttons)?.[1];
    expect(value).toBeDefined();

    const opensBefore = app.slack.callsTo('views.open').length;
    const payload = {
      type: 'block_actions',
      team: { id: app.slack.team.id, domain: app.slack.team.domain },
      user: { id: STAFF, team_id: app.slack.team.id },
      api_app_id: app.slack.appId,
      trigger_id: app.slack.issueTriggerId({ userId: STAFF }),
      channel: { id: app.slack.dmChannelOf(STAFF) },
      response_url: app.slack.responseUrl(`reflect-${Date.now()}`),
      actions: [{ type: 'button', action_id: 'rounds.open_form', block_id: 'b1', value: JSON.parse(`"${value}"`), action_ts: `${Date.now() / 1000}` }],
    };
    await app.post(interactionBody(payload), { contentType: 'application/x-www-form-urlencoded' });
    const opened = await eventually(async () => app.slack.callsTo('views.open')[opensBefore]);
    expect(opened.status).toBe(200);
    expect(opened.args.view).toMatchObject({ callback_id: 'mentor.reflect', private_metadata: `reflect:${pair.id}` });
  });
});
