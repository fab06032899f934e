// Pending imports: a previewed import (e.g. a pasted roster) kept until a manager applies or cancels it.
import type { Kysely, Selectable } from 'kysely';
import type { PendingImport, PendingImportRepo } from '../../src/core/repositories.ts';
import type { Database, PendingImportsTable } from '../schema.ts';
import { rethrowMissingReference } from '../errors.ts';
import { instant, toIso } from './convert.ts';

const columns = ['id', 'workspace_id', 'member_id', 'kind', 'payload', 'created_at'] as const;

function toPending(row: Pick<Selectable<PendingImportsTable>, (typeof columns)[number]>): PendingImport {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    memberId: row.member_id,
    kind: row.kind,
    payload: row.payload,
    createdAt: toIso(row.created_at),
  };
}

export function createPendingImportRepo(db: Kysely<Database>): PendingImportRepo {
  return {
    /** Throws RowNotFoundError when the member is not in the workspace. */
    async create(input) {
      const row = await db
        .insertInto('pending_imports')
        .values({
          id: crypto.randomUUID(),
          workspace_id: input.workspaceId,
          member_id: input.memberId,
          kind: input.kind,
          payload: JSON.stringify(input.payload),
          created_at: input.createdAt,
        })
        .returning(columns)
        .executeTakeFirstOrThrow()
        .catch((error: unknown) =>
          rethrowMissingReference(error, 'workspace or member', { workspaceId: input.workspaceId, memberId: input.memberId }),
        );
      return toPending(row);
    },

    async get(workspaceId, id) {
      const row = await db
        .selectFrom('pending_imports')
        .select(columns)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toPending(row) : null;
    },

    async take(workspaceId, id) {
      const row = await db
        .deleteFrom('pending_imports')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirst();
      return row ? toPending(row) : null;
    },

    async removeOlderThan(workspaceId, before) {
      const result = await db
        .deleteFrom('pending_imports')
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '<', instant(before))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
