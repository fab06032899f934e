// The Slack adapter: Bolt on the service's own express app (or Socket Mode), translating Slack to core events.
import { App, ExpressReceiver } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Bot } from '../../src/core/bot.ts';
import { DEFAULT_TASKS } from '../../src/core/coverage/ports.ts';
import { catalogFor } from '../../src/core/messages/catalog.ts';
import type { FormBlock, Message } from '../../src/core/messages/model.ts';
import { DEFAULT_SETTINGS, type Workspace } from '../../src/core/model.ts';
import type { ChatPlatform, Logger, Repositories } from '../../src/core/ports.ts';
import type { SlackConfig } from '../../src/config.ts';
import { createAfterAck } from './after-ack.ts';
import { createInboundGuard } from './inbound-guard.ts';
import { createInstallationStore } from './installation-store.ts';
import { createSlackPlatform, createWebClient, toDirectoryUser } from './platform.ts';
import { createSlackRateLimiter, type SlackRateLimiter } from './rate-limiter.ts';
import { toSlackSdkLogger } from './sdk-logger.ts';
import { parseOpenFormValue, readModalValues, renderHome, renderMessage, renderModal } from './render.ts';

export const SLASH_COMMAND = '/rounds';
/** Slash commands answered at once after their acks; more wait their turn (each takes a few milliseconds). */
const AFTER_ACK_CONCURRENCY = 2;
/** The action that opens a form as a modal when it could not be opened straight away (no trigger id then). */
export const OPEN_FORM_ACTION = 'rounds.open_form';
/** Scopes the app asks for (the manifest lists the same). */
export const SLACK_SCOPES = [
  'chat:write',
  'commands',
  'im:history',
  'im:read',
  'im:write',
  'mpim:write',
  'users:read',
  'users:read.email',
];

export interface SlackAdapterOptions {
  config: SlackConfig;
  encryptionKey?: Buffer;
  /** The service's express app to mount /slack/events on; without it (a worker process) only the outbound side runs. */
  http?: Express;
  bot: Bot;
  repos: Repositories;
  logger: Logger;
  redis: Redis;
  /** True the first time an event id is seen (kept in Postgres, shared by every process). */
  firstSeen: (eventId: string) => Promise<boolean>;
  /** A workspace seen for the first time: bring its directory in. */
  onNewWorkspace?: (workspace: Workspace, platform: ChatPlatform) => Promise<void>;
  /** Per-minute limits per method, over Slack's tiers (tests and benchmarks size them to the stand-in). */
  limits?: Partial<Record<string, number>>;
  /** Redis key prefix under which accepted requests are remembered (one per deployment). */
  requestKeyPrefix?: string;
}

