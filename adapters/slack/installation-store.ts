// Bolt's InstallationStore in Postgres (db/repositories/installations.ts implements InstallationRepo), encrypted with ROUNDS_ENCRYPTION_KEY.
// The store is the adapter's own: the core never sees an installation or a token.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Platform } from '../../src/core/model.ts';
import { decrypt, encrypt } from './crypto.ts';

/** An installation (a Slack workspace or enterprise that installed Rounds), stored encrypted; only this adapter reads it. */
export interface InstallationRecord {
  platform: Platform;
  /** The team id, or the enterprise id for an org-wide install. */
  key: string;
  /** The whole installation, encrypted; the core never sees a token. */
  ciphertext: string;
}

export interface InstallationRepo {
  save(record: InstallationRecord): Promise<void>;
  find(platform: Platform, key: string): Promise<InstallationRecord | null>;
  remove(platform: Platform, key: string): Promise<void>;
}

function keyOf(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  throw new Error('an installation needs a team or an enterprise id');
}

export function createInstallationStore(
  repo: InstallationRepo,
  key: Buffer,
  onInstalled?: (teamId: string, installation: Installation) => Promise<void>,
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const k = keyOf({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await repo.save({ platform: 'slack', key: k, ciphertext: encrypt(key, JSON.stringify(installation)) });
      if (installation.team?.id) await onInstalled?.(installation.team.id, installation as Installation);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = await repo.find('slack', keyOf(query));
      if (!record) throw new Error(`no Slack installation for ${keyOf(query)}`);
      return JSON.parse(decrypt(key, record.ciphertext)) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query) {
      await repo.remove('slack', keyOf(query));
    },
  };
}
