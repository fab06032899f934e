// Brings a database to the latest schema; safe to run from several processes at once.
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { MigrationError } from './errors.ts';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-local-inbox.ts';
import * as m0003 from './migrations/0003-clock-per-workspace.ts';
import * as m0004 from './migrations/0004-roster.ts';
import * as m0006 from './migrations/0006-installations.ts';
import * as m0007 from './migrations/0007-mentoring.ts';
import * as m0008 from './migrations/0008-checkins.ts';
import * as m0012 from './migrations/0012-deployment.ts';
import * as m0013 from './migrations/0013-requested-topic.ts';
import * as m0014 from './migrations/0014-conversation-refs.ts';

// Listed in code rather than read from the folder, so the same list works under tsx and from dist/.
// Append new migrations here; names sort in the order they run.
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-local-inbox': m0002,
  '0003-clock-per-workspace': m0003,
  '0004-roster': m0004,
  '0006-installations': m0006,
  '0007-mentoring': m0007,
  '0008-checkins': m0008,
  '0012-deployment': m0012,
  '0013-requested-topic': m0013,
  '0014-conversation-refs': m0014,
};

/** Applies the pending migrations in one transaction; throws MigrationError, having applied none, when one fails. */
export async function migrateToLatest<DB>(db: Kysely<DB>, migrations = MIGRATIONS): Promise<void> {
  // PGlite has a single connection owned by one process: nobody else can be migrating it.
  if (db.getExecutor().adapter.supportsMultipleConnections === false) {
    await runMigrations(db, migrations);
    return;
  }
  // Kysely locks only around the migrations themselves; creating its bookkeeping tables
  // happens before that and races when several processes (or test files) start together.
  // One session-level advisory lock, held on a connection of its own, covers the whole run.
  await db.connection().execute(async (lockConnection) => {
    await sql`select pg_advisory_lock(hashtext('rounds.migrate'))`.execute(lockConnection);
    try {
      await runMigrations(db, migrations);
    } finally {
      await sql`select pg_advisory_unlock(hashtext('rounds.migrate'))`.execute(lockConnection);
    }
  });
}

async function runMigrations<DB>(db: Kysely<DB>, migrations: Readonly<Record<string, Migration>>): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const reason = error instanceof Error ? error.message : String(error);
  throw new MigrationError(
    failed ? `migration ${failed} failed: ${reason}` : `migrations could not run: ${reason}`,
    { cause: error },
  );
}