export interface SlackAdapter {
  platform: ChatPlatform;
  limiter: SlackRateLimiter;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackAdapter(opts: SlackAdapterOptions): SlackAdapter {
  const { config, repos, logger } = opts;
  const log = logger.child({ adapter: 'slack' });
  const limiter = createSlackRateLimiter(opts.redis, { limits: opts.limits });
  const sdkLogger = toSlackSdkLogger(log);
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const oauth = config.clientId !== undefined;

  // Tokens: the single bot token, or the installation of each team (decrypted on demand).
  const store = oauth && opts.encryptionKey
    ? createInstallationStore(repos.installations, opts.encryptionKey, async (teamId) => {
        await ensureWorkspace(teamId).catch((err: unknown) => log.error({ err, teamId }, 'could not set up an installed workspace'));
      })
    : undefined;
  const tokenClients = new Map<string, WebClient>();
  const clients = {
    async forTeam(teamId: string): Promise<WebClient> {
      let token = config.botToken;
      if (store) {
        const installation = await store.fetchInstallation({ teamId, isEnterpriseInstall: false, enterpriseId: undefined });
        token = installation.bot?.token;
      }
      if (!token) throw new Error(`no bot token for team ${teamId}`);
      let client = tokenClients.get(token);
      if (!client) {
        client = createWebClient(token, config.apiUrl, sdkLogger);
        tokenClients.set(token, client);
      }
      return client;
    },
  };
  const platform = createSlackPlatform({ clients, limiter });
  const afterAck = createAfterAck(AFTER_ACK_CONCURRENCY, log);
  const inbound = opts.http !== undefined;
  if (!inbound) return { platform, limiter, start: async () => undefined, stop: async () => undefined };

  // Single-workspace mode: who the bot is, learned once from auth.test instead of on every request.
  let identity: Promise<{ botId: string; botUserId: string; teamId: string }> | undefined;
  const whoAmI = () => {
    identity ??= createWebClient(config.botToken ?? '', config.apiUrl, sdkLogger)
      .auth.test()
      .then((r) => ({ botId: r.bot_id ?? '', botUserId: r.user_id ?? '', teamId: r.team_id ?? '' }))
      .catch((err: unknown) => {
        identity = undefined;
        throw err;
      });
    return identity;
  };

  /** The one team of the bot token, or a team that installed Rounds: nobody else is answered. */
  async function serves(teamId: string): Promise<boolean> {
    if (oauth) return (await repos.installations.find('slack', `T:${teamId}`)) !== null;
    return (await whoAmI()).teamId === teamId;
  }

    if (!config.appToken && opts.http) {
    // Ahead of Bolt's receiver, which adds its route below.
    opts.http.post(
      '/slack/events',
      createInboundGuard({
        signingSecret: config.signingSecret,
        redis: opts.redis,
        keyPrefix: opts.requestKeyPrefix ?? 'rounds:slack-request:',
        logger: log,
        command: SLASH_COMMAND,
        serves,
      }),
    );
  }
  const receiver = config.appToken
    ? undefined
    : new ExpressReceiver({
        signingSecret: config.signingSecret,
        app: opts.http,
        endpoints: '/slack/events',
        logger: sdkLogger,
        processBeforeResponse: false,
        ...(oauth
          ? {
              clientId: config.clientId,
              clientSecret: config.clientSecret,
              stateSecret: config.stateSecret,
              scopes: SLACK_SCOPES,
              installationStore: store,
              installerOptions: { directInstall: true, clientOptions },
            }
          : {}),
      });

  const app = new App({
    ...(receiver
      ? { receiver }
      : {
          socketMode: true,
          appToken: config.appToken,
          signingSecret: config.signingSecret,
          // The socket client rewrites the retry policy of the options it is given (100 retries):
          // hand it a copy, so our listeners' Web API clients keep their own.
          installerOptions: { clientOptions: { ...clientOptions } },
        }),
    ...(oauth
      ? {}
      : {
          authorize: async () => {
            const me = await whoAmI();
            return { botToken: config.botToken, botId: me.botId, botUserId: me.botUserId, teamId: me.teamId };
          },
        }),
    clientOptions,
    logger: sdkLogger,
    // Our own tokens are checked when used; no auth.test on every request.
    tokenVerificationEnabled: false,
  });

  // Known teams and members, remembered so each request does not look them up again: a cache only
  // (every replica finds the same rows in Postgres), used for ids, never for settings.
  const knownTeams = new Map<string, Workspace>();
  const knownMembers = new Set<string>();

  async function ensureWorkspace(teamId: string, name?: string): Promise<Workspace> {
    const cached = knownTeams.get(teamId);
    if (cached) return cached;
    const found = await repos.workspaces.findByExternal('slack', teamId);
    if (found) {
      knownTeams.set(teamId, found);
      return found;
    }
    // Never a workspace for a team the token does not belong to, whichever way its id arrived.
    if (!(await serves(teamId))) throw new Error(`Rounds does not serve Slack team ${teamId}`);
    let workspace: Workspace;
    try {
      workspace = await repos.workspaces.create({
        platform: 'slack',
        externalId: teamId,
        name: name ?? teamId,
        timeZone: 'America/New_York',
        locale: 'en',
        settings: { ...DEFAULT_SETTINGS },
      });
    } catch (err) {
      // Two first requests at once: the other one created it.
      const again = await repos.workspaces.findByExternal('slack', teamId);
      if (again) return again;
      throw err;
    }
    await repos.tasks.ensure(workspace.id, [...DEFAULT_TASKS]);
    await opts.onNewWorkspace?.(workspace, platform);
    log.info({ workspaceId: workspace.id, teamId }, 'new Slack workspace');
    return workspace;
  }

  async function ensureMember(workspace: Workspace, userId: string, client: WebClient): Promise<void> {
    const known = `${workspace.id}:${userId}`;
    if (knownMembers.has(known)) return;
    if (await repos.members.findByExternal(workspace.id, userId)) {
      knownMembers.add(known);
      return;
    }
    await limiter.wait(workspace.externalId, 'users.info');
    const info = await client.users.info({ user: userId, include_locale: true });
    const user = info.user ? toDirectoryUser(info.user) : null;
    if (user) await opts.bot.handle({ type: 'member_changed', workspaceId: workspace.id, user });
  }

  async function resolve(teamId: string | undefined, userId: string, client: WebClient): Promise<Workspace | null> {
    if (!teamId) return null;
    const workspace = await ensureWorkspace(teamId);
    await ensureMember(workspace, userId, client);
    return workspace;
  }

  // Over HTTP the inbound guard refuses another team before Bolt sees it; over the socket this is that rule:
  // an envelope for a team this Rounds does not serve is acked (so Slack does not send it again) and dropped.
  if (!receiver) {
    app.use(async (args) => {
      const teamId = teamOf(args.body);
      if (teamId && (await serves(teamId))) {
        await args.next();
        return;
      }
      const ack = (args as { ack?: () => Promise<void> }).ack;
      await ack?.();
      log.warn({ teamId, kind: kindOf(args.body) }, 'Slack envelope from a workspace this Rounds does not serve ignored');
    });
  }

  // Slack retries an event when our ack is slow; each event id is handled once, across processes.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await opts.firstSeen(eventId))) {
      log.debug({ eventId }, 'repeated Slack event ignored');
      return;
    }
    await next();
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    // The answer follows the ack. A form needs the trigger id within 3 s, so commands go ahead of nothing
    // but each other: the queue is short and a handful run at once.
    afterAck.run({ teamId: command.team_id, command: 'slash' }, async () => {
      const workspace = await resolve(command.team_id, command.user_id, client);
      if (!workspace) return;
      const replies = await opts.bot.handle({
        type: 'command',
        via: 'slash',
        workspaceId: workspace.id,
        memberExternalId: command.user_id,
        text: command.text ?? '',
      });
      const form = firstForm(replies);
      if (form && command.trigger_id) {
        await openModal(client, workspace, command.trigger_id, form, replies);
        return;
      }
      for (const reply of withOpenFormButtons(replies, command.text ?? '')) {
        await respond({ response_type: 'ephemeral', ...renderMessage(reply) });
      }
    });
  });

  app.message(async ({ message, say, client, body }) => {
    const m = message as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; text?: string };
    // Only what a person writes to the bot in its DM; never its own or another bot's messages.
    if (m.channel_type !== 'im' || m.subtype !== undefined || m.bot_id || !m.user) return;
    const teamId = (body as { team_id?: string }).team_id;
    const workspace = await resolve(teamId, m.user, client);
    if (!workspace) return;
    const text = m.text ?? '';
    const replies = await opts.bot.handle({ type: 'command', via: 'dm', workspaceId: workspace.id, memberExternalId: m.user, text });
    for (const reply of withOpenFormButtons(replies, text)) {
      await limiter.wait(workspace.externalId, 'chat.postMessage');
      await say(renderMessage(reply));
    }
  });

  app.action(/.*/, async ({ action, ack, body, respond, client }) => {
    await ack();
    const user = body.user.id;
    const teamId = body.team?.id ?? (body as { user?: { team_id?: string } }).user?.team_id;
    const workspace = await resolve(teamId, user, client);
    if (!workspace) return;
    const { actionId, value } = readAction(action);
    const triggerId = (body as { trigger_id?: string }).trigger_id;

    if (actionId === OPEN_FORM_ACTION) {
      // Two kinds of reference: a form sent on its own carries {formId, value} (its action, asked again,
      // returns the form); a form answered in a DM carries the command that built it, run again.
      const ref = parseOpenFormValue(value);
      const replies = ref
        ? await opts.bot.handle({ type: 'action', workspaceId: workspace.id, memberExternalId: user, actionId: ref.formId, value: ref.value ?? '' })
        : await opts.bot.handle({ type: 'command', via: 'dm', workspaceId: workspace.id, memberExternalId: user, text: value });
      const form = firstForm(replies);
      if (form && triggerId) await openModal(client, workspace, triggerId, form, replies);
      else for (const reply of replies) await respond({ response_type: 'ephemeral', replace_original: false, ...renderMessage(reply) });
      return;
    }
    const replies = await opts.bot.handle({ type: 'action', workspaceId: workspace.id, memberExternalId: user, actionId, value });
    const form = firstForm(replies);
    if (form && triggerId) {
      await openModal(client, workspace, triggerId, form, replies);
      return;
    }
    const pressed = pressedMessage(body);
    for (const reply of replies) {
      // What was decided takes the place of the message whose button was pressed.
      if (reply.replace && pressed.responseUrl) {
        await respond({ replace_original: true, ...renderMessage(reply) });
      } else if (reply.replace && pressed.ts && pressed.channel) {
        await platform.update(workspace, { messageId: pressed.ts, conversationId: pressed.channel }, reply);
      } else {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderMessage(reply) });
      }
    }
  });

  app.view(/.*/, async ({ view, ack, body, client }) => {
    const user = body.user.id;
    const teamId = body.team?.id ?? view.team_id;
    const workspace = await resolve(teamId, user, client);
    if (!workspace) {
      await ack();
      return;
    }
    const replies = await opts.bot.handle({
      type: 'form',
      workspaceId: workspace.id,
      memberExternalId: user,
      formId: view.callback_id,
      value: view.private_metadata ?? '',
      fields: readModalValues(view.state.values),
    });
    // The core answers a mistake by showing the form again: keep the modal open with the explanation in it.
    const again = firstForm(replies);
    if (again) {
      await ack({ response_action: 'update', view: renderModal(again, { contextBlocks: contextBefore(replies) }) });
      return;
    }
    await ack();
    for (const reply of replies) {
      await limiter.wait(workspace.externalId, 'chat.postMessage');
      await client.chat.postMessage({ channel: user, ...renderMessage(reply) });
    }
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab && event.tab !== 'home') return;
    const workspace = await resolve((body as { team_id?: string }).team_id, event.user, client);
    if (!workspace) return;
    const views = await opts.bot.home(workspace.id, event.user);
    await limiter.wait(workspace.externalId, 'views.publish');
    await client.views.publish({ user_id: event.user, view: renderHome(views) });
  });

  app.event('team_join', async ({ event, body }) => {
    const teamId = (body as { team_id?: string }).team_id;
    const user = toDirectoryUser(event.user as Parameters<typeof toDirectoryUser>[0]);
    if (!teamId || !user) return;
    const workspace = await ensureWorkspace(teamId);
    await opts.bot.handle({ type: 'member_joined', workspaceId: workspace.id, user });
  });

  app.event('user_change', async ({ event, body }) => {
    const teamId = (body as { team_id?: string }).team_id;
    if (!teamId) return;
    const workspace = await ensureWorkspace(teamId);
    const raw = event.user as Parameters<typeof toDirectoryUser>[0] & { id: string };
    const user = toDirectoryUser(raw);
    if (user) await opts.bot.handle({ type: 'member_changed', workspaceId: workspace.id, user });
    else if (raw.deleted) await opts.bot.handle({ type: 'member_left', workspaceId: workspace.id, memberExternalId: raw.id });
  });

  app.error(async (error) => {
    log.error({ err: { message: error.message, code: (error as { code?: string }).code } }, 'Slack listener failed');
  });

  async function openModal(client: WebClient, workspace: Workspace, triggerId: string, form: FormBlock, replies: Message[]) {
    await limiter.wait(workspace.externalId, 'views.open', 2_000);
    await client.views.open({ trigger_id: triggerId, view: renderModal(form, { contextBlocks: contextBefore(replies) }) });
  }

  return {
    platform,
    limiter,
    async start() {
      // Socket Mode connects out to Slack and keeps retrying while Slack is away: start-up (and /healthz)
      // must not wait for it; a refused app token is logged at once.
      if (!receiver) {
        app.start().catch((err: unknown) => log.error({ err: { message: (err as Error).message } }, 'Slack Socket Mode could not connect'));
      }
      if (!oauth && config.botToken) {
        // Learn the bot's identity early; a Slack outage here is logged and retried on first use.
        await whoAmI()
          .then((me) => ensureWorkspace(me.teamId))
          .catch((err: unknown) => log.warn({ err: { message: (err as Error).message } }, 'Slack not reachable at start'));
      }
    },
    async stop() {
      if (!receiver) await app.stop();
      await afterAck.drain();
    },
  };
}

