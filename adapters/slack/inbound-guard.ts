// The gate in front of Bolt on POST /slack/events: a request passes only when it is signed, current, well formed,
// from a workspace this Rounds serves, and not seen before. Bolt then checks the signature again and dispatches.
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../src/core/infrastructure.ts';

/** How far a request's timestamp may be from now, either way (Slack's own rule for the past). */
export const REQUEST_WINDOW_SECONDS = 5 * 60;
/** Bolt's own limit on a request body. */
const BODY_LIMIT = '4mb';
/** Remembering a request must not hold up the ack when Redis is away: past this, the request is refused. */
const SEEN_TIMEOUT_MS = 1_000;

/** What the receiver answers a slash command from a workspace it does not serve (Slack shows it to the person). */
export const OTHER_WORKSPACE_TEXT = 'This Rounds serves another workspace, so it cannot answer here.';

export interface InboundGuardOptions {
  signingSecret: string;
  redis: Redis;
  /** Redis key prefix of the accepted-request memory, shared by every web process of one deployment. */
  keyPrefix: string;
  logger: Logger;
  /** The slash command Rounds answers; any other is not a request it handles. */
  command: string;
  /** Whether this Rounds serves the Slack team (its token's team, or an installed one). */
  serves(teamId: string): Promise<boolean>;
  now?: () => number;
}

const id = z.string().min(1);
const slashCommand = z.object({
  command: id,
  team_id: id,
  user_id: id,
  response_url: z.url({ protocol: /^https?$/ }),
  text: z.string().optional(),
});
const interaction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('block_actions'),
    user: z.object({ id, team_id: z.string().optional() }),
    team: z.object({ id }).nullish(),
    actions: z.array(z.object({ action_id: id })).min(1),
  }),
  z.object({
    type: z.literal('view_submission'),
    user: z.object({ id, team_id: z.string().optional() }),
    team: z.object({ id }).nullish(),
    view: z.object({ callback_id: z.string(), team_id: z.string().optional(), state: z.object({ values: z.record(z.string(), z.unknown()) }) }),
  }),
]);
const envelope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event_callback'), team_id: id, event_id: id, event: z.object({ type: id }) }),
  z.object({ type: z.literal('url_verification'), challenge: id }),
  z.object({ type: z.literal('app_rate_limited'), team_id: id }),
]);

type Inbound =
  | { kind: 'command'; teamId: string }
  | { kind: 'event'; teamId: string }
  | { kind: 'interaction'; teamId: string | undefined }
  | { kind: 'handshake' };

class Refusal extends Error {
  readonly status: number;
  readonly reason: string;
  constructor(status: number, reason: string) {
    super(reason);
    this.status = status;
    this.reason = reason;
  }
}

