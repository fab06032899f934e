// A mentoring profile remembers the topic of the member's last `mentor request`: matching looks for it first.
// Append-only: once released, change the schema in a new migration, never here.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Stored like a topic of `learns` (a task key, or the text as written); null when nothing was asked for.
  await db.schema.alterTable('mentoring_profiles').addColumn('requested_topic', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mentoring_profiles').dropColumn('requested_topic').execute();
}
