// The roster's repositories (pending imports, directory entries) on the shared Postgres and on a private PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src/core/repositories.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase } from '../../support/db.ts';

const at = '2025-03-03T15:00:00.000Z';

describe.each(['postgres', 'pglite'] as const)('roster repositories on %s', (kind) => {
  let database: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repos = database.repos;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('keeps a pending import for its workspace only, hands it out once, and removes old ones', async () => {
    const workspace = await buildWorkspace(repos);
    const dana = await buildMember(repos, workspace.id);
    const pending = await repos.pendingImports.create({ workspaceId: workspace.id, memberId: dana.id, kind: 'roster', payload: { csv: 'name\nAna' }, createdAt: at });
    expect(pending).toEqual({ id: expect.any(String), workspaceId: workspace.id, memberId: dana.id, kind: 'roster', payload: { csv: 'name\nAna' }, createdAt: at });
    expect(await repos.pendingImports.get(workspace.id, pending.id)).toEqual(pending);
    const other = await buildWorkspace(repos);
    expect(await repos.pendingImports.get(other.id, pending.id)).toBeNull();
    expect(await repos.pendingImports.take(other.id, pending.id)).toBeNull();

    const [first, second] = await Promise.all([repos.pendingImports.take(workspace.id, pending.id), repos.pendingImports.take(workspace.id, pending.id)]);
    expect([first?.id, second?.id].filter((id) => id !== undefined)).toEqual([pending.id]);
    expect(await repos.pendingImports.get(workspace.id, pending.id)).toBeNull();

    await repos.pendingImports.create({ workspaceId: workspace.id, memberId: dana.id, kind: 'roster', payload: {}, createdAt: '2025-03-01T00:00:00.000Z' });
    const fresh = await repos.pendingImports.create({ workspaceId: workspace.id, memberId: dana.id, kind: 'roster', payload: {}, createdAt: at });
    expect(await repos.pendingImports.removeOlderThan(workspace.id, '2025-03-02T00:00:00.000Z')).toBe(1);
    expect(await repos.pendingImports.get(workspace.id, fresh.id)).not.toBeNull();
  });

  it('refuses a pending import for a member of another workspace', async () => {
    const workspace = await buildWorkspace(repos);
    const stranger = await buildMember(repos, (await buildWorkspace(repos)).id);
    await expect(
      repos.pendingImports.create({ workspaceId: workspace.id, memberId: stranger.id, kind: 'roster', payload: {}, createdAt: at }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records directory entries, updating them in place', async () => {
    const workspace = await buildWorkspace(repos);
    const ana = { externalId: 'U01ANA', displayName: 'Ana García', title: 'Biller', isAdmin: false, managerExternalId: null };
    await repos.directory.upsert(workspace.id, [{ externalId: 'U01ANA', present: true, snapshot: ana }], at);
    await repos.directory.upsert(workspace.id, [{ externalId: 'U01ANA', present: false, snapshot: { ...ana, title: 'Coder' } }, { externalId: 'U02BEN', present: true, snapshot: { externalId: 'U02BEN', displayName: 'Ben' } }], at);
    expect(await repos.directory.list(workspace.id)).toEqual([
      { externalId: 'U01ANA', present: false, snapshot: { ...ana, title: 'Coder' } },
      { externalId: 'U02BEN', present: true, snapshot: { externalId: 'U02BEN', displayName: 'Ben' } },
    ]);
    expect(await repos.directory.list((await buildWorkspace(repos)).id)).toEqual([]);
  });
});
