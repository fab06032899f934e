// Moving the local clock forward as if time had passed: the tick runs at each instant a touchpoint can fall due.
//
// Contract: every touchpoint that falls due inside the jump is recorded and delivered with the clock held
// at the instant it fell due (so its createdAt, sentAt and inbox time are that instant), in due order, once.
// The instants come from the rules' wakeups, so a jump of a year runs a few hundred ticks, not half a million.
import type { DateTime } from 'luxon';
import type { MovableClock } from './clock.ts';

export interface ClockAdvanceDeps {
  clock: MovableClock;
  /** The instants in (from, to] at which a touchpoint can fall due, sorted. */
  wakeups(from: DateTime, to: DateTime): Promise<DateTime[]>;
  /** The scheduler tick, at the clock's now. */
  tick(): Promise<void>;
  /** Delivers what the tick recorded, before the clock moves on. */
  settle(): Promise<void>;
}

/** Returns `advance(ms)`: one jump at a time (a second request waits for the first), answering the new now. */
export function createClockAdvance(deps: ClockAdvanceDeps): (ms: number) => Promise<DateTime> {
  let last: Promise<unknown> = Promise.resolve();
  const run = async (ms: number): Promise<DateTime> => {
    await deps.clock.refresh();
    const from = deps.clock.now();
    const to = from.plus({ milliseconds: ms });
    try {
      for (const at of await deps.wakeups(from, to)) {
        deps.clock.hold(at);
        await deps.tick();
        await deps.settle();
      }
    } finally {
      // Whatever happened on the way, the clock lands where it was asked to.
      await deps.clock.release(to);
    }
    await deps.tick();
    return deps.clock.now();
  };
  return (ms) => {
    const next = last.then(() => run(ms));
    last = next.catch(() => undefined);
    return next;
  };
}
