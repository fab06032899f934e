// Mentions name members by member id; an adapter shows each with its platform's id for the member (a Slack user
// id, the local page's member id). This looks those ids up, for the members the messages mention.
import type { Member } from '../model.ts';
import { mentionedMembers } from './build.ts';
import type { Message } from './model.ts';

export interface MemberLookup {
  get(workspaceId: string, id: string): Promise<Member | null>;
}

/** Member id → the platform's id for the member, for everyone the messages mention; a member not found is left out. */
export async function mentionAddresses(members: MemberLookup, workspaceId: string, messages: readonly Message[]): Promise<Map<string, string>> {
  const ids = mentionedMembers(messages);
  if (ids.length === 0) return new Map();
  const found = await Promise.all(ids.map((id) => members.get(workspaceId, id)));
  return new Map(found.flatMap((m) => (m ? [[m.id, m.externalId] as const] : [])));
}
