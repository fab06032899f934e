// Assembles every repository the core's ports ask for over one Kysely instance.
import type { Kysely } from 'kysely';
import type { Repositories } from '../../src/core/ports.js';
import type { Database } from '../schema.js';
import { createCheckinRepo } from './checkins.js';
import { createClockRepo } from './clock.js';
import { createDeliveryRepo } from './deliveries.js';
import { createDirectoryEntryRepo } from './directory-entries.js';
import { createInstallationRepo } from './installations.js';
import { createMemberRepo } from './members.js';
import { createMentoringRepo } from './mentoring.js';
import { createPairRepo } from './pairs.js';
import { createPendingImportRepo } from './pending-imports.js';
import { createProfileRepo } from './profiles.js';
import { createSkillRepo } from './skills.js';
import { createTaskRepo } from './tasks.js';
import { createTimeOffRepo } from './time-off.js';
import { createWorkspaceRepo } from './workspaces.js';

export { markEventProcessed, pruneProcessedEvents } from './processed-events.js';

export function createRepositories(db: Kysely<Database>): Repositories {
  return {
    workspaces: createWorkspaceRepo(db),
    members: createMemberRepo(db),
    tasks: createTaskRepo(db),
    skills: createSkillRepo(db),
    timeOff: createTimeOffRepo(db),
    profiles: createProfileRepo(db),
    pairs: createPairRepo(db),
    deliveries: createDeliveryRepo(db),
    clock: createClockRepo(db),
    pendingImports: createPendingImportRepo(db),
    directory: createDirectoryEntryRepo(db),
    installations: createInstallationRepo(db),
    checkins: createCheckinRepo(db),
    mentoring: createMentoringRepo(db),
    withTransaction: (fn) =>
      // Already inside a transaction: join it rather than nest (PGlite has one connection).
      db.isTransaction ? fn(createRepositories(db)) : db.transaction().execute((trx) => fn(createRepositories(trx))),
  };
}
