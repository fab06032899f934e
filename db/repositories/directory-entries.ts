// Directory entries: who the platform directory listed at the last sync, and with which details.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DirectoryUser } from '../../src/core/model.ts';
import type { DirectoryEntryRepo } from '../../src/core/people/repository.ts';
import type { Database } from '../schema.ts';

const snapshotSchema = z.object({
  externalId: z.string(),
  displayName: z.string(),
  title: z.string().optional(),
  team: z.string().optional(),
  timeZone: z.string().optional(),
  locale: z.enum(['en', 'es']).optional(),
  email: z.string().nullable().optional(),
  isAdmin: z.boolean().optional(),
  managerExternalId: z.string().nullable().optional(),
});

function toSnapshot(value: unknown, externalId: string): DirectoryUser {
  const parsed = snapshotSchema.safeParse(value);
  // A snapshot that cannot be read counts as "never seen": the next sync compares against nothing.
  return parsed.success ? (parsed.data as DirectoryUser) : { externalId, displayName: '' };
}

export function createDirectoryEntryRepo(db: Kysely<Database>): DirectoryEntryRepo {
  return {
    async list(workspaceId) {
      const rows = await db
        .selectFrom('directory_entries')
        .select(['external_id', 'present', 'snapshot'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('external_id')
        .execute();
      return rows.map((row) => ({
        externalId: row.external_id,
        present: row.present,
        snapshot: toSnapshot(row.snapshot, row.external_id),
      }));
    },

    async find(workspaceId, externalId) {
      const row = await db
        .selectFrom('directory_entries')
        .select(['external_id', 'present', 'snapshot'])
        .where('workspace_id', '=', workspaceId)
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      return row ? { externalId: row.external_id, present: row.present, snapshot: toSnapshot(row.snapshot, row.external_id) } : null;
    },

    async upsert(workspaceId, entries, at) {
      // In slices, so a directory of tens of thousands stays under the driver's parameter limit.
      for (let i = 0; i < entries.length; i += 500) {
        const values = entries.slice(i, i + 500).map((entry) => ({
          workspace_id: workspaceId,
          external_id: entry.externalId,
          present: entry.present,
          snapshot: JSON.stringify(snapshotSchema.parse(entry.snapshot)),
          updated_at: at,
        }));
        await db
          .insertInto('directory_entries')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['workspace_id', 'external_id']).doUpdateSet({
              present: sql<boolean>`excluded.present`,
              snapshot: sql<string>`excluded.snapshot`,
              updated_at: sql<string>`excluded.updated_at`,
            }),
          )
          .execute();
      }
    },
  };
}
