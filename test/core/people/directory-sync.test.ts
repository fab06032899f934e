// Directory sync on the real Postgres: the demo directory, then modified copies of it (new, changed, gone, back).
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory, seedDemoPractice } from '../../../adapters/local/demo-practice.ts';
import type { BotDeps } from '../../../src/core/context.ts';
import type { DirectoryUser, Member, Workspace } from '../../../src/core/model.ts';
import { syncDirectory } from '../../../src/core/people/directory-sync.ts';
import type { Logger, OutboxItem } from '../../../src/core/infrastructure.ts';
import type { Repositories } from '../../../src/core/repositories.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase, uniqueId } from '../../support/db.ts';
import { recordingLogger } from '../../support/logger.ts';
import { plain } from '../../support/user-text.ts';

let database: TestDatabase;
let repos: Repositories;

beforeAll(async () => {
  database = await openTestDatabase('postgres');
  repos = database.repos;
});

afterAll(async () => {
  await database?.close();
});

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const now = DateTime.fromISO('2025-03-03T15:00:00Z', { zone: 'utc' });

function deps(): { deps: Pick<BotDeps, 'repos' | 'outbox' | 'clock' | 'logger'>; sent: OutboxItem[] } {
  const sent: OutboxItem[] = [];
  return {
    sent,
    deps: { repos, outbox: { enqueue: async (item) => void sent.push(item) }, clock: { now: () => now }, logger: silent },
  };
}

async function byExternal(workspace: Workspace): Promise<Map<string, Member>> {
  const members = await repos.members.list(workspace.id, { includeInactive: true });
  return new Map(members.map((m) => [m.externalId, m]));
}

const changed = (users: DirectoryUser[], id: string, patch: Partial<DirectoryUser>) =>
  users.map((u) => (u.externalId === id ? { ...u, ...patch } : u));

