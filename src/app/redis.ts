// Reaching Redis at start: check it answers, and in local mode start a redis-server of our own if none runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import type { Logger } from '../core/infrastructure.ts';

export class StartupError extends Error {
  readonly code = 'startup_failed';
}

async function pingRedis(url: string, timeoutMs = 1_500): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export interface RedisHandle {
  url: string;
  /** The redis-server we started, if we had to. */
  child?: ChildProcess;
  stop(): Promise<void>;
}

const HOW_TO_GET_REDIS =
  'install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to a running Redis';

export async function ensureRedis(opts: { url: string; startIfMissing: boolean; dataDir: string; logger: Logger }): Promise<RedisHandle> {
  const none = { url: opts.url, stop: async () => undefined };
  if (await pingRedis(opts.url)) return none;
  const target = new URL(opts.url);
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname);
  if (!opts.startIfMissing || !local) {
    throw new StartupError(`Redis is not reachable at ${redactUrl(opts.url)}: ${HOW_TO_GET_REDIS}`);
  }
  const port = target.port || '6379';
  const dir = `${opts.dataDir}/redis`;
  mkdirSync(dir, { recursive: true });
  // Postgres is the record; this Redis only carries queues, so it keeps nothing on disk.
  const child = spawn('redis-server', ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  const spawnFailed = new Promise<boolean>((resolve) => child.once('error', () => resolve(true)));
  for (let i = 0; i < 50; i++) {
    const failed = await Promise.race([spawnFailed, new Promise<boolean>((r) => setTimeout(() => r(false), 100))]);
    if (failed) throw new StartupError(`Redis is not reachable at ${redactUrl(opts.url)} and redis-server is not installed: ${HOW_TO_GET_REDIS}`);
    if (await pingRedis(opts.url, 500)) {
      opts.logger.info({ port }, 'started a redis-server for local mode');
      return {
        url: opts.url,
        child,
        stop: async () => {
          if (child.exitCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
  }
  child.kill('SIGKILL');
  throw new StartupError(`redis-server did not start on port ${port}: ${HOW_TO_GET_REDIS}`);
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid url)';
  }
}
