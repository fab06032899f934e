// The local adapter's inbox: what the bot "sent" each member when no Slack or Teams is configured.
// Append-only: once released, change the schema in a new migration, never here.
// Migrations take Kysely<any>, not Kysely<Database>: they must keep compiling as the schema moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('local_messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // Insertion order, to break ties between messages sent at the same (movable) instant.
    .addColumn('seq', 'bigint', (col) => col.generatedAlwaysAsIdentity())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    // The delivery key: a send repeated under the same key finds the first message (findSent).
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('conversation', 'text', (col) => col.notNull().check(sql`conversation in ('dm', 'group')`))
    .addColumn('member_ids', 'jsonb', (col) => col.notNull())
    .addColumn('message', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz')
    .addUniqueConstraint('local_messages_workspace_id_key_key', ['workspace_id', 'key'])
    .execute();
  await db.schema
    .createIndex('local_messages_workspace_created_idx')
    .on('local_messages')
    .columns(['workspace_id', 'created_at', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('local_messages').execute();
}
