// Which workspaces one process ticks and queues for: those of the platforms it runs, and of the local platform only its own.
//
// Several Rounds deployments (or test runs) may share one Postgres. A process must not send another's
// touchpoints: it has no adapter for them, or, in local mode, its clock is its own practice's.
import type { Workspace } from '../src/core/model.ts';
import type { WorkspaceRepo } from '../src/core/repositories.ts';
import type { Platforms } from './delivery-worker.ts';

export interface WorkspaceScope {
  serves(workspace: Workspace): boolean;
  servesId(workspaceId: string): Promise<boolean>;
}

/** `platforms` is read at each call, so adapters that start later count. */
export function createWorkspaceScope(deps: { workspaces: WorkspaceRepo; platforms: Platforms; localWorkspaceId?: string }): WorkspaceScope {
  const known = new Map<string, Workspace | null>();
  const serves = (workspace: Workspace) =>
    workspace.platform === 'local' ? workspace.id === deps.localWorkspaceId : deps.platforms[workspace.platform] !== undefined;
  return {
    serves,
    async servesId(workspaceId) {
      // A workspace's platform never changes: one read per workspace and process.
      let workspace = known.get(workspaceId);
      if (workspace === undefined) {
        workspace = await deps.workspaces.get(workspaceId);
        known.set(workspaceId, workspace);
      }
      return workspace !== null && serves(workspace);
    },
  };
}
