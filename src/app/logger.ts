// The process logger (pino). Secrets and confidential text are removed by configuration, not by remembering.
import { pino } from 'pino';
import type { Logger } from '../core/infrastructure.ts';

/** Paths pino censors wherever they appear in a log object. */
export const REDACT_PATHS = [
  'token',
  'botToken',
  'accessToken',
  'signingSecret',
  'clientSecret',
  'appPassword',
  'password',
  'note',
  'text',
  'fields',
  'message.text',
  'message.blocks',
  '*.token',
  '*.botToken',
  '*.accessToken',
  '*.signingSecret',
  '*.clientSecret',
  '*.appPassword',
  '*.password',
  '*.note',
  '*.text',
  '*.fields',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'headers.authorization',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'rounds' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/**
 * For a person at a terminal: the same logger (same levels and redaction), written as readable lines
 * instead of JSON. pino-pretty is loaded only here, so a server whose output is collected never pays for it.
 */
export async function createTerminalLogger(level: string): Promise<Logger> {
  const { default: pretty } = await import('pino-pretty');
  return createLogger(level, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', singleLine: true, sync: true }));
}
