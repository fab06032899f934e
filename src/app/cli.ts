// The `rounds` command line: start (web + workers), web, worker, migrate, seed-demo.
import { join } from 'node:path';
import { Command } from 'commander';
import { demoDirectory, seedDemoPractice } from '../../adapters/local/demo-practice.ts';
import { createDatabase } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { ConfigError, type Config, loadConfig } from '../config.ts';
import { systemClock } from './clock.ts';
import { registerDeliveryCommands } from './cli-deliveries.ts';
import { registerRosterCommands } from './cli-roster.ts';
import { registerSkillsCommands } from './cli-skills.ts';
import { createTerminalLogger } from './logger.ts';
import { StartupError } from './redis.ts';
import { type RoundsProcess, startRounds } from './runtime.ts';

/** Exit codes: 2 for configuration mistakes (the README's Configuration), 1 for anything else that stops start-up. */
function fail(err: unknown): never {
  if (err instanceof ConfigError) {
    process.stderr.write(`rounds: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof StartupError) {
    process.stderr.write(`rounds: ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`rounds: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    fail(err);
  }
}

const SHUTDOWN_LIMIT_MS = 9_000;

async function run(roles: { web: boolean; worker: boolean }): Promise<void> {
  const cfg = config();
  if ((!roles.web || !roles.worker) && !cfg.databaseUrl) {
    fail(new ConfigError('DATABASE_URL is required to run web and worker apart: the embedded database belongs to one process'));
  }
  // Handlers go in before start-up: a SIGTERM while Rounds is still starting (the platform gave up
  // waiting, or an operator pressed Ctrl-C) must still stop it cleanly once it is up.
  const starting: { started?: Promise<RoundsProcess> } = {};
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`rounds: ${signal} received, finishing work in flight\n`);
    const force = setTimeout(() => {
      process.stderr.write('rounds: shutdown took too long, exiting\n');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    if (!starting.started) process.exit(0);
    starting.started.then((proc) => proc.stop()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // A person at a terminal reads the log; a log collector (stdout not a TTY) gets JSON lines.
  const terminal = process.stdout.isTTY === true;
  const logger = terminal ? await createTerminalLogger(cfg.logLevel) : undefined;
  starting.started = startRounds(cfg, { ...roles, logger });
  try {
    const proc = await starting.started;
    if (terminal) process.stdout.write(`${runningLine(cfg, roles, proc.port)}\n`);
  } catch (err) {
    fail(err);
  }
}

/** The one plain line a person at a terminal needs: where to go now. */
function runningLine(cfg: Config, roles: { web: boolean; worker: boolean }, port: number): string {
  if (!roles.web) return 'Rounds is running: the workers are sending messages and running the schedule';
  const base = `http://localhost:${port}/`;
  if (cfg.local) return `Rounds is running: open ${base} to chat as your practice's staff`;
  return `Rounds is running at ${base} (Slack sends its events to ${base}slack/events)`;
}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof createDatabase>>) => Promise<T>): Promise<T> {
  const cfg = config();
  const database = await createDatabase({ url: cfg.databaseUrl, dataDir: join(cfg.dataDir, 'db'), maxConnections: cfg.databasePoolMax });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

const program = new Command()
  .name('rounds')
  .description('Rounds: mentoring, check-ins, coverage and new-hire introductions for medical practices')
  .showHelpAfterError();

program
  .command('start', { isDefault: true })
  .description('run the web server and the workers in one process')
  .action(() => run({ web: true, worker: true }));

program
  .command('web')
  .description('run the web server only (needs DATABASE_URL)')
  .action(() => run({ web: true, worker: false }));

program
  .command('worker')
  .description('run the queue workers and the scheduler only (needs DATABASE_URL)')
  .action(() => run({ web: false, worker: true }));

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    await withDatabase(async (database) => {
      process.stdout.write(`database (${database.kind}) is up to date\n`);
    }).catch(fail);
  });

program
  .command('seed-demo')
  .description('create the demo practice used by local mode (does nothing if it exists)')
  .action(async () => {
    await withDatabase(async (database) => {
      const repos = createRepositories(database.db);
      const workspace = await seedDemoPractice(repos, systemClock.now());
      process.stdout.write(`demo practice "${workspace.name}" is ready with ${demoDirectory().length} people\n`);
    }).catch(fail);
  });

registerRosterCommands(program, fail);
registerSkillsCommands(program, fail);
registerDeliveryCommands(program, fail);

program.parseAsync(process.argv).catch(fail);

