// Clocks: the system clock, and the local mode clock that can be moved forward (kept across restarts).
import { DateTime } from 'luxon';
import type { Clock } from '../core/infrastructure.ts';

/** The local clock's offset of a workspace, kept across restarts (db/repositories/clock.ts). Only local mode moves time. */
export interface ClockOffsetStore {
  getOffsetMs(workspaceId: string): Promise<number>;
  setOffsetMs(workspaceId: string, ms: number): Promise<void>;
}

export const systemClock: Clock = { now: () => DateTime.utc() };

export interface MovableClock extends Clock {
  /** Moves forward by `ms` and keeps the new offset. */
  advance(ms: number): Promise<DateTime>;
  /** Reads the kept offset again (another process may have moved it). */
  refresh(): Promise<void>;
  /** Holds the clock at `at` (this process only) until `release`; what happens meanwhile is stamped `at`. */
  hold(at: DateTime): void;
  /** Lets the clock run again from `at`, keeping the new offset. */
  release(at: DateTime): Promise<void>;
}

/** The clock of a local workspace: real time plus the offset people moved it by. */
export async function createMovableClock(repo: ClockOffsetStore, workspaceId: string): Promise<MovableClock> {
  let offsetMs = await repo.getOffsetMs(workspaceId);
  let held: DateTime | null = null;
  return {
    now: () => held ?? DateTime.utc().plus({ milliseconds: offsetMs }),
    async advance(ms) {
      offsetMs += ms;
      await repo.setOffsetMs(workspaceId, offsetMs);
      return DateTime.utc().plus({ milliseconds: offsetMs });
    },
    async refresh() {
      offsetMs = await repo.getOffsetMs(workspaceId);
    },
    hold(at) {
      held = at.toUTC();
    },
    async release(at) {
      offsetMs = at.toMillis() - DateTime.utc().toMillis();
      await repo.setOffsetMs(workspaceId, offsetMs);
      held = null;
    },
  };
}
