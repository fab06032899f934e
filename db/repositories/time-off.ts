// Time off: who is away on which calendar days (inclusive ranges, whole days or half days).
import type { Kysely, Selectable } from 'kysely';
import type { TimeOffRepo } from '../../src/core/coverage/repository.ts';
import type { TimeOff } from '../../src/core/model.ts';
import type { Database, TimeOffTable } from '../schema.ts';
import { rethrowMissingReference } from '../errors.ts';

const columns = ['id', 'workspace_id', 'member_id', 'start_date', 'end_date', 'part', 'note'] as const;

type Row = Pick<Selectable<TimeOffTable>, (typeof columns)[number]>;

function toTimeOff(row: Row): TimeOff {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    memberId: row.member_id,
    startDate: row.start_date,
    endDate: row.end_date,
    part: row.part,
    note: row.note,
  };
}

export function createTimeOffRepo(db: Kysely<Database>): TimeOffRepo {
  const inWorkspace = (workspaceId: string) =>
    db.selectFrom('time_off').select(columns).where('workspace_id', '=', workspaceId);

  return {
    /** Throws RowNotFoundError when the member is not in the workspace. */
    async add(input) {
      const row = await db
        .insertInto('time_off')
        .values({
          id: crypto.randomUUID(),
          workspace_id: input.workspaceId,
          member_id: input.memberId,
          start_date: input.startDate,
          end_date: input.endDate,
          part: input.part,
          note: input.note,
        })
        .returning(columns)
        .executeTakeFirstOrThrow()
        .catch((error: unknown) =>
          rethrowMissingReference(error, 'member', { workspaceId: input.workspaceId, memberId: input.memberId }),
        );
      return toTimeOff(row);
    },

    async listForMember(workspaceId, memberId, fromDate) {
      const rows = await inWorkspace(workspaceId)
        .where('member_id', '=', memberId)
        .where('end_date', '>=', fromDate)
        .orderBy('start_date')
        .orderBy('id')
        .execute();
      return rows.map(toTimeOff);
    },

    // Both ends inclusive: a range ending on startDate or starting on endDate overlaps.
    async listOverlapping(workspaceId, startDate, endDate) {
      const rows = await inWorkspace(workspaceId)
        .where('end_date', '>=', startDate)
        .where('start_date', '<=', endDate)
        .orderBy('start_date')
        .orderBy('member_id')
        .orderBy('id')
        .execute();
      return rows.map(toTimeOff);
    },

    async remove(workspaceId, id) {
      await db.deleteFrom('time_off').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },
  };
}
