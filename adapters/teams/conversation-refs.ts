// The store the Teams adapter needs before it can write to anyone first: Bot Framework only lets a bot start
// a conversation from a conversation reference it kept from that member's last activity. The reference is
// the platform's own and stays opaque outside the adapter. db/repositories/conversation-refs.ts implements it.

/** A member's latest conversation reference, as the platform gave it. */
export interface ConversationRef {
  memberId: string;
  /** Teams: the service URL, the conversation, the tenant, the bot and the user, kept whole. */
  reference: Record<string, unknown>;
  /** When the activity it came from arrived. */
  updatedAt: string;
}

export interface ConversationRefStore {
  /** Keeps the member's reference from an activity at `at`; one already kept from a later activity stays. */
  save(workspaceId: string, memberId: string, reference: Record<string, unknown>, at: string): Promise<void>;
  find(workspaceId: string, memberId: string): Promise<ConversationRef | null>;
  /** Forgets it (e.g. the member removed the app); nothing when there was none. */
  remove(workspaceId: string, memberId: string): Promise<void>;
}