export function createInboundGuard(opts: InboundGuardOptions): RequestHandler {
  const now = opts.now ?? Date.now;
  const log = opts.logger;
  const readBody = express.raw({ type: () => true, limit: BODY_LIMIT });

  return (req, res, next) => {
    readBody(req, res, (err?: unknown) => {
      if (err) {
        const status = (err as { status?: number }).status === 413 ? 413 : 400;
        log.warn({ status, reason: 'unreadable body' }, 'Slack request refused');
        res.status(status).send();
        return;
      }
      void guard(req, res, next);
    });
  };

  async function guard(req: Request, res: Response, next: NextFunction) {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    // Bolt reads the body again from here (it finds the stream already consumed).
    Object.assign(req, { rawBody: raw, body: undefined });
    try {
      const timestamp = verify(req, raw.toString('utf8'));
      const inbound = classify(raw.toString('utf8'), req.headers['content-type'], opts.command);
      const teamId = 'teamId' in inbound ? inbound.teamId : undefined;
      if (inbound.kind !== 'handshake' && !teamId) throw new Refusal(400, 'no team');
      if (teamId && !(await opts.serves(teamId))) {
        log.warn({ teamId, kind: inbound.kind }, 'Slack request from a workspace this Rounds does not serve refused');
        if (inbound.kind === 'command') res.status(200).json({ response_type: 'ephemeral', text: OTHER_WORKSPACE_TEXT });
        else res.status(403).send();
        return;
      }
      // Slack's own retries of an event carry the same signature; they are let through and deduplicated by event id.
      const slackRetry = inbound.kind === 'event' && req.headers['x-slack-retry-num'] !== undefined;
      if (!slackRetry && !(await firstUse(String(req.headers['x-slack-signature']), timestamp))) {
        throw new Refusal(401, 'replayed');
      }
    } catch (err) {
      if (!(err instanceof Refusal)) {
        log.error({ err: { message: (err as Error).message } }, 'Slack request could not be checked');
        res.status(503).send();
        return;
      }
      log.warn({ status: err.status, reason: err.reason }, 'Slack request refused');
      res.status(err.status).send();
      return;
    }
    next();
  }

  function verify(req: Request, body: string): number {
    const signature = req.headers['x-slack-signature'];
    const stamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof stamp !== 'string') throw new Refusal(401, 'unsigned');
    const timestamp = Number(stamp);
    if (!Number.isInteger(timestamp)) throw new Refusal(401, 'bad timestamp');
    if (Math.abs(now() / 1000 - timestamp) > REQUEST_WINDOW_SECONDS) throw new Refusal(401, 'timestamp outside the window');
    const expected = Buffer.from(`v0=${createHmac('sha256', opts.signingSecret).update(`v0:${stamp}:${body}`).digest('hex')}`);
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Refusal(401, 'bad signature');
    return timestamp;
  }

  /** True the first time a signature is presented within its window, across every web process. */
  async function firstUse(signature: string, timestamp: number): Promise<boolean> {
    // Kept until the timestamp leaves the window: after that the request is refused as stale anyway.
    const ttlMs = Math.max(1_000, (timestamp + REQUEST_WINDOW_SECONDS + 1) * 1000 - now());
    const set = opts.redis.set(`${opts.keyPrefix}${signature}`, '1', 'PX', ttlMs, 'NX');
    return (await withTimeout(set, SEEN_TIMEOUT_MS)) === 'OK';
  }
}

/** What kind of Slack request the body is, or a 400 Refusal when it is none Rounds handles. */
function classify(body: string, contentType: string | undefined, knownCommand: string): Inbound {
  // Bolt's own rule: exactly this content type is a form, anything else is JSON.
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parseForm(body);
    if (form.get('ssl_check') === '1') return { kind: 'handshake' };
    const payload = form.get('payload');
    if (payload !== undefined) {
      const parsed = interaction.safeParse(parseJson(payload));
      if (!parsed.success) throw new Refusal(400, 'unknown or incomplete interaction');
      const p = parsed.data;
      const teamId = p.team?.id ?? (p.type === 'view_submission' ? p.view.team_id : undefined) ?? p.user.team_id;
      return { kind: 'interaction', teamId };
    }
    const command = slashCommand.safeParse(Object.fromEntries(form));
    if (!command.success || command.data.command !== knownCommand) throw new Refusal(400, 'unknown or incomplete form');
    return { kind: 'command', teamId: command.data.team_id };
  }
  const parsed = envelope.safeParse(parseJson(body));
  if (!parsed.success) throw new Refusal(400, 'unknown or incomplete event');
  const e = parsed.data;
  return e.type === 'url_verification' ? { kind: 'handshake' } : { kind: 'event', teamId: e.team_id };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Refusal(400, 'not JSON');
  }
}

/** A form body, refused when a value is not valid percent-encoded UTF-8 or a field comes twice. */
function parseForm(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    const value = at < 0 ? '' : pair.slice(at + 1);
    try {
      const key = decodeURIComponent(name.replaceAll('+', ' '));
      if (fields.has(key)) throw new Refusal(400, 'repeated form field');
      fields.set(key, decodeURIComponent(value.replaceAll('+', ' ')));
    } catch (err) {
      if (err instanceof Refusal) throw err;
      throw new Refusal(400, 'bad percent-encoding');
    }
  }
  return fields;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
