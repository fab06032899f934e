// The Outbox port on Postgres and BullMQ: record the delivery first (the record), then queue it (the work).
import type { DeliveryRepo } from '../src/core/deliveries/repository.ts';
import type { Clock, Logger, Outbox } from '../src/core/infrastructure.ts';
import { enqueueDelivery, type Queues } from './queues.ts';

export function createOutbox(deps: {
  deliveries: DeliveryRepo;
  queues: Queues;
  clock: Clock;
  logger: Logger;
  /** Whether Redis answers now; when not, the delivery waits in Postgres for the next tick instead of a queue call that hangs. */
  queueReady?: () => boolean;
}): Outbox {
  return {
    async enqueue(item) {
      const at = deps.clock.now().toISO() ?? '';
      const fresh = await deps.deliveries.record(
        {
          workspaceId: item.workspaceId,
          key: item.key,
          kind: item.kind,
          memberIds: item.memberIds,
          conversation: item.conversation,
          message: item.message,
        },
        at,
      );
      if (!fresh) return;
      if (deps.queueReady && !deps.queueReady()) {
        deps.logger.warn({ workspaceId: item.workspaceId, key: item.key }, 'delivery recorded; Redis is unreachable, so it is queued later');
        return;
      }
      try {
        await enqueueDelivery(deps.queues, item);
      } catch (err) {
        // Postgres has the delivery; the next scheduler tick queues what is still pending.
        deps.logger.warn({ err, workspaceId: item.workspaceId, key: item.key }, 'delivery recorded but not queued yet');
      }
    },
  };
}
