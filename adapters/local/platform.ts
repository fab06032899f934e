// The local adapter's ChatPlatform: what the bot "sends" lands in each member's local inbox (kept in the database).
import type { Message } from '../../src/core/messages/model.ts';
import type { DirectoryUser, Workspace } from '../../src/core/model.ts';
import type { ChatPlatform, Recipient, SentMessage } from '../../src/core/chat-platform.ts';

export interface LocalInboxStore {
  add(input: { workspaceId: string; key: string; conversation: 'dm' | 'group'; memberIds: string[]; message: Message; at: string }): Promise<string>;
  findByKey(workspaceId: string, key: string): Promise<string | null>;
  update(workspaceId: string, id: string, message: Message): Promise<void>;
  /** Messages to a member (by internal id), oldest first. */
  listFor(workspaceId: string, memberId: string): Promise<{ id: string; at: string; conversation: 'dm' | 'group'; memberIds: string[]; message: Message }[]>;
}

export function recipientIds(to: Recipient): string[] {
  return to.kind === 'dm' ? [to.member.id] : to.members.map((m) => m.id);
}

export function createLocalPlatform(deps: {
  inbox: LocalInboxStore;
  now: () => string;
  directory: () => DirectoryUser[];
}): ChatPlatform {
  return {
    platform: 'local',
    // The inbox keeps each message's key; the page answers privately to the one person using it.
    capabilities: { findSent: true, groupConversations: true, privateReplies: true, updateMessages: true },
    async send(workspace: Workspace, to: Recipient, message: Message, key: string): Promise<SentMessage> {
      const id = await deps.inbox.add({
        workspaceId: workspace.id,
        key,
        conversation: to.kind,
        memberIds: recipientIds(to),
        message,
        at: deps.now(),
      });
      return { messageId: id, conversationId: recipientIds(to).join(',') };
    },
    async update(workspace, sent, message) {
      await deps.inbox.update(workspace.id, sent.messageId, message);
    },
    async findSent(workspace, to, key) {
      const id = await deps.inbox.findByKey(workspace.id, key);
      return id ? { messageId: id, conversationId: recipientIds(to).join(',') } : null;
    },
    async listDirectory() {
      return deps.directory();
    },
  };
}
