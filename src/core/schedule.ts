// The scheduler tick of the core: for every workspace, what touchpoints are due now, computed from the record.
import type { DateTime } from 'luxon';
import type { BotDeps } from './context.ts';
import type { Member, Workspace } from './model.ts';
import type { OutboxItem } from './ports.ts';

export interface TickInput {
  workspace: Workspace;
  members: Member[];
  now: DateTime;
}

/** A kind of recurring touchpoint (check-ins, nudges, intros): returns what is due, each under its deterministic key. */
export type TouchpointRule = (deps: BotDeps, input: TickInput) => Promise<OutboxItem[]>;

export interface TickSummary {
  workspaces: number;
  enqueued: number;
  failedWorkspaces: number;
}

export interface TickOptions {
  /** Whether this process serves the workspace (its platforms, its own local practice); the others are left to theirs. */
  serves?: (workspaceId: string) => boolean | Promise<boolean>;
}

export async function runTick(deps: BotDeps, rules: TouchpointRule[], opts: TickOptions = {}): Promise<TickSummary> {
  const now = deps.clock.now();
  const ids = await deps.repos.workspaces.listIds();
  const summary: TickSummary = { workspaces: 0, enqueued: 0, failedWorkspaces: 0 };
  for (const id of ids) {
    // One workspace's bad data never stops the others' touchpoints.
    try {
      if (opts.serves && !(await opts.serves(id))) continue;
      const workspace = await deps.repos.workspaces.get(id);
      if (!workspace) continue;
      summary.workspaces += 1;
      const members = await deps.repos.members.list(id);
      for (const rule of rules) {
        for (const item of await rule(deps, { workspace, members, now })) {
          await deps.outbox.enqueue(item);
          summary.enqueued += 1;
        }
      }
    } catch (err) {
      summary.failedWorkspaces += 1;
      deps.logger.error({ err, workspaceId: id }, 'scheduler tick failed for a workspace');
    }
  }
  return summary;
}
