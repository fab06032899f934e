// `rounds export skills` and `rounds import skills` as an operator runs them: the real command line on the test Postgres.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPractice } from '../../adapters/local/demo-practice.ts';
import { csvCodec } from '../../src/app/csv.ts';
import type { Workspace } from '../../src/core/model.ts';
import { buildMember, buildWorkspace, openTestDatabase, TEST_APP_POOL_MAX, type TestDatabase, testDatabaseUrl, uniqueId } from '../support/db.ts';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'rounds-cli-skills-'));
let db: TestDatabase;
let workspace: Workspace;
let ref: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function rounds(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/rounds.js', ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: testDatabaseUrl(), DATABASE_POOL_MAX: String(TEST_APP_POOL_MAX), LOG_LEVEL: 'silent', ROUNDS_DATA_DIR: dir },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The matrix as the database holds it: "member|task" → "level" or "level*". */
async function matrix(): Promise<Map<string, string>> {
  const [members, tasks, skills] = await Promise.all([
    db.repos.members.list(workspace.id),
    db.repos.tasks.list(workspace.id),
    db.repos.skills.listForWorkspace(workspace.id),
  ]);
  const who = new Map(members.map((m) => [m.id, m.externalId]));
  const what = new Map(tasks.map((t) => [t.id, t.name]));
  return new Map(skills.map((s) => [`${who.get(s.memberId)}|${what.get(s.taskId)}`, `${s.level}${s.ownJob ? '*' : ''}`]));
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  db = await openTestDatabase('postgres');
  workspace = await seedDemoPractice(db.repos, DateTime.utc(), uniqueId('cli-skills'));
  ref = `local:${workspace.externalId}`;
});

afterAll(async () => {
  await db?.close();
});

// Each run starts a Node process with tsx: seconds apiece on a busy machine.
describe('rounds export skills', { timeout: 120_000 }, () => {
  it('writes one row per member and one column per task, levels as cells and * for the own job', async () => {
    const run = await rounds('export', 'skills', '--workspace', ref);
    expect(run.code).toBe(0);
    const rows = csvCodec.parse(run.stdout);
    const header = rows[0] ?? [];
    expect(header.slice(0, 3)).toEqual(['member', 'id', 'email']);
    expect(header).toContain('Prior authorizations');
    expect(rows).toHaveLength(16);
    const ana = rows.find((r) => r[1] === 'ana-garcia') ?? [];
    const cell = (task: string) => ana[header.indexOf(task)];
    expect(ana[0]).toBe('Ana García');
    expect(cell('Front desk check-in')).toBe('expert*');
    expect(cell('Phones')).toBe('trained');
    expect(cell('Coding')).toBe('');
  });

  it('names the workspace problem when the workspace does not exist', async () => {
    const run = await rounds('export', 'skills', '--workspace', 'local:no-such-practice');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no workspace "local:no-such-practice"/);
  });
});

