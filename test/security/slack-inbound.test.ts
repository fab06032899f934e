// Attacks on POST /slack/events, signed with the real scheme (Bolt running for real against the Slack stand-in):
// another workspace's requests, replays, timestamps from the future and malformed bodies are refused and change nothing.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Repositories } from '../../src/core/repositories.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { eventually } from '../support/local-app.ts';
import { captureLogs } from '../support/log-capture.ts';
import { type RedisProxy, startRedisProxy } from '../support/redis-proxy.ts';
import { testRedisUrl } from '../support/redis.ts';
import {
  buttonPressBody,
  eventEnvelope,
  interactionBody,
  OAUTH_OWNER,
  type SlackApp,
  sign,
  slashCommandBody,
  startOAuthSlackApp,
  startSlackApp,
} from '../support/slack-app.ts';
import { startSlackStandIn } from '../support/slack-stand-in.ts';

const ADMIN = 'U0SECADM1';
const STAFF = 'U0SECSTF1';
// Another team (fresh each run, as every test owns its data).
const EVIL_TEAM = `TEVIL${randomBytes(3).toString('hex').toUpperCase()}`;
const FORM = 'application/x-www-form-urlencoded';

let app: SlackApp;
let db: Awaited<ReturnType<typeof createDatabase>>;
let repos: Repositories;
const logs = captureLogs('info');

beforeAll(async () => {
  const slack = await startSlackStandIn({
    users: [
      { id: ADMIN, real_name: 'Dana Whitfield', is_admin: true, tz: 'America/Chicago' },
      { id: STAFF, real_name: 'Ana García', tz: 'America/New_York' },
    ],
  });
  app = await startSlackApp({ standIn: slack, logger: logs.logger });
  db = await createDatabase({ url: testDatabaseUrl() });
  repos = createRepositories(db.db);
  const ws = await eventually(async () => (await repos.workspaces.findByExternal('slack', slack.team.id)) ?? undefined);
  await eventually(async () => ((await repos.members.findByExternal(ws.id, STAFF)) ? true : undefined));
});

afterAll(async () => {
  await app?.stop();
  await app?.slack.close();
  await db?.close();
});

const settle = () => new Promise((r) => setTimeout(r, 400));
const responseIdOf = (body: string) => new URLSearchParams(body).get('response_url')?.split('/').pop() ?? '';

async function staffMember() {
  const ws = await repos.workspaces.findByExternal('slack', app.slack.team.id);
  const member = ws ? await repos.members.findByExternal(ws.id, STAFF) : null;
  if (!member) throw new Error('no staff member');
  return member;
}

function signedHeaders(body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp) };
}

/** A request exactly as it went over the wire once: the same body, timestamp and signature can be sent again. */
function captured(body: string, contentType = FORM) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = sign(body, timestamp);
  return (headers: Record<string, string> = {}) => app.post(body, { contentType, timestamp, signature, headers });
}

describe('one workspace per bot token', () => {
  it('answers a signed /rounds roster from another team with a refusal, creating nothing and reading no directory', async () => {
    const directoryReads = app.slack.callsTo('users.list').length;
    const userReads = app.slack.callsTo('users.info').length;
    const body = slashCommandBody(app.slack, 'U0EVIL001', 'roster', { team_id: EVIL_TEAM, team_domain: 'evil' });
    const res = await app.post(body, { contentType: FORM });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/serves another workspace/) });
    await settle();
    expect(await repos.workspaces.findByExternal('slack', EVIL_TEAM)).toBeNull();
    expect(app.slack.callsTo('users.list')).toHaveLength(directoryReads);
    expect(app.slack.callsTo('users.info')).toHaveLength(userReads);
    expect(app.slack.responsesTo(responseIdOf(body))).toEqual([]);
  });

  it('refuses events and button presses from another team with 403', async () => {
    const join = eventEnvelope(app.slack, { type: 'team_join', user: { id: 'U0EVIL002', name: 'mallory', real_name: 'Mallory', profile: { title: 'Owner' } } });
    const event = await app.post(join.replaceAll(app.slack.team.id, EVIL_TEAM));
    expect(event.status).toBe(403);
    const press = buttonPressBody(app.slack, 'U0EVIL001', 'help.show', '', `evil-${Date.now()}`);
    const button = await app.post(press.replaceAll(app.slack.team.id, EVIL_TEAM), { contentType: FORM });
    expect(button.status).toBe(403);
    await settle();
    expect(await repos.workspaces.findByExternal('slack', EVIL_TEAM)).toBeNull();
  });
});