/** The Slack team a command, event or interaction comes from, as each kind of payload names it. */
function teamOf(body: unknown): string | undefined {
  const b = body as { team_id?: unknown; team?: { id?: unknown } | null; view?: { team_id?: unknown }; user?: { team_id?: unknown } };
  const found = [b.team_id, b.team?.id, b.view?.team_id, b.user?.team_id].find((v) => typeof v === 'string' && v !== '');
  return found as string | undefined;
}

/** What kind of payload it is, for the log (never its text). */
function kindOf(body: unknown): string {
  const b = body as { type?: unknown; command?: unknown; event?: { type?: unknown } };
  if (typeof b.command === 'string') return 'command';
  if (typeof b.event?.type === 'string') return `event ${b.event.type}`;
  return typeof b.type === 'string' ? b.type : 'unknown';
}

function firstForm(replies: Message[]): FormBlock | undefined {
  for (const reply of replies) {
    for (const block of reply.blocks) if (block.type === 'form') return block;
  }
  return undefined;
}

/** Blocks that came before the form in the same replies (e.g. what was wrong), shown at the top of the modal. */
function contextBefore(replies: Message[]) {
  const blocks = replies.flatMap((r) => r.blocks);
  const index = blocks.findIndex((b) => b.type === 'form');
  return blocks.slice(0, Math.max(0, index)).filter((b) => b.type === 'section' || b.type === 'context');
}

