// The scheduler tick on BullMQ: a job scheduler that fires every minute, re-upserted so a Redis flush heals.
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DeliveryRepo } from '../src/core/deliveries/repository.ts';
import type { Clock, Logger } from '../src/core/infrastructure.ts';
import { enqueueDelivery, type Queues, type TickJob } from './queues.ts';

export const TICK_SCHEDULER_ID = 'rounds-tick-every-minute';
export const TICK_EVERY_MS = 60_000;
/** How often the job scheduler is upserted again: BullMQ's schedulers vanish with a FLUSHALL and nothing else recreates them. */
export const RESCHEDULE_EVERY_MS = 60_000;
/** A pending delivery older than this is queued again; the delivery worker's Postgres check makes it harmless. */
const REQUEUE_AFTER_MS = 30_000;

async function ensureTickScheduler(queues: Queues, everyMs = TICK_EVERY_MS): Promise<void> {
  await queues.tick.upsertJobScheduler(TICK_SCHEDULER_ID, { every: everyMs }, { name: 'tick', data: { reason: 'schedule' } });
}

/**
 * Queues again every delivery Postgres still holds as pending: after a Redis flush nothing is lost.
 * `serves` leaves out workspaces this process does not serve (another platform's, another local practice's):
 * their own processes queue them, where a worker that can send them runs.
 */
export async function requeuePending(
  deps: { deliveries: DeliveryRepo; clock: Clock; serves?: (workspaceId: string) => Promise<boolean> },
  queues: Queues,
): Promise<number> {
  const before = deps.clock.now().minus({ milliseconds: REQUEUE_AFTER_MS }).toISO() ?? '';
  const pending = await deps.deliveries.listPending(before, 5_000);
  let queued = 0;
  for (const delivery of pending) {
    if (deps.serves && !(await deps.serves(delivery.workspaceId))) continue;
    await enqueueDelivery(queues, delivery);
    queued += 1;
  }
  return queued;
}

export interface TickRunner {
  (reason: TickJob['reason']): Promise<void>;
}

export interface SchedulerHandle {
  worker: Worker<TickJob>;
  close(): Promise<void>;
}

export async function startScheduler(opts: {
  queues: Queues;
  connection: Redis;
  run: TickRunner;
  logger: Logger;
  everyMs?: number;
  rescheduleEveryMs?: number;
}): Promise<SchedulerHandle> {
  const { queues, logger } = opts;
  await ensureTickScheduler(queues, opts.everyMs);
  const timer = setInterval(() => {
    ensureTickScheduler(queues, opts.everyMs).catch((err: unknown) => logger.warn({ err }, 'could not upsert the tick scheduler'));
  }, opts.rescheduleEveryMs ?? RESCHEDULE_EVERY_MS);
  timer.unref();

  const worker = new Worker<TickJob>(queues.names.tick, async (job) => opts.run(job.data.reason), {
    connection: opts.connection,
    concurrency: 1,
  });
  worker.on('error', (err) => logger.error({ err }, 'tick worker error'));
  worker.on('failed', (job, err) => logger.error({ jobId: job?.id, err: { message: err.message } }, 'tick failed'));
  return {
    worker,
    async close() {
      clearInterval(timer);
      await worker.close();
    },
  };
}
