// Redis for tests: the URL, and queue names that belong to one test so tests never share work.
import { randomUUID } from 'node:crypto';
import type { QueueNames } from '../../jobs/queues.ts';

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';
}

export function uniqueQueueNames(label = 'test'): QueueNames {
  const id = randomUUID().slice(0, 8);
  return { delivery: `${label}-delivery-${id}`, tick: `${label}-tick-${id}` };
}
