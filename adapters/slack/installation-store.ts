// Bolt's InstallationStore in Postgres behind the core's InstallationRepo port, encrypted with ROUNDS_ENCRYPTION_KEY.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { InstallationRepo } from '../../src/core/ports.ts';
import { decrypt, encrypt } from './crypto.ts';

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
