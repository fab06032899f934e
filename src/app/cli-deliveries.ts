// The CLI's view of the outbox, wired into src/app/cli.ts: `rounds deliveries [--failed | --pending] [--workspace platform:id]`.
import { join } from 'node:path';
import type { Command } from 'commander';
import { createDatabase } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Delivery, Platform, Workspace } from '../core/model.ts';
import type { Repositories } from '../core/repositories.ts';
import { ConfigError, loadConfig } from '../config.ts';

interface DeliveriesOptions {
  failed?: boolean;
  pending?: boolean;
  workspace?: string;
}

export function registerDeliveryCommands(program: Command, fail: (err: unknown) => never): void {
  program
    .command('deliveries')
    .description('messages Rounds sent on its own: a count by status, or with --failed the ones it gave up on (never lost silently)')
    .option('--failed', 'list the deliveries that failed for good, with the last error')
    .option('--pending', 'list the deliveries still waiting to be sent')
    .option('--workspace <platform:id>', 'only this workspace, e.g. slack:T0123 (default: all)')
    .action(async (opts: DeliveriesOptions) => {
      try {
        process.stdout.write(await deliveriesReport(opts));
      } catch (err) {
        fail(err);
      }
    });
}

async function deliveriesReport(opts: DeliveriesOptions): Promise<string> {
  const config = loadConfig();
  const database = await createDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'db'), maxConnections: config.databasePoolMax });
  try {
    await migrateToLatest(database.db);
    const repos = createRepositories(database.db);
    const workspaces = await chosenWorkspaces(repos, opts.workspace);
    const status = opts.failed ? 'failed' : opts.pending ? 'pending' : undefined;
    const lines: string[] = [];
    for (const workspace of workspaces) {
      const deliveries = await repos.deliveries.list(workspace.id, status ? { status } : undefined);
      if (status) lines.push(...deliveries.map((d) => deliveryLine(workspace, d)));
      else if (deliveries.length > 0) lines.push(countLine(workspace, deliveries));
    }
    if (lines.length === 0) return status ? `no ${status} deliveries\n` : 'no deliveries\n';
    const head = status ? 'created\tworkspace\tkind\tkey\tattempts\tlast error' : 'workspace\tsent\tpending\tfailed';
    return `${[head, ...lines].join('\n')}\n`;
  } finally {
    await database.close();
  }
}

const ref = (w: Workspace) => `${w.platform}:${w.externalId}`;

function deliveryLine(workspace: Workspace, d: Delivery): string {
  const error = (d.lastError ?? '').replace(/\s+/g, ' ');
  return [d.createdAt, ref(workspace), d.kind, d.key, String(d.attempts), error].join('\t');
}

function countLine(workspace: Workspace, deliveries: Delivery[]): string {
  const count = (status: Delivery['status']) => String(deliveries.filter((d) => d.status === status).length);
  return [ref(workspace), count('sent'), count('pending'), count('failed')].join('\t');
}

async function chosenWorkspaces(repos: Repositories, workspaceRef: string | undefined): Promise<Workspace[]> {
  if (workspaceRef) {
    const [platform, ...rest] = workspaceRef.split(':');
    const externalId = rest.join(':');
    const found = externalId ? await repos.workspaces.findByExternal(platform as Platform, externalId) : null;
    if (!found) throw new ConfigError(`no workspace "${workspaceRef}" (write it as platform:id, e.g. local:demo or slack:T0123)`);
    return [found];
  }
  const all = await Promise.all((await repos.workspaces.listIds()).map((id) => repos.workspaces.get(id)));
  return all.filter((w): w is Workspace => w !== null);
}
