// Deliveries: the outbox ledger; a unique key per touchpoint is what makes sending exactly-once.
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DeliveryRepo } from '../../src/core/deliveries/repository.ts';
import type { Delivery } from '../../src/core/model.ts';
import type { Database, DeliveriesTable } from '../schema.ts';
import { DeliveryNotPendingError, RowNotFoundError, rethrowMissingReference } from '../errors.ts';
import { parseStringList, toJson } from '../json.ts';
import { instant, toIso, toIsoOrNull } from './convert.ts';

const columns = [
  'id',
  'workspace_id',
  'key',
  'kind',
  'member_ids',
  'conversation',
  'message',
  'status',
  'platform_message_id',
  'attempts',
  'sending_at',
  'last_error',
  'created_at',
  'sent_at',
] as const;

type Row = Pick<Selectable<DeliveriesTable>, (typeof columns)[number]>;

function toDelivery(row: Row): Delivery {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    key: row.key,
    kind: row.kind,
    memberIds: parseStringList(row.member_ids),
    conversation: row.conversation,
    // Left unparsed on purpose: the sender validates it with messageSchema, and one bad message
    // must not make listing a workspace's deliveries fail.
    message: row.message,
    status: row.status,
    platformMessageId: row.platform_message_id,
    attempts: row.attempts,
    sendingAt: toIsoOrNull(row.sending_at),
    lastError: row.last_error,
    createdAt: toIso(row.created_at),
    sentAt: toIsoOrNull(row.sent_at),
  };
}

/**
 * Lifecycle: record → (markSending → markAttemptFailed)* → markSending → markSent, or markFailed.
 * While an attempt runs, `sending_at` is set and `last_error` null; an attempt that ended in doubt
 * keeps `sending_at` and has a `last_error`.
 * `attempts` counts markSending calls, i.e. sends started. `sent` is final. Keys are unique
 * across all workspaces, so a key must be globally unique (its subject's uuid makes it so).
 */
export function createDeliveryRepo(db: Kysely<Database>): DeliveryRepo {
  async function statusOf(key: string): Promise<Delivery['status']> {
    const row = await db.selectFrom('deliveries').select('status').where('key', '=', key).executeTakeFirst();
    if (!row) throw new RowNotFoundError('delivery', { key });
    return row.status;
  }

  /** Updates a delivery that is not yet sent; a late report about a sent one changes nothing. */
  async function updateUnsent(key: string, set: Updateable<DeliveriesTable>): Promise<void> {
    const updated = await db
      .updateTable('deliveries')
      .set(set)
      .where('key', '=', key)
      .where('status', '<>', 'sent')
      .returning('id')
      .executeTakeFirst();
    if (!updated) await statusOf(key);
  }

  return {
    /** Throws RowNotFoundError when the workspace does not exist. */
    async record(input, at) {
      const inserted = await db
        .insertInto('deliveries')
        .values({
          id: crypto.randomUUID(),
          workspace_id: input.workspaceId,
          key: input.key,
          kind: input.kind,
          member_ids: toJson(input.memberIds),
          conversation: input.conversation,
          message: JSON.stringify(input.message),
          created_at: at,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .executeTakeFirst()
        .catch((error: unknown) => rethrowMissingReference(error, 'workspace', { workspaceId: input.workspaceId }));
      return inserted !== undefined;
    },

    async get(key) {
      const row = await db.selectFrom('deliveries').select(columns).where('key', '=', key).executeTakeFirst();
      return row ? toDelivery(row) : null;
    },

    /**
     * Throws DeliveryNotPendingError when it is already sent or failed: no second send may start. With
     * `expectedSendingAt`, starts only if no other attempt started since it was read (false otherwise).
     */
    async markSending(key, at, expectedSendingAt) {
      let query = db
        .updateTable('deliveries')
        // A new attempt: its error, if any, is its own (an attempt in flight has none yet).
        .set({ sending_at: at, attempts: sql<number>`attempts + 1`, last_error: null })
        .where('key', '=', key)
        .where('status', '=', 'pending');
      if (expectedSendingAt === null) query = query.where('sending_at', 'is', null);
      else if (expectedSendingAt !== undefined) query = query.where('sending_at', '=', instant(expectedSendingAt));
      const updated = await query.returning('id').executeTakeFirst();
      if (updated) return true;
      const status = await statusOf(key);
      if (status !== 'pending') throw new DeliveryNotPendingError(key, status);
      return false;
    },

    /** Allowed from any status: a message found sent after all is sent, even if given up on. */
    async markSent(key, platformMessageId, at) {
      const updated = await db
        .updateTable('deliveries')
        .set({ status: 'sent', platform_message_id: platformMessageId, sent_at: at, sending_at: null })
        .where('key', '=', key)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new RowNotFoundError('delivery', { key });
    },

    async markAttemptFailed(key, error, opts) {
      // In doubt (a 5xx, a lost answer): the attempt is over but may have sent, so sending_at stays for reconciling.
      await updateUnsent(key, opts?.inDoubt ? { last_error: error } : { last_error: error, sending_at: null });
    },

    // sending_at stays: if a send was in doubt when we gave up, operators should see that.
    async markFailed(key, error) {
      await updateUnsent(key, { status: 'failed', last_error: error });
    },

    async listPending(before, limit) {
      const rows = await db
        .selectFrom('deliveries')
        .select(columns)
        .where('status', '=', 'pending')
        .where('created_at', '<=', instant(before))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },

    async list(workspaceId, opts) {
      let query = db.selectFrom('deliveries').select(columns).where('workspace_id', '=', workspaceId);
      if (opts?.status) query = query.where('status', '=', opts.status);
      if (opts?.keyPrefix) query = query.where('key', 'like', `${opts.keyPrefix.replace(/[\\%_]/g, '\\$&')}%`);
      const rows = await query.orderBy('created_at').orderBy('id').execute();
      return rows.map(toDelivery);
    },

    async deliveriesTo(workspaceId, memberIds, since) {
      if (memberIds.length === 0) return [];
      const rows = await db
        .selectFrom('deliveries')
        .select(['key', 'kind', 'member_ids', 'created_at'])
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '>=', instant(since))
        // A failed delivery reached nobody.
        .where('status', '<>', 'failed')
        .where(sql<boolean>`member_ids ?| ${sql.val(memberIds)}::text[]`)
        .execute();
      return rows.map((r) => ({ key: r.key, kind: r.kind, memberIds: parseStringList(r.member_ids), createdAt: toIso(r.created_at) }));
    },

    async keysOfKind(workspaceId, kind, since) {
      const rows = await db
        .selectFrom('deliveries')
        .select('key')
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', kind)
        .where('created_at', '>=', instant(since))
        .execute();
      return rows.map((r) => r.key);
    },
  };
}
