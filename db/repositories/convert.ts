// Conversions shared by the repositories between what the drivers return and the core's value types.
import { sql, type RawBuilder } from 'kysely';

/** timestamptz arrives as a Date; the core speaks ISO instants in UTC. */
export function toIso(value: Date): string {
  return value.toISOString();
}

export function toIsoOrNull(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

/** An ISO instant as a comparable timestamptz, parsed by Postgres rather than by a JS Date. */
export function instant(iso: string): RawBuilder<Date> {
  return sql<Date>`cast(${iso} as timestamptz)`;
}
