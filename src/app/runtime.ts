// The composition root: wires config, database, queues, adapters and the core into a running process.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { localApiRouter, localPageRouter } from '../../adapters/local/api.js';
import { demoDirectory, seedDemoPractice } from '../../adapters/local/demo-practice.js';
import { createLocalPlatform } from '../../adapters/local/platform.js';
import { checkDatabase, createDatabase } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createRepositories } from '../../db/repositories/index.js';
import { createLocalInboxStore } from '../../db/repositories/local-inbox.js';
import { type Platforms, startDeliveryWorker } from '../../jobs/delivery-worker.js';
import { createOutbox } from '../../jobs/outbox.js';
import { createQueues, createRedis, DEFAULT_QUEUE_NAMES, type QueueNames } from '../../jobs/queues.js';
import { requeuePending, type SchedulerHandle, startScheduler } from '../../jobs/scheduler.js';
import { type Bot, createBot } from '../core/bot.js';
import type { BotDeps } from '../core/context.js';
import { mergeFeatures } from '../core/features.js';
import type { Clock, Logger } from '../core/ports.js';
import { runTick, type TouchpointRule } from '../core/schedule.js';
import type { Config } from '../config.js';
import { csvCodec } from './csv.js';
import { createMovableClock, type MovableClock, systemClock } from './clock.js';
import { createHttpApp, finishHttpApp, listen } from './http.js';
import { instrumentBot } from './instrument.js';
import { createLogger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { ensureRedis, type RedisHandle } from './redis.js';

export interface RunOptions {
  web: boolean;
  worker: boolean;
  /** Test hooks: unique queue names, a log destination, the tick period. */
  queueNames?: QueueNames;
  logger?: Logger;
  tickEveryMs?: number;
  /** The local practice's workspace id on the platform 'local' (tests use their own). */
  localWorkspaceExternalId?: string;
}

export interface RoundsProcess {
  port: number;
  metrics: Metrics;
  bot: Bot | undefined;
  /** Runs the scheduler tick now (what the timer does every minute). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** The touchpoint rules of the scheduler tick; each feature adds its own. */
const TOUCHPOINT_RULES: TouchpointRule[] = [];

export async function startRounds(config: Config, opts: RunOptions): Promise<RoundsProcess> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const fn of closers.reverse()) {
      await fn().catch((err: unknown) => logger.warn({ err }, 'error while shutting down'));
    }
  };

  try {
    const redisHandle: RedisHandle = await ensureRedis({
      url: config.redisUrl,
      startIfMissing: config.local,
      dataDir: config.dataDir,
      logger,
    });
    closers.push(redisHandle.stop);

    const database = await createDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'db') });
    closers.push(database.close);
    let migrated = false;
    await migrateToLatest(database.db);
    migrated = true;
    const repos = createRepositories(database.db);

    const connection: Redis = createRedis(config.redisUrl, 'rounds');
    closers.push(async () => {
      await connection.quit().catch(() => connection.disconnect());
    });
    connection.on('error', (err) => logger.warn({ err: { message: err.message } }, 'redis connection error'));
    const queues = createQueues(connection, opts.queueNames ?? DEFAULT_QUEUE_NAMES);
    closers.push(queues.close);

    const localWorkspace = config.local
      ? await seedDemoPractice(repos, systemClock.now(), opts.localWorkspaceExternalId)
      : undefined;
    const movable: MovableClock | undefined = localWorkspace ? await createMovableClock(repos.clock, localWorkspace.id) : undefined;
    const clock: Clock = movable ?? systemClock;
    const outbox = createOutbox({ deliveries: repos.deliveries, queues, clock, logger });
    const deps: BotDeps = { repos, outbox, clock, logger, csv: csvCodec };
    const inbox = createLocalInboxStore(database.db);

    const platforms: Platforms = {};
    if (config.local) {
      platforms.local = createLocalPlatform({ inbox, now: () => clock.now().toISO() ?? '', directory: demoDirectory });
    }

    const tick = async () => {
      await movable?.refresh();
      await requeuePending({ deliveries: repos.deliveries, clock }, queues);
      const summary = await runTick(deps, TOUCHPOINT_RULES);
      logger.debug({ ...summary }, 'scheduler tick');
    };

    let bot: Bot | undefined;
    let server: Server | undefined;
    if (opts.web) {
      const app = createHttpApp({
        metrics,
        logger,
        readiness: {
          ready: () => migrated,
          checks: {
            postgres: () => checkDatabase(database.db),
            redis: async () => {
              if ((await connection.ping()) !== 'PONG') throw new Error('no pong');
            },
          },
        },
      });
      const core = createBot(deps, mergeFeatures());
      if (localWorkspace && movable) {
        bot = instrumentBot(core, 'local', metrics, logger);
        app.use('/local', localApiRouter({ bot, repos, workspaceId: localWorkspace.id, inbox, clock: movable, tick }));
        app.use(localPageRouter());
      }
      finishHttpApp(app, { metrics, logger });
      server = await listen(app, config.port);
      const s = server;
      closers.push(
        () =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeIdleConnections();
            setTimeout(() => s.closeAllConnections(), 3_000).unref();
          }),
      );
    }

    if (opts.worker) {
      const delivery: Worker = startDeliveryWorker(
        {
          repos,
          platforms,
          clock,
          logger,
          onSent: (kind) => metrics.deliveries.inc({ outcome: 'sent', kind }),
          onFailed: (kind) => metrics.deliveries.inc({ outcome: 'failed', kind }),
        },
        connection,
        queues.names,
      );
      closers.push(() => delivery.close());
      const scheduler: SchedulerHandle = await startScheduler({
        queues,
        connection,
        logger,
        everyMs: opts.tickEveryMs,
        rescheduleEveryMs: opts.tickEveryMs,
        run: async () => {
          await tick();
        },
      });
      closers.push(() => scheduler.close());
      // Catch up at once on anything that became due while no worker ran.
      await tick();
    }

    const address = server?.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port, web: opts.web, worker: opts.worker, local: config.local, database: database.kind }, 'Rounds is running');
    return { port, metrics, bot, tick, stop: close };
  } catch (err) {
    await close();
    throw err;
  }
}
