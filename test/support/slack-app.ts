// Rounds with its Slack adapter for real (Bolt on our express app) against the Slack stand-in, plus signed requests.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { QueueNames } from '../../jobs/queues.ts';
import { type RoundsProcess, startRounds } from '../../src/app/runtime.ts';
import { loadConfig } from '../../src/config.ts';
import type { Logger } from '../../src/core/infrastructure.ts';
import { TEST_APP_POOL_MAX, testDatabaseUrl } from './db.ts';
import { obliterateQueues } from './local-app.ts';
import { testRedisUrl, uniqueQueueNames } from './redis.ts';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in.ts';

export const SIGNING_SECRET = 'rounds-test-signing-secret';

export interface SlackApp {
  base: string;
  proc: RoundsProcess;
  slack: SlackStandIn;
  queueNames: QueueNames;
  /** POSTs a body to /slack/events signed as Slack signs it (timestamp in seconds, may be moved to test staleness). */
  post(body: string, opts?: { contentType?: string; timestamp?: number; signature?: string; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function startSlackApp(
  opts: {
    env?: Record<string, string>;
    worker?: boolean;
    slackLimits?: Partial<Record<string, number>>;
    standIn?: SlackStandIn;
    /** Where the process logs (silent unless given). */
    logger?: Logger;
  } = {},
): Promise<SlackApp> {
  const slack = opts.standIn ?? (await startSlackStandIn());
  const config = loadConfig({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_POOL_MAX: String(TEST_APP_POOL_MAX),
    REDIS_URL: testRedisUrl(),
    PORT: '0',
    LOG_LEVEL: 'silent',
    ROUNDS_DATA_DIR: mkdtempSync(join(tmpdir(), 'rounds-slack-')),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_API_URL: slack.url,
    ...opts.env,
  });
  const queueNames = uniqueQueueNames('slack');
  const proc = await startRounds(config, {
    web: true,
    worker: opts.worker ?? true,
    queueNames,
    logger: opts.logger ?? pino({ level: 'silent' }),
    slackLimits: opts.slackLimits,
  });
  const base = `http://127.0.0.1:${proc.port}`;
  return {
    base,
    proc,
    slack,
    queueNames,
    post(body, postOpts = {}) {
      const timestamp = postOpts.timestamp ?? Math.floor(Date.now() / 1000);
      return fetch(`${base}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': postOpts.contentType ?? 'application/json',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': postOpts.signature ?? sign(body, timestamp),
          ...postOpts.headers,
        },
        body,
      });
    },
    async stop() {
      await proc.stop();
      if (!opts.standIn) await slack.close();
      await obliterateQueues(queueNames);
    },
  };
}

/** The workspace owner in the stand-in of an OAuth app (`startOAuthSlackApp`). */
export const OAUTH_OWNER = 'U0OWNER1';

/** Rounds as a multi-workspace OAuth app (no bot token; installs through /slack/install) against a fresh stand-in. */
export async function startOAuthSlackApp(opts: { logger?: Logger } = {}): Promise<SlackApp> {
  const slack = await startSlackStandIn({ users: [{ id: OAUTH_OWNER, real_name: 'Dana Whitfield', is_owner: true }] });
  return startSlackApp({
    standIn: slack,
    logger: opts.logger,
    env: {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: slack.oauth.clientId,
      SLACK_CLIENT_SECRET: slack.oauth.clientSecret,
      SLACK_STATE_SECRET: 'state-secret-for-tests',
      ROUNDS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
  });
}

/** A slash command body as Slack sends it (form-encoded), for this stand-in's team and a user. */
export function slashCommandBody(slack: SlackStandIn, userId: string, text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: slack.team.id,
    team_domain: slack.team.domain ?? 'practice',
    channel_id: slack.dmChannelOf(userId),
    channel_name: 'directmessage',
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: '/rounds',
    text,
    api_app_id: slack.appId,
    response_url: slack.responseUrl(`cmd-${Math.random().toString(36).slice(2)}`),
    trigger_id: slack.issueTriggerId({ userId }),
    ...extra,
  }).toString();
}

/** An Events API envelope (event_callback) around an inner event. */
export function eventEnvelope(slack: SlackStandIn, event: Record<string, unknown>, eventId = `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: slack.team.id,
    api_app_id: slack.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: slack.team.id, user_id: slack.botUserId, is_bot: true, is_enterprise_install: false }],
  });
}

/** An interactivity payload (block_actions, view_submission) as Slack posts it: form-encoded `payload=`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload as Slack posts it when `userId` presses a button in their DM with the bot. */
export function buttonPressBody(slack: SlackStandIn, userId: string, actionId: string, value: string, responseId: string): string {
  return interactionBody({
    type: 'block_actions',
    team: { id: slack.team.id, domain: slack.team.domain },
    user: { id: userId, team_id: slack.team.id },
    api_app_id: slack.appId,
    trigger_id: slack.issueTriggerId({ userId }),
    channel: { id: slack.dmChannelOf(userId) },
    response_url: slack.responseUrl(responseId),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: `${Date.now() / 1000}` }],
  });
}

/** An input block of a modal as Rounds renders it (what `modalState` reads). */
export interface ModalInputBlock {
  type: string;
  block_id: string;
  element: { type: string; action_id: string; initial_value?: string; initial_option?: { value: string }; initial_options?: { value: string }[] };
}

/** `view.state.values` as Slack sends it in a view_submission: each input's initial value, unless overridden. */
export function modalState(view: { blocks: ModalInputBlock[] }, overrides: Record<string, string> = {}): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks.filter((b) => b.type === 'input')) {
    const { element } = block;
    const given = overrides[block.block_id];
    let state: unknown;
    switch (element.type) {
      case 'static_select':
        state = { type: element.type, selected_option: given ? { value: given } : (element.initial_option ?? null) };
        break;
      case 'multi_static_select':
        state = {
          type: element.type,
          selected_options: given !== undefined ? given.split(',').filter(Boolean).map((value) => ({ value })) : (element.initial_options ?? []),
        };
        break;
      default:
        state = { type: element.type, value: given ?? element.initial_value ?? null };
    }
    values[block.block_id] = { [element.action_id]: state };
  }
  return values;
}

/** Posts `/rounds <text>` as `userId` and waits on its response url until at least `count` answers arrived (one per reply the core gave). */
export async function slashAnswers(app: SlackApp, userId: string, text: string, count = 1): Promise<unknown[]> {
  const body = slashCommandBody(app.slack, userId, text);
  const responseId = new URLSearchParams(body).get('response_url')?.split('/').pop() ?? '';
  const res = await app.post(body, { contentType: 'application/x-www-form-urlencoded' });
  if (res.status !== 200) throw new Error(`/slack/events answered ${res.status}`);
  for (let waited = 0; waited < 10_000; waited += 50) {
    const bodies = app.slack.responsesTo(responseId);
    if (bodies.length >= count) return bodies;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fewer than ${count} answers to "/rounds ${text}" within 10 s`);
}