describe('rounds import skills', { timeout: 120_000 }, () => {
  it('round trip: export, import, no change', async () => {
    const out = join(dir, 'round-trip.csv');
    const exported = await rounds('export', 'skills', '--workspace', ref, '--out', out);
    expect(exported.code).toBe(0);
    const before = await matrix();
    const run = await rounds('import', 'skills', out, '--workspace', ref, '--apply');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('No changes: Rounds already matches this file.');
    expect(await matrix()).toEqual(before);
  });

  it('previews changes without saving, then saves them all with --apply', async () => {
    const exported = await rounds('export', 'skills', '--workspace', ref);
    const rows = csvCodec.parse(exported.stdout);
    const header = rows[0] ?? [];
    const set = (id: string, task: string, value: string) => {
      const row = rows.find((r) => r[1] === id);
      if (!row) throw new Error(`no row ${id}`);
      row[header.indexOf(task)] = value;
    };
    set('ben-okafor', 'Coding', 'learning');
    set('ana-garcia', 'Phones', '');
    set('tyler-brooks', 'Scheduling', 'trained*');
    const file = write('changes.csv', csvCodec.stringify(rows));

    const before = await matrix();
    const preview = await rounds('import', 'skills', file, '--workspace', ref);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/Ana García · Phones: trained → none/);
    expect(preview.stdout).toMatch(/Ben Okafor · Coding: none → learning/);
    expect(preview.stdout).toMatch(/Tyler Brooks · Scheduling: learning → trained \(own job\)/);
    expect(preview.stdout).toMatch(/3 changes\. Nothing is saved yet: run again with --apply/);
    expect(await matrix()).toEqual(before);

    const applied = await rounds('import', 'skills', file, '--workspace', ref, '--apply');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Saved 3 changes\./);
    const after = await matrix();
    expect(after.get('ben-okafor|Coding')).toBe('learning');
    expect(after.has('ana-garcia|Phones')).toBe(false);
    expect(after.get('tyler-brooks|Scheduling')).toBe('trained*');
    expect(after.size).toBe(before.size);

    // And the new state round-trips too.
    const again = await rounds('export', 'skills', '--workspace', ref);
    expect(again.stdout).toBe(readFileSync(file, 'utf8'));
  });

  it('refuses a bad file with every problem and its line, and changes nothing even with --apply', async () => {
    const before = await matrix();
    const file = write(
      'bad.csv',
      [
        'member,id,Coding,Schedulng',
        'Ana García,ana-garcia,trained,',
        '',
        'Somebody,not-a-member,trained,',
        'Ben Okafor,ben-okafor,guru,',
        'Ana again,ana-garcia,,',
        'Short,keisha-jones',
        '',
      ].join('\n'),
    );
    const run = await rounds('import', 'skills', file, '--workspace', ref, '--apply');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'line 1: no task called "Schedulng" (did you mean "Scheduling"?). Use --add-tasks to add it to the task list.',
      'line 4: no active member "not-a-member".',
      'line 5: "guru" under "Coding" is not a level: write learning, trained or expert (add * for their own job), or leave it empty.',
      'line 6: "ana-garcia" already has a row (line 2).',
      'line 7: this row has 2 cells but the header has 4.',
      '5 problems found; nothing was changed.',
    ]);
    expect(await matrix()).toEqual(before);
  });

  it('refuses a file that is not CSV, naming the line', async () => {
    const file = write('broken.csv', 'member,id,Coding\nAna,ana-garcia,"trained\n');
    const run = await rounds('import', 'skills', file, '--workspace', ref);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line \d+: this is not valid CSV/m);
  });

  it('adds new task columns with --add-tasks, never one carrying patient information', async () => {
    const phi = write('phi.csv', 'id,Telehealth setup,Call Mrs. Jones DOB 04/12/1950\nana-garcia,trained,\n');
    const refused = await rounds('import', 'skills', phi, '--workspace', ref, '--add-tasks', '--apply');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/line 1: the column "Call Mrs. Jones DOB 04\/12\/1950" looks like it contains patient information/);
    expect((await db.repos.tasks.list(workspace.id)).some((t) => t.name === 'Telehealth setup')).toBe(false);

    const withoutFlag = write('new-task.csv', 'id,Telehealth setup\nana-garcia,trained\n');
    const unknown = await rounds('import', 'skills', withoutFlag, '--workspace', ref);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/line 1: no task called "Telehealth setup"\. Use --add-tasks/);

    const added = await rounds('import', 'skills', withoutFlag, '--workspace', ref, '--add-tasks', '--apply');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/New tasks: Telehealth setup/);
    expect((await matrix()).get('ana-garcia|Telehealth setup')).toBe('trained');
  });

  it('writes names a spreadsheet would run as formulas as text, and imports them back as no change', async () => {
    const other = await buildWorkspace(db.repos);
    const otherRef = `local:${other.externalId}`;
    const name = '=HYPERLINK("http://evil.example","Payroll")';
    const evil = await buildMember(db.repos, other.id, { externalId: 'slack-joiner', displayName: name, email: '-front.desk@clinic.example' });
    const [task] = await db.repos.tasks.ensure(other.id, [{ key: 'home-visits', name: '@Home visits' }]);
    if (!task) throw new Error('no task');
    await db.repos.skills.upsert(other.id, { memberId: evil.id, taskId: task.id, level: 'trained', ownJob: false });

    const out = join(dir, 'formulas.csv');
    expect((await rounds('export', 'skills', '--workspace', otherRef, '--out', out)).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/,'@Home visits(,|$)/);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""Payroll""\)",slack-joiner,'-front\.desk@clinic\.example,/);
    for (const line of lines) expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);

    const run = await rounds('import', 'skills', out, '--workspace', otherRef);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('No changes: Rounds already matches this file.');
    expect(await db.repos.members.get(other.id, evil.id)).toMatchObject({ displayName: name, email: '-front.desk@clinic.example' });
  });
});
