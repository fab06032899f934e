// planRosterImport: what a roster import would change, as a pure function of the members and the rows.
import { describe, expect, it } from 'vitest';
import { csvCodec } from '../../../src/app/csv.ts';
import { readRosterCsv, writeRosterCsv } from '../../../src/core/people/roster-csv.ts';
import { type PlanOptions, planRosterImport, readDate, slugOf } from '../../../src/core/people/roster-plan.ts';
import { memberValue } from '../../support/builders.ts';
import { canonicalZone } from '../../../src/core/time/zone.ts';

const person = memberValue;

const dana = person('dana', { displayName: 'Dana Whitfield', role: 'admin', title: 'Practice Manager', team: 'Administration', email: 'dana@maple.example' });
const marcus = person('marcus', { displayName: 'Marcus Lee', role: 'manager', title: 'Front Desk Lead', team: 'Front desk', managerId: 'dana', email: 'marcus@maple.example' });
const ana = person('ana', { displayName: 'Ana García', title: 'Patient Services Rep', team: 'Front desk', managerId: 'marcus', email: 'ana@maple.example', startDate: '2021-05-03' });
const tom = person('tom', { displayName: 'Tom Becker', title: 'LPN', team: 'Nursing', managerId: 'marcus', active: false });
const existing = [dana, marcus, ana, tom];

const asDana: PlanOptions = { platform: 'local', defaultTimeZone: 'America/Chicago', actor: dana };
const asMarcus: PlanOptions = { ...asDana, actor: marcus };

function rows(csv: string) {
  const file = readRosterCsv(csvCodec, csv);
  if (!file.ok) throw new Error(`bad fixture: ${JSON.stringify(file.problem)}`);
  return file.rows;
}

const plan = (csv: string, options = asDana, members = existing) => planRosterImport(members, rows(csv), options);

describe('cells', () => {
  it('reads dates in yyyy-MM-dd and m/d/yyyy, and refuses days that do not exist', () => {
    expect(readDate('2025-03-01')).toBe('2025-03-01');
    expect(readDate('3/1/2025')).toBe('2025-03-01');
    expect(readDate('12/31/2024')).toBe('2024-12-31');
    expect(readDate('2025-02-30')).toBeNull();
    expect(readDate('13/1/2025')).toBeNull();
    expect(readDate('March 1')).toBeNull();
    expect(readDate('1/3/25')).toBeNull();
  });

  it('reads IANA zones in their canonical spelling', () => {
    expect(canonicalZone('america/chicago')).toBe('America/Chicago');
    expect(canonicalZone('Europe/Madrid')).toBe('Europe/Madrid');
    expect(canonicalZone('Central Time')).toBeNull();
    expect(canonicalZone('Mars/Olympus_Mons')).toBeNull();
    // An offset ignores daylight saving: check-ins would move by an hour twice a year.
    expect(canonicalZone('+05:00')).toBeNull();
    expect(canonicalZone('UTC-5')).toBeNull();
  });

  it('makes local ids from names', () => {
    expect(slugOf('Dr. Olivia Reyes')).toBe('dr-olivia-reyes');
    expect(slugOf("Brian O'Connell")).toBe('brian-o-connell');
    expect(slugOf('José Núñez')).toBe('jose-nunez');
    expect(slugOf('李')).toBe('member');
  });
});

