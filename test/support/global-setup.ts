// Before any test: the real Postgres and Redis must answer. The suite never quietly falls back (docs/architecture.md, Tests).
import pg from 'pg';
import { Redis } from 'ioredis';
import { testDatabaseUrl } from './db.ts';
import { testRedisUrl } from './redis.ts';

export default async function setup(): Promise<void> {
  const problems: string[] = [];
  const client = new pg.Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    problems.push(`Postgres is not reachable at TEST_DATABASE_URL=${testDatabaseUrl()}: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3_000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    problems.push(`Redis is not reachable at TEST_REDIS_URL=${testRedisUrl()}: ${(err as Error).message}`);
  } finally {
    redis.disconnect();
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