/** Outside a slash command there is no trigger id: a form becomes a button that opens it. */
function withOpenFormButtons(replies: Message[], commandText: string): Message[] {
  return replies.map((reply) => {
    if (!reply.blocks.some((b) => b.type === 'form')) return reply;
    const blocks = reply.blocks.flatMap((b) =>
      b.type === 'form'
        ? [
            { type: 'section' as const, text: `*${b.title}*` },
            {
              type: 'actions' as const,
              elements: [{ type: 'button' as const, label: catalogFor('en').buttons.openForm(b.title).slice(0, 75), actionId: OPEN_FORM_ACTION, value: commandText.slice(0, 2000), style: 'primary' as const }],
            },
          ]
        : [b],
    );
    return { text: reply.text, blocks };
  });
}

/** Where a pressed button was: its response_url, or the (non-ephemeral) message's channel and ts for chat.update. */
function pressedMessage(body: unknown): { responseUrl?: string; channel?: string; ts?: string } {
  const b = body as { response_url?: string; container?: { channel_id?: string; message_ts?: string; is_ephemeral?: boolean } };
  const container = b.container?.is_ephemeral ? undefined : b.container;
  return { responseUrl: b.response_url, channel: container?.channel_id, ts: container?.message_ts };
}

function readAction(action: unknown): { actionId: string; value: string } {
  const a = action as { action_id?: string; value?: string; selected_option?: { value?: string }; selected_date?: string };
  return { actionId: a.action_id ?? '', value: a.value ?? a.selected_option?.value ?? a.selected_date ?? '' };
}
