// The scheduler tick of the core: for every workspace, what touchpoints are due now, computed from the record.
import type { DateTime } from 'luxon';
import type { BotDeps } from './context.ts';
import type { Member, Workspace } from './model.ts';
import type { OutboxItem } from './infrastructure.ts';

export interface TickInput {
  workspace: Workspace;
  members: Member[];
  now: DateTime;
}

/** A kind of recurring touchpoint (check-ins, nudges, intros): returns what is due, each under its deterministic key. */
export type TouchpointRule = (deps: BotDeps, input: TickInput) => Promise<OutboxItem[]>;

/** The span a clock moved forward over, for a workspace. */
export interface WakeupInput {
  workspace: Workspace;
  members: Member[];
  from: DateTime;
  to: DateTime;
}

/**
 * When a kind of touchpoint can become due in (from, to]: the instants at which a clock moved forward
 * runs the tick, so that each touchpoint goes out at the instant it became due, as if time had passed.
 */
export type WakeupRule = (deps: BotDeps, input: WakeupInput) => Promise<DateTime[]>;

/** The instants of every rule for every served workspace in (from, to], sorted, without repeats. */
export async function wakeupsBetween(deps: BotDeps, rules: readonly WakeupRule[], from: DateTime, to: DateTime, opts: TickOptions = {}): Promise<DateTime[]> {
  const found = new Map<number, DateTime>();
  for (const id of await deps.repos.workspaces.listIds()) {
    if (opts.serves && !(await opts.serves(id))) continue;
    const workspace = await deps.repos.workspaces.get(id);
    if (!workspace) continue;
    const members = await deps.repos.members.list(id);
    for (const rule of rules) {
      for (const at of await rule(deps, { workspace, members, from, to })) found.set(at.toMillis(), at);
    }
  }
  return [...found.values()].sort((a, b) => a.toMillis() - b.toMillis());
}

export interface TickSummary {
  workspaces: number;
  enqueued: number;
  failedWorkspaces: number;
}

export interface TickOptions {
  /** Whether this process serves the workspace (its platforms, its own local practice); the others are left to theirs. */
  serves?: (workspaceId: string) => boolean | Promise<boolean>;
}

export async function runTick(deps: BotDeps, rules: readonly TouchpointRule[], opts: TickOptions = {}): Promise<TickSummary> {
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
