// The Slack ChatPlatform: sends, updates and finds messages and reads the directory through the Web API.
import type { Logger as SlackLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Message } from '../../src/core/messages/model.ts';
import type { DirectoryUser, Locale, Workspace } from '../../src/core/model.ts';
import type { ChatPlatform, Recipient, SentMessage } from '../../src/core/chat-platform.ts';
import { toRoundsError } from './errors.ts';
import type { SlackRateLimiter } from './rate-limiter.ts';
import { type MemberLookup, mentionAddresses } from '../../src/core/messages/addresses.ts';
import { renderMessage, renderMessages } from './render.ts';

/** The metadata event type that tags every delivery with its idempotency key. */
export const DELIVERY_EVENT_TYPE = 'rounds_delivery';
/** How far back an in-doubt delivery is looked for; deliveries are retried within minutes, not days. */
const FIND_WINDOW_SECONDS = 2 * 24 * 3600;

export interface SlackClients {
  /** A Web API client for the workspace's bot token, with the SDK's own retries off. */
  forTeam(teamId: string): Promise<WebClient>;
}

/** `logger`: where the client's own lines go (see sdk-logger.ts); without it, the console at info. */
export function createWebClient(token: string, apiUrl?: string, logger?: SlackLogger): WebClient {
  return new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    ...(logger ? { logger } : {}),
    // BullMQ alone decides about retries: a 429 or a 5xx reaches us at once.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 15_000,
  });
}

async function call<T>(limiter: SlackRateLimiter, teamId: string, method: string, fn: () => Promise<T>): Promise<T> {
  await limiter.take(teamId, method);
  try {
    return await fn();
  } catch (err) {
    throw toRoundsError(err, method);
  }
}

export function createSlackPlatform(deps: { clients: SlackClients; limiter: SlackRateLimiter; members: MemberLookup }): ChatPlatform & {
  conversationFor(workspace: Workspace, to: Recipient): Promise<string>;
} {
  const { clients, limiter } = deps;

  async function conversationFor(workspace: Workspace, to: Recipient): Promise<string> {
    const users = to.kind === 'dm' ? [to.member.externalId] : to.members.map((m) => m.externalId);
    const client = await clients.forTeam(workspace.externalId);
    const result = await call(limiter, workspace.externalId, 'conversations.open', () =>
      client.conversations.open({ users: users.join(',') }),
    );
    const id = result.channel?.id;
    if (!id) throw toRoundsError(new Error('conversations.open returned no channel'), 'conversations.open');
    return id;
  }

  return {
    platform: 'slack',
    // Messages carry their key in metadata; group DMs, ephemeral replies and chat.update are all there.
    capabilities: { findSent: true, groupConversations: true, privateReplies: true, updateMessages: true },
    conversationFor,

    async send(workspace: Workspace, to: Recipient, message: Message, key: string): Promise<SentMessage> {
      const client = await clients.forTeam(workspace.externalId);
      const channel = to.kind === 'dm' ? to.member.externalId : await conversationFor(workspace, to);
      const parts = renderMessages(message, await mentionAddresses(deps.members, workspace.id, [message]));
      // A long message goes as several Slack messages, each carrying the key; the last one says the delivery is whole.
      let sent: SentMessage = { messageId: '', conversationId: channel };
      for (const [i, part] of parts.entries()) {
        const payload: Record<string, string | number> = parts.length === 1 ? { key } : { key, part: i + 1, parts: parts.length };
        const result = await call(limiter, workspace.externalId, 'chat.postMessage', () =>
          client.chat.postMessage({ channel, text: part.text, blocks: part.blocks, metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: payload } }),
        );
        if (i === 0) sent = { messageId: result.ts ?? '', conversationId: result.channel ?? channel };
      }
      return sent;
    },

    async update(workspace, sent, message) {
      const client = await clients.forTeam(workspace.externalId);
      const rendered = renderMessage(message, await mentionAddresses(deps.members, workspace.id, [message]));
      await call(limiter, workspace.externalId, 'chat.update', () =>
        client.chat.update({ channel: sent.conversationId, ts: sent.messageId, text: rendered.text, blocks: rendered.blocks }),
      );
    },

    async findSent(workspace, to, key) {
      const client = await clients.forTeam(workspace.externalId);
      const channel = await conversationFor(workspace, to);
      const oldest = String(Math.floor(Date.now() / 1000) - FIND_WINDOW_SECONDS);
      let cursor: string | undefined;
      do {
        const page = await call(limiter, workspace.externalId, 'conversations.history', () =>
          client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) }),
        );
        for (const m of page.messages ?? []) {
          const payload = m.metadata?.event_payload as { key?: unknown; part?: unknown; parts?: unknown } | undefined;
          // Sent means sent whole: a delivery of several parts counts once its last part is there.
          const whole = payload?.part === undefined || payload.part === payload.parts;
          if (m.metadata?.event_type === DELIVERY_EVENT_TYPE && payload?.key === key && whole && m.ts) {
            return { messageId: m.ts, conversationId: channel };
          }
        }
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return null;
    },

    async listDirectory(workspace) {
      const client = await clients.forTeam(workspace.externalId);
      const users: DirectoryUser[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(limiter, workspace.externalId, 'users.list', () =>
          client.users.list({ limit: 200, include_locale: true, ...(cursor ? { cursor } : {}) }),
        );
        for (const u of page.members ?? []) {
          const user = toDirectoryUser(u);
          if (user) users.push(user);
        }
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return users;
    },
  };
}

interface SlackUserLike {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_app_user?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  tz?: string;
  locale?: string;
  profile?: { title?: string; email?: string; display_name?: string; real_name?: string };
}

/** A Slack user as a directory entry; null for bots, apps, Slackbot and deleted users. */
export function toDirectoryUser(u: SlackUserLike): DirectoryUser | null {
  if (!u.id || u.deleted || u.is_bot || u.is_app_user || u.id === 'USLACKBOT') return null;
  const displayName = u.profile?.real_name || u.real_name || u.profile?.display_name || u.name || u.id;
  return {
    externalId: u.id,
    displayName,
    title: u.profile?.title ?? '',
    timeZone: u.tz,
    locale: toLocale(u.locale),
    email: u.profile?.email ?? null,
    isAdmin: Boolean(u.is_admin || u.is_owner || u.is_primary_owner),
  };
}

function toLocale(locale: string | undefined): Locale {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}
