// Provisioning a workspace on the real Postgres: created once with the default settings, found after, and two
// first requests at once make one workspace, not two and not an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/model.ts';
import { DEFAULT_PRACTICE_ZONE, ensureWorkspace } from '../../src/core/provision.ts';
import { openTestDatabase, type TestDatabase, uniqueId } from '../support/db.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase('postgres');
});

afterAll(async () => {
  await db?.close();
});

describe('ensureWorkspace', () => {
  it('creates a new team once, with the default zone and settings, and finds it after', async () => {
    const externalId = uniqueId('T');
    const first = await ensureWorkspace(db.repos, { platform: 'slack', externalId, name: 'Riverside' });
    expect(first.created).toBe(true);
    expect(first.workspace).toMatchObject({ platform: 'slack', externalId, name: 'Riverside', timeZone: DEFAULT_PRACTICE_ZONE, locale: 'en' });
    expect(first.workspace.settings).toEqual(DEFAULT_SETTINGS);
    const again = await ensureWorkspace(db.repos, { platform: 'slack', externalId, name: 'Renamed' });
    expect(again).toEqual({ workspace: first.workspace, created: false });
  });

  it('makes one workspace when two first requests race', async () => {
    const externalId = uniqueId('T');
    const results = await Promise.all([1, 2, 3].map(() => ensureWorkspace(db.repos, { platform: 'local', externalId, name: 'Maple', timeZone: 'America/Chicago' })));
    expect(new Set(results.map((r) => r.workspace.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]?.workspace.timeZone).toBe('America/Chicago');
  });
});