describe('syncDirectory', () => {
  it('creates the demo directory with roles and reporting lines, welcomes nobody, and a second run changes nothing', async () => {
    const workspace = await buildWorkspace(repos);
    const { deps: d, sent } = deps();
    expect(await syncDirectory(d, workspace, demoDirectory())).toEqual({ created: 15, updated: 0, reactivated: 0, deactivated: 0, unchanged: 0, failed: 0 });
    const members = await byExternal(workspace);
    expect(members.get('dana-whitfield')?.role).toBe('admin');
    expect(members.get('marcus-lee')?.role).toBe('staff');
    expect(members.get('ana-garcia')?.managerId).toBe(members.get('marcus-lee')?.id);
    expect(members.get('tom-becker')?.timeZone).toBe('America/New_York');
    expect(members.get('james-wu')?.managerId).toBeNull();

    expect(await syncDirectory(d, workspace, demoDirectory())).toEqual({ created: 0, updated: 0, reactivated: 0, deactivated: 0, unchanged: 15, failed: 0 });
    expect(sent).toEqual([]);
  });

  it('agrees with the seeded demo practice: nothing to change', async () => {
    const workspace = await seedDemoPractice(repos, now, uniqueId('demo'));
    const { deps: d } = deps();
    const before = await byExternal(workspace);
    expect(await syncDirectory(d, workspace, demoDirectory())).toMatchObject({ created: 0, updated: 0, deactivated: 0, unchanged: 15 });
    expect(await byExternal(workspace)).toEqual(before);
  });

  it('adds, updates and deactivates what the directory changed, ending the pairs of who left and telling the partner', async () => {
    const workspace = await seedDemoPractice(repos, now, uniqueId('demo'));
    const { deps: d, sent } = deps();
    await syncDirectory(d, workspace, demoDirectory());
    const members = await byExternal(workspace);
    const tom = members.get('tom-becker');
    const grace = members.get('grace-kim');
    if (!tom || !grace) throw new Error('demo people missing');
    const pair = await repos.pairs.create(
      { workspaceId: workspace.id, mentorId: grace.id, menteeId: tom.id, kind: 'mentoring', status: 'active', cadence: 'biweekly', focus: null, reason: null, mentorAccepted: true, menteeAccepted: true },
      now.toISO() ?? '',
    );

    let next = demoDirectory().filter((u) => u.externalId !== 'tom-becker');
    next = changed(next, 'ana-garcia', { title: 'Front Desk Supervisor', managerExternalId: 'dana-whitfield' });
    next = changed(next, 'marcus-lee', { isAdmin: true });
    next = changed(next, 'dana-whitfield', { isAdmin: false });
    next.push({ externalId: 'olivia-reyes', displayName: 'Olivia Reyes', title: 'Medical Assistant', team: 'Medical assistants', email: 'olivia@maplestreet.example', managerExternalId: 'rosa-martinez', isAdmin: false });

    expect(await syncDirectory(d, workspace, next)).toEqual({ created: 1, updated: 3, reactivated: 0, deactivated: 1, unchanged: 11, failed: 0 });
    const after = await byExternal(workspace);
    expect(after.get('ana-garcia')).toMatchObject({ title: 'Front Desk Supervisor', managerId: after.get('dana-whitfield')?.id });
    expect(after.get('marcus-lee')?.role).toBe('admin');
    expect(after.get('dana-whitfield')?.role).toBe('manager');
    expect(after.get('olivia-reyes')).toMatchObject({ role: 'staff', managerId: after.get('rosa-martinez')?.id, active: true, startDate: null });
    expect(after.get('tom-becker')?.active).toBe(false);
    expect((await repos.pairs.get(workspace.id, pair.id))?.status).toBe('completed');
    expect(sent).toEqual([
      expect.objectContaining({ key: `pair-ended:${pair.id}`, memberIds: [grace.id], conversation: 'dm' }),
    ]);
    expect(plain(sent[0]?.message.text ?? '')).toMatch(/Tom Becker has left the practice, so your mentoring pair with them has ended/);

    expect(await syncDirectory(d, workspace, next)).toMatchObject({ created: 0, updated: 0, deactivated: 0, unchanged: 15 });

    // Back in the directory: active again.
    const back = [...next, demoDirectory().find((u) => u.externalId === 'tom-becker') as DirectoryUser];
    expect(await syncDirectory(d, workspace, back)).toMatchObject({ reactivated: 1, deactivated: 0, created: 0 });
    expect((await byExternal(workspace)).get('tom-becker')?.active).toBe(true);
  });

  it('keeps what a manager set in Rounds, and leaves alone people the directory never listed', async () => {
    const workspace = await seedDemoPractice(repos, now, uniqueId('demo'));
    const { deps: d } = deps();
    await syncDirectory(d, workspace, demoDirectory());
    const members = await byExternal(workspace);
    const ana = members.get('ana-garcia');
    const ben = members.get('ben-okafor');
    if (!ana || !ben) throw new Error('demo people missing');
    await repos.members.update(workspace.id, ana.id, { title: 'Senior Patient Services Rep', role: 'manager' });
    await repos.members.update(workspace.id, ben.id, { active: false });
    const imported = await buildMember(repos, workspace.id, { externalId: 'hannah-schultz', displayName: 'Hannah Schultz' });

    expect(await syncDirectory(d, workspace, demoDirectory())).toMatchObject({ created: 0, updated: 0, deactivated: 0, reactivated: 0 });
    const after = await byExternal(workspace);
    expect(after.get('ana-garcia')).toMatchObject({ title: 'Senior Patient Services Rep', role: 'manager' });
    expect(after.get('ben-okafor')?.active).toBe(false);
    expect(after.get(imported.externalId)?.active).toBe(true);
  });

  it('moves the reports of someone who left to their manager', async () => {
    const workspace = await seedDemoPractice(repos, now, uniqueId('demo'));
    const { deps: d } = deps();
    await syncDirectory(d, workspace, demoDirectory());
    await syncDirectory(d, workspace, demoDirectory().filter((u) => u.externalId !== 'marcus-lee'));
    const after = await byExternal(workspace);
    for (const id of ['ana-garcia', 'tyler-brooks', 'luis-ortega']) expect(after.get(id)?.managerId).toBe(after.get('dana-whitfield')?.id);
    expect(after.get('marcus-lee')?.active).toBe(false);
  });
});

