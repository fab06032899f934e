// Inbound event dedup: platforms retry deliveries, and each event must be handled once (docs/architecture.md, Rules 4).
import type { Kysely } from 'kysely';
import type { Platform } from '../../src/core/model.ts';
import type { Database } from '../schema.ts';
import { instant } from './convert.ts';

/** Records the event; true the first time it is seen, false for every repeat. */
export async function markEventProcessed(db: Kysely<Database>, platform: Platform, eventId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('processed_events')
    .values({ platform, event_id: eventId })
    .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Forgets events received before `before` (an ISO instant); returns how many. Platforms retry for
 * minutes, not days, so a retention of a few days is plenty. `received_at` is the database's own
 * time, so compute `before` from the system clock, not the movable local-mode clock.
 */
export async function pruneProcessedEvents(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('processed_events').where('received_at', '<', instant(before)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
