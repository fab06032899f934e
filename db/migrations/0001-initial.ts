// The first schema: workspaces, people, skills, time off, mentoring, deliveries, event dedup and the local clock.
// Append-only: once released, change the schema in a new migration, never here.
// Migrations take Kysely<any>, not Kysely<Database>: they must keep compiling as the schema moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('platform', 'text', (col) => col.notNull().check(sql`platform in ('slack', 'teams', 'local')`))
    .addColumn('external_id', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull().check(sql`locale in ('en', 'es')`))
    .addColumn('settings', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('workspaces_platform_external_id_key', ['platform', 'external_id'])
    .execute();

  // Child tables reference (workspace_id, id) rather than id alone, so the database itself
  // refuses a row that points into another workspace (docs/architecture.md, Rules 5).
  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('staff', 'manager', 'admin')`))
    .addColumn('title', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('team', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('manager_id', 'text')
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull().check(sql`locale in ('en', 'es')`))
    .addColumn('email', 'text')
    .addColumn('start_date', 'date')
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('snoozed_until', 'date')
    .addColumn('opted_out', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // Also the "members by workspace" index: every member query leads with workspace_id.
    .addUniqueConstraint('members_workspace_id_external_id_key', ['workspace_id', 'external_id'])
    .addUniqueConstraint('members_workspace_id_id_key', ['workspace_id', 'id'])
    .addForeignKeyConstraint('members_manager_fk', ['workspace_id', 'manager_id'], 'members', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addUniqueConstraint('tasks_workspace_id_key_key', ['workspace_id', 'key'])
    .addUniqueConstraint('tasks_workspace_id_id_key', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('member_skills')
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('member_id', 'text', (col) => col.notNull())
    .addColumn('task_id', 'text', (col) => col.notNull())
    .addColumn('level', 'text', (col) => col.notNull().check(sql`level in ('learning', 'trained', 'expert')`))
    .addColumn('own_job', 'boolean', (col) => col.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('member_skills_pkey', ['member_id', 'task_id'])
    .addForeignKeyConstraint('member_skills_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('member_skills_task_fk', ['workspace_id', 'task_id'], 'tasks', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  // Serves listForWorkspace and the cascade when a task is removed.
  await db.schema.createIndex('member_skills_workspace_task_idx').on('member_skills').columns(['workspace_id', 'task_id']).execute();

  await db.schema
    .createTable('time_off')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('member_id', 'text', (col) => col.notNull())
    .addColumn('start_date', 'date', (col) => col.notNull())
    .addColumn('end_date', 'date', (col) => col.notNull())
    .addColumn('part', 'text', (col) => col.notNull().defaultTo('full').check(sql`part in ('full', 'morning', 'afternoon')`))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('time_off_dates_check', sql`end_date >= start_date`)
    .addForeignKeyConstraint('time_off_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('time_off_workspace_end_idx').on('time_off').columns(['workspace_id', 'end_date']).execute();
  await db.schema.createIndex('time_off_member_end_idx').on('time_off').columns(['member_id', 'end_date']).execute();

  await db.schema
    .createTable('mentoring_profiles')
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('member_id', 'text', (col) => col.primaryKey())
    .addColumn('teaches', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('learns', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('goals', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('capacity', 'integer', (col) => col.notNull().defaultTo(1).check(sql`capacity >= 0`))
    .addColumn('cadence', 'text', (col) =>
      col.notNull().defaultTo('biweekly').check(sql`cadence in ('weekly', 'biweekly', 'monthly')`),
    )
    .addColumn('opted_in', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint(
      'mentoring_profiles_member_fk',
      ['workspace_id', 'member_id'],
      'members',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('mentoring_profiles_workspace_idx').on('mentoring_profiles').column('workspace_id').execute();

  await db.schema
    .createTable('pairs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('mentor_id', 'text', (col) => col.notNull())
    .addColumn('mentee_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('mentoring', 'reverse', 'buddy', 'cross_training')`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('proposed', 'active', 'paused', 'completed', 'declined')`),
    )
    .addColumn('cadence', 'text', (col) => col.notNull().check(sql`cadence in ('weekly', 'biweekly', 'monthly')`))
    .addColumn('focus', 'text')
    .addColumn('reason', 'text')
    .addColumn('mentor_accepted', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('mentee_accepted', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint('pairs_distinct_members_check', sql`mentor_id <> mentee_id`)
    .addForeignKeyConstraint('pairs_mentor_fk', ['workspace_id', 'mentor_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('pairs_mentee_fk', ['workspace_id', 'mentee_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('pairs_workspace_status_idx').on('pairs').columns(['workspace_id', 'status']).execute();
  await db.schema.createIndex('pairs_mentor_idx').on('pairs').column('mentor_id').execute();
  await db.schema.createIndex('pairs_mentee_idx').on('pairs').column('mentee_id').execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    // Unique across workspaces: the key is the exactly-once guard (docs/architecture.md, Rules 2).
    .addColumn('key', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('member_ids', 'jsonb', (col) => col.notNull())
    .addColumn('conversation', 'text', (col) => col.notNull().check(sql`conversation in ('dm', 'group')`))
    // The message itself, so a Redis flush loses no touchpoint (docs/architecture.md, Rules 1).
    .addColumn('message', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn('platform_message_id', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('sending_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('deliveries_workspace_status_idx').on('deliveries').columns(['workspace_id', 'status']).execute();
  // The scheduler's sweep for pending deliveries across all workspaces, oldest first.
  await db.schema
    .createIndex('deliveries_pending_created_idx')
    .on('deliveries')
    .column('created_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  // Not workspace-scoped: an inbound event is deduplicated before anyone knows its workspace.
  await db.schema
    .createTable('processed_events')
    .addColumn('platform', 'text', (col) => col.notNull())
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('processed_events_pkey', ['platform', 'event_id'])
    .execute();
  await db.schema.createIndex('processed_events_received_at_idx').on('processed_events').column('received_at').execute();

  await db.schema
    .createTable('local_clock')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('offset_ms', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'local_clock',
    'processed_events',
    'deliveries',
    'pairs',
    'mentoring_profiles',
    'time_off',
    'member_skills',
    'tasks',
    'members',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
