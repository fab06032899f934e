// Provisioning: the one way a workspace comes to exist — a first install, a first request, a directory sync, the
// local demo. Members come in through the people feature's directory merge (member joined / changed events).
import { DEFAULT_SETTINGS, type Locale, type Platform, type Workspace } from './model.ts';
import type { Repositories } from './repositories.ts';

/** Where a practice is until a manager sets its zone in settings. */
export const DEFAULT_PRACTICE_ZONE = 'America/New_York';

export interface WorkspaceSpec {
  platform: Platform;
  externalId: string;
  name: string;
  timeZone?: string;
  locale?: Locale;
}

/**
 * The workspace for a platform's team, created with the default settings when it does not exist yet. Safe when
 * two first requests race: the one that loses reads the row the other wrote. Tasks come with the first read
 * of them (ensureDefaultTasks).
 */
export async function ensureWorkspace(
  repos: Pick<Repositories, 'workspaces'>,
  spec: WorkspaceSpec,
): Promise<{ workspace: Workspace; created: boolean }> {
  const found = await repos.workspaces.findByExternal(spec.platform, spec.externalId);
  if (found) return { workspace: found, created: false };
  try {
    const workspace = await repos.workspaces.create({
      platform: spec.platform,
      externalId: spec.externalId,
      name: spec.name,
      timeZone: spec.timeZone ?? DEFAULT_PRACTICE_ZONE,
      locale: spec.locale ?? 'en',
      settings: { ...DEFAULT_SETTINGS },
    });
    return { workspace, created: true };
  } catch (err) {
    const again = await repos.workspaces.findByExternal(spec.platform, spec.externalId);
    if (again) return { workspace: again, created: false };
    throw err;
  }
}