describe('a signed request is accepted once', () => {
  it('answers a slash command replayed three times once', async () => {
    const body = slashCommandBody(app.slack, STAFF, 'help');
    const send = captured(body);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(401);
    expect((await send()).status).toBe(401);
    expect((await send({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(401);
    await eventually(async () => (app.slack.responsesTo(responseIdOf(body)).length > 0 ? true : undefined));
    await settle();
    expect(app.slack.responsesTo(responseIdOf(body))).toHaveLength(1);
  });

  it('does not opt a member out again when a captured optout is replayed after their optin', async () => {
    const optout = captured(slashCommandBody(app.slack, STAFF, 'optout'));
    expect((await optout()).status).toBe(200);
    await eventually(async () => ((await staffMember()).optedOut ? true : undefined));
    expect((await captured(slashCommandBody(app.slack, STAFF, 'optin'))()).status).toBe(200);
    await eventually(async () => (!(await staffMember()).optedOut ? true : undefined));
    expect((await optout()).status).toBe(401);
    await settle();
    expect((await staffMember()).optedOut).toBe(false);
  });

  it('keeps answering Slack’s own event retries with 200 and handles the event once', async () => {
    const channel = app.slack.dmChannelOf(STAFF);
    const before = app.slack.callsTo('chat.postMessage').length;
    const body = eventEnvelope(app.slack, { type: 'message', channel_type: 'im', channel, user: STAFF, text: 'help', ts: `${Date.now() / 1000}` });
    const send = captured(body, 'application/json');
    expect((await send()).status).toBe(200);
    expect((await send({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    expect((await send({ 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    await eventually(async () => (app.slack.callsTo('chat.postMessage').length > before ? true : undefined));
    await settle();
    expect(app.slack.callsTo('chat.postMessage').length - before).toBe(1);
  });
});

describe('a signed request is accepted only when it is current', () => {
  for (const [label, offset] of [
    ['6 minutes in the future', 6 * 60],
    ['a day in the future', 24 * 3600],
    ['6 minutes in the past', -6 * 60],
  ] as const) {
    it(`refuses a request stamped ${label} with 401`, async () => {
      const body = slashCommandBody(app.slack, STAFF, 'optout');
      const timestamp = Math.floor(Date.now() / 1000) + offset;
      const res = await app.post(body, { contentType: FORM, timestamp, signature: sign(body, timestamp) });
      expect(res.status).toBe(401);
      await settle();
      expect(app.slack.responsesTo(responseIdOf(body))).toEqual([]);
      expect((await staffMember()).optedOut).toBe(false);
    });
  }
});

describe('malformed signed bodies', () => {
  const cases: [string, string, string][] = [
    ['a JSON null', 'null', 'application/json'],
    ['an empty JSON body', '', 'application/json'],
    ['an empty form body', '', FORM],
    ['an unknown JSON body', JSON.stringify({ hello: 'world' }), 'application/json'],
    ['an unknown form body', 'hello=world', FORM],
    [
      'a block_actions payload without a user',
      interactionBody({ type: 'block_actions', team: { id: 'T_PLACEHOLDER' }, actions: [{ type: 'button', action_id: 'help.show', value: '' }] }),
      FORM,
    ],
    ['an event_callback without an event', JSON.stringify({ type: 'event_callback', team_id: 'T_PLACEHOLDER', event_id: 'Ev0NOEVENT' }), 'application/json'],
  ];
  for (const [label, body, contentType] of cases) {
    it(`answers ${label} with 400`, async () => {
      const res = await app.post(body.replaceAll('T_PLACEHOLDER', app.slack.team.id), { contentType });
      expect(res.status).toBe(400);
    });
  }

  it('answers a slash command with bad percent-encoding with 400, changing nothing and logging no stack', async () => {
    const body = slashCommandBody(app.slack, STAFF, 'optout').replace('text=optout', 'text=optout%E0%A4%A');
    const from = logs.lines.length;
    const res = await app.post(body, { contentType: FORM });
    expect(res.status).toBe(400);
    await settle();
    expect(app.slack.responsesTo(responseIdOf(body))).toEqual([]);
    expect((await staffMember()).optedOut).toBe(false);
    const written = logs.lines.slice(from).join('\n');
    expect(written).toContain('Slack request refused');
    expect(written).not.toMatch(/TypeError|\\n\s+at /);
  });
});

describe('with Redis unreachable', () => {
  // This app reaches Redis through a proxy the test takes down; the shared Redis keeps running.
  let proxy: RedisProxy;
  let redisApp: SlackApp;
  const redisLogs = captureLogs('info');

  beforeAll(async () => {
    proxy = await startRedisProxy(testRedisUrl());
    const slack = await startSlackStandIn({ users: [{ id: STAFF, real_name: 'Ana García', tz: 'America/New_York' }] });
    redisApp = await startSlackApp({ standIn: slack, env: { REDIS_URL: proxy.url }, worker: false, logger: redisLogs.logger });
    const ws = await eventually(async () => (await repos.workspaces.findByExternal('slack', slack.team.id)) ?? undefined);
    await eventually(async () => ((await repos.members.findByExternal(ws.id, STAFF)) ? true : undefined));
  });

  afterAll(async () => {
    proxy?.set('up');
    await redisApp?.stop();
    await redisApp?.slack.close();
    await proxy?.close();
  });

  async function optedOut(): Promise<boolean> {
    const ws = await repos.workspaces.findByExternal('slack', redisApp.slack.team.id);
    const member = ws ? await repos.members.findByExternal(ws.id, STAFF) : null;
    if (!member) throw new Error('no staff member');
    return member.optedOut;
  }

  // A request that hangs fails here (aborted), not as a slow pass: Slack itself gives up after 3 s.
  const post = (body: string) =>
    fetch(`${redisApp.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM, ...signedHeaders(body) },
      body,
      signal: AbortSignal.timeout(15_000),
    });

  for (const mode of ['refusing', 'silent'] as const) {
    it(`answers a signed slash command with 503 and does not act on it (Redis ${mode === 'refusing' ? 'stopped' : 'not answering'})`, async () => {
      proxy.set(mode);
      try {
        const body = slashCommandBody(redisApp.slack, STAFF, 'optout');
        const res = await post(body);
        expect(res.status).toBe(503);
        await settle();
        expect(redisApp.slack.responsesTo(responseIdOf(body))).toEqual([]);
        expect(await optedOut()).toBe(false);
        expect(redisLogs.lines.join('\n')).toContain('Slack request could not be checked');
      } finally {
        proxy.set('up');
      }
    });
  }

  it('accepts requests again once Redis is back', async () => {
    proxy.set('refusing');
    const refused = slashCommandBody(redisApp.slack, STAFF, 'help');
    expect((await post(refused)).status).toBe(503);
    proxy.set('up');
    // Each try is a fresh request (a new signature): the ones sent before the client reconnected get 503 and do nothing.
    const body = await eventually(async () => {
      const attempt = slashCommandBody(redisApp.slack, STAFF, 'help');
      return (await post(attempt)).status === 200 ? attempt : undefined;
    }, 20_000);
    const [reply] = await eventually(async () => {
      const bodies = redisApp.slack.responsesTo(responseIdOf(body));
      return bodies.length > 0 ? bodies : undefined;
    });
    expect(String((reply as { text?: unknown }).text)).toMatch(/What I can do/);
    expect(redisApp.slack.responsesTo(responseIdOf(refused))).toEqual([]);
  });
});

describe('OAuth mode', () => {
  let oauthApp: SlackApp;

  beforeAll(async () => {
    oauthApp = await startOAuthSlackApp();
  });

  afterAll(async () => {
    await oauthApp?.stop();
    await oauthApp?.slack.close();
  });

  it('refuses a team that never installed Rounds, creating nothing', async () => {
    const team = `T${randomBytes(4).toString('hex').toUpperCase()}`;
    const body = slashCommandBody(oauthApp.slack, OAUTH_OWNER, 'roster', { team_id: team });
    const res = await oauthApp.post(body, { contentType: FORM });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/serves another workspace/) });
    const event = await oauthApp.post(eventEnvelope(oauthApp.slack, { type: 'team_join', user: { id: 'U0EVIL003', name: 'eve' } }).replaceAll(oauthApp.slack.team.id, team));
    expect(event.status).toBe(403);
    await settle();
    expect(await repos.workspaces.findByExternal('slack', team)).toBeNull();
    expect(oauthApp.slack.callsTo('users.list')).toHaveLength(0);
    expect(oauthApp.slack.responsesTo(responseIdOf(body))).toEqual([]);
  });
});
