// Facts about the deployment itself (one database = one deployment), as key/value rows. Its id, made once here,
// names the default job queues, so two deployments on one Redis never share them by accident.
// Append-only: once released, change the schema in a new migration, never here.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deployment_meta')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
  await sql`insert into deployment_meta (key, value) values ('deployment_id', substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deployment_meta').execute();
}
