// Clocks: the system clock, and the local mode clock that can be moved forward (kept across restarts).
import { DateTime } from 'luxon';
import type { Clock, ClockRepo } from '../core/ports.ts';

export const systemClock: Clock = { now: () => DateTime.utc() };

export interface MovableClock extends Clock {
  /** Moves forward by `ms` and keeps the new offset. */
  advance(ms: number): Promise<DateTime>;
  /** Reads the kept offset again (another process may have moved it). */
  refresh(): Promise<void>;
}

/** The clock of a local workspace: real time plus the offset people moved it by. */
export async function createMovableClock(repo: ClockRepo, workspaceId: string): Promise<MovableClock> {
  let offsetMs = await repo.getOffsetMs(workspaceId);
  return {
    now: () => DateTime.utc().plus({ milliseconds: offsetMs }),
    async advance(ms) {
      offsetMs += ms;
      await repo.setOffsetMs(workspaceId, offsetMs);
      return DateTime.utc().plus({ milliseconds: offsetMs });
    },
    async refresh() {
      offsetMs = await repo.getOffsetMs(workspaceId);
    },
  };
}
