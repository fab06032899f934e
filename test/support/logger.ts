// A Logger that keeps what it was given, so a test can check what an operator would read (and what never appears).
import type { Logger } from '../../src/core/infrastructure.ts';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

export function recordingLogger(lines: LogLine[] = [], bindings: object = {}): Logger & { lines: LogLine[] } {
  const at = (level: LogLine['level']) => (obj: object, msg?: string) => void lines.push({ level, obj: { ...bindings, ...obj }, msg });
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => recordingLogger(lines, { ...bindings, ...more }),
  };
}
