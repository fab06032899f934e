// `rounds deliveries [--failed]`: what Rounds gave up sending is listed for an operator, never lost silently.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessage } from '../../src/core/messages/build.ts';
import { DEFAULT_SETTINGS, type Workspace } from '../../src/core/model.ts';
import { buildMember, TEST_APP_POOL_MAX } from '../support/db.ts';
import { type OwnDatabase, ownDatabase } from './worker-support.ts';

const root = join(import.meta.dirname, '../..');
let database: OwnDatabase;
let workspace: Workspace;

beforeAll(async () => {
  database = await ownDatabase('cli');
  const { repos } = database;
  workspace = await repos.workspaces.create({ platform: 'slack', externalId: 'T0CLI0001', name: 'CLI Practice', timeZone: 'UTC', locale: 'en', settings: DEFAULT_SETTINGS });
  const nurse = await buildMember(repos, workspace.id);
  const record = (key: string) =>
    repos.deliveries.record({ workspaceId: workspace.id, key, kind: 'checkin', memberIds: [nurse.id], conversation: 'dm', message: textMessage('x') }, '2026-11-23T15:00:00.000Z');
  await record('checkin:gone:2026-W48');
  await repos.deliveries.markSending('checkin:gone:2026-W48', '2026-11-23T15:00:01.000Z');
  await repos.deliveries.markFailed('checkin:gone:2026-W48', 'platform_rejected: chat.postMessage: user_not_found');
  await record('checkin:fine:2026-W48');
  await repos.deliveries.markSending('checkin:fine:2026-W48', '2026-11-23T15:00:01.000Z');
  await repos.deliveries.markSent('checkin:fine:2026-W48', '1700000000.000100', '2026-11-23T15:00:02.000Z');
});

afterAll(async () => {
  await database?.drop();
});

function rounds(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/rounds.js', ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: database.url, DATABASE_POOL_MAX: String(TEST_APP_POOL_MAX), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('rounds deliveries', () => {
  it('--failed lists each delivery given up on, with its workspace, key, attempts and last error', async () => {
    const { code, stdout } = await rounds('deliveries', '--failed');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('created\tworkspace\tkind\tkey\tattempts\tlast error');
    expect(lines.slice(1)).toEqual([
      '2026-11-23T15:00:00.000Z\tslack:T0CLI0001\tcheckin\tcheckin:gone:2026-W48\t1\tplatform_rejected: chat.postMessage: user_not_found',
    ]);
  }, 60_000);

  it('counts deliveries by status, for one workspace', async () => {
    const { code, stdout } = await rounds('deliveries', '--workspace', 'slack:T0CLI0001');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(['workspace\tsent\tpending\tfailed', 'slack:T0CLI0001\t1\t0\t1']);
  }, 60_000);

  it('names an unknown workspace and exits 2', async () => {
    const { code, stderr } = await rounds('deliveries', '--failed', '--workspace', 'slack:T0NOPE');
    expect(code).toBe(2);
    expect(stderr).toMatch(/no workspace "slack:T0NOPE"/);
  }, 60_000);
});
