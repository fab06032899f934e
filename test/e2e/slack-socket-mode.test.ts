// Slack in Socket Mode end to end: Rounds with SLACK_APP_TOKEN opens a real WebSocket to the Slack stand-in (Bolt's
// SocketModeReceiver, @slack/socket-mode), and everything Slack sends arrives as envelopes acked over that socket.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { eventually } from '../support/local-app.ts';
import { captureLogs } from '../support/log-capture.ts';
import { eventEnvelope, type SlackApp, slashCommandBody, startSlackApp, type ModalInputBlock, modalState } from '../support/slack-app.ts';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';

const ADMIN = 'U0SMADMIN';
const STAFF = 'U0SMSTAFF';

let slack: SlackStandIn;
let app: SlackApp;
let database: TestDatabase;
const logs = captureLogs('info');

beforeAll(async () => {
  slack = await startSlackStandIn({
    users: [
      { id: ADMIN, real_name: 'Dana Whitfield', is_admin: true, tz: 'America/Chicago', profile: { title: 'Practice Manager' } },
      { id: STAFF, real_name: 'Ana García', tz: 'America/New_York', profile: { title: 'Patient Services Representative' } },
    ],
  });
  app = await startSlackApp({ standIn: slack, env: { SLACK_APP_TOKEN: slack.appToken }, logger: logs.logger });
  database = await openTestDatabase('postgres');
});

afterAll(async () => {
  await app?.stop();
  await slack?.close();
  await database?.close();
});

/** A slash command as Socket Mode delivers it: the same fields as the HTTP form, as a JSON object. */
function slashCommand(userId: string, text: string): { payload: Record<string, string>; responseId: string } {
  const payload: Record<string, string> = { ...Object.fromEntries(new URLSearchParams(slashCommandBody(slack, userId, text))), is_enterprise_install: 'false' };
  return { payload, responseId: payload.response_url?.split('/').pop() ?? '' };
}

/** The event_callback body Slack puts in an events_api envelope. */
function dmEvent(userId: string, text: string, eventId?: string): Record<string, unknown> {
  const event = { type: 'message', channel_type: 'im', channel: slack.dmChannelOf(userId), user: userId, text, ts: `${Date.now() / 1000}` };
  return JSON.parse(eventEnvelope(slack, event, eventId)) as Record<string, unknown>;
}

async function responses(responseId: string): Promise<unknown[]> {
  return eventually(async () => {
    const bodies = slack.responsesTo(responseId);
    return bodies.length > 0 ? bodies : undefined;
  });
}

function textOf(body: unknown): string {
  return String((body as { text?: unknown }).text ?? '');
}

describe('connecting', () => {
  it('asks the configured API for a socket with the app-level token, and is connected', async () => {
    const opens = slack.callsTo('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]?.headers.authorization).toBe(`Bearer ${slack.appToken}`);
    expect(opens[0]?.response).toMatchObject({ ok: true });
    const [connection, ...others] = slack.socketConnections;
    expect(others).toEqual([]);
    expect(connection?.closed).toBeUndefined();
  });
});

describe('the /rounds command over the socket', () => {
  it('acks the envelope at once and answers help through the response url', async () => {
    const { payload, responseId } = slashCommand(STAFF, 'help');
    const ack = await slack.sendEnvelope(payload, 'slash_commands');
    // The answer does not ride on the ack: it follows through the response url.
    expect(ack.payload ?? {}).toEqual({});
    const [reply] = await responses(responseId);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(reply)).toMatch(/What I can do/);
    expect(textOf(reply)).not.toMatch(/For managers/);
  });

  it('opens a form as a modal, and a wrong field comes back in the ack, keeping the modal open', async () => {
    const opensBefore = slack.callsTo('views.open').length;
    await slack.sendEnvelope(slashCommand(ADMIN, 'settings').payload, 'slash_commands');
    const open = await eventually(async () => slack.callsTo('views.open')[opensBefore]);
    expect(open.status).toBe(200);
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: ModalInputBlock[] };
    expect(view.callback_id).toBe('settings.save');

    const submission = {
      type: 'view_submission',
      team: { id: slack.team.id, domain: slack.team.domain },
      user: { id: ADMIN, team_id: slack.team.id },
      api_app_id: slack.appId,
      trigger_id: slack.issueTriggerId({ userId: ADMIN }),
      view: {
        id: 'V0SMSETTINGS',
        team_id: slack.team.id,
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: modalState(view, { checkinTime: '25:00' }) },
      },
    };
    const ack = await slack.sendEnvelope(submission, 'interactive');
    expect(ack.payload).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify((ack.payload as { view?: { blocks?: unknown } }).view?.blocks)).toMatch(/check-in time/i);
  });
});

