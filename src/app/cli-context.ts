// What a data command of the CLI (import, export, sync) works with: the database, the core's deps and one workspace.
import { join } from 'node:path';
import { pino } from 'pino';
import { createDatabase } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { BotDeps } from '../core/context.ts';
import type { Workspace } from '../core/model.ts';
import type { Platform } from '../core/model.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { systemClock } from './clock.ts';
import { csvCodec } from './csv.ts';

export interface CliContext {
  deps: BotDeps;
  workspace: Workspace;
}

/**
 * Opens the database, finds the workspace (`--workspace platform:externalId`, or the only one there is)
 * and runs `fn`. Messages the core would send are not sent from the CLI: its outbox refuses them.
 */
export async function withWorkspace<T>(workspaceRef: string | undefined, fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await createDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'db'), maxConnections: config.databasePoolMax });
  try {
    await migrateToLatest(database.db);
    const repos = createRepositories(database.db);
    const workspace = await findWorkspace(repos, workspaceRef);
    const deps: BotDeps = {
      repos,
      clock: systemClock,
      logger: pino({ level: config.logLevel }, pino.destination(2)),
      csv: csvCodec,
      outbox: {
        enqueue: async () => {
          throw new Error('the command line sends no messages');
        },
      },
    };
    return await fn({ deps, workspace });
  } finally {
    await database.close();
  }
}

async function findWorkspace(repos: ReturnType<typeof createRepositories>, ref: string | undefined): Promise<Workspace> {
  if (ref) {
    const [platform, ...rest] = ref.split(':');
    const externalId = rest.join(':');
    const found = externalId ? await repos.workspaces.findByExternal(platform as Platform, externalId) : null;
    if (!found) throw new ConfigError(`no workspace "${ref}" (write it as platform:id, e.g. local:demo or slack:T0123)`);
    return found;
  }
  const ids = await repos.workspaces.listIds();
  if (ids.length !== 1 || !ids[0]) {
    throw new ConfigError(
      ids.length === 0
        ? 'there is no workspace yet: start Rounds once (npm start) or install it in Slack or Teams'
        : 'there are several workspaces: choose one with --workspace platform:id',
    );
  }
  const only = await repos.workspaces.get(ids[0]);
  if (!only) throw new ConfigError('the workspace disappeared while reading it');
  return only;
}
