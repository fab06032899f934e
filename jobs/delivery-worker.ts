// Sends recorded deliveries through the workspace's chat platform, at most once as users see it.
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { PlatformRejectedError, RateLimitedError, RoundsError } from '../src/core/errors.ts';
import { messageSchema } from '../src/core/messages/model.ts';
import type { Member, Platform } from '../src/core/model.ts';
import type { ChatPlatform, Recipient } from '../src/core/chat-platform.ts';
import type { Clock, Logger } from '../src/core/infrastructure.ts';
import type { Repositories } from '../src/core/repositories.ts';
import type { DeliveryJob, QueueNames } from './queues.ts';

export type Platforms = Partial<Record<Platform, ChatPlatform>>;

export interface DeliveryDeps {
  repos: Repositories;
  platforms: Platforms;
  clock: Clock;
  logger: Logger;
  onSent?: (kind: string) => void;
  onFailed?: (kind: string) => void;
}

export type DeliveryOutcome = 'sent' | 'already_sent' | 'reconciled' | 'gone';

/**
 * How long a send that started may still be running elsewhere (a worker that lost its job to a Redis
 * flush or a stall): longer than any platform call may take (the Slack client gives up after 15 s).
 */
export const IN_FLIGHT_MS = 20_000;

/** Another attempt of the same delivery may be sending right now: come back after `retryAfterMs`, attempt not spent. */
export class SendInFlightError extends RoundsError {
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number) {
    super('send_in_flight', `another attempt may be sending; retry after ${retryAfterMs} ms`);
    this.retryAfterMs = retryAfterMs;
  }
}

/** One attempt at a delivery. Throws to let BullMQ retry; UnrecoverableError when no retry can help. */
export async function deliver(deps: DeliveryDeps, key: string): Promise<DeliveryOutcome> {
  const { repos } = deps;
  const delivery = await repos.deliveries.get(key);
  if (!delivery || delivery.status === 'failed') return 'gone';
  if (delivery.status === 'sent') return 'already_sent';

  const workspace = await repos.workspaces.get(delivery.workspaceId);
  if (!workspace) throw new UnrecoverableError(`workspace ${delivery.workspaceId} is gone`);
  const platform = deps.platforms[workspace.platform];
  if (!platform) throw new UnrecoverableError(`no ${workspace.platform} adapter is running`);

  if (delivery.conversation === 'group' && !platform.capabilities.groupConversations) {
    throw new UnrecoverableError(`${workspace.platform} cannot open a group conversation`);
  }
  const members = await loadMembers(deps, delivery.workspaceId, delivery.memberIds);
  const to: Recipient =
    delivery.conversation === 'dm' && members[0] ? { kind: 'dm', member: members[0] } : { kind: 'group', members };

  // An earlier attempt started sending and its outcome is unknown (a crash, a timeout):
  // look for the message before sending a second copy. An attempt with no error yet may still
  // be running in another worker: wait until it cannot be.
  if (delivery.sendingAt) {
    const age = deps.clock.now().toMillis() - DateTime.fromISO(delivery.sendingAt).toMillis();
    if (delivery.lastError === null && age < IN_FLIGHT_MS) throw new SendInFlightError(IN_FLIGHT_MS - Math.max(0, age));
    // A platform that cannot look for it cannot tell: sending again could show it twice, so it is given up.
    if (!platform.capabilities.findSent) throw new UnrecoverableError(`delivery ${key} may have been sent, and ${workspace.platform} cannot look for it`);
    const found = await platform.findSent(workspace, to, key);
    if (found) {
      await repos.deliveries.markSent(key, found.messageId, now(deps));
      return 'reconciled';
    }
  }

  const parsed = messageSchema.safeParse(delivery.message);
  if (!parsed.success) throw new UnrecoverableError(`delivery ${key} holds an invalid message`);

  if (!(await repos.deliveries.markSending(key, now(deps), delivery.sendingAt))) throw new SendInFlightError(1_000);
  try {
    const sent = await platform.send(workspace, to, parsed.data, key);
    await repos.deliveries.markSent(key, sent.messageId, now(deps));
    deps.onSent?.(delivery.kind);
    return 'sent';
  } catch (err) {
    // The platform answered a refusal, so nothing was sent; anything else (a 5xx, a lost answer) may have sent.
    const refused = err instanceof RateLimitedError || err instanceof PlatformRejectedError;
    await repos.deliveries
      .markAttemptFailed(key, errorText(err), { inDoubt: !refused })
      .catch((e: unknown) => deps.logger.warn({ err: e, key }, 'could not record a failed attempt'));
    if (err instanceof PlatformRejectedError) throw new UnrecoverableError(err.message);
    throw err;
  }
}

async function loadMembers(deps: DeliveryDeps, workspaceId: string, ids: string[]): Promise<Member[]> {
  const members = await Promise.all(ids.map((id) => deps.repos.members.get(workspaceId, id)));
  const present = members.filter((m): m is Member => m !== null && m.active);
  if (present.length === 0) throw new UnrecoverableError('no active recipient');
  return present;
}

function now(deps: DeliveryDeps): string {
  return deps.clock.now().toISO() ?? '';
}

function errorText(err: unknown): string {
  if (err instanceof Error) return `${(err as { code?: string }).code ?? err.name}: ${err.message}`.slice(0, 500);
  return String(err).slice(0, 500);
}

export function startDeliveryWorker(
  deps: DeliveryDeps,
  connection: Redis,
  names: QueueNames,
  opts: { concurrency?: number } = {},
): Worker<DeliveryJob> {
  const worker = new Worker<DeliveryJob>(
    names.delivery,
    async (job: Job<DeliveryJob>) => {
      try {
        return await deliver(deps, job.data.key);
      } catch (err) {
        if (err instanceof RateLimitedError || err instanceof SendInFlightError) {
          // Wait out Retry-After (or another worker's send): move the job back with that delay instead of burning an attempt.
          await job.moveToDelayed(Date.now() + err.retryAfterMs, job.token);
          throw new DelayedError();
        }
        throw err;
      }
    },
    {
      connection,
      concurrency: opts.concurrency ?? 8,
      // A killed worker's job is taken over within seconds rather than the default 30 s.
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 3,
    },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    const log = deps.logger.child({ jobId: job.id, key: job.data.key });
    if (final) {
      log.error({ err: { message: err.message, name: err.name } }, 'delivery failed for good');
      void deps.repos.deliveries
        .markFailed(job.data.key, errorText(err))
        .then(() => deps.repos.deliveries.get(job.data.key))
        // Counted by the delivery's kind, as sent ones are, never by the shape of its key.
        .then((delivery) => deps.onFailed?.(delivery?.kind ?? 'unknown'))
        .catch((e: unknown) => log.error({ err: e }, 'could not record a failed delivery'));
    } else {
      log.warn({ err: { message: err.message, name: err.name }, attempt: job.attemptsMade }, 'delivery attempt failed');
    }
  });
  worker.on('error', (err) => deps.logger.error({ err }, 'delivery worker error'));
  return worker;
}
