// The storage the core needs, all in one `Repositories` (db/repositories implements it): the workspace and
// pending-import records every feature shares, and each feature's own repositories, declared next to the feature.
import type { CheckinRepo } from './checkins/repository.ts';
import type { SkillRepo, TaskRepo, TimeOffRepo } from './coverage/repository.ts';
import type { DeliveryRepo } from './deliveries/repository.ts';
import type { MentoringRepo, PairRepo, ProfileRepo } from './mentoring/repository.ts';
import type { Platform, Workspace, WorkspaceSettings } from './model.ts';
import type { DirectoryEntryRepo, MemberRepo } from './people/repository.ts';

export interface WorkspaceRepo {
  get(id: string): Promise<Workspace | null>;
  findByExternal(platform: Platform, externalId: string): Promise<Workspace | null>;
  create(input: Omit<Workspace, 'id'>): Promise<Workspace>;
  updateSettings(id: string, settings: WorkspaceSettings, timeZone?: string): Promise<Workspace>;
  listIds(): Promise<string[]>;
}

/** Something a manager previewed (e.g. a pasted roster CSV), waiting for Apply; expires after a day. */
export interface PendingImport {
  id: string;
  workspaceId: string;
  /** Who asked for the preview. */
  memberId: string;
  kind: string;
  /** Read with a zod schema by the feature that wrote it. */
  payload: unknown;
  createdAt: string;
}

export interface PendingImportRepo {
  create(input: Omit<PendingImport, 'id'>): Promise<PendingImport>;
  get(workspaceId: string, id: string): Promise<PendingImport | null>;
  /** Deletes and returns it: of two concurrent takes, one gets the import and the other null. */
  take(workspaceId: string, id: string): Promise<PendingImport | null>;
  /** Deletes the workspace's pending imports created before `before`; returns how many. */
  removeOlderThan(workspaceId: string, before: string): Promise<number>;
}

export interface Repositories {
  workspaces: WorkspaceRepo;
  members: MemberRepo;
  tasks: TaskRepo;
  skills: SkillRepo;
  timeOff: TimeOffRepo;
  profiles: ProfileRepo;
  pairs: PairRepo;
  deliveries: DeliveryRepo;
  pendingImports: PendingImportRepo;
  directory: DirectoryEntryRepo;
  checkins: CheckinRepo;
  mentoring: MentoringRepo;
  /** Runs `fn` in one transaction: all of its writes land, or none do (e.g. a CSV import). */
  withTransaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
