// The logger Bolt and the Slack Web API client write to: their lines go to pino, without the bodies they carry.
import { type Logger as SlackLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/core/infrastructure.ts';

/**
 * At debug the SDKs log whole request and response bodies (notes in a modal, the text of every DM, the directory).
 * A debug line passes only when it is a plain phrase: a step or a method name, with no values in it.
 */
const PLAIN_DEBUG_LINE = /^[\w .'()-]{1,120}$/;

export function toSlackSdkLogger(log: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const line = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    debug: (...msg) => {
      const detail = line(msg);
      if (PLAIN_DEBUG_LINE.test(detail)) log.debug({ detail }, 'bolt');
    },
    info: (...msg) => log.info({ detail: line(msg) }, 'bolt'),
    warn: (...msg) => log.warn({ detail: line(msg) }, 'bolt'),
    error: (...msg) => log.error({ detail: line(msg) }, 'bolt'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
