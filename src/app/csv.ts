// The CsvCodec port on csv-parse and csv-stringify.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CsvFormatError } from '../core/errors.ts';
import type { CsvCodec } from '../core/ports.ts';

export const csvCodec: CsvCodec = {
  parse(text) {
    try {
      return parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
    } catch (err) {
      const line = (err as { lines?: number }).lines ?? 1;
      throw new CsvFormatError(line, (err as Error).message, { cause: err });
    }
  },
  stringify(rows) {
    return stringify(rows);
  },
};
