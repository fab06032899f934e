// Assembles every repository the core's ports ask for over one Kysely instance, and the stores only an
// adapter or the app reads (the local clock's offset, Slack installations, Teams conversation references).
import type { Kysely } from 'kysely';
import type { Repositories } from '../../src/core/repositories.ts';
import type { Database } from '../schema.ts';
import { createCheckinRepo } from './checkins.ts';
import { createConversationRefStore } from './conversation-refs.ts';
import { createClockRepo } from './clock.ts';
import { createDeliveryRepo } from './deliveries.ts';
import { createDirectoryEntryRepo } from './directory-entries.ts';
import { createInstallationRepo } from './installations.ts';
import { createMemberRepo } from './members.ts';
import { createMentoringRepo } from './mentoring.ts';
import { createPairRepo } from './pairs.ts';
import { createPendingImportRepo } from './pending-imports.ts';
import { createProfileRepo } from './profiles.ts';
import { createSkillRepo } from './skills.ts';
import { createTaskRepo } from './tasks.ts';
import { createTimeOffRepo } from './time-off.ts';
import { createWorkspaceRepo } from './workspaces.ts';

export { markEventProcessed, pruneProcessedEvents } from './processed-events.ts';

/** The stores outside the core's ports, each shaped to the interface of the adapter or app code that uses it. */
export interface AdapterStores {
  clock: ReturnType<typeof createClockRepo>;
  installations: ReturnType<typeof createInstallationRepo>;
  conversationRefs: ReturnType<typeof createConversationRefStore>;
}

export type DbRepositories = Repositories & AdapterStores;

export function createRepositories(db: Kysely<Database>): DbRepositories {
  return {
    workspaces: createWorkspaceRepo(db),
    members: createMemberRepo(db),
    tasks: createTaskRepo(db),
    skills: createSkillRepo(db),
    timeOff: createTimeOffRepo(db),
    profiles: createProfileRepo(db),
    pairs: createPairRepo(db),
    deliveries: createDeliveryRepo(db),
    pendingImports: createPendingImportRepo(db),
    directory: createDirectoryEntryRepo(db),
    checkins: createCheckinRepo(db),
    mentoring: createMentoringRepo(db),
    clock: createClockRepo(db),
    installations: createInstallationRepo(db),
    conversationRefs: createConversationRefStore(db),
    withTransaction: (fn) =>
      // Already inside a transaction: join it rather than nest (PGlite has one connection).
      db.isTransaction ? fn(createRepositories(db)) : db.transaction().execute((trx) => fn(createRepositories(trx))),
  };
}
