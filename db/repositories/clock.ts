// The local adapter's clock offset per workspace, kept so that moving time forward survives a restart.
// Shaped to src/app/clock.ts' ClockOffsetStore without importing it: db/ depends on the core only.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export function createClockRepo(db: Kysely<Database>) {
  return {
    async getOffsetMs(workspaceId: string): Promise<number> {
      const row = await db.selectFrom('local_clock').select('offset_ms').where('workspace_id', '=', workspaceId).executeTakeFirst();
      return row?.offset_ms ?? 0;
    },

    /** Sub-millisecond parts (an ISO duration such as PT0.0001S) are rounded away: the column is int8. */
    async setOffsetMs(workspaceId: string, ms: number): Promise<void> {
      const offset = Math.round(ms);
      if (!Number.isSafeInteger(offset)) throw new RangeError(`clock offset must be a finite number of ms, got ${ms}`);
      await db
        .insertInto('local_clock')
        .values({ workspace_id: workspaceId, offset_ms: offset })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ offset_ms: offset }))
        .execute();
    },
  };
}
