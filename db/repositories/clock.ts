// The local adapter's clock offset: a single row, so moving time forward survives a restart.
import type { Kysely } from 'kysely';
import type { ClockRepo } from '../../src/core/ports.js';
import type { Database } from '../schema.js';

const ROW_ID = 1;

export function createClockRepo(db: Kysely<Database>): ClockRepo {
  return {
    async getOffsetMs() {
      const row = await db.selectFrom('local_clock').select('offset_ms').where('id', '=', ROW_ID).executeTakeFirst();
      return row?.offset_ms ?? 0;
    },

    /** Sub-millisecond parts (an ISO duration such as PT0.0001S) are rounded away: the column is int8. */
    async setOffsetMs(ms) {
      const offset = Math.round(ms);
      if (!Number.isSafeInteger(offset)) throw new RangeError(`clock offset must be a finite number of ms, got ${ms}`);
      await db
        .insertInto('local_clock')
        .values({ id: ROW_ID, offset_ms: offset })
        .onConflict((oc) => oc.column('id').doUpdateSet({ offset_ms: offset }))
        .execute();
    },
  };
}
