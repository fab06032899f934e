// Work Slack has already been told about (acked): run a few at a time, so new requests are acked promptly
// while earlier ones are answered, and a burst of commands never starves the acks behind it.
import type { Logger } from '../../src/core/infrastructure.ts';

export interface AfterAck {
  /** Starts `work` when a slot is free; never throws (failures are logged with `what`). */
  run(what: Record<string, unknown>, work: () => Promise<void>): void;
  /** Resolves when everything started or waiting has finished (for shutdown). */
  drain(): Promise<void>;
}

export function createAfterAck(concurrency: number, log: Logger): AfterAck {
  const waiting: (() => void)[] = [];
  let running = 0;
  let idle: (() => void)[] = [];

  const next = () => {
    if (running >= concurrency) return;
    const start = waiting.shift();
    if (!start) {
      if (running === 0) {
        for (const resolve of idle) resolve();
        idle = [];
      }
      return;
    }
    running += 1;
    start();
  };

  return {
    run(what, work) {
      waiting.push(() => {
        work()
          .catch((err: unknown) => log.error({ ...what, err }, 'answering a Slack request failed'))
          .finally(() => {
            running -= 1;
            next();
          });
      });
      next();
    },
    drain() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
