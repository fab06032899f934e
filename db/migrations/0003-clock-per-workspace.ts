// The local clock offset becomes per workspace, so each local practice (and each test) moves its own time.
// Append-only: once released, change the schema in a new migration, never here.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The single-row offset of 0001 belonged to no workspace; local mode starts from real time again.
  await db.schema.dropTable('local_clock').execute();
  await db.schema
    .createTable('local_clock')
    .addColumn('workspace_id', 'text', (col) => col.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('offset_ms', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('local_clock').execute();
  await db.schema
    .createTable('local_clock')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('offset_ms', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute();
}
