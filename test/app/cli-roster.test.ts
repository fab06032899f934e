// `rounds export roster` and `rounds import roster` as a person runs them: the real bin/rounds.js against the test Postgres.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/model.ts';
import { buildMember, buildWorkspace, openTestDatabase, TEST_APP_POOL_MAX, type TestDatabase, testDatabaseUrl } from '../support/db.ts';
import { eventually, type LocalApp, startLocalApp } from '../support/local-app.ts';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'rounds-cli-roster-'));
let app: LocalApp;
let database: TestDatabase;
let workspaceRef: string;

beforeAll(async () => {
  app = await startLocalApp();
  database = await openTestDatabase('postgres');
  workspaceRef = `local:${app.workspaceExternalId}`;
});

afterAll(async () => {
  await app?.stop();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

function rounds(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/rounds.js'), ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: testDatabaseUrl(), DATABASE_POOL_MAX: String(TEST_APP_POOL_MAX), LOG_LEVEL: 'silent', NODE_ENV: 'development' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function roster(): Promise<Member[]> {
  const workspace = await database.repos.workspaces.findByExternal('local', app.workspaceExternalId);
  if (!workspace) throw new Error('no workspace');
  return database.repos.members.list(workspace.id, { includeInactive: true });
}

describe('rounds export roster / import roster', () => {
  it('exports the roster as CSV with the import columns', async () => {
    const { code, stdout } = await rounds('export', 'roster', '--workspace', workspaceRef);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('name,email,id,title,team,role,manager,time_zone,start_date,active');
    expect(lines).toHaveLength(16);
    expect(lines).toContainEqual(expect.stringMatching(/^Ana García,ana-garcia@maplestreet\.example,ana-garcia,Patient Services Representative,Front desk,staff,marcus-lee@maplestreet\.example,America\/Chicago,\d{4}-\d{2}-\d{2},yes$/));
  }, 60_000);

  it('round trip: what it exports imports back as "no changes"', async () => {
    const file = join(dir, 'roster.csv');
    const exported = await rounds('export', 'roster', '--workspace', workspaceRef, '--out', file);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/wrote 15 people to/);
    const imported = await rounds('import', 'roster', file, '--workspace', workspaceRef);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain('No changes: the roster already matches this file.');
  }, 60_000);

  it('previews a change without applying it, applies it with --apply, and tells a partner through the running app', async () => {
    const file = join(dir, 'changed.csv');
    const exported = (await rounds('export', 'roster', '--workspace', workspaceRef)).stdout;
    const edited = exported
      .replace('Receptionist,Front desk', 'Patient Services Representative,Front desk')
      .replace(/^(Priya Shah,.*),yes$/m, '$1,no');
    writeFileSync(file, edited);
    const before = await roster();

    const preview = await rounds('import', 'roster', file, '--workspace', workspaceRef);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('0 new · 3 changed · 1 to deactivate · 11 unchanged');
    // Priya's reports go up to her manager, as when she is deactivated in chat.
    expect(preview.stdout).toContain('Ben Okafor: manager Priya Shah → Dana Whitfield');
    expect(preview.stdout).toContain('Tyler Brooks: title Receptionist → Patient Services Representative');
    expect(preview.stdout).toContain('Deactivate Priya Shah');
    expect(preview.stdout).toContain('Run the same command with --apply to apply it.');
    expect(await roster()).toEqual(before);

    const applied = await rounds('import', 'roster', file, '--workspace', workspaceRef, '--apply');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^Done: 0 people added, 3 updated, 1 deactivated\./);
    const after = new Map((await roster()).map((m) => [m.externalId, m]));
    expect(after.get('tyler-brooks')?.title).toBe('Patient Services Representative');
    expect(after.get('priya-shah')?.active).toBe(false);
    expect(after.get('ben-okafor')?.managerId).toBe(after.get('dana-whitfield')?.id);

    // The command line only recorded the message; the running Rounds sends it on its next tick.
    await app.advance('PT5M');
    const told = await eventually(async () => (await app.inbox('ben-okafor')).find((m) => /Priya Shah has left the practice/.test(m.text)));
    expect(told.text).toMatch(/your mentoring pair with them has ended/);

    const again = await rounds('import', 'roster', file, '--workspace', workspaceRef, '--apply');
    expect(again.stdout).toContain('No changes');
  }, 90_000);

  it('prints problems with their line numbers, exits 1 and changes nothing', async () => {
    const before = await roster();
    const bad = await rounds('import', 'roster', join(root, 'test/fixtures/roster/bad-rows.csv'), '--workspace', workspaceRef, '--apply');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Line 3: "nurse" is not a role');
    expect(bad.stderr).toContain('Line 7: the name is missing');
    expect(bad.stderr).toContain('Fix lines 3, 4, 5, 6 and 7 and run the import again. Nothing was changed.');
    const quote = await rounds('import', 'roster', join(root, 'test/fixtures/roster/unclosed-quote.csv'), '--workspace', workspaceRef);
    expect(quote.code).toBe(1);
    expect(quote.stderr).toContain('Line 3: a quote (") opens here and is never closed');
    expect(await roster()).toEqual(before);
  }, 60_000);

  it('names a workspace that does not exist, and a file it cannot read', async () => {
    const missing = await rounds('export', 'roster', '--workspace', 'local:no-such-practice');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no workspace "local:no-such-practice"/);
    const nofile = await rounds('import', 'roster', join(dir, 'nope.csv'), '--workspace', workspaceRef);
    expect(nofile.code).toBe(2);
    expect(nofile.stderr).toMatch(/cannot read .*nope\.csv/);
  }, 60_000);

  it('writes names and titles a spreadsheet would run as formulas as text, and imports them back unchanged', async () => {
    const workspace = await buildWorkspace(database.repos);
    const ref = `local:${workspace.externalId}`;
    const name = '=HYPERLINK("http://evil.example","Payroll")';
    const evil = await buildMember(database.repos, workspace.id, {
      externalId: 'slack-joiner',
      displayName: name,
      title: '+cmd|/c calc!A1',
      team: '@Front desk',
      email: '-front.desk@clinic.example',
    });
    await buildMember(database.repos, workspace.id, { externalId: 'plain-member', displayName: 'Ana García', role: 'admin' });

    const file = join(dir, 'formulas.csv');
    const exported = await rounds('export', 'roster', '--workspace', ref, '--out', file);
    expect(exported.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toContain(
      `"'=HYPERLINK(""http://evil.example"",""Payroll"")",'-front.desk@clinic.example,slack-joiner,'+cmd|/c calc!A1,'@Front desk,staff,,America/Chicago,,yes`,
    );
    // No cell of the file starts with a character a spreadsheet reads as a formula.
    for (const line of lines) expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);

    const imported = await rounds('import', 'roster', file, '--workspace', ref, '--apply');
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain('No changes: the roster already matches this file.');
    const stored = await database.repos.members.get(workspace.id, evil.id);
    expect(stored).toMatchObject({ displayName: name, title: '+cmd|/c calc!A1', team: '@Front desk', email: '-front.desk@clinic.example' });
  }, 60_000);
});
