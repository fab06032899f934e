// The skills CSV: the table written, and the import plan read back (problems with their lines, or changes).
import { describe, expect, it } from 'vitest';
import { csvCodec } from '../../../src/app/csv.ts';
import {
  type ImportInput,
  planSkillsImport,
  readSkillCell,
  skillCell,
  skillsTable,
} from '../../../src/core/coverage/skills-csv.ts';
import type { Member, MemberSkill, Task } from '../../../src/core/model.ts';

const task = (key: string, name: string): Task => ({ id: `t-${key}`, workspaceId: 'w', key, name });
const tasks = [task('coding', 'Coding'), task('prior-authorizations', 'Prior authorizations'), task('scheduling', 'Scheduling')];

function person(id: string, name: string, overrides: Partial<Member> = {}): Member {
  return {
    id, workspaceId: 'w', externalId: id.toUpperCase(), displayName: name, role: 'staff', title: '', team: '', managerId: null,
    timeZone: 'America/Chicago', locale: 'en', email: `${id}@clinic.example`, startDate: null, active: true, snoozedUntil: null,
    optedOut: false, ...overrides,
  };
}
const ana = person('ana', 'Ana García');
const ben = person('ben', 'Ben Okafor');
const gone = person('zed', 'Zed Former', { active: false });
const members = [ben, ana, gone];
const skills: MemberSkill[] = [
  { memberId: 'ana', taskId: 't-prior-authorizations', level: 'expert', ownJob: true },
  { memberId: 'ana', taskId: 't-scheduling', level: 'trained', ownJob: false },
  { memberId: 'ben', taskId: 't-coding', level: 'learning', ownJob: false },
];

const plan = (rows: string[][], overrides: Partial<ImportInput> = {}) =>
  planSkillsImport({ rows, members, tasks, skills, addTasks: false, ...overrides });

describe('cells', () => {
  it('writes a level, with * for the own job, and reads it back', () => {
    expect(skillCell({ level: 'expert', ownJob: true })).toBe('expert*');
    expect(skillCell(null)).toBe('');
    expect(readSkillCell(' Trained ')).toEqual({ level: 'trained', ownJob: false });
    expect(readSkillCell('expert *')).toEqual({ level: 'expert', ownJob: true });
    expect(readSkillCell('')).toBeNull();
    expect(readSkillCell('guru')).toBeUndefined();
    expect(readSkillCell('*')).toBeUndefined();
  });
});

describe('skillsTable', () => {
  it('has one row per active member by name and one column per task', () => {
    expect(skillsTable(members, tasks, skills)).toEqual([
      ['member', 'id', 'email', 'Coding', 'Prior authorizations', 'Scheduling'],
      ['Ana García', 'ANA', 'ana@clinic.example', '', 'expert*', 'trained'],
      ['Ben Okafor', 'BEN', 'ben@clinic.example', 'learning', '', ''],
    ]);
  });
});

describe('planSkillsImport', () => {
  it('finds nothing to change in its own export (round trip)', () => {
    const text = csvCodec.stringify(skillsTable(members, tasks, skills));
    const rows = csvCodec.parse(text);
    expect(plan(rows, { lines: csvCodec.records(text).map((r) => r.line) })).toEqual({ problems: [], newTasks: [], changes: [] });
  });

  it('lists each change; an empty cell removes a skill; unlisted members and tasks stay', () => {
    const result = plan([
      ['id', 'Scheduling', 'prior authorizations'],
      ['ana', '', 'expert'],
      ['BEN', 'trained*', ''],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([
      { line: 2, memberId: 'ana', memberName: 'Ana García', taskKey: 'scheduling', taskName: 'Scheduling', before: { level: 'trained', ownJob: false }, after: null },
      { line: 2, memberId: 'ana', memberName: 'Ana García', taskKey: 'prior-authorizations', taskName: 'Prior authorizations', before: { level: 'expert', ownJob: true }, after: { level: 'expert', ownJob: false } },
      { line: 3, memberId: 'ben', memberName: 'Ben Okafor', taskKey: 'scheduling', taskName: 'Scheduling', before: null, after: { level: 'trained', ownJob: true } },
    ]);
  });

  it('finds a member by email, or by exact name, when there is no id', () => {
    const byEmail = plan([['email', 'Coding'], ['ANA@clinic.example', 'trained']]);
    expect(byEmail.changes.map((c) => c.memberId)).toEqual(['ana']);
    const byName = plan([['member', 'Coding'], ['ana garcia', 'trained']]);
    expect(byName.changes.map((c) => c.memberId)).toEqual(['ana']);
  });

  it('reports every problem with its line and plans no change', () => {
    const result = plan(
      [
        ['member', 'id', 'Coding', 'Schedulng'],
        ['Ana García', 'ana', 'trained', ''],
        ['Nobody', 'nobody', 'trained', ''],
        ['Ben', 'ben', 'guru', ''],
        ['Ana again', 'ana', '', ''],
        ['Zed', 'zed', '', ''],
        ['short', 'ben'],
      ],
      { lines: [1, 2, 3, 5, 6, 7, 8] },
    );
    expect(result.changes).toEqual([]);
    expect(result.problems).toEqual([
      { line: 1, kind: 'unknown_task', column: 'Schedulng', suggestion: 'Scheduling' },
      { line: 3, kind: 'unknown_member', who: 'nobody' },
      { line: 5, kind: 'bad_level', column: 'Coding', value: 'guru' },
      { line: 6, kind: 'duplicate_member', who: 'ana', firstLine: 2 },
      { line: 7, kind: 'unknown_member', who: 'zed' },
      { line: 8, kind: 'cell_count', found: 2, expected: 4 },
    ]);
  });

  it('refuses a header with no way to tell whose row it is, a blank or a repeated column', () => {
    expect(plan([['Coding'], ['trained']]).problems).toContainEqual({ line: 1, kind: 'no_identity' });
    expect(plan([['id', '', 'Coding', 'coding'], ['ana', '', '', '']]).problems).toEqual([
      { line: 1, kind: 'blank_column', column: 2 },
      { line: 1, kind: 'duplicate_column', column: 'coding' },
    ]);
    expect(plan([]).problems).toEqual([{ line: 1, kind: 'empty' }]);
  });

  it('adds unknown columns as tasks with addTasks, refusing patient information', () => {
    const added = plan([['id', 'Telehealth setup'], ['ana', 'trained']], { addTasks: true });
    expect(added.problems).toEqual([]);
    expect(added.newTasks).toEqual([{ key: 'telehealth-setup', name: 'Telehealth setup' }]);
    expect(added.changes).toEqual([
      { line: 2, memberId: 'ana', memberName: 'Ana García', taskKey: 'telehealth-setup', taskName: 'Telehealth setup', before: null, after: { level: 'trained', ownJob: false } },
    ]);
    const phi = plan([['id', 'Call John Smith DOB 03/14/1962'], ['ana', '']], { addTasks: true });
    expect(phi.problems).toEqual([{ line: 1, kind: 'bad_task_name', column: 'Call John Smith DOB 03/14/1962', reason: 'phi' }]);
  });
});

describe('line numbers of records (the codec)', () => {
  it('gives the line each record starts on, skipping blank lines and reading quoted newlines', () => {
    const lines = (text: string) => csvCodec.records(text).map((r) => r.line);
    expect(lines('a,b\n1,2\n\n3,4\n')).toEqual([1, 2, 4]);
    expect(lines('\uFEFFa,b\r\n"x\ny",2\r\n3,4')).toEqual([1, 2, 4]);
  });
});
