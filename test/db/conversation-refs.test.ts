// The conversation reference Teams needs per member, kept in Postgres: the latest activity's wins, per workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationRefStore } from '../../adapters/teams/conversation-refs.ts';
import { createConversationRefStore } from '../../db/repositories/conversation-refs.ts';
import { RowNotFoundError } from '../../db/errors.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase, uniqueId } from '../support/db.ts';

describe('conversation references on Postgres', () => {
  let database: TestDatabase;
  let store: ConversationRefStore;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    store = createConversationRefStore(database.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  const reference = (conversationId: string) => ({
    serviceUrl: 'https://smba.trafficmanager.net/amer/',
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    bot: { id: '28:rounds' },
    user: { id: '29:member', aadObjectId: 'aad-1' },
  });

  it('keeps the latest reference of each member, and one from a late activity never replaces it', async () => {
    const workspace = await buildWorkspace(database.repos);
    const member = await buildMember(database.repos, workspace.id);
    expect(await store.find(workspace.id, member.id)).toBeNull();

    await store.save(workspace.id, member.id, reference('a:1'), '2026-11-23T15:00:00.000Z');
    await store.save(workspace.id, member.id, reference('a:2'), '2026-11-24T15:00:00.000Z');
    await store.save(workspace.id, member.id, reference('a:old'), '2026-11-23T16:00:00.000Z');
    expect(await store.find(workspace.id, member.id)).toEqual({ memberId: member.id, reference: reference('a:2'), updatedAt: '2026-11-24T15:00:00.000Z' });

    await store.remove(workspace.id, member.id);
    expect(await store.find(workspace.id, member.id)).toBeNull();
  });

  it("never reads or writes another workspace's member", async () => {
    const workspace = await buildWorkspace(database.repos);
    const other = await buildWorkspace(database.repos);
    const member = await buildMember(database.repos, workspace.id);
    await store.save(workspace.id, member.id, reference('b:1'), '2026-11-23T15:00:00.000Z');
    expect(await store.find(other.id, member.id)).toBeNull();
    await store.save(other.id, member.id, reference('b:evil'), '2026-11-25T15:00:00.000Z');
    await store.remove(other.id, member.id);
    expect((await store.find(workspace.id, member.id))?.reference).toEqual(reference('b:1'));
    await expect(store.save(workspace.id, uniqueId('nobody'), reference('c:1'), '2026-11-23T15:00:00.000Z')).rejects.toBeInstanceOf(RowNotFoundError);
  });
});
