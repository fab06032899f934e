// The local adapter's inbox in the database: messages the bot sent members in local mode, so they survive restarts.
// Shaped to adapters/local's LocalInboxStore without importing it: db/ depends on the core only.
import { sql, type Kysely } from 'kysely';
import { messageSchema, type Message } from '../../src/core/messages/model.ts';
import type { Database } from '../schema.ts';
import { RowNotFoundError } from '../errors.ts';
import { parseStringList, toJson } from '../json.ts';
import { toIso } from './convert.ts';

export interface LocalInboxEntry {
  id: string;
  at: string;
  conversation: 'dm' | 'group';
  memberIds: string[];
  message: Message;
}

export interface LocalInboxRepo {
  /** Stores a sent message and returns its id; a repeated key returns the first message's id. */
  add(input: {
    workspaceId: string;
    key: string;
    conversation: 'dm' | 'group';
    memberIds: string[];
    message: Message;
    at: string;
  }): Promise<string>;
  findByKey(workspaceId: string, key: string): Promise<string | null>;
  update(workspaceId: string, id: string, message: Message): Promise<void>;
  /** Messages to a member (by internal id), oldest first. */
  listFor(workspaceId: string, memberId: string): Promise<LocalInboxEntry[]>;
}

export function createLocalInboxStore(db: Kysely<Database>): LocalInboxRepo {
  async function findByKey(workspaceId: string, key: string): Promise<string | null> {
    const row = await db
      .selectFrom('local_messages')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  return {
    async add(input) {
      const inserted = await db
        .insertInto('local_messages')
        .values({
          id: crypto.randomUUID(),
          workspace_id: input.workspaceId,
          key: input.key,
          conversation: input.conversation,
          member_ids: toJson(input.memberIds),
          message: JSON.stringify(messageSchema.parse(input.message)),
          created_at: input.at,
        })
        .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return inserted.id;
      const existing = await findByKey(input.workspaceId, input.key);
      if (!existing) throw new RowNotFoundError('local message', { workspaceId: input.workspaceId, key: input.key });
      return existing;
    },

    findByKey,

    async update(workspaceId, id, message) {
      const updated = await db
        .updateTable('local_messages')
        .set({ message: JSON.stringify(messageSchema.parse(message)), updated_at: sql<string>`now()` })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new RowNotFoundError('local message', { workspaceId, id });
    },

    async listFor(workspaceId, memberId) {
      const rows = await db
        .selectFrom('local_messages')
        .select(['id', 'created_at', 'conversation', 'member_ids', 'message'])
        .where('workspace_id', '=', workspaceId)
        .where(sql<boolean>`member_ids @> ${toJson([memberId])}::jsonb`)
        .orderBy('created_at')
        .orderBy('seq')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        at: toIso(row.created_at),
        conversation: row.conversation,
        memberIds: parseStringList(row.member_ids),
        message: messageSchema.parse(row.message),
      }));
    },
  };
}
