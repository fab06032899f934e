// The BullMQ queues of Rounds, their names and the Redis connection they share.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { OutboxItem } from '../src/core/infrastructure.ts';

export interface QueueNames {
  delivery: string;
  tick: string;
}

/** The queues `<prefix>-delivery` and `<prefix>-tick`. */
export function queueNamesFor(prefix: string): QueueNames {
  return { delivery: `${prefix}-delivery`, tick: `${prefix}-tick` };
}

/**
 * The queues of a deployment: an explicit ROUNDS_QUEUE_PREFIX (deployments that mean to share them), else
 * `rounds-<deployment id>`, which every process on the same database shares and no other deployment has.
 */
export function deploymentQueueNames(deploymentId: string, explicitPrefix?: string): QueueNames {
  return queueNamesFor(explicitPrefix ?? `rounds-${deploymentId}`);
}

/** A delivery job names the delivery; its content lives in Postgres (the record), not in Redis. */
export interface DeliveryJob {
  key: string;
}

export interface TickJob {
  reason: 'schedule' | 'clock' | 'start';
}

export function createRedis(url: string, name: string): Redis {
  // maxRetriesPerRequest: null is what BullMQ workers need to wait out a Redis restart instead of failing.
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

/** BullMQ refuses ':' in custom job ids (it separates Redis keys); delivery keys use it, so it is swapped. */
export function jobIdFor(key: string): string {
  return `d|${key.replaceAll(':', '|')}`;
}

export interface Queues {
  names: QueueNames;
  delivery: Queue<DeliveryJob>;
  tick: Queue<TickJob>;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, names: QueueNames): Queues {
  const delivery = new Queue<DeliveryJob>(names.delivery, { connection });
  const tick = new Queue<TickJob>(names.tick, { connection });
  return {
    names,
    delivery,
    tick,
    async close() {
      await Promise.all([delivery.close(), tick.close()]);
    },
  };
}

export const DELIVERY_ATTEMPTS = 8;

export async function enqueueDelivery(queues: Queues, item: Pick<OutboxItem, 'key'>): Promise<void> {
  await queues.delivery.add(
    'deliver',
    { key: item.key },
    {
      jobId: jobIdFor(item.key),
      attempts: DELIVERY_ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  );
}
