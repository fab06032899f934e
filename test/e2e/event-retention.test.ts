// Slack's event ids are remembered for retries only: the scheduler tick forgets those older than 3 days,
// so the table does not grow for ever, and keeps the recent ones, so a retry is still handled once.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { markEventProcessed } from '../../db/repositories/index.ts';
import { openTestDatabase, type TestDatabase, uniqueId } from '../support/db.ts';
import { type LocalApp, startLocalApp } from '../support/local-app.ts';

let db: TestDatabase;
let app: LocalApp | undefined;

beforeAll(async () => {
  db = await openTestDatabase('postgres');
});

afterAll(async () => {
  await app?.stop();
  await db?.close();
});

it('forgets event ids older than 3 days at the next tick and keeps the recent ones', async () => {
  const old = uniqueId('Ev-old');
  const recent = uniqueId('Ev-recent');
  await markEventProcessed(db.db, 'slack', old);
  await markEventProcessed(db.db, 'slack', recent);
  await sql`update processed_events set received_at = now() - interval '4 days' where event_id = ${old}`.execute(db.db);
  await sql`update processed_events set received_at = now() - interval '2 days' where event_id = ${recent}`.execute(db.db);

  // A worker's first tick runs at start.
  app = await startLocalApp();
  await app.proc.tick();

  expect(await markEventProcessed(db.db, 'slack', recent)).toBe(false);
  expect(await markEventProcessed(db.db, 'slack', old)).toBe(true);
});
