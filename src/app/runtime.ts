// The composition root: wires config, database, queues, adapters and the core into a running process.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Worker } from 'bullmq';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import { localApiRouter, localPageRouter } from '../../adapters/local/api.ts';
import { createSlackAdapter } from '../../adapters/slack/app.ts';
import { demoDirectory, seedDemoPractice } from '../../adapters/local/demo-practice.ts';
import { createLocalPlatform } from '../../adapters/local/platform.ts';
import { checkDatabase, createDatabase } from '../../db/client.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createRepositories, markEventProcessed, pruneProcessedEvents } from '../../db/repositories/index.ts';
import { deploymentId, lastTickAt, recordTick } from '../../db/repositories/deployment.ts';
import { createLocalInboxStore } from '../../db/repositories/local-inbox.ts';
import { deliver, type DeliveryDeps, type Platforms, startDeliveryWorker } from '../../jobs/delivery-worker.ts';
import { createOutbox } from '../../jobs/outbox.ts';
import { createQueues, createRedis, deploymentQueueNames, type QueueNames } from '../../jobs/queues.ts';
import { requeuePending, type SchedulerHandle, startScheduler } from '../../jobs/scheduler.ts';
import { createWorkspaceScope } from '../../jobs/workspace-scope.ts';
import { type Bot, createBot } from '../core/bot.ts';
import type { BotDeps } from '../core/context.ts';
import { assembleFeatures } from '../core/feature-set.ts';
import { FEATURES } from '../core/features.ts';
import type { Clock, Logger } from '../core/infrastructure.ts';
import { runTick, wakeupsBetween } from '../core/schedule.ts';
import { statusFigures, type SystemInfo } from '../core/status.ts';
import { syncWorkspaceDirectory } from './directory.ts';
import { type Config, ConfigError } from '../config.ts';
import { csvCodec } from './csv.ts';
import { createClockAdvance } from './advance-clock.ts';
import { createMovableClock, type MovableClock, systemClock } from './clock.ts';
import { createHttpApp, finishHttpApp, listen } from './http.ts';
import { instrumentBot } from './instrument.ts';
import { createLogger } from './logger.ts';
import { createMetrics, deliveryCounters, type Metrics } from './metrics.ts';
import { ensureRedis, type RedisHandle } from './redis.ts';

/** How long in-flight jobs may take to finish at shutdown; after that they are left for another worker to take over. */
const WORKER_GRACE_MS = 6_000;
/**
 * The same for the scheduler tick: an unfinished tick is harmless (the next one recomputes what is due), and a
 * worker whose Redis connection is still coming back after an outage may never finish closing.
 */
const TICK_GRACE_MS = 2_000;

/** Lets in-flight jobs finish, but never past `ms`: SIGTERM must end the process within 10 s. */
async function closeWithin(worker: Worker, ms: number, logger: Logger, close: () => Promise<void> = () => worker.close()): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const closing = close().then(() => 'closed' as const);
  closing.catch(() => undefined);
  const outcome = await Promise.race([closing, timedOut]);
  clearTimeout(timer);
  // Not waited for further: the unfinished job's lock lapses and a live worker takes it over
  // (its delivery is then "in doubt", and checked on the platform before any second send).
  if (outcome === 'timeout') logger.warn({ worker: worker.name }, 'shutdown left a job in flight for another worker');
}

export interface RunOptions {
  web: boolean;
  worker: boolean;
  /** Test hooks: unique queue names, a log destination, the tick period. */
  queueNames?: QueueNames;
  logger?: Logger;
  tickEveryMs?: number;
  /** The local practice's workspace id on the platform 'local' (tests use their own). */
  localWorkspaceExternalId?: string;
  /** Slack calls per minute per method, over the published tiers (tests and benchmarks size them to the stand-in). */
  slackLimits?: Partial<Record<string, number>>;
}

