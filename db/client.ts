// Opens the database: a pg pool when a URL is given, else embedded Postgres (PGlite), both typed the same way.
import { mkdir } from 'node:fs/promises';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseOptions {
  /** Postgres connection string; when unset the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory (created if missing) or `memory://`; unset means in memory. */
  dataDir?: string;
  /**
   * Errors of idle pooled connections (e.g. Postgres restarted). Without a listener pg would
   * crash the process; the pool drops the broken client either way.
   */
  onError?: (error: Error) => void;
  /** Most Postgres connections the pool opens at once (default 10); PGlite has one connection either way. */
  maxConnections?: number;
}

export const DEFAULT_MAX_CONNECTIONS = 10;
/** An unused pooled connection is closed after this long, so a quiet process holds few. */
const IDLE_TIMEOUT_MS = 5_000;

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const OID_INT8 = 20;
const OID_DATE = 1082;

// Calendar dates must not pass through a JS Date: its local-time parsing shifts the day with the
// process TZ. int8 is only used for values far below 2^53 (counts, clock offsets).
const parseInt8 = (value: string): number => Number(value);
const keepDate = (value: string): string => value;

export async function createDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  return opts.url ? openPostgres(opts.url, opts) : openPglite(opts.dataDir);
}

/** Readiness probe: resolves when the database answers a trivial query. */
export async function checkDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

function openPostgres(url: string, opts: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    // Without a timeout an unreachable host hangs requests and the readiness probe forever.
    connectionTimeoutMillis: 10_000,
    // Per pool rather than pg.types.setTypeParser, so nothing global changes for other pg users.
    types: {
      getTypeParser: (oid, format) => {
        if (oid === OID_DATE) return keepDate;
        if (oid === OID_INT8) return parseInt8;
        return pg.types.getTypeParser(oid, format);
      },
    },
  });
  pool.on('error', (error) => opts.onError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir && !dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
  // Loaded only when used: the embedded database costs ~50 MiB just to import.
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = new PGlite({
    dataDir,
    parsers: { [OID_DATE]: keepDate, [OID_INT8]: parseInt8 },
  });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      // Kysely closes PGlite only if it ever ran a query; an unused handle must still let go of the files.
      if (!pglite.closed) await pglite.close();
    },
  };
}
