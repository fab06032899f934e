// Pairs: mentoring, reverse-mentoring, buddy and cross-training matches, and where each one stands.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { PairRepo } from '../../src/core/mentoring/repository.ts';
import type { Pair } from '../../src/core/model.ts';
import type { Database, PairsTable } from '../schema.ts';
import { RowNotFoundError, rethrowMissingReference } from '../errors.ts';
import { toIso } from './convert.ts';

/** The pairColumns a Pair is read from (shared with the mentoring repository's pair updates). */
export const pairColumns = [
  'id',
  'workspace_id',
  'mentor_id',
  'mentee_id',
  'kind',
  'status',
  'cadence',
  'focus',
  'reason',
  'mentor_accepted',
  'mentee_accepted',
  'created_at',
  'updated_at',
] as const;

type Row = Pick<Selectable<PairsTable>, (typeof pairColumns)[number]>;
type PairPatch = Parameters<PairRepo['update']>[2];

export function toPair(row: Row): Pair {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    mentorId: row.mentor_id,
    menteeId: row.mentee_id,
    kind: row.kind,
    status: row.status,
    cadence: row.cadence,
    focus: row.focus,
    reason: row.reason,
    mentorAccepted: row.mentor_accepted,
    menteeAccepted: row.mentee_accepted,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function toUpdate(patch: PairPatch): Updateable<PairsTable> {
  const set: Updateable<PairsTable> = {};
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.mentorAccepted !== undefined) set.mentor_accepted = patch.mentorAccepted;
  if (patch.menteeAccepted !== undefined) set.mentee_accepted = patch.menteeAccepted;
  if (patch.focus !== undefined) set.focus = patch.focus;
  if (patch.reason !== undefined) set.reason = patch.reason;
  if (patch.cadence !== undefined) set.cadence = patch.cadence;
  return set;
}

export function createPairRepo(db: Kysely<Database>): PairRepo {
  const inWorkspace = (workspaceId: string) =>
    db.selectFrom('pairs').select(pairColumns).where('workspace_id', '=', workspaceId);

  return {
    async get(workspaceId, id) {
      const row = await inWorkspace(workspaceId).where('id', '=', id).executeTakeFirst();
      return row ? toPair(row) : null;
    },

    /** Every pair the member is in, on either side, whatever its status. */
    async listForMember(workspaceId, memberId) {
      const rows = await inWorkspace(workspaceId)
        .where((eb) => eb.or([eb('mentor_id', '=', memberId), eb('mentee_id', '=', memberId)]))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toPair);
    },

    async listByStatus(workspaceId, statuses) {
      if (statuses.length === 0) return [];
      const rows = await inWorkspace(workspaceId)
        .where('status', 'in', statuses)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toPair);
    },

    /** Throws RowNotFoundError when the mentor or the mentee is not in the workspace. */
    async create(input, at) {
      const row = await db
        .insertInto('pairs')
        .values({
          id: crypto.randomUUID(),
          workspace_id: input.workspaceId,
          mentor_id: input.mentorId,
          mentee_id: input.menteeId,
          kind: input.kind,
          status: input.status,
          cadence: input.cadence,
          focus: input.focus,
          reason: input.reason,
          mentor_accepted: input.mentorAccepted,
          mentee_accepted: input.menteeAccepted,
          created_at: at,
          updated_at: at,
        })
        .returning(pairColumns)
        .executeTakeFirstOrThrow()
        .catch((error: unknown) =>
          rethrowMissingReference(error, 'mentor or mentee', {
            workspaceId: input.workspaceId,
            mentorId: input.mentorId,
            menteeId: input.menteeId,
          }),
        );
      return toPair(row);
    },

    async update(workspaceId, id, patch, at) {
      const row = await db
        .updateTable('pairs')
        .set({ ...toUpdate(patch), updated_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returning(pairColumns)
        .executeTakeFirst();
      if (!row) throw new RowNotFoundError('pair', { workspaceId, id });
      return toPair(row);
    },
  };
}
