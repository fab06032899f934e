// The process logger as Rounds configures it (redaction included), writing every line into memory for a test to read.
import { createLogger } from '../../src/app/logger.ts';
import type { Logger } from '../../src/core/infrastructure.ts';

export interface CapturedLogs {
  logger: Logger;
  /** Each line pino wrote, as written (JSON). */
  lines: string[];
}

export function captureLogs(level: string): CapturedLogs {
  const lines: string[] = [];
  const logger = createLogger(level, {
    write(line: string) {
      lines.push(line);
    },
  });
  return { logger, lines };
}