describe('direct messages over the socket', () => {
  it('answers a DM with chat.postMessage, once even when Slack delivers the event again', async () => {
    const channel = slack.dmChannelOf(STAFF);
    const before = slack.callsTo('chat.postMessage').length;
    const event = dmEvent(STAFF, 'help', `EvSM${Date.now()}`);
    const ack = await slack.sendEnvelope(event, 'events_api');
    expect(ack.payload ?? {}).toEqual({});
    const [post] = await eventually(async () => {
      const posts = slack.callsTo('chat.postMessage').slice(before);
      return posts.length > 0 ? posts : undefined;
    });
    expect(post?.args.channel).toBe(channel);
    expect(post?.status).toBe(200);
    expect(String(post?.args.text)).toMatch(/What I can do/);

    // Slack re-delivers an event it thinks was not acked in time, marked as a retry; it is acked and not answered twice.
    await slack.sendEnvelope(event, 'events_api', { retryAttempt: 1, retryReason: 'timeout' });
    await new Promise((r) => setTimeout(r, 400));
    expect(slack.callsTo('chat.postMessage').length - before).toBe(1);
  });
});

describe('buttons over the socket', () => {
  it('turns a button press into a core action and answers through the response url', async () => {
    const responseId = `sm-act-${Date.now()}`;
    const press = {
      type: 'block_actions',
      team: { id: slack.team.id, domain: slack.team.domain },
      user: { id: STAFF, team_id: slack.team.id },
      api_app_id: slack.appId,
      trigger_id: slack.issueTriggerId({ userId: STAFF }),
      channel: { id: slack.dmChannelOf(STAFF) },
      response_url: slack.responseUrl(responseId),
      actions: [{ type: 'button', action_id: 'help.show', block_id: 'b1', value: '', action_ts: `${Date.now() / 1000}` }],
    };
    const ack = await slack.sendEnvelope(press, 'interactive');
    expect(ack.payload ?? {}).toEqual({});
    const [reply] = await responses(responseId);
    expect(textOf(reply)).toMatch(/What I can do/);
  });
});

describe('another workspace over the socket', () => {
  // A team the bot token does not belong to. Its workspace row exists, as one left behind from before the team
  // rule would: even so nothing is answered, read from Slack or stored for it.
  const EVIL_TEAM = `TEVIL${randomBytes(3).toString('hex').toUpperCase()}`;
  const MARKER = `socket-secret-${randomBytes(4).toString('hex')}`;
  const asEvil = (payload: Record<string, unknown>) => ({ ...payload, team_id: EVIL_TEAM, authorizations: [{ team_id: EVIL_TEAM, user_id: slack.botUserId, is_bot: true }] });

  it('acks its envelopes, answers nothing, changes nothing, and warns without the text', async () => {
    const evil = await buildWorkspace(database.repos, { platform: 'slack', externalId: EVIL_TEAM });
    const calls = (method: string) => slack.callsTo(method).length;
    const before = { posts: calls('chat.postMessage'), info: calls('users.info'), list: calls('users.list'), opens: calls('views.open') };

    const { payload, responseId } = slashCommand(STAFF, `mentor request ${MARKER}`);
    const command = await slack.sendEnvelope({ ...payload, team_id: EVIL_TEAM }, 'slash_commands');
    expect(command.payload ?? {}).toEqual({});
    const dm = await slack.sendEnvelope(asEvil(dmEvent(STAFF, `help ${MARKER}`)), 'events_api');
    expect(dm.payload ?? {}).toEqual({});
    const joiner = { id: 'U0SMEVIL1', team_id: EVIL_TEAM, name: 'mallory', real_name: 'Mallory', deleted: false, is_bot: false, profile: { real_name: 'Mallory', title: MARKER } };
    await slack.sendEnvelope(asEvil(JSON.parse(eventEnvelope(slack, { type: 'team_join', user: joiner })) as Record<string, unknown>), 'events_api');
    const press = await slack.sendEnvelope(
      {
        type: 'block_actions',
        team: { id: EVIL_TEAM, domain: 'evil' },
        user: { id: STAFF, team_id: EVIL_TEAM },
        api_app_id: slack.appId,
        trigger_id: slack.issueTriggerId({ userId: STAFF }),
        channel: { id: slack.dmChannelOf(STAFF) },
        response_url: slack.responseUrl(`${responseId}-press`),
        actions: [{ type: 'button', action_id: 'help.show', block_id: 'b1', value: MARKER, action_ts: `${Date.now() / 1000}` }],
      },
      'interactive',
    );
    expect(press.payload ?? {}).toEqual({});

    const warnings = await eventually(async () => {
      const found = logs.lines.filter((l) => l.includes(EVIL_TEAM) && l.includes('"level":40'));
      return found.length >= 4 ? found : undefined;
    });
    expect(warnings.every((l) => /does not serve/.test(l))).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(slack.responsesTo(responseId)).toEqual([]);
    expect(slack.responsesTo(`${responseId}-press`)).toEqual([]);
    expect({ posts: calls('chat.postMessage'), info: calls('users.info'), list: calls('users.list'), opens: calls('views.open') }).toEqual(before);
    expect(await database.repos.members.list(evil.id, { includeInactive: true })).toEqual([]);
    expect(logs.lines.filter((l) => l.includes(MARKER))).toEqual([]);
  });

  it('still answers its own team afterwards', async () => {
    const { payload, responseId } = slashCommand(STAFF, 'help');
    await slack.sendEnvelope(payload, 'slash_commands');
    expect(textOf((await responses(responseId))[0])).toMatch(/What I can do/);
  });
});

