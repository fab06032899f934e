// Platform installations: stored and read as ciphertext; encryption is the adapter's job.
import type { Kysely } from 'kysely';
import type { InstallationRepo } from '../../src/core/ports.ts';
import type { Database } from '../schema.ts';

export function createInstallationRepo(db: Kysely<Database>): InstallationRepo {
  return {
    async save(record) {
      await db
        .insertInto('installations')
        .values({ platform: record.platform, key: record.key, ciphertext: record.ciphertext, updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['platform', 'key']).doUpdateSet({ ciphertext: record.ciphertext, updated_at: new Date().toISOString() }))
        .execute();
    },
    async find(platform, key) {
      const row = await db
        .selectFrom('installations')
        .select(['platform', 'key', 'ciphertext'])
        .where('platform', '=', platform)
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? { platform, key: row.key, ciphertext: row.ciphertext } : null;
    },
    async remove(platform, key) {
      await db.deleteFrom('installations').where('platform', '=', platform).where('key', '=', key).execute();
    },
  };
}
