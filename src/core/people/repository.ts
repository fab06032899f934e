// The people feature's storage: members, and what the platform directory listed at the last sync (db/repositories/members.ts, directory-entries.ts).
import type { DirectoryUser, Member, Role } from '../model.ts';

export type NewMember = Omit<Member, 'id'>;
export type MemberPatch = Partial<Omit<Member, 'id' | 'workspaceId' | 'externalId'>>;

export interface MemberRepo {
  get(workspaceId: string, id: string): Promise<Member | null>;
  findByExternal(workspaceId: string, externalId: string): Promise<Member | null>;
  list(workspaceId: string, opts?: { includeInactive?: boolean }): Promise<Member[]>;
  listByRole(workspaceId: string, roles: Role[]): Promise<Member[]>;
  create(input: NewMember): Promise<Member>;
  update(workspaceId: string, id: string, patch: MemberPatch): Promise<Member>;
}

/** What the platform directory listed for one person at the last sync (see people/directory-sync.ts). */
export interface DirectoryEntry {
  externalId: string;
  /** Listed by the last sync. */
  present: boolean;
  /** The directory's values at the last sync in which they were listed. */
  snapshot: DirectoryUser;
}

export interface DirectoryEntryRepo {
  list(workspaceId: string): Promise<DirectoryEntry[]>;
  find(workspaceId: string, externalId: string): Promise<DirectoryEntry | null>;
  upsert(workspaceId: string, entries: DirectoryEntry[], at: string): Promise<void>;
}