describe('syncDirectory and patient information', () => {
  const PHI_TITLE = 'MA - MRN 00123456 Mrs. Lopez DOB 3/4/1950';

  it('keeps no title or team that looks like patient information, and logs which field and why without the text', async () => {
    const workspace = await buildWorkspace(repos);
    const logger = recordingLogger();
    const { deps: d } = deps();
    const directory: DirectoryUser[] = [
      { externalId: 'U0MA0001', displayName: 'Ana García', title: PHI_TITLE, team: 'Front desk', isAdmin: true },
      { externalId: 'U0MA0002', displayName: 'Ben Carter', title: 'Medical Assistant', team: 'Pod 2 - pt Robert Brown 72 y/o' },
    ];
    expect(await syncDirectory({ ...d, logger }, workspace, directory)).toMatchObject({ created: 2, failed: 0 });

    const members = await byExternal(workspace);
    expect(members.get('U0MA0001')).toMatchObject({ displayName: 'Ana García', title: '', team: 'Front desk', role: 'admin' });
    expect(members.get('U0MA0002')).toMatchObject({ title: 'Medical Assistant', team: '' });
    const kept = JSON.stringify(await repos.directory.list(workspace.id));
    expect(kept).not.toMatch(/00123456|Lopez|Robert Brown/);

    const warnings = logger.lines.filter((l) => l.level === 'warn');
    expect(warnings.map((w) => w.obj)).toEqual([
      expect.objectContaining({ externalId: 'U0MA0001', fields: ['title'], kinds: ['record_number', 'date_of_birth', 'patient_name'] }),
      expect.objectContaining({ externalId: 'U0MA0002', fields: ['team'], kinds: ['patient_name', 'name_with_details'] }),
    ]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/00123456|Lopez|Robert Brown/);

    // The same profile again changes nothing; once fixed in the directory, the title follows.
    expect(await syncDirectory({ ...d, logger }, workspace, directory)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    await syncDirectory(d, workspace, changed(directory, 'U0MA0001', { title: 'Medical Assistant' }));
    expect((await byExternal(workspace)).get('U0MA0001')?.title).toBe('Medical Assistant');
  });

  it('leaves a title as it was when the directory changes it to patient information', async () => {
    const workspace = await buildWorkspace(repos);
    const { deps: d } = deps();
    const directory: DirectoryUser[] = [{ externalId: 'U0MA0003', displayName: 'Kim Tran', title: 'Billing Specialist' }];
    await syncDirectory(d, workspace, directory);
    expect(await syncDirectory(d, workspace, changed(directory, 'U0MA0003', { title: 'Billing - BCBS ID W123456789' }))).toMatchObject({
      updated: 0,
      unchanged: 1,
    });
    expect((await byExternal(workspace)).get('U0MA0003')?.title).toBe('Billing Specialist');
  });

  it('keeps a name with an identifier in it out, using the directory id instead, but keeps an honorific', async () => {
    const workspace = await buildWorkspace(repos);
    const { deps: d } = deps();
    await syncDirectory(d, workspace, [
      { externalId: 'U0MA0004', displayName: 'Dana 555-201-3344' },
      { externalId: 'U0MA0005', displayName: 'Mrs. Okafor' },
    ]);
    const members = await byExternal(workspace);
    expect(members.get('U0MA0004')?.displayName).toBe('U0MA0004');
    expect(members.get('U0MA0005')?.displayName).toBe('Mrs. Okafor');
  });
});