describe('the HTTP port in Socket Mode', () => {
  it('has no /slack/events route (404, nothing handled) while /healthz answers 200', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const res = await app.post(JSON.stringify(dmEvent(STAFF, 'help')));
    expect(res.status).toBe(404);
    const health = await fetch(`${app.base}/healthz`);
    expect(health.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.callsTo('chat.postMessage').length).toBe(before);
  });
});

describe('when Slack recycles the connection', () => {
  it('closes the socket on a disconnect message, opens a new one and keeps answering', async () => {
    const opensBefore = slack.callsTo('apps.connections.open').length;
    const [old] = slack.socketConnections;
    expect(slack.disconnectSockets('refresh_requested')).toBe(1);
    const closed = await eventually(async () => slack.socketConnections.find((c) => c.id === old?.id)?.closed);
    expect(closed).toMatchObject({ by: 'app', code: 1000 });
    // The Socket Mode client waits its ping timeout (5 s) before reconnecting.
    const fresh = await eventually(async () => slack.socketConnections.find((c) => c.id !== old?.id && c.closed === undefined), 15_000);
    expect(slack.callsTo('apps.connections.open')).toHaveLength(opensBefore + 1);

    const { payload, responseId } = slashCommand(STAFF, 'help');
    await slack.sendEnvelope(payload, 'slash_commands');
    expect(textOf((await responses(responseId))[0])).toMatch(/What I can do/);
    expect(slack.socketConnections.find((c) => c.id === fresh.id)?.closed).toBeUndefined();
  });
});

describe('stopping', () => {
  it('closes the socket when Rounds stops', async () => {
    const own = await startSlackStandIn();
    try {
      const stopping = await startSlackApp({ standIn: own, env: { SLACK_APP_TOKEN: own.appToken }, worker: false });
      const connection = await own.waitForSocket();
      expect(connection.closed).toBeUndefined();
      await stopping.stop();
      const closed = await eventually(async () => own.socketConnections[0]?.closed);
      expect(closed).toMatchObject({ by: 'app', code: 1000 });
      await expect(own.sendEnvelope(slashCommand(STAFF, 'help').payload, 'slash_commands')).rejects.toThrow(/no Socket Mode connection is open/);
    } finally {
      await own.close();
    }
  });
});

describe('when Slack cannot be reached at start', () => {
  it('still starts and answers /healthz, trying to connect in the background', async () => {
    const own = await startSlackStandIn();
    const url = own.url;
    const appToken = own.appToken;
    await own.close();
    const started = await startSlackApp({ standIn: own, env: { SLACK_APP_TOKEN: appToken, SLACK_API_URL: url }, worker: false });
    try {
      expect((await fetch(`${started.base}/healthz`)).status).toBe(200);
    } finally {
      await started.proc.stop();
    }
  });
});
