// The local mode HTTP API (the README's "Local mode API"): who is here, say, act, inbox and the movable clock; and the chat page.
import { readFileSync } from 'node:fs';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { type DateTime, Duration } from 'luxon';
import { z } from 'zod';
import type { Bot } from '../../src/core/bot.ts';
import { mentionAddresses } from '../../src/core/messages/addresses.ts';
import type { Message } from '../../src/core/messages/model.ts';
import type { Member } from '../../src/core/model.ts';
import type { Clock } from '../../src/core/infrastructure.ts';
import type { Repositories } from '../../src/core/repositories.ts';
import type { LocalInboxStore } from './platform.ts';
import { pageMessage } from './render.ts';

export interface LocalApiDeps {
  bot: Bot;
  repos: Repositories;
  workspaceId: string;
  inbox: LocalInboxStore;
  clock: Clock;
  /** Moves the clock forward as if the time had passed: everything that falls due on the way is sent. */
  advance: (ms: number) => Promise<DateTime>;
  /** Whether Redis answers now: moving the clock queues deliveries and needs it. */
  redisReady: () => boolean;
}

const REDIS_DOWN = 'Redis is not reachable, so the clock cannot move (it queues what falls due): start Redis or check REDIS_URL, then try again';

const sayBody = z.object({ as: z.string().min(1), text: z.string().max(20_000) });
const actBody = z.object({
  as: z.string().min(1),
  actionId: z.string().min(1).max(255),
  value: z.string().max(2_000).default(''),
  fields: z.record(z.string(), z.string().max(20_000)).optional(),
  /** The inbox message whose button was pressed: a reply that settles it replaces it there. */
  message: z.string().min(1).max(100).optional(),
});
const clockBody = z.object({ advance: z.string().min(1) });

class ApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const pagePath = new URL('./page/index.html', import.meta.url);

export function localPageRouter(): Router {
  const router = Router();
  let page: string | undefined;
  router.get('/', (_req, res) => {
    page ??= readFileSync(pagePath, 'utf8');
    res.type('html').send(page);
  });
  return router;
}

export function localApiRouter(deps: LocalApiDeps): Router {
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  const memberOr404 = async (externalId: string): Promise<Member> => {
    const member = await deps.repos.members.findByExternal(deps.workspaceId, externalId);
    if (!member || !member.active) throw new ApiError(404, `no member with id "${externalId}"`);
    return member;
  };

  /** Replies as the page reads them, mentions by local member id. */
  const forPage = async (replies: Message[]) => {
    const addresses = await mentionAddresses(deps.repos.members, deps.workspaceId, replies);
    return replies.map((reply) => pageMessage(reply, addresses));
  };

  router.get('/members', async (_req, res) => {
    const members = await deps.repos.members.list(deps.workspaceId);
    res.json({
      members: members.map((m) => ({
        id: m.externalId, name: m.displayName, role: m.role, title: m.title, team: m.team, timeZone: m.timeZone,
      })),
    });
  });

  router.post('/say', async (req, res) => {
    const body = parse(sayBody, req.body);
    await memberOr404(body.as);
    const text = body.text.trim();
    const slash = /^\/rounds\b/i.test(text);
    const replies = await deps.bot.handle({
      type: 'command',
      via: slash ? 'slash' : 'dm',
      workspaceId: deps.workspaceId,
      memberExternalId: body.as,
      text: slash ? text.replace(/^\/rounds\b/i, '').trim() : text,
    });
    res.json({ replies: await forPage(replies) });
  });

  router.post('/act', async (req, res) => {
    const body = parse(actBody, req.body);
    const member = await memberOr404(body.as);
    const base = { workspaceId: deps.workspaceId, memberExternalId: body.as };
    const replies = await deps.bot.handle(
      body.fields
        ? { ...base, type: 'form', formId: body.actionId, value: body.value, fields: body.fields }
        : { ...base, type: 'action', actionId: body.actionId, value: body.value },
    );
    const replacement = replies.find((r) => r.intent === 'replace');
    if (replacement && body.message) {
      // Only a message in the presser's own inbox; the page shows the replacement in its place.
      const own = (await deps.inbox.listFor(deps.workspaceId, member.id)).some((m) => m.id === body.message);
      if (own) await deps.inbox.update(deps.workspaceId, body.message, { text: replacement.text, blocks: replacement.blocks });
    }
    res.json({ replies: await forPage(replies) });
  });

  router.get('/inbox/:memberId', async (req, res) => {
    const member = await memberOr404(String(req.params.memberId));
    const [rows, members] = await Promise.all([
      deps.inbox.listFor(deps.workspaceId, member.id),
      deps.repos.members.list(deps.workspaceId, { includeInactive: true }),
    ]);
    const externalOf = new Map(members.map((m) => [m.id, m.externalId]));
    res.json({
      messages: rows.map((r) => ({
        id: r.id,
        at: r.at,
        conversation: r.conversation,
        with: r.memberIds.map((id) => externalOf.get(id) ?? id),
        text: r.message.text,
        blocks: pageMessage(r.message, externalOf).blocks,
      })),
    });
  });

  /** The simulated instant, and the practice's zone to read it in (a manager can change the zone in settings). */
  const clockNow = async () => {
    const workspace = await deps.repos.workspaces.get(deps.workspaceId);
    return { now: deps.clock.now().toISO(), timeZone: workspace?.timeZone ?? 'UTC' };
  };

  router.get('/clock', async (_req, res) => {
    res.json(await clockNow());
  });

  router.post('/clock', async (req, res) => {
    const body = parse(clockBody, req.body);
    const duration = Duration.fromISO(body.advance);
    if (!duration.isValid) throw new ApiError(400, `"advance" must be an ISO-8601 duration such as "P1D" or "PT2H", got "${body.advance}"`);
    const ms = duration.as('milliseconds');
    if (!(ms > 0)) throw new ApiError(400, 'the clock only moves forward: "advance" must be a positive duration');
    if (ms > Duration.fromObject({ years: 2 }).as('milliseconds')) throw new ApiError(400, '"advance" is limited to two years at a time');
    if (!deps.redisReady()) throw new ApiError(503, REDIS_DOWN);
    await deps.advance(ms);
    res.json(await clockNow());
  });

  router.use((_req, res) => {
    res.status(404).json({ error: 'no such local API route' });
  });
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err instanceof ApiError) return res.status(err.status).json({ error: err.message });
    const status = (err as { status?: number; type?: string }).status;
    if (status === 400 || status === 413) {
      return res.status(status).json({ error: status === 413 ? 'request body too large' : 'request body is not valid JSON' });
    }
    return next(err);
  });
  return router;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    throw new ApiError(400, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
