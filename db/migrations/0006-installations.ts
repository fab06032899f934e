// Platform installations (Slack OAuth installs): one row per team or enterprise, the installation encrypted.
// Append-only: once released, change the schema in a new migration, never here.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('installations')
    .addColumn('platform', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    // AES-256-GCM ciphertext of the whole installation (tokens included); never plain text.
    .addColumn('ciphertext', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('installations_pk', ['platform', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('installations').execute();
}
