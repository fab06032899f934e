// Inbound events: what an adapter hands the core after translating a platform payload.
import type { DirectoryUser } from './model.ts';

interface FromMember {
  workspaceId: string;
  /** The sender's id on the platform (Slack user id, Teams AAD id, local member id). */
  memberExternalId: string;
}

export type InboundEvent =
  /** `/rounds …` (via 'slash') or the same words typed in a DM to the bot (via 'dm'). */
  | (FromMember & { type: 'command'; via: 'slash' | 'dm'; text: string })
  /** A button press or a select choice. */
  | (FromMember & { type: 'action'; actionId: string; value: string })
  /** A form (Slack modal, Teams card, local form) submitted. */
  | (FromMember & { type: 'form'; formId: string; value: string; fields: Record<string, string> })
  /** Somebody joined the workspace on the platform. */
  | { type: 'member_joined'; workspaceId: string; user: DirectoryUser }
  /** The platform's directory shows this person now (a profile edit, or first contact with someone not yet known). */
  | { type: 'member_changed'; workspaceId: string; user: DirectoryUser }
  /** The person left the platform's workspace, or their account was deleted. */
  | { type: 'member_left'; workspaceId: string; memberExternalId: string };
