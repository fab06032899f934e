// A conversation reference per member, which Microsoft Teams needs before a bot may write to someone first.
// Append-only: once released, change the schema in a new migration, never here.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('conversation_refs')
    .addColumn('member_id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    // The platform's own reference, kept whole; no message text is ever in it.
    .addColumn('reference', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint('conversation_refs_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('conversation_refs').execute();
}
