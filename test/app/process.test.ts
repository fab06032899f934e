// The real `npm start` process: a bad setting stops it with exit code 2; SIGTERM stops it cleanly within 10 s.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testRedisUrl } from '../support/redis.ts';

const root = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function npmStart(env: Record<string, string>): { child: ChildProcess; output: () => { stdout: string; stderr: string } } {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, output: () => ({ stdout, stderr }) };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Stderr without npm's own warnings about this machine's npm configuration. */
function ownLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));
}

describe('npm start', () => {
  it('stops with exit code 2 and one line naming a bad PORT', async () => {
    const { child, output } = npmStart({ PORT: 'abc' });
    const { code } = await exited(child);
    expect(code).toBe(2);
    expect(ownLines(output().stderr)).toEqual(['rounds: PORT must be a port number, got "abc"']);
  });

  it('serves local mode and exits 0 on SIGTERM, well within 10 s', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rounds-start-'));
    dirs.push(dataDir);
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const { child, output } = npmStart({ PORT: port, ROUNDS_DATA_DIR: dataDir, REDIS_URL: testRedisUrl(), LOG_LEVEL: 'info' });
    const exit = exited(child);
    try {
      await waitForReady(`http://127.0.0.1:${port}/readyz`, 60_000);
      const say = await fetch(`http://127.0.0.1:${port}/local/say`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ as: 'dana-whitfield', text: 'help' }),
      });
      expect(say.status).toBe(200);
    } catch (err) {
      child.kill('SIGKILL');
      throw new Error(`${(err as Error).message}\n${output().stderr}`, { cause: err });
    }
    const sentAt = Date.now();
    child.kill('SIGTERM');
    const { code } = await exit;
    const tookMs = Date.now() - sentAt;
    expect(code).toBe(0);
    // The README's promise (exit within 10 s), not a speed measurement.
    expect(tookMs).toBeLessThan(10_000);
    // Not a terminal: JSON lines only, for a log collector, and no line meant for a person.
    const lines = output().stdout.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(lines.map((line) => (JSON.parse(line) as { msg?: string }).msg)).toContain('Rounds is running');
    expect(output().stdout).not.toContain('to chat as');
  }, 90_000);
});

describe('npm start in a terminal', () => {
  it.skipIf(!existsSync('/usr/bin/script'))('says where to open the chat page and writes readable log lines, not JSON', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rounds-tty-'));
    dirs.push(dataDir);
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    // util-linux `script` runs npm start under a pseudo-terminal, as a person's terminal would.
    const child = spawn('script', ['-qfec', 'npm start --silent', '/dev/null'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', PORT: port, ROUNDS_DATA_DIR: dataDir, REDIS_URL: testRedisUrl(), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = '';
    child.stdout?.on('data', (d: Buffer) => (seen += d.toString()));
    const exit = exited(child);
    const plain = `Rounds is running: open http://localhost:${port}/ to chat as your practice's staff`;
    try {
      const until = Date.now() + 60_000;
      while (!seen.includes(plain) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      expect(seen).toContain(plain);
    } finally {
      child.kill('SIGTERM');
      await exit;
    }
    const lines = seen
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('npm warn'));
    const logLines = lines.filter((line) => line !== plain);
    expect(logLines.some((line) => /^\[\d\d:\d\d:\d\d\] INFO: Rounds is running/.test(line))).toBe(true);
    for (const line of logLines) expect(line.startsWith('{'), line).toBe(false);
  }, 90_000);
});

/** A Node on PATH outside the project (the machine's own), or undefined when it is the project's. */
function machineNode(): { path: string; version: string } | undefined {
  const path = process.env.PATH?.split(':')
    .filter((dir) => !dir.includes('node_modules'))
    .map((dir) => join(dir, 'node'))
    .find((candidate) => spawnSync(candidate, ['-v']).status === 0);
  if (!path) return undefined;
  return { path, version: execFileSync(path, ['-v']).toString().trim() };
}

const oldNode = machineNode();
const tooOld = oldNode !== undefined && Number(oldNode.version.slice(1).split('.')[0]) < 22;

describe('an old Node', () => {
  // The machine's own Node is 20 on the machines this project starts from; elsewhere there is nothing to run.
  it.runIf(tooOld)('running bin/rounds.js gets one line saying which Node is needed, not a stack trace', () => {
    const result = spawnSync(oldNode!.path, [join(root, 'bin/rounds.js'), 'start'], { encoding: 'utf8', env: { ...process.env, PORT: 'abc' } });
    expect(result.status).toBe(1);
    expect(ownLines(result.stderr)).toEqual([
      `rounds: Node.js 22.18 or newer is needed (this is ${oldNode!.version}); run it through npm (npm start, npx rounds), which uses the Node the project installs`,
    ]);
  });

  it('npm scripts run on the Node the project pins, whatever the machine has', () => {
    const result = spawnSync('npm', ['exec', '--no', '--', 'node', '-v'], { cwd: root, encoding: 'utf8' });
    const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.node as string;
    expect(result.stdout.trim()).toBe(`v${pinned}`);
  });
});

describe('npm start without a running Redis', () => {
  it('starts a redis-server of its own in local mode, and stops it on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rounds-redis-'));
    dirs.push(dataDir);
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const redisPort = 40_000 + Math.floor(Math.random() * 10_000);
    const { child, output } = npmStart({ PORT: port, ROUNDS_DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    const exit = exited(child);
    try {
      await waitForReady(`http://127.0.0.1:${port}/readyz`, 60_000);
      expect(await redisAnswers(redisPort)).toBe(true);
    } catch (err) {
      child.kill('SIGKILL');
      throw new Error(`${(err as Error).message}\n${output().stderr}`, { cause: err });
    }
    child.kill('SIGTERM');
    expect((await exit).code).toBe(0);
    expect(await redisAnswers(redisPort)).toBe(false);
  }, 90_000);
});

async function redisAnswers(port: number): Promise<boolean> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function waitForReady(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become ready within ${ms} ms`);
}
