// The delivery ledger: every delivery recorded under its key and what became of it (db/repositories/deliveries.ts).
import type { Delivery } from '../model.ts';
import type { OutboxItem } from '../infrastructure.ts';

export interface DeliveryRepo {
  /** Records a delivery as pending under its unique `key`; false when the key was already recorded. */
  record(input: OutboxItem, at: string): Promise<boolean>;
  get(key: string): Promise<Delivery | null>;
  /**
   * Notes that a send is about to start; after it, the outcome is in doubt until markSent or markAttemptFailed.
   * With `expectedSendingAt` (the `sendingAt` read before), it starts only if no other attempt started
   * meanwhile, and answers false otherwise: two workers never both start a send.
   */
  markSending(key: string, at: string, expectedSendingAt?: string | null): Promise<boolean>;
  markSent(key: string, platformMessageId: string, at: string): Promise<void>;
  /**
   * The attempt failed and the delivery stays pending for a retry. Nothing was sent, or, `inDoubt`, it may
   * have been (a 5xx, a lost answer): then `sendingAt` stays, and the next attempt looks for the message first.
   */
  markAttemptFailed(key: string, error: string, opts?: { inDoubt?: boolean }): Promise<void>;
  /** No more attempts: failed, visible to operators and managers. */
  markFailed(key: string, error: string): Promise<void>;
  /** Pending deliveries recorded at or before `before`, oldest first, across workspaces. */
  listPending(before: string, limit: number): Promise<Delivery[]>;
  /** The workspace's deliveries, oldest first; `keyPrefix` keeps those whose key starts with it (e.g. one subject's). */
  list(workspaceId: string, opts?: { status?: Delivery['status']; keyPrefix?: string }): Promise<Delivery[]>;
  /** Deliveries to any of `memberIds` recorded at or after `since`, failed ones left out: what the attention budget counts. */
  deliveriesTo(workspaceId: string, memberIds: string[], since: string): Promise<DeliveryTrace[]>;
  /** Keys of the workspace's deliveries of `kind` recorded at or after `since`. */
  keysOfKind(workspaceId: string, kind: string, since: string): Promise<string[]>;
}

/** A recorded delivery as the weekly attention budget counts it. */
export interface DeliveryTrace {
  key: string;
  kind: string;
  memberIds: string[];
  createdAt: string;
}
