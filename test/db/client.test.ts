// The Postgres pool: never more connections than asked for, and the default stays small.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase, DEFAULT_MAX_CONNECTIONS } from '../../db/client.ts';
import { testDatabaseUrl } from '../support/db.ts';

/** Runs `count` slow queries at once and answers how many distinct server connections served them. */
async function connectionsUsedFor(count: number, maxConnections?: number): Promise<number> {
  const handle = await createDatabase({ url: testDatabaseUrl(), maxConnections });
  try {
    const pids = await Promise.all(
      Array.from({ length: count }, async () => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.2)`.execute(handle.db);
        return rows[0]?.pid;
      }),
    );
    return new Set(pids).size;
  } finally {
    await handle.close();
  }
}

describe('the Postgres pool', () => {
  it('opens at most maxConnections connections however many queries wait', async () => {
    expect(await connectionsUsedFor(6, 2)).toBe(2);
  });

  it('opens at most 10 connections by default', async () => {
    expect(DEFAULT_MAX_CONNECTIONS).toBe(10);
    expect(await connectionsUsedFor(12)).toBe(10);
  });
});
