// Platform installations: stored and read as ciphertext; encryption is the adapter's job.
// Shaped to adapters/slack's InstallationRepo without importing it: db/ depends on the core only.
import type { Kysely } from 'kysely';
import type { Platform } from '../../src/core/model.ts';
import type { Database } from '../schema.ts';

export interface StoredInstallation {
  platform: Platform;
  key: string;
  ciphertext: string;
}

export function createInstallationRepo(db: Kysely<Database>) {
  return {
    async save(record: StoredInstallation): Promise<void> {
      await db
        .insertInto('installations')
        .values({ platform: record.platform, key: record.key, ciphertext: record.ciphertext, updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['platform', 'key']).doUpdateSet({ ciphertext: record.ciphertext, updated_at: new Date().toISOString() }))
        .execute();
    },
    async find(platform: Platform, key: string): Promise<StoredInstallation | null> {
      const row = await db
        .selectFrom('installations')
        .select(['platform', 'key', 'ciphertext'])
        .where('platform', '=', platform)
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? { platform, key: row.key, ciphertext: row.ciphertext } : null;
    },
    async remove(platform: Platform, key: string): Promise<void> {
      await db.deleteFrom('installations').where('platform', '=', platform).where('key', '=', key).execute();
    },
  };
}
