// Migrations: idempotent, complete, all-or-nothing, and safe when several processes start at once.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../db/client.ts';
import { MigrationError } from '../../db/errors.ts';
import { MIGRATIONS, migrateToLatest } from '../../db/migrate.ts';
import { TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';

const TABLES = [
  'checkin_answers',
  'checkin_members',
  'checkins',
  'conversation_refs',
  'deliveries',
  'deployment_meta',
  'directory_entries',
  'installations',
  'local_clock',
  'local_messages',
  'match_proposals',
  'match_runs',
  'member_skills',
  'members',
  'mentoring_profiles',
  'pair_activity',
  'pair_approvals',
  'pair_reflections',
  'pairs',
  'pending_imports',
  'processed_events',
  'tasks',
  'time_off',
  'workspaces',
];

async function publicTables<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely%'
    order by table_name`.execute(db);
  return rows.map((row) => row.table_name);
}

async function appliedMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}

describe('migrations on a fresh PGlite', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createDatabase({ dataDir: 'memory://' });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('creates every table, and a second run changes nothing', async () => {
    await migrateToLatest(handle.db);
    expect(await publicTables(handle.db)).toEqual(TABLES);
    expect(await appliedMigrations(handle.db)).toEqual(Object.keys(MIGRATIONS));

    await migrateToLatest(handle.db);
    expect(await publicTables(handle.db)).toEqual(TABLES);
    expect(await appliedMigrations(handle.db)).toEqual(Object.keys(MIGRATIONS));
  });
});

describe('a failing migration', () => {
  it('throws MigrationError naming it, and applies nothing of the run', async () => {
    const handle = await createDatabase({ dataDir: 'memory://' });
    try {
      const broken = {
        ...MIGRATIONS,
        '9999-broken': { up: async (db: Kysely<unknown>) => void (await sql`select * from no_such_table`.execute(db)) },
      };
      const failure = await migrateToLatest(handle.db, broken).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MigrationError);
      expect((failure as MigrationError).message).toContain('9999-broken');
      expect(await publicTables(handle.db)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});

// A database of this test's own, so the race on Kysely's bookkeeping tables really happens.
describe('concurrent migrations on a fresh Postgres database', () => {
  const name = `rounds_migrate_${randomUUID().replaceAll('-', '')}`;
  const url = new URL(testDatabaseUrl());
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${name}`);
  });

  afterAll(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('lets several processes migrate at once, applying each migration once', async () => {
    url.pathname = `/${name}`;
    const handles = await Promise.all([1, 2, 3, 4].map(() => createDatabase({ url: url.toString(), maxConnections: TEST_POOL_MAX })));
    try {
      await Promise.all(handles.map((handle) => migrateToLatest(handle.db)));
      const [first] = handles;
      if (!first) throw new Error('no handle');
      expect(await publicTables(first.db)).toEqual(TABLES);
      expect(await appliedMigrations(first.db)).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });
});
