// The Slack Web API stand-in answers like Slack: shapes checked against Slack's own examples, faults as documented.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackStandIn, type SlackStandIn, type SlackStandInOptions } from '../../support/slack-stand-in.ts';

type Json = Record<string, unknown>;

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/slack/web-api/${name}`, import.meta.url), 'utf8');
}

function fixtureJson(name: string): Json {
  return JSON.parse(fixture(name)) as Json;
}

/**
 * Encodes arguments the way @slack/web-api does: scalars as they are, anything else as a JSON string,
 * null/undefined dropped, sent as application/x-www-form-urlencoded with a Bearer token.
 */
function slackForm(args: Json): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    form.set(key, typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));
  }
  return form.toString();
}

async function post(
  standIn: SlackStandIn,
  method: string,
  args: Json = {},
  token: string | null = standIn.botToken,
  init: { signal?: AbortSignal } = {},
): Promise<{ status: number; headers: Headers; body: Json }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${standIn.url}${method}`, { method: 'POST', headers, body: slackForm(args), ...init });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}

/** A clock the test moves by hand, so expiry and rate windows are exact and take no real time. */
function manualClock(start = Date.parse('2026-03-02T14:00:00Z')): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

function keysOf(value: unknown): string[] {
  return Object.keys(value as Json).sort();
}

