// Databases for tests: the shared real Postgres or a private in-memory PGlite, and builders for rows each test owns.
import { randomUUID } from 'node:crypto';
import { checkDatabase, createDatabase, type DatabaseHandle, type DatabaseKind } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createRepositories, type DbRepositories } from '../../db/repositories/index.ts';
import { DEFAULT_SETTINGS, type Member, type Workspace } from '../../src/core/model.ts';
import type { NewMember } from '../../src/core/people/repository.ts';
import type { Repositories } from '../../src/core/repositories.ts';

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/**
 * Postgres connections per pool in tests: a test's own handle and each Rounds it starts stay this small,
 * so the whole suite (two files at a time) keeps far below Postgres's default limit of 100.
 */
export const TEST_POOL_MAX = 2;
/** The same for a Rounds process a test starts (web and worker in one, so one more). */
export const TEST_APP_POOL_MAX = 3;

export interface TestDatabase extends DatabaseHandle {
  repos: DbRepositories;
}

/**
 * Opens a migrated database. `postgres` is shared by every test file running at once: never
 * truncate or drop its tables, create a fresh workspace instead. `pglite` is private to the
 * caller and in memory (a few seconds to start: open it once per file, in beforeAll).
 * Call `close()` in afterAll.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const handle = await createDatabase(kind === 'postgres' ? { url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX } : { dataDir: 'memory://' });
  try {
    await checkDatabase(handle.db).catch((error: unknown) => {
      throw new Error(`Postgres is not reachable at TEST_DATABASE_URL=${testDatabaseUrl()}`, { cause: error });
    });
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { ...handle, repos: createRepositories(handle.db) };
}

/** A value no other test uses, for external ids, keys and names. */
export function uniqueId(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

export async function buildWorkspace(
  repos: Repositories,
  overrides: Partial<Omit<Workspace, 'id'>> = {},
): Promise<Workspace> {
  return repos.workspaces.create({
    platform: 'local',
    externalId: uniqueId('T'),
    name: 'Riverside Family Practice',
    timeZone: 'America/Chicago',
    locale: 'en',
    settings: { ...DEFAULT_SETTINGS, workDays: [...DEFAULT_SETTINGS.workDays], holidays: [] },
    ...overrides,
  });
}

export async function buildMember(
  repos: Repositories,
  workspaceId: string,
  overrides: Partial<Omit<NewMember, 'workspaceId'>> = {},
): Promise<Member> {
  const externalId = overrides.externalId ?? uniqueId('U');
  return repos.members.create({
    workspaceId,
    externalId,
    displayName: `Member ${externalId.slice(-6)}`,
    role: 'staff',
    title: 'Medical Assistant',
    team: 'Clinic',
    managerId: null,
    timeZone: 'America/Chicago',
    locale: 'en',
    email: null,
    startDate: null,
    active: true,
    snoozedUntil: null,
    optedOut: false,
    ...overrides,
  });
}
