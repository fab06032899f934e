// Taking back what Rounds told people: everyone a message reached under a delivery key prefix gets a short note.
import type { HandlerContext } from './context.ts';
import type { DeliveryKind } from './deliveries/kinds.ts';
import { textMessage } from './messages/build.ts';
import type { Member } from './model.ts';

export interface Withdrawal {
  /** The key prefix of the deliveries that told people (one reader each); failed ones reached nobody. */
  toldPrefix: string;
  /** The withdrawal's own kind and key for one recipient (so it is sent once). */
  delivery: (recipient: Member) => { kind: DeliveryKind; key: string };
  /** What the recipient reads, in their language and zone. */
  text: (recipient: Member) => string;
}

/** Sends the withdrawal to each person told; returns who. One that cannot be sent is logged and skipped. */
export async function tellWithdrawn(ctx: HandlerContext, withdrawal: Withdrawal): Promise<Member[]> {
  const { repos, outbox } = ctx.deps;
  const told = await repos.deliveries.list(ctx.workspace.id, { keyPrefix: withdrawal.toldPrefix });
  const recipients: Member[] = [];
  for (const delivery of told.filter((d) => d.status !== 'failed')) {
    const [recipientId] = delivery.memberIds;
    try {
      const recipient = recipientId ? await repos.members.get(ctx.workspace.id, recipientId) : null;
      if (!recipient) continue;
      await outbox.enqueue({
        workspaceId: ctx.workspace.id,
        ...withdrawal.delivery(recipient),
        memberIds: [recipient.id],
        conversation: 'dm',
        message: textMessage(withdrawal.text(recipient)),
      });
      recipients.push(recipient);
    } catch (err) {
      ctx.log.error({ err, toldPrefix: withdrawal.toldPrefix, to: recipientId }, 'could not send a withdrawal');
    }
  }
  return recipients;
}
