// Applying a roster import on the real Postgres: everything in one transaction, the pending import taken once.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCodec } from '../../../src/app/csv.ts';
import type { Repositories } from '../../../src/core/repositories.ts';
import { applyRosterPlan } from '../../../src/core/people/roster-apply.ts';
import { applyRosterText, prepareRosterImport } from '../../../src/core/people/roster-import.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase } from '../../support/db.ts';

let database: TestDatabase;
let repos: Repositories;

beforeAll(async () => {
  database = await openTestDatabase('postgres');
  repos = database.repos;
});

afterAll(async () => {
  await database?.close();
});

const at = DateTime.fromISO('2025-03-03T15:00:00Z').toUTC().toISO() ?? '';

describe('applying a roster import', () => {
  it('creates people, links managers in and out of the file, and ends the pairs of who is deactivated', async () => {
    const workspace = await buildWorkspace(repos);
    const dana = await buildMember(repos, workspace.id, { externalId: 'dana', displayName: 'Dana Whitfield', role: 'admin', email: 'dana@maple.example' });
    const ben = await buildMember(repos, workspace.id, { externalId: 'ben', displayName: 'Ben Okafor', managerId: dana.id });
    const keisha = await buildMember(repos, workspace.id, { externalId: 'keisha', displayName: 'Keisha Jones', managerId: ben.id });
    const pair = await repos.pairs.create(
      { workspaceId: workspace.id, mentorId: ben.id, menteeId: keisha.id, kind: 'cross_training', status: 'proposed', cadence: 'weekly', focus: null, reason: null, mentorAccepted: false, menteeAccepted: false },
      at,
    );
    const csv = ['name,email,team,role,manager,active', 'Carmen Delgado,carmen@maple.example,Lab,manager,dana@maple.example,', 'Jordan Price,,Lab,,Carmen Delgado,', 'Ben Okafor,,,,,no'].join('\n');

    const outcome = await repos.withTransaction((tx) => applyRosterText(tx, csvCodec, workspace, csv, dana, at));
    expect(outcome.applied?.created.map((m) => m.displayName)).toEqual(['Carmen Delgado', 'Jordan Price']);
    expect(outcome.applied?.deactivations.map((d) => [d.member.displayName, d.reports.map((r) => r.displayName), d.newManager?.displayName])).toEqual([
      ['Ben Okafor', ['Keisha Jones'], 'Dana Whitfield'],
    ]);
    const members = new Map((await repos.members.list(workspace.id, { includeInactive: true })).map((m) => [m.externalId, m]));
    expect(members.get('carmen-delgado')).toMatchObject({ role: 'manager', team: 'Lab', managerId: dana.id, timeZone: workspace.timeZone });
    expect(members.get('jordan-price')?.managerId).toBe(members.get('carmen-delgado')?.id);
    expect(members.get('ben')?.active).toBe(false);
    expect(members.get('keisha')?.managerId).toBe(dana.id);
    expect((await repos.pairs.get(workspace.id, pair.id))?.status).toBe('completed');

    // Applying the same file again: Ben stays inactive, nothing else to do.
    const again = await prepareRosterImport(repos, csvCodec, workspace, csv, dana);
    expect(again.plan).toMatchObject({ creates: [], updates: [], unchanged: 3 });
  });

  it('writes nothing when one write fails halfway', async () => {
    const workspace = await buildWorkspace(repos);
    const dana = await buildMember(repos, workspace.id, { externalId: 'dana', displayName: 'Dana Whitfield', role: 'admin' });
    const prepared = await prepareRosterImport(repos, csvCodec, workspace, 'name,title\nOlivia Reyes,MA\nDana Whitfield,Owner\n', dana);
    expect(prepared.plan.creates).toHaveLength(1);
    // The update points at a member of no workspace: the database refuses it after the create went in.
    const broken = { ...prepared.plan, updates: prepared.plan.updates.map((u) => ({ ...u, manager: { kind: 'existing' as const, memberId: 'nobody' } })) };
    await expect(repos.withTransaction((tx) => applyRosterPlan(tx, workspace, broken, at))).rejects.toThrow();
    const members = await repos.members.list(workspace.id, { includeInactive: true });
    expect(members.map((m) => [m.displayName, m.title])).toEqual([['Dana Whitfield', 'Medical Assistant']]);
  });
});
