// Conversation references per member (Microsoft Teams): the platform's own reference, kept whole, the latest one winning.
// Shaped to adapters/teams' ConversationRefStore without importing it: db/ depends on the core only.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { rethrowMissingReference } from '../errors.ts';
import { instant, toIso } from './convert.ts';

export interface StoredConversationRef {
  memberId: string;
  reference: Record<string, unknown>;
  updatedAt: string;
}

function asReference(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function createConversationRefStore(db: Kysely<Database>) {
  return {
    async save(workspaceId: string, memberId: string, reference: Record<string, unknown>, at: string): Promise<void> {
      const json = JSON.stringify(reference);
      await db
        .insertInto('conversation_refs')
        .values({ member_id: memberId, workspace_id: workspaceId, reference: json, updated_at: at })
        .onConflict((oc) =>
          oc
            .column('member_id')
            .doUpdateSet({ reference: json, updated_at: at })
            // An activity that arrives late never replaces the reference of a later one.
            .where('conversation_refs.updated_at', '<=', instant(at))
            .where('conversation_refs.workspace_id', '=', workspaceId),
        )
        .execute()
        .catch((error: unknown) => rethrowMissingReference(error, 'member', { workspaceId, memberId }));
    },

    async find(workspaceId: string, memberId: string): Promise<StoredConversationRef | null> {
      const row = await db
        .selectFrom('conversation_refs')
        .select(['member_id', 'reference', 'updated_at'])
        .where('workspace_id', '=', workspaceId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row ? { memberId: row.member_id, reference: asReference(row.reference), updatedAt: toIso(row.updated_at) } : null;
    },

    async remove(workspaceId: string, memberId: string): Promise<void> {
      await db.deleteFrom('conversation_refs').where('workspace_id', '=', workspaceId).where('member_id', '=', memberId).execute();
    },
  };
}