export interface RoundsProcess {
  port: number;
  metrics: Metrics;
  bot: Bot | undefined;
  /** The chat platforms this process sends through. */
  platforms: Platforms;
  /** The job queues this process uses: its deployment's own unless ROUNDS_QUEUE_PREFIX names shared ones. */
  queueNames: QueueNames;
  /** Runs the scheduler tick now (what the timer does every minute). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** How long an inbound event id is remembered, and how often older ones are deleted (system time, not the local clock). */
const EVENT_RETENTION_MS = 3 * 24 * 3600_000;
const EVENT_PRUNE_EVERY_MS = 3600_000;

/**
 * The features this process runs (src/core/features.ts): the bot's commands and buttons, the touchpoint rules of
 * the scheduler tick, and when each rule's touchpoints can fall due (what a moved clock steps through).
 */
const FEATURE_SET = assembleFeatures(FEATURES);

/** How long a moved clock waits, at one instant, for a delivery another worker is sending. */
const SETTLE_WITHIN_MS = 5_000;

export async function startRounds(config: Config, opts: RunOptions): Promise<RoundsProcess> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const fn of closers.reverse()) {
      await fn().catch((err: unknown) => logger.warn({ err }, 'error while shutting down'));
    }
  };

  if (config.teams) {
    // Refused rather than ignored: a practice that set up Teams must not wait for messages nobody answers.
    throw new ConfigError('Microsoft Teams is not supported yet: unset MICROSOFT_APP_ID and ROUNDS_TEAMS_LOCAL, or use Slack or local mode');
  }
  try {
    const redisHandle: RedisHandle = await ensureRedis({
      url: config.redisUrl,
      startIfMissing: config.local,
      dataDir: config.dataDir,
      logger,
    });
    closers.push(redisHandle.stop);

    const database = await createDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'db'), maxConnections: config.databasePoolMax });
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
    const queues = createQueues(connection, opts.queueNames ?? deploymentQueueNames(await deploymentId(database.db), config.queuePrefix));
    closers.push(queues.close);
    // A queue passes on its connection's errors, already logged above; without a listener BullMQ prints each one with its stack.
    for (const queue of [queues.delivery, queues.tick]) {
      queue.on('error', (err) => logger.debug({ err: { message: err.message }, queue: queue.name }, 'redis error seen by a queue'));
    }

    const localWorkspace = config.local
      ? await seedDemoPractice(repos, systemClock.now(), opts.localWorkspaceExternalId)
      : undefined;
    const movable: MovableClock | undefined = localWorkspace ? await createMovableClock(repos.clock, localWorkspace.id) : undefined;
    const clock: Clock = movable ?? systemClock;
    // Without Redis a delivery is recorded and queued by the next tick; nobody waits on a queue that cannot answer.
    const redisReady = () => connection.status === 'ready';
    const outbox = createOutbox({ deliveries: repos.deliveries, queues, clock, logger, queueReady: redisReady });
    const platforms: Platforms = {};
    const system: SystemInfo = {
      get platforms() {
        return Object.keys(platforms);
      },
      lastTickAt: () => lastTickAt(database.db),
    };
    const deps: BotDeps = { repos, outbox, clock, logger, csv: csvCodec, system };
    const inbox = createLocalInboxStore(database.db);

    if (config.local && localWorkspace) {
      platforms.local = createLocalPlatform({ inbox, now: () => clock.now().toISO() ?? '', directory: demoDirectory });
      // The demo directory goes through the same sync a Slack or Teams directory does.
      await syncWorkspaceDirectory(deps, localWorkspace, platforms.local);
    }

    const scope = createWorkspaceScope({ workspaces: repos.workspaces, platforms, localWorkspaceId: localWorkspace?.id });
    // Platform event ids are kept only as long as a platform may retry (minutes), with room to spare.
    let eventsPrunedAt = 0;
    const pruneEvents = async () => {
      const now = Date.now();
      if (now - eventsPrunedAt < EVENT_PRUNE_EVERY_MS) return;
      eventsPrunedAt = now;
      const forgotten = await pruneProcessedEvents(database.db, new Date(now - EVENT_RETENTION_MS).toISOString());
      if (forgotten > 0) logger.info({ forgotten }, 'forgot platform event ids older than 3 days');
    };
    const tick = async () => {
      await movable?.refresh();
      await pruneEvents();
      await requeuePending({ deliveries: repos.deliveries, clock, serves: scope.servesId }, queues);
      const summary = await runTick(deps, FEATURE_SET.touchpoints, { serves: scope.servesId });
      await recordTick(database.db, clock.now().toISO() ?? '');
      logger.debug({ ...summary }, 'scheduler tick');
    };

    const core = createBot(deps, FEATURES);
    let bot: Bot | undefined;
    let server: Server | undefined;
    let app: Express | undefined;
    if (opts.web) {
      const figures = async () => statusFigures(deps, await repos.workspaces.listIds(), clock.now());
      app = createHttpApp({
        metrics,
        logger,
        status: figures,
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
      if (localWorkspace && movable) {
        bot = instrumentBot(core, 'local', metrics, logger);
        const localId = localWorkspace.id;
        const deliveryDeps: DeliveryDeps = { repos, platforms, clock, logger };
        const advance = createClockAdvance({
          clock: movable,
          tick,
          wakeups: (from, to) => wakeupsBetween(deps, FEATURE_SET.wakeups, from, to, { serves: (id) => id === localId }),
          // Sent here and now, with the clock held, rather than whenever a worker takes the job.
          settle: async () => {
            const tried = new Set<string>();
            const until = Date.now() + SETTLE_WITHIN_MS;
            for (;;) {
              const pending = await repos.deliveries.list(localId, { status: 'pending' });
              if (pending.length === 0) return;
              for (const d of pending.filter((p) => !tried.has(p.key))) {
                tried.add(d.key);
                // Another worker may be sending it now: then it is waited for below.
                await deliver(deliveryDeps, d.key).catch((err: unknown) => logger.debug({ err, key: d.key }, 'moved clock left a delivery to the worker'));
              }
              if (Date.now() > until) {
                logger.warn({ workspaceId: localId, pending: pending.length }, 'moved clock went on with deliveries still pending');
                return;
              }
              await new Promise((r) => setTimeout(r, 20));
            }
          },
        });
        app.use('/local', localApiRouter({ bot, repos, workspaceId: localId, inbox, clock: movable, advance, redisReady }));
        app.use(localPageRouter());
      }
    }

    if (config.slack) {
      const slack = createSlackAdapter({
        config: config.slack,
        encryptionKey: config.encryptionKey,
        http: app,
        bot: instrumentBot(core, 'slack', metrics, logger),
        repos,
        logger,
        redis: connection,
        firstSeen: (eventId) => markEventProcessed(database.db, 'slack', eventId),
        onNewWorkspace: (workspace, platform) => syncWorkspaceDirectory(deps, workspace, platform),
        limits: opts.slackLimits,
        requestKeyPrefix: `rounds:${queues.names.delivery}:slack-request:`,
      });
      platforms.slack = slack.platform;
      await slack.start();
      closers.push(slack.stop);
    }

    if (app) {
      finishHttpApp(app, { metrics, logger });
      server = await listen(app, config.port, config.host);
      if (config.localOpened) {
        logger.warn(
          { host: config.host },
          `local mode is unauthenticated and HOST=${config.host} opens it beyond this machine: anyone who can reach it can act as any member`,
        );
      }
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
          ...deliveryCounters(metrics),
        },
        connection,
        queues.names,
      );
      closers.push(() => closeWithin(delivery, WORKER_GRACE_MS, logger));
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
      closers.push(() => closeWithin(scheduler.worker, TICK_GRACE_MS, logger, () => scheduler.close()));
      // Catch up at once on anything that became due while no worker ran.
      await tick();
    }

    const address = server?.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(
      { port, web: opts.web, worker: opts.worker, local: config.local, database: database.kind, queues: queues.names },
      'Rounds is running',
    );
    return { port, metrics, bot, platforms, queueNames: queues.names, tick, stop: close };
  } catch (err) {
    await close();
    throw err;
  }
}
