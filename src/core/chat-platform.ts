// The chat platform port: what the core and the delivery worker ask of Slack, the local chat and, next, Teams.
// Each adapter implements it; its capabilities say what it can do beyond a DM, so callers ask rather than assume.
import type { DirectoryUser, Member, Platform, Workspace } from './model.ts';
import type { Message } from './messages/model.ts';

/** Where a message goes: a member's DM, or a group conversation of several members. */
export type Recipient =
  | { kind: 'dm'; member: Member }
  | { kind: 'group'; members: Member[] };

export interface SentMessage {
  /** The platform's id for the message, used to update it later. */
  messageId: string;
  conversationId: string;
}

/**
 * What a platform can do beyond sending a DM. Callers ask these rather than assume them: a method whose
 * capability is false is never called.
 */
export interface PlatformCapabilities {
  /** `findSent`: a message can be found again by its delivery key, so a send whose answer was lost is reconciled, not repeated. */
  readonly findSent: boolean;
  /** A message can go to a conversation of several members (a `group` recipient). */
  readonly groupConversations: boolean;
  /** A reply can be shown to one member only in a conversation others read. */
  readonly privateReplies: boolean;
  /** `update`: a sent message can be changed in place (e.g. an answered message loses its buttons). */
  readonly updateMessages: boolean;
}

export interface ChatPlatform {
  readonly platform: Platform;
  readonly capabilities: PlatformCapabilities;
  /** Sends a message. `key` is the delivery's idempotency key, kept with the message where the platform allows. */
  send(workspace: Workspace, to: Recipient, message: Message, key: string): Promise<SentMessage>;
  /** Changes a sent message in place; only with `capabilities.updateMessages`. */
  update(workspace: Workspace, sent: SentMessage, message: Message): Promise<void>;
  /** Finds a message sent earlier under `key`, for deliveries whose outcome is in doubt; only with `capabilities.findSent`. */
  findSent(workspace: Workspace, to: Recipient, key: string): Promise<SentMessage | null>;
  /** Everyone the platform's directory lists for the workspace (bots and deleted users excluded). */
  listDirectory(workspace: Workspace): Promise<DirectoryUser[]>;
}
