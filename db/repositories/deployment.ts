// The deployment's own facts (table deployment_meta): its id, made once by migration 0012.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The id of the deployment this database belongs to: the same for every process on the database, never changed. */
export async function deploymentId(db: Kysely<Database>): Promise<string> {
  const read = () => db.selectFrom('deployment_meta').select('value').where('key', '=', 'deployment_id').executeTakeFirst();
  const found = await read();
  if (found) return found.value;
  // The migration made one; should the row ever be gone, the first process to notice makes a new one for all.
  await db
    .insertInto('deployment_meta')
    .values({ key: 'deployment_id', value: randomUUID().replaceAll('-', '').slice(0, 12) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const made = await read();
  if (!made) throw new Error('the deployment id could not be stored');
  return made.value;
}

/** When the scheduler last ticked, for any process of the deployment to tell (web answers `status` too). */
export async function recordTick(db: Kysely<Database>, at: string): Promise<void> {
  await db
    .insertInto('deployment_meta')
    .values({ key: 'last_tick_at', value: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: at }))
    .execute();
}

export async function lastTickAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('deployment_meta').select('value').where('key', '=', 'last_tick_at').executeTakeFirst();
  return row?.value ?? null;
}
