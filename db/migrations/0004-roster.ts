// The roster's tables: imports waiting for a manager's "Apply", and what the platform directory listed at the last sync.
// Append-only: once released, change the schema in a new migration, never here.
// Migrations take Kysely<any>, not Kysely<Database>: they must keep compiling as the schema moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A previewed import: the button carries only its id; the pasted text stays here until applied,
  // cancelled or a day old.
  await db.schema
    .createTable('pending_imports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint('pending_imports_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('pending_imports_workspace_created_idx').on('pending_imports').columns(['workspace_id', 'created_at']).execute();

  // One row per person the directory has ever listed: whether the last sync still saw them, and as what.
  // Sync changes a member only where the directory changed, so edits made in Rounds are not undone,
  // and deactivates only people who were in the directory and are gone from it.
  await db.schema
    .createTable('directory_entries')
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (col) => col.notNull())
    .addColumn('present', 'boolean', (col) => col.notNull())
    .addColumn('snapshot', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('directory_entries_pkey', ['workspace_id', 'external_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('directory_entries').execute();
  await db.schema.dropTable('pending_imports').execute();
}
