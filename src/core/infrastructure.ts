// The infrastructure ports: CSV, time, logs and the outbox. Implemented outside the core (src/app, jobs/).
import type { DateTime } from 'luxon';
import type { Message } from './messages/model.ts';

/**
 * CSV reading and writing (a library outside the core does the work). Cells a spreadsheet would run as formulas
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) are written with a leading `'` and read back without
 * it, so an exported file imported again changes nothing.
 */
/** One record of a CSV text: its cells, and the line it starts on (1-based, as a spreadsheet numbers rows). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvCodec {
  /** Rows of cells; throws CsvFormatError with a line number when the text is not valid CSV. */
  parse(text: string): string[][];
  /** The same rows with the line each starts on (blank lines skipped, a quoted cell may span lines). */
  records(text: string): CsvRecord[];
  stringify(rows: string[][]): string;
}

export interface Clock {
  /** The current instant, in UTC. */
  now(): DateTime;
}

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface OutboxItem {
  workspaceId: string;
  /** Deterministic idempotency key: kind + subject + period. */
  key: string;
  kind: string;
  memberIds: string[];
  conversation: 'dm' | 'group';
  message: Message;
}

/** Every message the bot sends on its own goes through here. */
export interface Outbox {
  enqueue(item: OutboxItem): Promise<void>;
}
