// Mentoring's tables: matching runs and their proposals waiting for a manager, who approved each pair, and private reflections.
// Append-only: once released, change the schema in a new migration, never here.
// Migrations take Kysely<any>, not Kysely<Database>: they must keep compiling as the schema moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One `match` or `match preview`: who ran it, and the people it could not match (with why).
  await db.schema
    .createTable('match_runs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (col) => col.notNull())
    .addColumn('preview', 'boolean', (col) => col.notNull())
    .addColumn('unmatched', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint('match_runs_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('match_runs_workspace_created_idx').on('match_runs').columns(['workspace_id', 'created_at']).execute();

  // A proposal is not a pair: nobody hears of it until a manager approves it, which creates the pair
  // (status `proposed`) and sends the intros. A newer run makes the older runs' pending proposals stale.
  await db.schema
    .createTable('match_proposals')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('run_id', 'text', (col) => col.notNull().references('match_runs.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('mentor_id', 'text', (col) => col.notNull())
    .addColumn('mentee_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('mentoring', 'reverse')`))
    .addColumn('score', 'integer', (col) => col.notNull())
    .addColumn('topics', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    // The engine's ReasonParts; the catalogue renders them in each reader's language.
    .addColumn('reason', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'skipped', 'stale')`),
    )
    .addColumn('pair_id', 'text', (col) => col.references('pairs.id').onDelete('set null'))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addUniqueConstraint('match_proposals_run_position_key', ['run_id', 'position'])
    .addForeignKeyConstraint('match_proposals_mentor_fk', ['workspace_id', 'mentor_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('match_proposals_mentee_fk', ['workspace_id', 'mentee_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('match_proposals_workspace_status_idx').on('match_proposals').columns(['workspace_id', 'status']).execute();

  // Where a pair came from (`match` or a manager's `pair`) and who approved it: the manager told of a
  // decline, and the "one matching intro a week" rule, read it.
  await db.schema
    .createTable('pair_approvals')
    .addColumn('pair_id', 'text', (col) => col.primaryKey().references('pairs.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('match', 'pair')`))
    .addColumn('approved_by', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('pair_approvals_workspace_source_created_idx')
    .on('pair_approvals')
    .columns(['workspace_id', 'source', 'created_at'])
    .execute();

  // A one-line reflection written when a pair completes: visible to its author only, never to managers.
  await db.schema
    .createTable('pair_reflections')
    .addColumn('pair_id', 'text', (col) => col.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (col) => col.notNull())
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('pair_reflections_pkey', ['pair_id', 'member_id'])
    .addForeignKeyConstraint('pair_reflections_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pair_reflections').execute();
  await db.schema.dropTable('pair_approvals').execute();
  await db.schema.dropTable('match_proposals').execute();
  await db.schema.dropTable('match_runs').execute();
}