describe('Slack Web API stand-in', () => {
  let standIn: SlackStandIn;
  let clock: ReturnType<typeof manualClock>;

  async function start(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
    await standIn.close();
    standIn = await startSlackStandIn({ now: clock.now, ...options });
    return standIn;
  }

  beforeEach(async () => {
    clock = manualClock();
    standIn = await startSlackStandIn({ now: clock.now });
  });

  afterEach(async () => {
    await standIn.close();
  });

  describe('auth', () => {
    it('answers auth.test for the bot token with the team and bot ids', async () => {
      const { status, body } = await post(standIn, 'auth.test');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        ok: true,
        team_id: standIn.team.id,
        team: standIn.team.name,
        user_id: standIn.botUserId,
        bot_id: standIn.botId,
        is_enterprise_install: false,
      });
      expect(body.url).toMatch(/^https:\/\/.+\.slack\.com\/$/);
    });

    it('refuses a wrong token with invalid_auth and a missing one with not_authed', async () => {
      expect((await post(standIn, 'auth.test', {}, 'xoxb-not-a-real-token')).body).toEqual({ ok: false, error: 'invalid_auth' });
      expect((await post(standIn, 'auth.test', {}, null)).body).toEqual({ ok: false, error: 'not_authed' });
      expect((await post(standIn, 'chat.postMessage', { channel: 'C1', text: 'hi' }, 'xoxb-wrong')).body.error).toBe('invalid_auth');
    });

    it('takes the token from a form field, but never from a JSON body', async () => {
      expect((await post(standIn, 'auth.test', { token: standIn.botToken }, null)).body.ok).toBe(true);
      const json = await fetch(`${standIn.url}auth.test`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ token: standIn.botToken }),
      });
      expect(await json.json()).toEqual({ ok: false, error: 'not_authed' });
    });

    it('accepts JSON bodies with a Bearer header', async () => {
      standIn.addUser({ id: 'U0JSON0001' });
      const res = await fetch(`${standIn.url}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${standIn.botToken}` },
        body: JSON.stringify({ channel: 'U0JSON0001', text: 'hello', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }] }),
      });
      expect(await res.json()).toMatchObject({ ok: true });
      expect(standIn.messagesTo('U0JSON0001')[0]?.blocks).toHaveLength(1);
    });

    it('answers token_revoked once a token is revoked (an uninstall)', async () => {
      standIn.revokeToken(standIn.botToken);
      expect((await post(standIn, 'auth.test')).body).toEqual({ ok: false, error: 'token_revoked' });
    });

    it('answers unknown_method for a method it does not know', async () => {
      expect((await post(standIn, 'chat.postSomething')).body).toMatchObject({ ok: false, error: 'unknown_method' });
    });
  });

  describe('messages', () => {
    const metadata = { event_type: 'rounds_touchpoint', event_payload: { key: 'checkin:U0ANA00001:2026-W10' } };

    it('opens the DM when posting to a user id, and history shows the message with its metadata', async () => {
      standIn.addUser({ id: 'U0ANA00001', real_name: 'Ana Ruiz' });
      const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Time for your check-in' } }];

      const posted = await post(standIn, 'chat.postMessage', { channel: 'U0ANA00001', text: 'Time for your check-in', blocks, metadata });
      expect(posted.body.ok).toBe(true);
      const channel = posted.body.channel as string;
      expect(channel).toMatch(/^D[0-9A-Z]+$/);
      expect(channel).toBe(standIn.dmChannelOf('U0ANA00001'));
      expect(posted.body.ts).toMatch(/^\d{10}\.\d{6}$/);
      // The answer has the keys of Slack's own example (bar the legacy attachment/username of that example).
      const example = fixtureJson('chat.postMessage.ok.slack-openapi.json');
      expect(keysOf(posted.body)).toEqual(keysOf(example));
      expect(posted.body.message).toMatchObject({ type: 'message', text: 'Time for your check-in', ts: posted.body.ts, bot_id: standIn.botId, blocks, metadata });

      const history = await post(standIn, 'conversations.history', { channel, include_all_metadata: true });
      expect(history.body.ok).toBe(true);
      expect(history.body.messages).toEqual([expect.objectContaining({ ts: posted.body.ts, text: 'Time for your check-in', blocks, metadata })]);

      // Without include_all_metadata the metadata is left out: always ask for it.
      const bare = await post(standIn, 'conversations.history', { channel });
      expect((bare.body.messages as Json[])[0]).not.toHaveProperty('metadata');

      expect(standIn.messagesTo('U0ANA00001')).toEqual([expect.objectContaining({ channel, metadata })]);
      expect(standIn.callsTo('chat.postMessage')[0]?.args.blocks).toEqual(blocks);
      expect(standIn.callsTo('chat.postMessage')[0]?.body.blocks).toBe(JSON.stringify(blocks));
    });

    it('pages history newest first with cursor, oldest and latest', async () => {
      standIn.addUser({ id: 'U0BEN00001' });
      const tss: string[] = [];
      for (let i = 0; i < 5; i++) {
        clock.advance(1_000);
        tss.push((await post(standIn, 'chat.postMessage', { channel: 'U0BEN00001', text: `m${i}` })).body.ts as string);
      }
      const channel = standIn.dmChannelOf('U0BEN00001');
      const first = await post(standIn, 'conversations.history', { channel, limit: 2 });
      expect((first.body.messages as Json[]).map((m) => m.text)).toEqual(['m4', 'm3']);
      expect(first.body.has_more).toBe(true);
      const cursor = (first.body.response_metadata as Json).next_cursor as string;
      const second = await post(standIn, 'conversations.history', { channel, limit: 2, cursor });
      expect((second.body.messages as Json[]).map((m) => m.text)).toEqual(['m2', 'm1']);
      const windowed = await post(standIn, 'conversations.history', { channel, oldest: tss[1], latest: tss[4] });
      expect((windowed.body.messages as Json[]).map((m) => m.text)).toEqual(['m3', 'm2']);
      expect((await post(standIn, 'conversations.history', { channel: 'U0BEN00001' })).body.error).toBe('channel_not_found');
    });

    it('updates a message by channel and ts, keeping blocks it was not sent', async () => {
      standIn.addUser({ id: 'U0CAL00001' });
      const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Can you cover Friday?' } }];
      const posted = await post(standIn, 'chat.postMessage', { channel: 'U0CAL00001', text: 'Can you cover Friday?', blocks });
      const { channel, ts } = posted.body as { channel: string; ts: string };

      const updated = await post(standIn, 'chat.update', { channel, ts, text: 'Thanks, Cal is covering.' });
      expect(updated.body).toMatchObject({ ok: true, channel, ts, text: 'Thanks, Cal is covering.' });
      expect(standIn.messagesTo(channel)[0]).toMatchObject({ text: 'Thanks, Cal is covering.', blocks, edited: { user: standIn.botUserId } });

      await post(standIn, 'chat.update', { channel, ts, text: 'Thanks.', blocks: [] });
      expect(standIn.messagesTo(channel)[0]).not.toHaveProperty('blocks');

      expect((await post(standIn, 'chat.update', { channel, ts: '1.000001', text: 'x' })).body).toEqual({ ok: false, error: 'message_not_found' });
      expect((await post(standIn, 'chat.update', { channel: 'U0CAL00001', ts, text: 'x' })).body.error).toBe('channel_not_found');
    });

    it('answers Slack errors for bad targets and bad content', async () => {
      standIn.addUser({ id: 'U0DEL00001', deleted: true });
      standIn.addUser({ id: 'U0DAN00001' });
      standIn.addChannel({ id: 'C0GENERAL1', name: 'general' });
      standIn.addChannel({ id: 'C0PRIVATE1', name: 'managers', botIsMember: false });
      const errorOf = async (args: Json): Promise<unknown> => (await post(standIn, 'chat.postMessage', args)).body.error;

      expect(await errorOf({ channel: 'U0NOBODY01', text: 'x' })).toBe('channel_not_found');
      expect(await errorOf({ channel: 'C0MISSING1', text: 'x' })).toBe('channel_not_found');
      expect(await errorOf({ text: 'x' })).toBe('channel_not_found');
      expect(await errorOf({ channel: 'C0PRIVATE1', text: 'x' })).toBe('not_in_channel');
      expect(await errorOf({ channel: 'U0DEL00001', text: 'x' })).toBe('is_archived');
      expect(await errorOf({ channel: 'U0DAN00001' })).toBe('no_text');
      expect(await errorOf({ channel: 'U0DAN00001', text: 'x', blocks: '[not json' })).toBe('invalid_blocks_format');
      expect(await errorOf({ channel: 'U0DAN00001', text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).toBe('invalid_blocks');
      expect(await errorOf({ channel: 'U0DAN00001', text: 'x', metadata: { event_type: 'x' } })).toBe('invalid_metadata_format');
      expect((await post(standIn, 'chat.postMessage', { channel: 'C0GENERAL1', text: 'hello all' })).body.channel).toBe('C0GENERAL1');
      expect(standIn.messagesTo('U0DAN00001')).toEqual([]);
    });
  });

  describe('conversations.open', () => {
    it('gives one user a stable D id, and several users a stable G id whatever their order', async () => {
      for (const id of ['U0EVA00001', 'U0FAY00001', 'U0GUS00001']) standIn.addUser({ id });

      const dm = await post(standIn, 'conversations.open', { users: 'U0EVA00001' });
      expect(keysOf(dm.body)).toEqual(keysOf(fixtureJson('conversations.open.ok.slack-openapi.json')));
      expect(dm.body.channel).toEqual({ id: standIn.dmChannelOf('U0EVA00001') });
      const again = await post(standIn, 'conversations.open', { users: 'U0EVA00001' });
      expect(again.body).toMatchObject({ no_op: true, already_open: true, channel: dm.body.channel });

      const group = await post(standIn, 'conversations.open', { users: 'U0EVA00001,U0FAY00001,U0GUS00001' });
      const reordered = await post(standIn, 'conversations.open', { users: 'U0GUS00001,U0EVA00001,U0FAY00001' });
      const groupId = (group.body.channel as Json).id as string;
      expect(groupId).toMatch(/^G[0-9A-Z]+$/);
      expect((reordered.body.channel as Json).id).toBe(groupId);

      // Same members, new stand-in: the same ids, as a restarted test expects.
      const teamId = standIn.team.id;
      await start({ team: { id: teamId } });
      for (const id of ['U0EVA00001', 'U0FAY00001', 'U0GUS00001']) standIn.addUser({ id });
      expect(((await post(standIn, 'conversations.open', { users: 'U0FAY00001,U0GUS00001,U0EVA00001' })).body.channel as Json).id).toBe(groupId);
    });

    it('returns the IM object with return_im, shaped like Slack’s example', async () => {
      standIn.addUser({ id: 'U0HAL00001' });
      const { body } = await post(standIn, 'conversations.open', { users: 'U0HAL00001', return_im: true });
      const example = fixtureJson('conversations.open.return_im.slack-docs.json');
      expect(keysOf(body.channel)).toEqual(keysOf(example.channel));
      expect(body.channel).toMatchObject({ is_im: true, user: 'U0HAL00001', is_open: true });
    });

    it('answers user_not_found, user_disabled and users_list_not_supplied', async () => {
      standIn.addUser({ id: 'U0GONE0001', deleted: true });
      expect((await post(standIn, 'conversations.open', { users: 'U0NOBODY01' })).body.error).toBe('user_not_found');
      expect((await post(standIn, 'conversations.open', { users: 'U0GONE0001' })).body.error).toBe('user_disabled');
      expect((await post(standIn, 'conversations.open', {})).body.error).toBe('users_list_not_supplied');
    });
  });

  describe('directory', () => {
    it('serves users.info with the field set of Slack’s example', async () => {
      const example = fixtureJson('users.info.ok.slack-openapi.json');
      const egon = example.user as Json & { profile: Json };
      standIn.addUser({ ...(egon as unknown as Parameters<SlackStandIn['addUser']>[0]), team_id: standIn.team.id });

      const { body } = await post(standIn, 'users.info', { user: egon.id });
      expect(body.ok).toBe(true);
      const user = body.user as Json & { profile: Json };
      for (const key of Object.keys(egon)) expect(user, key).toHaveProperty(key);
      expect(user).toMatchObject({ id: 'W012A3CDE', name: 'spengler', real_name: 'Egon Spengler', tz: 'America/Los_Angeles', tz_offset: -25200, is_admin: true });
      expect(user.profile).toMatchObject({ email: 'spengler@ghostbusters.example.com', display_name: 'spengler' });
      expect(user).not.toHaveProperty('locale');
      expect(((await post(standIn, 'users.info', { user: egon.id, include_locale: true })).body.user as Json).locale).toBe('en-US');

      expect((await post(standIn, 'users.info', { user: 'U0NOBODY01' })).body).toEqual(fixtureJson('users.info.error.slack-openapi.json'));
    });

    it('fills a member in like Slack: offset from the zone, empty display name, normalized names', async () => {
      const user = standIn.addUser({ id: 'U0JOSE0001', real_name: 'José Núñez', tz: 'America/Chicago', profile: { title: 'Billing lead' } });
      // 2026-03-02 is before the US DST change: Chicago is UTC−6.
      expect(user).toMatchObject({ tz_offset: -21600, tz_label: 'Central Standard Time', team_id: standIn.team.id });
      expect(user.profile).toMatchObject({ title: 'Billing lead', display_name: '', real_name_normalized: 'Jose Nunez' });
    });

    it('walks every user through users.list pages, the last with an empty next_cursor', async () => {
      const ids = Array.from({ length: 11 }, (_, i) => `U0STAFF${String(i).padStart(3, '0')}`);
      for (const id of ids) standIn.addUser({ id });

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const { body } = await post(standIn, 'users.list', { limit: 4, cursor });
        expect(body.ok).toBe(true);
        const members = body.members as Json[];
        expect(members.length).toBeLessThanOrEqual(4);
        seen.push(...members.map((m) => m.id as string));
        cursor = (body.response_metadata as Json).next_cursor as string;
        pages += 1;
        if (cursor === '') expect(keysOf(body.response_metadata)).toEqual(keysOf(fixtureJson('users.list.pagination-page2-last.python-sdk-toy.json').response_metadata));
      } while (cursor !== '' && pages < 10);

      // Slack lists Slackbot and the app's bot user too; the adapter must skip them.
      expect(seen.sort()).toEqual([...ids, 'USLACKBOT', standIn.botUserId].sort());
      expect(pages).toBe(4);
    });

    it('answers users.list with the shape of Slack’s example page and rejects a bad cursor', async () => {
      standIn.addUser({ id: 'U0KIM00001' });
      const example = fixtureJson('users.list.page-with-next_cursor.slack-openapi.json');
      const { body } = await post(standIn, 'users.list', { limit: 1 });
      expect(keysOf(body)).toEqual(keysOf(example));
      const exampleMember = (example.members as Json[])[0];
      for (const key of Object.keys(exampleMember ?? {})) expect((body.members as Json[])[0], key).toHaveProperty(key);
      expect((await post(standIn, 'users.list', { cursor: 'bm9wZQ==' })).body).toEqual(fixtureJson('users.list.error.slack-openapi.json'));
    });
  });

  describe('rate limits and faults', () => {
    it('answers 429 with Retry-After once a workspace is over its per-minute limit, per workspace', async () => {
      standIn.addUser({ id: 'U0LEE00001' });
      standIn.limit('chat.postMessage', 2);
      expect((await post(standIn, 'chat.postMessage', { channel: 'U0LEE00001', text: '1' })).status).toBe(200);
      clock.advance(20_000);
      expect((await post(standIn, 'chat.postMessage', { channel: 'U0LEE00001', text: '2' })).status).toBe(200);
      clock.advance(5_000);

      const limited = await post(standIn, 'chat.postMessage', { channel: 'U0LEE00001', text: '3' });
      expect(limited.status).toBe(429);
      // The first call leaves the window 60 s after it was made: 35 s from now.
      expect(limited.headers.get('retry-after')).toBe('35');
      expect(JSON.stringify(limited.body)).toBe(fixture('ratelimited-429.http.txt').trim().split('\n').at(-1));
      expect(standIn.messagesTo('U0LEE00001')).toHaveLength(2);
      expect(standIn.rateLimitedCount).toBe(1);

      // Another workspace has its own budget; other methods are not limited.
      const other = standIn.addWorkspace();
      expect((await post(standIn, 'auth.test', {}, other.botToken)).status).toBe(200);
      standIn.addUser({ id: 'U0OTHER001', team_id: other.team.id });
      expect((await post(standIn, 'chat.postMessage', { channel: 'U0OTHER001', text: 'x' }, other.botToken)).status).toBe(200);

      clock.advance(35_000);
      expect((await post(standIn, 'chat.postMessage', { channel: 'U0LEE00001', text: '3' })).status).toBe(200);
      expect(standIn.rateLimitedCountFor('chat.postMessage')).toBe(1);
    });

    it('injects the next answers: a 429, a 500, a Slack error, then normal service', async () => {
      standIn.addUser({ id: 'U0MIA00001' });
      standIn.failNext('chat.postMessage', { status: 429, retryAfterSec: 7 });
      standIn.failNext('chat.postMessage', { status: 500 });
      standIn.failNext('chat.postMessage', { error: 'fatal_error' }, 2);
      const send = (): ReturnType<typeof post> => post(standIn, 'chat.postMessage', { channel: 'U0MIA00001', text: 'hi' });

      const first = await send();
      expect([first.status, first.headers.get('retry-after'), first.body]).toEqual([429, '7', { ok: false, error: 'ratelimited' }]);
      expect((await send()).status).toBe(500);
      expect((await send()).body).toEqual({ ok: false, error: 'fatal_error' });
      expect((await send()).body).toEqual({ ok: false, error: 'fatal_error' });
      expect((await send()).body.ok).toBe(true);
      // Nothing a fault answered was stored.
      expect(standIn.messagesTo('U0MIA00001')).toHaveLength(1);
      expect(standIn.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 500, 200, 200, 200]);
    });

    it('fails randomly but the same way for the same seed', async () => {
      const outcomes = async (s: SlackStandIn): Promise<string[]> => {
        s.failRandomly('auth.test', { rate: 0.3, kinds: ['429', '500', 'internal_error'], seed: 42 });
        const seen: string[] = [];
        for (let i = 0; i < 40; i++) {
          const { status, body } = await post(s, 'auth.test');
          seen.push(status === 200 ? String(body.error ?? 'ok') : String(status));
        }
        return seen;
      };
      const first = await outcomes(standIn);
      const second = await outcomes(await start());
      expect(second).toEqual(first);
      expect(new Set(first)).toEqual(new Set(['ok', '429', '500', 'internal_error']));
    });

    it('holds an accepted message until released: stored first, answered later', async () => {
      standIn.addUser({ id: 'U0NOA00001' });
      const hold = standIn.hold('chat.postMessage');
      let answered = false;
      const pending = post(standIn, 'chat.postMessage', { channel: 'U0NOA00001', text: 'Welcome!' }).then((r) => {
        answered = true;
        return r;
      });

      await hold.waitForHeld(1);
      expect(standIn.messagesTo('U0NOA00001')).toEqual([expect.objectContaining({ text: 'Welcome!' })]);
      expect(hold.held).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      expect(standIn.callsTo('chat.postMessage')[0]?.status).toBeUndefined();

      hold.release();
      expect((await pending).body).toMatchObject({ ok: true, channel: standIn.dmChannelOf('U0NOA00001') });
      // The hold is over: the next call answers at once.
      expect((await post(standIn, 'chat.postMessage', { channel: 'U0NOA00001', text: 'again' })).body.ok).toBe(true);
    });

    it('survives a caller that dies while its answer is held', async () => {
      standIn.addUser({ id: 'U0OLA00001' });
      const hold = standIn.hold('chat.postMessage');
      const caller = new AbortController();
      const dying = post(standIn, 'chat.postMessage', { channel: 'U0OLA00001', text: 'x' }, standIn.botToken, { signal: caller.signal });
      await hold.waitForHeld(1);
      caller.abort();
      await expect(dying).rejects.toThrow();
      hold.release();
      expect(standIn.messagesTo('U0OLA00001')).toHaveLength(1);
      expect((await post(standIn, 'auth.test')).body.ok).toBe(true);
    });

    it('delays answers by the configured time', async () => {
      standIn.delay('auth.test', 150);
      const started = performance.now();
      await post(standIn, 'auth.test');
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });
  });

  describe('views', () => {
    const modal = { type: 'modal', title: { type: 'plain_text', text: 'Profile' }, blocks: [], callback_id: 'profile' };

    it('opens a modal with a fresh trigger_id and refuses an expired, reused or unknown one', async () => {
      standIn.addUser({ id: 'U0PAT00001' });
      const trigger = standIn.issueTriggerId({ userId: 'U0PAT00001' });
      const opened = await post(standIn, 'views.open', { trigger_id: trigger, view: modal });
      expect(opened.body).toMatchObject({ ok: true, view: { type: 'modal', callback_id: 'profile', team_id: standIn.team.id } });
      expect((await post(standIn, 'views.open', { trigger_id: trigger, view: modal })).body.error).toBe('exchanged_trigger_id');

      const late = standIn.issueTriggerId({ userId: 'U0PAT00001' });
      clock.advance(3_001);
      expect((await post(standIn, 'views.open', { trigger_id: late, view: modal })).body).toEqual({ ok: false, error: 'expired_trigger_id' });
      expect((await post(standIn, 'views.open', { trigger_id: '1.2.nope', view: modal })).body.error).toBe('invalid_trigger_id');
    });

    it('pushes onto an open modal and updates a view by id, with hash checks', async () => {
      standIn.addUser({ id: 'U0QUO00001' });
      const root = (await post(standIn, 'views.open', { trigger_id: standIn.issueTriggerId({ userId: 'U0QUO00001' }), view: modal })).body.view as Json;
      const pushed = (await post(standIn, 'views.push', { trigger_id: standIn.issueTriggerId({ userId: 'U0QUO00001' }), view: modal })).body.view as Json;
      expect(pushed).toMatchObject({ root_view_id: root.id, previous_view_id: root.id });

      const updated = await post(standIn, 'views.update', { view_id: root.id, hash: root.hash, view: { ...modal, callback_id: 'profile_saved' } });
      expect(updated.body).toMatchObject({ ok: true, view: { id: root.id, callback_id: 'profile_saved' } });
      expect((await post(standIn, 'views.update', { view_id: root.id, hash: root.hash, view: modal })).body.error).toBe('hash_conflict');
      expect((await post(standIn, 'views.update', { view_id: 'V404', view: modal })).body.error).toBe('not_found');
    });

    it('publishes the home tab per user, shaped like Slack’s example', async () => {
      standIn.addUser({ id: 'U0RAY00001' });
      const home = { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'My pairs' } }] };
      const { body } = await post(standIn, 'views.publish', { user_id: 'U0RAY00001', view: home });
      const example = fixtureJson('views.publish.ok.slack-openapi.json');
      for (const key of Object.keys(example.view as Json)) expect(body.view, key).toHaveProperty(key);
      expect(standIn.homeViewOf('U0RAY00001')?.blocks).toEqual(home.blocks);

      await post(standIn, 'views.publish', { user_id: 'U0RAY00001', view: { type: 'home', blocks: [] } });
      expect(standIn.homeViewOf('U0RAY00001')?.blocks).toEqual([]);
      expect((await post(standIn, 'views.publish', { user_id: 'U0NOBODY01', view: home })).body).toEqual(fixtureJson('views.publish.error.slack-openapi.json'));
    });
  });

  describe('oauth.v2.access', () => {
    it('exchanges a code once for a bot token that works on the installed workspace', async () => {
      await start({ oauth: { clientId: '1111.2222', clientSecret: 'shh', grants: [{ code: 'code-new', teamId: 'T0NEWPRAC1', teamName: 'Lakeside Clinic', authedUserId: 'U0INSTALL1' }] } });
      const exchange = (args: Json): ReturnType<typeof post> => post(standIn, 'oauth.v2.access', args, null);

      const { body } = await exchange({ code: 'code-new', client_id: '1111.2222', client_secret: 'shh', redirect_uri: 'https://rounds.example/slack/oauth_redirect' });
      expect(body).toEqual({
        ok: true,
        access_token: expect.stringMatching(/^xoxb-/),
        token_type: 'bot',
        scope: expect.stringContaining('chat:write'),
        bot_user_id: expect.stringMatching(/^U/),
        app_id: standIn.appId,
        team: { id: 'T0NEWPRAC1', name: 'Lakeside Clinic' },
        enterprise: null,
        authed_user: { id: 'U0INSTALL1' },
        is_enterprise_install: false,
      });
      const auth = await post(standIn, 'auth.test', {}, body.access_token as string);
      expect(auth.body).toMatchObject({ ok: true, team_id: 'T0NEWPRAC1', user_id: body.bot_user_id });

      expect((await exchange({ code: 'code-new', client_id: '1111.2222', client_secret: 'shh' })).body).toEqual({ ok: false, error: 'invalid_code' });
      expect((await exchange({ code: 'never-issued', client_id: '1111.2222', client_secret: 'shh' })).body.error).toBe('invalid_code');
      expect((await exchange({ code: 'x', client_id: '1111.2222', client_secret: 'wrong' })).body.error).toBe('bad_client_secret');
      expect((await exchange({ code: 'x', client_id: '9999.9999', client_secret: 'shh' })).body.error).toBe('invalid_client_id');
    });

    it('takes client credentials as HTTP Basic auth and checks redirect_uri when the code was issued with one', async () => {
      standIn.addOAuthGrant({ code: 'code-main', redirectUri: 'https://rounds.example/slack/oauth_redirect' });
      const basic = `Basic ${Buffer.from(`${standIn.oauth.clientId}:${standIn.oauth.clientSecret}`).toString('base64')}`;
      const exchange = async (args: Json): Promise<Json> => {
        const res = await fetch(`${standIn.url}oauth.v2.access`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
          body: slackForm(args),
        });
        return (await res.json()) as Json;
      };
      expect((await exchange({ code: 'code-main', redirect_uri: 'https://elsewhere.example/' })).error).toBe('bad_redirect_uri');
      const body = await exchange({ code: 'code-main', redirect_uri: 'https://rounds.example/slack/oauth_redirect' });
      expect(body).toMatchObject({ ok: true, access_token: standIn.botToken, team: { id: standIn.team.id } });
    });
  });

  it('keeps workspaces apart: a token reaches only its own members and conversations', async () => {
    const other = standIn.addWorkspace({ team: { name: 'Hillside Family Medicine' } });
    standIn.addUser({ id: 'U0MAIN0001' });
    standIn.addUser({ id: 'U0HILL0001', team_id: other.team.id });
    expect((await post(standIn, 'users.info', { user: 'U0HILL0001' })).body.error).toBe('user_not_found');
    expect((await post(standIn, 'chat.postMessage', { channel: 'U0MAIN0001', text: 'x' }, other.botToken)).body.error).toBe('channel_not_found');
    const listed = (await post(standIn, 'users.list', {}, other.botToken)).body.members as Json[];
    expect(listed.map((m) => m.id)).toContain('U0HILL0001');
    expect(listed.map((m) => m.id)).not.toContain('U0MAIN0001');
  });

  it('reset empties the log and traffic rules but keeps the workspace', async () => {
    standIn.addUser({ id: 'U0SAM00001' });
    standIn.failNext('auth.test', { status: 429 });
    await post(standIn, 'auth.test');
    standIn.failNext('auth.test', { status: 500 });
    standIn.reset();
    expect(standIn.calls).toEqual([]);
    expect(standIn.rateLimitedCount).toBe(0);
    expect((await post(standIn, 'auth.test')).status).toBe(200);
    expect((await post(standIn, 'users.info', { user: 'U0SAM00001' })).body.ok).toBe(true);
  });
});