describe('planRosterImport', () => {
  it('creates new people with the defaults and unique local ids, managers found in the file or in Rounds', () => {
    const result = plan(
      [
        'name,email,title,team,manager,start_date',
        'Olivia Reyes,olivia@maple.example,Medical Assistant,Clinic,Carmen Delgado,3/17/2025',
        'Carmen Delgado,carmen@maple.example,Lab Supervisor,Lab,dana@maple.example,',
        'Ana Garcia,,,,,',
      ].join('\n'),
      asDana,
      [...existing, person('olivia-reyes', { displayName: 'Olivia Reyes (old)', email: 'o.old@maple.example' })],
    );
    expect(result.issues).toEqual([]);
    expect(result.creates).toEqual([
      {
        line: 2, externalId: 'olivia-reyes-2', displayName: 'Olivia Reyes', email: 'olivia@maple.example', title: 'Medical Assistant',
        team: 'Clinic', role: 'staff', timeZone: 'America/Chicago', startDate: '2025-03-17', active: true,
        manager: { kind: 'new', line: 3 }, managerName: 'Carmen Delgado',
      },
      {
        line: 3, externalId: 'carmen-delgado', displayName: 'Carmen Delgado', email: 'carmen@maple.example', title: 'Lab Supervisor',
        team: 'Lab', role: 'staff', timeZone: 'America/Chicago', startDate: null, active: true,
        manager: { kind: 'existing', memberId: 'dana' }, managerName: 'Dana Whitfield',
      },
    ]);
    // "Ana Garcia" is Ana García (accents aside); her row names nothing new, and her accent-free name is a change.
    expect(result.updates.map((u) => [u.member.id, u.changes])).toEqual([['ana', [{ field: 'name', from: 'Ana García', to: 'Ana Garcia' }]]]);
    expect(result.unchanged).toBe(0);
  });

  it('matches by id, then email, then name; empty cells leave details as they are', () => {
    const result = plan(
      [
        'name,email,id,title,team,role,manager,time_zone,start_date',
        'Marcus Lee,,marcus,Office Lead,,,,,',
        'Ana García,ANA@maple.example,,,,manager,dana@maple.example,America/Denver,2021-05-03',
        'Dana Whitfield,,,,,,,,',
      ].join('\n'),
    );
    expect(result.issues).toEqual([]);
    expect(result.creates).toEqual([]);
    expect(result.updates.map((u) => ({ id: u.member.id, patch: u.patch, manager: u.manager, changes: u.changes }))).toEqual([
      { id: 'marcus', patch: { title: 'Office Lead' }, manager: undefined, changes: [{ field: 'title', from: 'Front Desk Lead', to: 'Office Lead' }] },
      {
        id: 'ana',
        patch: { role: 'manager', timeZone: 'America/Denver' },
        manager: { kind: 'existing', memberId: 'dana' },
        changes: [
          { field: 'role', from: 'staff', to: 'manager' },
          { field: 'time_zone', from: 'America/Chicago', to: 'America/Denver' },
          { field: 'manager', from: 'Marcus Lee', to: 'Dana Whitfield' },
        ],
      },
    ]);
    expect(result.unchanged).toBe(1);
  });

  it('brings back someone who left when their row is in the file, and deactivates only on active=no', () => {
    const result = plan(['name,active', 'Tom Becker,', 'Ana García,no', 'Marcus Lee,yes'].join('\n'));
    expect(result.issues).toEqual([]);
    expect(result.updates.map((u) => [u.member.id, u.deactivate, u.patch, u.changes])).toEqual([
      ['tom', false, { active: true }, [{ field: 'active', from: 'no', to: 'yes' }]],
      ['ana', true, {}, [{ field: 'active', from: 'yes', to: 'no' }]],
    ]);
    expect(result.unchanged).toBe(1);
  });

  it('reports every bad row with its line number', () => {
    const result = plan(
      [
        'name,email,role,manager,time_zone,start_date,active',
        'Olivia Reyes,olivia@maple.example,nurse,,,,',
        'Hannah Schultz,hannah@maple.example,staff,nobody@maple.example,,,',
        'Diego Alvarez,diego@maple.example,staff,,Central Time,,',
        'Mei Lin,mei@maple.example,staff,,,2025-02-30,',
        'Kevin Tran,kevin@maple,staff,,,,maybe',
        ',fatima@maple.example,staff,,,,',
        'Connor Walsh,connor@maple.example,staff,Connor Walsh,,,',
      ].join('\n'),
    );
    expect(result.issues).toEqual([
      { line: 2, code: 'bad_role', value: 'nurse' },
      { line: 3, code: 'unknown_manager', value: 'nobody@maple.example' },
      { line: 4, code: 'bad_zone', value: 'Central Time' },
      { line: 5, code: 'bad_date', value: '2025-02-30' },
      { line: 6, code: 'bad_email', value: 'kevin@maple' },
      { line: 6, code: 'bad_active', value: 'maybe' },
      { line: 7, code: 'missing_name' },
      { line: 8, code: 'self_manager' },
    ]);
  });

  it('finds the same person twice, an email someone else has, and an id that contradicts the match', () => {
    const result = plan(
      [
        'name,email,id',
        'Olivia Reyes,olivia@maple.example,',
        'Olivia R.,OLIVIA@maple.example,',
        'Ana García,,',
        'Ana García,,',
        'Tom Becker,marcus@maple.example,tom',
        'Ana García,ana@maple.example,someone-else',
      ].join('\n'),
    );
    expect(result.issues).toEqual([
      { line: 3, code: 'duplicate', firstLine: 2 },
      { line: 5, code: 'duplicate', firstLine: 4 },
      { line: 6, code: 'email_taken', value: 'marcus@maple.example', name: 'Marcus Lee' },
      { line: 7, code: 'id_mismatch', value: 'someone-else', name: 'Ana García', existingId: 'ana' },
    ]);
  });

  it('refuses a circle of managers, naming the people in it', () => {
    const result = plan(['name,manager', 'Dana Whitfield,Ana García'].join('\n'));
    expect(result.issues).toEqual([
      { line: 2, code: 'cycle', names: ['Dana Whitfield', 'Ana García', 'Marcus Lee', 'Dana Whitfield'] },
    ]);
    const inFile = plan(['name,email,manager', 'Kim Lee,kim@maple.example,Lou Park', 'Lou Park,lou@maple.example,kim@maple.example'].join('\n'));
    expect(inFile.issues).toEqual([{ line: 2, code: 'cycle', names: ['Kim Lee', 'Lou Park', 'Kim Lee'] }]);
  });

  it('refuses a manager who left, unless the link is unchanged or already handed up the line', () => {
    expect(plan('name,manager\nDana Whitfield,Tom Becker').issues).toEqual([{ line: 2, code: 'inactive_manager', name: 'Tom Becker' }]);
    // Ana is under Marcus, where Tom's reports went when he left: the file is old, not wrong.
    expect(plan('name,manager\nAna García,Tom Becker')).toMatchObject({ issues: [], updates: [], unchanged: 1 });
    const tomsReport = person('rae', { displayName: 'Rae Cole', managerId: 'tom' });
    expect(plan('name,manager\nRae Cole,Tom Becker', asDana, [...existing, tomsReport]).issues).toEqual([]);
  });

  it('hands the reports of someone the file deactivates up to their manager, and says so', () => {
    const result = plan(['name,manager,active', 'Marcus Lee,,no', 'Ana García,Marcus Lee,yes'].join('\n'));
    expect(result.issues).toEqual([]);
    expect(result.updates.map((u) => [u.member.id, u.deactivate, u.manager, u.changes])).toEqual([
      ['marcus', true, undefined, [{ field: 'active', from: 'yes', to: 'no' }]],
      ['ana', false, { kind: 'existing', memberId: 'dana' }, [{ field: 'manager', from: 'Marcus Lee', to: 'Dana Whitfield' }]],
    ]);
  });

  it('lets only an admin (or the command line) make or unmake an admin', () => {
    const csv = ['name,role', 'Dana Whitfield,manager', 'Ana García,admin'].join('\n');
    expect(plan(csv, asMarcus).issues).toEqual([
      { line: 2, code: 'admin_only', name: 'Dana Whitfield' },
      { line: 3, code: 'admin_only', name: 'Ana García' },
    ]);
    expect(plan(csv, asDana).issues).toEqual([]);
    expect(plan(csv, { ...asDana, actor: null }).issues).toEqual([]);
  });

  it('keeps at least one manager, and the importer cannot deactivate themselves', () => {
    expect(plan(['name,role', 'Dana Whitfield,staff', 'Marcus Lee,staff'].join('\n')).issues).toEqual([{ line: null, code: 'no_managers_left' }]);
    expect(plan(['name,active', 'Marcus Lee,no'].join('\n'), asMarcus).issues).toEqual([{ line: 2, code: 'self_deactivate' }]);
  });

  it('needs a platform id for a new person in Slack or Teams', () => {
    const options: PlanOptions = { ...asDana, platform: 'slack' };
    expect(plan('name,id\nOlivia Reyes,\nHannah Schultz,U0HANNAH', options).issues).toEqual([{ line: 2, code: 'needs_id', name: 'Olivia Reyes' }]);
  });

  it('refuses patient information in a title or team', () => {
    expect(plan('name,title\nOlivia Reyes,MA - call 555-201-3344').issues).toEqual([{ line: 2, code: 'phi', kinds: ['phone'] }]);
  });

  it('plans nothing for an export of the same roster', () => {
    const exported = writeRosterCsv(csvCodec, existing);
    const result = plan(exported);
    expect(result).toEqual({ creates: [], updates: [], unchanged: 4, issues: [] });
  });
});
