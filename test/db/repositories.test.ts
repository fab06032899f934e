// The repositories against real databases: one suite, run on the shared Postgres and on a private PGlite.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../db/client.ts';
import { DeliveryNotPendingError } from '../../db/errors.ts';
import { type DbRepositories, markEventProcessed, pruneProcessedEvents } from '../../db/repositories/index.ts';
import { createLocalInboxStore } from '../../db/repositories/local-inbox.ts';
import { NotFoundError } from '../../src/core/errors.ts';
import { DEFAULT_SETTINGS, type Workspace } from '../../src/core/model.ts';
import type { Message } from '../../src/core/messages/model.ts';
import type { OutboxItem } from '../../src/core/infrastructure.ts';
import { buildMember, buildWorkspace, openTestDatabase, uniqueId, type TestDatabase } from '../support/db.ts';

const message: Message = {
  text: 'Time for your check-in',
  blocks: [
    { type: 'section', text: 'How did this week go?' },
    { type: 'actions', elements: [{ type: 'button', label: 'Start', actionId: 'checkin.start', value: 'x' }] },
  ],
};


describe.each(['postgres', 'pglite'] as const)('repositories on %s', (kind) => {
  let database: TestDatabase;
  let repos: DbRepositories;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repos = database.repos;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('answers the readiness probe', async () => {
    await expect(checkDatabase(database.db)).resolves.toBeUndefined();
  });

  describe('workspaces', () => {
    it('creates, gets and finds a workspace by platform and external id', async () => {
      const externalId = uniqueId('T');
      const created = await buildWorkspace(repos, { platform: 'slack', externalId, name: 'Lakeside Pediatrics', locale: 'es' });

      expect(created).toEqual({
        id: expect.any(String),
        platform: 'slack',
        externalId,
        name: 'Lakeside Pediatrics',
        timeZone: 'America/Chicago',
        locale: 'es',
        settings: DEFAULT_SETTINGS,
      });
      expect(await repos.workspaces.get(created.id)).toEqual(created);
      expect(await repos.workspaces.findByExternal('slack', externalId)).toEqual(created);
      expect(await repos.workspaces.findByExternal('teams', externalId)).toBeNull();
      expect(await repos.workspaces.get(crypto.randomUUID())).toBeNull();
    });

    it('refuses a second workspace with the same platform and external id', async () => {
      const externalId = uniqueId('T');
      await buildWorkspace(repos, { platform: 'teams', externalId });
      await expect(buildWorkspace(repos, { platform: 'teams', externalId })).rejects.toThrow();
      const other = await buildWorkspace(repos, { platform: 'slack', externalId });
      expect(other.platform).toBe('slack');
    });

    it('lists the ids of all workspaces', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const ids = await repos.workspaces.listIds();
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    });

    it('fills settings a stored row lacks with the defaults', async () => {
      const workspace = await buildWorkspace(repos);
      await database.db
        .updateTable('workspaces')
        .set({ settings: JSON.stringify({ introCount: 4, holidays: ['2026-12-25'] }) })
        .where('id', '=', workspace.id)
        .execute();

      const read = await repos.workspaces.get(workspace.id);
      expect(read?.settings).toEqual({ ...DEFAULT_SETTINGS, introCount: 4, holidays: ['2026-12-25'] });
    });

    it('reads an empty settings object as all defaults, each row with its own arrays', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      await database.db.updateTable('workspaces').set({ settings: '{}' }).where('id', 'in', [a.id, b.id]).execute();

      const readA = await repos.workspaces.get(a.id);
      const readB = await repos.workspaces.get(b.id);
      expect(readA?.settings).toEqual(DEFAULT_SETTINGS);
      readA?.settings.workDays.push(6);
      expect(readB?.settings.workDays).toEqual([1, 2, 3, 4, 5]);
      expect(DEFAULT_SETTINGS.workDays).toEqual([1, 2, 3, 4, 5]);
    });

    it('updates settings, and the time zone only when given', async () => {
      const workspace = await buildWorkspace(repos);
      const settings = { ...DEFAULT_SETTINGS, workDays: [1, 2, 3, 4], checkinTime: '08:30', cadence: 'weekly' as const };

      const kept = await repos.workspaces.updateSettings(workspace.id, settings);
      expect(kept).toEqual({ ...workspace, settings });

      const moved = await repos.workspaces.updateSettings(workspace.id, settings, 'America/Denver');
      expect(moved.timeZone).toBe('America/Denver');
      expect(await repos.workspaces.get(workspace.id)).toEqual(moved);
    });

    it('refuses settings that break their schema', async () => {
      const workspace = await buildWorkspace(repos);
      await expect(
        repos.workspaces.updateSettings(workspace.id, { ...DEFAULT_SETTINGS, checkinTime: '25:00' }),
      ).rejects.toThrow();
      expect((await repos.workspaces.get(workspace.id))?.settings).toEqual(DEFAULT_SETTINGS);
    });

    it('throws NotFoundError when updating a workspace that does not exist', async () => {
      await expect(repos.workspaces.updateSettings(crypto.randomUUID(), DEFAULT_SETTINGS)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });

  describe('members', () => {
    it('creates a member and reads it back by id and by external id', async () => {
      const workspace = await buildWorkspace(repos);
      const manager = await buildMember(repos, workspace.id, { role: 'manager', displayName: 'Dana Ortiz' });
      const member = await buildMember(repos, workspace.id, {
        displayName: 'Ana Núñez',
        title: 'Front Desk',
        team: 'Front office',
        managerId: manager.id,
        timeZone: 'America/New_York',
        locale: 'es',
        email: 'ana@example.org',
        startDate: '2026-03-02',
        snoozedUntil: '2026-04-01',
      });

      expect(member).toMatchObject({
        workspaceId: workspace.id,
        displayName: 'Ana Núñez',
        role: 'staff',
        title: 'Front Desk',
        team: 'Front office',
        managerId: manager.id,
        timeZone: 'America/New_York',
        locale: 'es',
        email: 'ana@example.org',
        startDate: '2026-03-02',
        active: true,
        snoozedUntil: '2026-04-01',
        optedOut: false,
      });
      expect(await repos.members.get(workspace.id, member.id)).toEqual(member);
      expect(await repos.members.findByExternal(workspace.id, member.externalId)).toEqual(member);
      expect(await repos.members.findByExternal(workspace.id, uniqueId('U'))).toBeNull();
    });

    it('lists active members by name, and inactive ones only when asked', async () => {
      const workspace = await buildWorkspace(repos);
      const zoe = await buildMember(repos, workspace.id, { displayName: 'Zoe' });
      const abe = await buildMember(repos, workspace.id, { displayName: 'Abe' });
      const gone = await buildMember(repos, workspace.id, { displayName: 'Moe', active: false });

      expect((await repos.members.list(workspace.id)).map((m) => m.id)).toEqual([abe.id, zoe.id]);
      expect((await repos.members.list(workspace.id, { includeInactive: true })).map((m) => m.id)).toEqual([
        abe.id,
        gone.id,
        zoe.id,
      ]);
    });

    it('lists active members by role', async () => {
      const workspace = await buildWorkspace(repos);
      const manager = await buildMember(repos, workspace.id, { role: 'manager', displayName: 'B' });
      const admin = await buildMember(repos, workspace.id, { role: 'admin', displayName: 'A' });
      await buildMember(repos, workspace.id, { role: 'staff' });
      await buildMember(repos, workspace.id, { role: 'manager', active: false });

      expect((await repos.members.listByRole(workspace.id, ['manager', 'admin'])).map((m) => m.id)).toEqual([
        admin.id,
        manager.id,
      ]);
      expect(await repos.members.listByRole(workspace.id, [])).toEqual([]);
    });

    it('updates only the fields in the patch, and null clears', async () => {
      const workspace = await buildWorkspace(repos);
      const manager = await buildMember(repos, workspace.id, { role: 'manager' });
      const member = await buildMember(repos, workspace.id, { managerId: manager.id, email: 'x@example.org' });

      const updated = await repos.members.update(workspace.id, member.id, {
        role: 'manager',
        snoozedUntil: '2026-12-20',
        email: null,
        managerId: null,
      });
      expect(updated).toEqual({ ...member, role: 'manager', snoozedUntil: '2026-12-20', email: null, managerId: null });

      const unchanged = await repos.members.update(workspace.id, member.id, {});
      expect(unchanged).toEqual(updated);
    });

    it('throws NotFoundError when updating a member that does not exist in the workspace', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const member = await buildMember(repos, a.id);

      await expect(repos.members.update(a.id, crypto.randomUUID(), { optedOut: true })).rejects.toBeInstanceOf(NotFoundError);
      await expect(repos.members.update(b.id, member.id, { optedOut: true })).rejects.toBeInstanceOf(NotFoundError);
      expect((await repos.members.get(a.id, member.id))?.optedOut).toBe(false);
    });

    it('keeps members of one workspace invisible from another', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const member = await buildMember(repos, a.id);

      expect(await repos.members.get(b.id, member.id)).toBeNull();
      expect(await repos.members.findByExternal(b.id, member.externalId)).toBeNull();
      expect(await repos.members.list(b.id, { includeInactive: true })).toEqual([]);
      expect(await repos.members.listByRole(b.id, ['staff', 'manager', 'admin'])).toEqual([]);
    });

    it('allows the same external id in two workspaces, but not twice in one', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const externalId = uniqueId('U');
      await buildMember(repos, a.id, { externalId });
      await buildMember(repos, b.id, { externalId });
      await expect(buildMember(repos, a.id, { externalId })).rejects.toThrow();
    });

    it('refuses a manager from another workspace', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const outsider = await buildMember(repos, b.id, { role: 'manager' });
      const member = await buildMember(repos, a.id);

      await expect(buildMember(repos, a.id, { managerId: outsider.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(repos.members.update(a.id, member.id, { managerId: outsider.id })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses a member of a workspace that does not exist', async () => {
      await expect(buildMember(repos, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('tasks', () => {
    it('ensures tasks by key: creates the missing ones, keeps existing ids and names, follows input order', async () => {
      const workspace = await buildWorkspace(repos);
      const first = await repos.tasks.ensure(workspace.id, [
        { key: 'phones', name: 'Phones' },
        { key: 'vitals', name: 'Vitals' },
      ]);
      expect(first.map((t) => [t.key, t.name, t.workspaceId])).toEqual([
        ['phones', 'Phones', workspace.id],
        ['vitals', 'Vitals', workspace.id],
      ]);

      const second = await repos.tasks.ensure(workspace.id, [
        { key: 'coding', name: 'Coding' },
        { key: 'phones', name: 'Renamed phones' },
        { key: 'coding', name: 'Coding again' },
      ]);
      expect(second.map((t) => [t.key, t.name])).toEqual([
        ['coding', 'Coding'],
        ['phones', 'Phones'],
      ]);
      expect(second[1]?.id).toBe(first[0]?.id);

      expect((await repos.tasks.list(workspace.id)).map((t) => t.key)).toEqual(['coding', 'phones', 'vitals']);
      expect(await repos.tasks.ensure(workspace.id, [])).toEqual([]);
    });

    it('keeps task keys per workspace', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const [taskA] = await repos.tasks.ensure(a.id, [{ key: 'phones', name: 'Phones' }]);
      const [taskB] = await repos.tasks.ensure(b.id, [{ key: 'phones', name: 'Phones' }]);
      expect(taskA?.id).not.toBe(taskB?.id);
      expect(await repos.tasks.list(b.id)).toEqual([taskB]);
    });

    it('removes a task with everyone’s skill in it, and only in its own workspace', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const member = await buildMember(repos, a.id);
      const [task] = await repos.tasks.ensure(a.id, [{ key: 'billing', name: 'Billing' }]);
      if (!task) throw new Error('no task');
      await repos.skills.upsert(a.id, { memberId: member.id, taskId: task.id, level: 'expert', ownJob: true });

      await repos.tasks.remove(b.id, task.id);
      expect(await repos.tasks.list(a.id)).toEqual([task]);

      await repos.tasks.remove(a.id, task.id);
      expect(await repos.tasks.list(a.id)).toEqual([]);
      expect(await repos.skills.listForMember(a.id, member.id)).toEqual([]);
    });
  });

  describe('skills', () => {
    it('upserts, lists and removes skills', async () => {
      const workspace = await buildWorkspace(repos);
      const ana = await buildMember(repos, workspace.id);
      const ben = await buildMember(repos, workspace.id);
      const [phones, vitals] = await repos.tasks.ensure(workspace.id, [
        { key: 'phones', name: 'Phones' },
        { key: 'vitals', name: 'Vitals' },
      ]);
      if (!phones || !vitals) throw new Error('no tasks');

      await repos.skills.upsert(workspace.id, { memberId: ana.id, taskId: phones.id, level: 'learning', ownJob: false });
      await repos.skills.upsert(workspace.id, { memberId: ana.id, taskId: phones.id, level: 'expert', ownJob: true });
      await repos.skills.upsert(workspace.id, { memberId: ana.id, taskId: vitals.id, level: 'trained', ownJob: false });
      await repos.skills.upsert(workspace.id, { memberId: ben.id, taskId: vitals.id, level: 'learning', ownJob: true });

      const anas = await repos.skills.listForMember(workspace.id, ana.id);
      expect(anas).toHaveLength(2);
      expect(anas).toContainEqual({ memberId: ana.id, taskId: phones.id, level: 'expert', ownJob: true });
      expect(anas).toContainEqual({ memberId: ana.id, taskId: vitals.id, level: 'trained', ownJob: false });
      expect(await repos.skills.listForWorkspace(workspace.id)).toHaveLength(3);

      await repos.skills.remove(workspace.id, ana.id, phones.id);
      expect(await repos.skills.listForMember(workspace.id, ana.id)).toEqual([
        { memberId: ana.id, taskId: vitals.id, level: 'trained', ownJob: false },
      ]);
    });

    it('refuses skills that name another workspace’s member or task, and never overwrites them', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const member = await buildMember(repos, a.id);
      const [task] = await repos.tasks.ensure(a.id, [{ key: 'phones', name: 'Phones' }]);
      if (!task) throw new Error('no task');
      const skill = { memberId: member.id, taskId: task.id, level: 'trained' as const, ownJob: false };
      await repos.skills.upsert(a.id, skill);

      await expect(repos.skills.upsert(b.id, { ...skill, level: 'learning' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        repos.skills.upsert(a.id, { ...skill, taskId: crypto.randomUUID() }),
      ).rejects.toBeInstanceOf(NotFoundError);

      expect(await repos.skills.listForMember(a.id, member.id)).toEqual([skill]);
      expect(await repos.skills.listForMember(b.id, member.id)).toEqual([]);
      expect(await repos.skills.listForWorkspace(b.id)).toEqual([]);
      await repos.skills.remove(b.id, member.id, task.id);
      expect(await repos.skills.listForMember(a.id, member.id)).toEqual([skill]);
    });
  });

  describe('time off', () => {
    it('adds time off and lists a member’s from a date on, the end day included', async () => {
      const workspace = await buildWorkspace(repos);
      const member = await buildMember(repos, workspace.id);
      const past = await repos.timeOff.add({
        workspaceId: workspace.id,
        memberId: member.id,
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        part: 'full',
        note: null,
      });
      const later = await repos.timeOff.add({
        workspaceId: workspace.id,
        memberId: member.id,
        startDate: '2026-07-10',
        endDate: '2026-07-10',
        part: 'afternoon',
        note: 'dentist',
      });

      expect(later).toEqual({
        id: expect.any(String),
        workspaceId: workspace.id,
        memberId: member.id,
        startDate: '2026-07-10',
        endDate: '2026-07-10',
        part: 'afternoon',
        note: 'dentist',
      });
      expect(await repos.timeOff.listForMember(workspace.id, member.id, '2026-06-05')).toEqual([past, later]);
      expect(await repos.timeOff.listForMember(workspace.id, member.id, '2026-06-06')).toEqual([later]);
      expect(await repos.timeOff.listForMember(workspace.id, member.id, '2026-07-11')).toEqual([]);
    });

    it('finds overlapping time off with both ends inclusive', async () => {
      const workspace = await buildWorkspace(repos);
      const ana = await buildMember(repos, workspace.id);
      const ben = await buildMember(repos, workspace.id);
      const add = (memberId: string, startDate: string, endDate: string) =>
        repos.timeOff.add({ workspaceId: workspace.id, memberId, startDate, endDate, part: 'full', note: null });
      const before = await add(ana.id, '2026-12-01', '2026-12-09');
      const touchesStart = await add(ana.id, '2026-12-05', '2026-12-10');
      const inside = await add(ben.id, '2026-12-12', '2026-12-13');
      const touchesEnd = await add(ben.id, '2026-12-20', '2026-12-31');
      const spans = await add(ana.id, '2026-11-01', '2027-01-31');
      await add(ben.id, '2026-12-21', '2026-12-22');

      const found = await repos.timeOff.listOverlapping(workspace.id, '2026-12-10', '2026-12-20');
      expect(found.map((t) => t.id).sort()).toEqual([touchesStart.id, inside.id, touchesEnd.id, spans.id].sort());
      expect(found.map((t) => t.id)).not.toContain(before.id);

      const oneDay = await repos.timeOff.listOverlapping(workspace.id, '2026-12-09', '2026-12-09');
      expect(oneDay.map((t) => t.id).sort()).toEqual([before.id, touchesStart.id, spans.id].sort());
    });

    it('keeps time off within its workspace', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const member = await buildMember(repos, a.id);
      const away = await repos.timeOff.add({
        workspaceId: a.id,
        memberId: member.id,
        startDate: '2026-05-04',
        endDate: '2026-05-08',
        part: 'morning',
        note: null,
      });

      expect(await repos.timeOff.listOverlapping(b.id, '2026-01-01', '2026-12-31')).toEqual([]);
      expect(await repos.timeOff.listForMember(b.id, member.id, '2026-01-01')).toEqual([]);
      await expect(
        repos.timeOff.add({ ...away, workspaceId: b.id }),
      ).rejects.toBeInstanceOf(NotFoundError);

      await repos.timeOff.remove(b.id, away.id);
      expect(await repos.timeOff.listForMember(a.id, member.id, '2026-01-01')).toEqual([away]);
      await repos.timeOff.remove(a.id, away.id);
      expect(await repos.timeOff.listForMember(a.id, member.id, '2026-01-01')).toEqual([]);
    });

    it('refuses time off that ends before it starts', async () => {
      const workspace = await buildWorkspace(repos);
      const member = await buildMember(repos, workspace.id);
      await expect(
        repos.timeOff.add({
          workspaceId: workspace.id,
          memberId: member.id,
          startDate: '2026-05-08',
          endDate: '2026-05-07',
          part: 'full',
          note: null,
        }),
      ).rejects.toThrow();
    });
  });

  describe('calendar dates', () => {
    // A date read through a JS Date shifts by a day east or west of UTC: try both extremes.
    it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])('round-trip exactly with TZ=%s', async (zone) => {
      const saved = process.env.TZ;
      process.env.TZ = zone;
      try {
        const workspace = await buildWorkspace(repos);
        const member = await buildMember(repos, workspace.id, { startDate: '2026-12-20', snoozedUntil: '2027-01-01' });
        const away = await repos.timeOff.add({
          workspaceId: workspace.id,
          memberId: member.id,
          startDate: '2026-12-20',
          endDate: '2026-12-31',
          part: 'full',
          note: null,
        });

        const read = await repos.members.get(workspace.id, member.id);
        expect(read?.startDate).toBe('2026-12-20');
        expect(read?.snoozedUntil).toBe('2027-01-01');
        const [readAway] = await repos.timeOff.listForMember(workspace.id, member.id, '2026-12-31');
        expect(readAway).toEqual(away);
        expect([readAway?.startDate, readAway?.endDate]).toEqual(['2026-12-20', '2026-12-31']);
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  });

  describe('mentoring profiles', () => {
    it('upserts, gets and lists profiles', async () => {
      const workspace = await buildWorkspace(repos);
      const member = await buildMember(repos, workspace.id);
      expect(await repos.profiles.get(workspace.id, member.id)).toBeNull();

      const profile = {
        memberId: member.id,
        teaches: ['prior-authorizations', 'coding'],
        learns: [],
        goals: 'Lead the front desk',
        capacity: 2,
        cadence: 'monthly' as const,
        optedIn: true,
      };
      await repos.profiles.upsert(workspace.id, profile);
      expect(await repos.profiles.get(workspace.id, member.id)).toEqual(profile);

      const changed = { ...profile, teaches: [], learns: ['phones'], capacity: 0, optedIn: false };
      await repos.profiles.upsert(workspace.id, changed);
      expect(await repos.profiles.get(workspace.id, member.id)).toEqual(changed);
      expect(await repos.profiles.list(workspace.id)).toEqual([changed]);
    });

    it('refuses a negative capacity', async () => {
      const workspace = await buildWorkspace(repos);
      const member = await buildMember(repos, workspace.id);
      await expect(
        repos.profiles.upsert(workspace.id, {
          memberId: member.id,
          teaches: [],
          learns: [],
          goals: '',
          capacity: -1,
          cadence: 'weekly',
          optedIn: true,
        }),
      ).rejects.toThrow();
    });

    it('keeps profiles within their workspace and never overwrites another’s', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const member = await buildMember(repos, a.id);
      const profile = { memberId: member.id, teaches: ['vitals'], learns: [], goals: '', capacity: 1, cadence: 'biweekly' as const, optedIn: true };
      await repos.profiles.upsert(a.id, profile);

      await expect(repos.profiles.upsert(b.id, { ...profile, goals: 'hijacked' })).rejects.toBeInstanceOf(NotFoundError);
      expect(await repos.profiles.get(b.id, member.id)).toBeNull();
      expect(await repos.profiles.list(b.id)).toEqual([]);
      expect(await repos.profiles.get(a.id, member.id)).toEqual(profile);
    });
  });

  describe('pairs', () => {
    async function twoMembers(workspace: Workspace) {
      return [await buildMember(repos, workspace.id), await buildMember(repos, workspace.id)] as const;
    }

    it('creates a pair with its instants, gets it and lists it for either member', async () => {
      const workspace = await buildWorkspace(repos);
      const [mentor, mentee] = await twoMembers(workspace);
      const other = await buildMember(repos, workspace.id);
      const at = '2026-03-02T15:04:05.678Z';

      const pair = await repos.pairs.create(
        {
          workspaceId: workspace.id,
          mentorId: mentor.id,
          menteeId: mentee.id,
          kind: 'mentoring',
          status: 'proposed',
          cadence: 'biweekly',
          focus: 'Prior authorizations',
          reason: 'Shares the billing team',
          mentorAccepted: false,
          menteeAccepted: false,
        },
        at,
      );
      expect(pair).toMatchObject({ workspaceId: workspace.id, createdAt: at, updatedAt: at, focus: 'Prior authorizations' });
      expect(await repos.pairs.get(workspace.id, pair.id)).toEqual(pair);
      expect(await repos.pairs.listForMember(workspace.id, mentor.id)).toEqual([pair]);
      expect(await repos.pairs.listForMember(workspace.id, mentee.id)).toEqual([pair]);
      expect(await repos.pairs.listForMember(workspace.id, other.id)).toEqual([]);
    });

    it('accepts an instant with an offset and returns it in UTC', async () => {
      const workspace = await buildWorkspace(repos);
      const [mentor, mentee] = await twoMembers(workspace);
      const pair = await repos.pairs.create(
        { workspaceId: workspace.id, mentorId: mentor.id, menteeId: mentee.id, kind: 'buddy', status: 'active', cadence: 'weekly', focus: null, reason: null, mentorAccepted: true, menteeAccepted: true },
        '2026-03-08T01:30:00.000-06:00',
      );
      expect(pair.createdAt).toBe('2026-03-08T07:30:00.000Z');
    });

    it('lists pairs by status', async () => {
      const workspace = await buildWorkspace(repos);
      const [a, b] = await twoMembers(workspace);
      const base = { workspaceId: workspace.id, kind: 'cross_training' as const, cadence: 'weekly' as const, focus: null, reason: null, mentorAccepted: false, menteeAccepted: false };
      const proposed = await repos.pairs.create({ ...base, mentorId: a.id, menteeId: b.id, status: 'proposed' }, '2026-01-01T00:00:00.000Z');
      const active = await repos.pairs.create({ ...base, mentorId: b.id, menteeId: a.id, status: 'active' }, '2026-01-02T00:00:00.000Z');
      await repos.pairs.create({ ...base, mentorId: a.id, menteeId: b.id, status: 'completed' }, '2026-01-03T00:00:00.000Z');

      expect(await repos.pairs.listByStatus(workspace.id, ['proposed', 'active'])).toEqual([proposed, active]);
      expect(await repos.pairs.listByStatus(workspace.id, ['paused'])).toEqual([]);
      expect(await repos.pairs.listByStatus(workspace.id, [])).toEqual([]);
    });

    it('updates the patched fields and updatedAt only', async () => {
      const workspace = await buildWorkspace(repos);
      const [mentor, mentee] = await twoMembers(workspace);
      const pair = await repos.pairs.create(
        { workspaceId: workspace.id, mentorId: mentor.id, menteeId: mentee.id, kind: 'reverse', status: 'proposed', cadence: 'monthly', focus: 'EHR shortcuts', reason: null, mentorAccepted: false, menteeAccepted: false },
        '2026-02-01T10:00:00.000Z',
      );

      const updated = await repos.pairs.update(
        workspace.id,
        pair.id,
        { mentorAccepted: true, status: 'active', focus: null },
        '2026-02-03T09:00:00.000Z',
      );
      expect(updated).toEqual({ ...pair, mentorAccepted: true, status: 'active', focus: null, updatedAt: '2026-02-03T09:00:00.000Z' });
      expect(await repos.pairs.get(workspace.id, pair.id)).toEqual(updated);
    });

    it('throws NotFoundError when updating a pair that is not in the workspace', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const [mentor, mentee] = await twoMembers(a);
      const pair = await repos.pairs.create(
        { workspaceId: a.id, mentorId: mentor.id, menteeId: mentee.id, kind: 'mentoring', status: 'proposed', cadence: 'weekly', focus: null, reason: null, mentorAccepted: false, menteeAccepted: false },
        '2026-02-01T10:00:00.000Z',
      );

      await expect(repos.pairs.update(a.id, crypto.randomUUID(), { status: 'active' }, '2026-02-02T00:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
      await expect(repos.pairs.update(b.id, pair.id, { status: 'active' }, '2026-02-02T00:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
      expect(await repos.pairs.get(b.id, pair.id)).toBeNull();
      expect(await repos.pairs.listForMember(b.id, mentor.id)).toEqual([]);
      expect(await repos.pairs.listByStatus(b.id, ['proposed'])).toEqual([]);
      expect((await repos.pairs.get(a.id, pair.id))?.status).toBe('proposed');
    });

    it('refuses a pair of one person, or with someone from another workspace', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const [mentor] = await twoMembers(a);
      const outsider = await buildMember(repos, b.id);
      const base = { workspaceId: a.id, kind: 'mentoring' as const, status: 'proposed' as const, cadence: 'weekly' as const, focus: null, reason: null, mentorAccepted: false, menteeAccepted: false };

      await expect(repos.pairs.create({ ...base, mentorId: mentor.id, menteeId: mentor.id }, '2026-02-01T10:00:00.000Z')).rejects.toThrow();
      await expect(repos.pairs.create({ ...base, mentorId: mentor.id, menteeId: outsider.id }, '2026-02-01T10:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('deliveries', () => {
    function newDelivery(workspaceId: string, memberIds: string[], overrides: Partial<OutboxItem> = {}): OutboxItem {
      return { workspaceId, key: uniqueId('checkin'), kind: 'checkin', memberIds, conversation: 'dm', message, ...overrides };
    }

    it('records a key once: the second record returns false and changes nothing', async () => {
      const workspace = await buildWorkspace(repos);
      const member = await buildMember(repos, workspace.id);
      const input = newDelivery(workspace.id, [member.id]);

      expect(await repos.deliveries.record(input, '2026-03-02T15:00:00.000Z')).toBe(true);
      expect(await repos.deliveries.record({ ...input, kind: 'other', memberIds: [] }, '2026-03-03T15:00:00.000Z')).toBe(false);

      expect(await repos.deliveries.get(input.key)).toEqual({
        id: expect.any(String),
        workspaceId: workspace.id,
        key: input.key,
        kind: 'checkin',
        memberIds: [member.id],
        conversation: 'dm',
        message,
        status: 'pending',
        platformMessageId: null,
        attempts: 0,
        sendingAt: null,
        lastError: null,
        createdAt: '2026-03-02T15:00:00.000Z',
        sentAt: null,
      });
      expect(await repos.deliveries.get(uniqueId('missing'))).toBeNull();
    });

    it('refuses a delivery for a workspace that does not exist', async () => {
      await expect(repos.deliveries.record(newDelivery(crypto.randomUUID(), []), '2026-03-02T15:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('walks a delivery through a failed attempt to sent', async () => {
      const workspace = await buildWorkspace(repos);
      const members = [await buildMember(repos, workspace.id), await buildMember(repos, workspace.id)];
      const input = newDelivery(workspace.id, members.map((m) => m.id), { conversation: 'group', kind: 'intro' });
      await repos.deliveries.record(input, '2026-03-02T15:00:00.000Z');

      await repos.deliveries.markSending(input.key, '2026-03-02T15:00:01.000Z');
      expect(await repos.deliveries.get(input.key)).toMatchObject({ status: 'pending', attempts: 1, sendingAt: '2026-03-02T15:00:01.000Z' });

      await repos.deliveries.markAttemptFailed(input.key, 'rate_limited: retry after 3000 ms');
      expect(await repos.deliveries.get(input.key)).toMatchObject({
        status: 'pending',
        attempts: 1,
        sendingAt: null,
        lastError: 'rate_limited: retry after 3000 ms',
      });

      await repos.deliveries.markSending(input.key, '2026-03-02T15:00:05.000Z');
      await repos.deliveries.markSent(input.key, 'msg-123', '2026-03-02T15:00:06.000Z');
      expect(await repos.deliveries.get(input.key)).toMatchObject({
        status: 'sent',
        attempts: 2,
        sendingAt: null,
        platformMessageId: 'msg-123',
        sentAt: '2026-03-02T15:00:06.000Z',
        memberIds: members.map((m) => m.id),
        conversation: 'group',
      });
    });

    it('treats sent as final: no new send starts and late failures change nothing', async () => {
      const workspace = await buildWorkspace(repos);
      const input = newDelivery(workspace.id, []);
      await repos.deliveries.record(input, '2026-03-02T15:00:00.000Z');
      await repos.deliveries.markSending(input.key, '2026-03-02T15:00:01.000Z');
      await repos.deliveries.markSent(input.key, 'msg-1', '2026-03-02T15:00:02.000Z');
      const sent = await repos.deliveries.get(input.key);

      await expect(repos.deliveries.markSending(input.key, '2026-03-02T15:00:03.000Z')).rejects.toBeInstanceOf(DeliveryNotPendingError);
      await repos.deliveries.markAttemptFailed(input.key, 'late');
      await repos.deliveries.markFailed(input.key, 'late');
      expect(await repos.deliveries.get(input.key)).toEqual(sent);
    });

    it('marks a delivery failed for good, keeping an in-doubt send visible', async () => {
      const workspace = await buildWorkspace(repos);
      const input = newDelivery(workspace.id, []);
      await repos.deliveries.record(input, '2026-03-02T15:00:00.000Z');
      await repos.deliveries.markSending(input.key, '2026-03-02T15:00:01.000Z');
      await repos.deliveries.markFailed(input.key, 'platform_rejected: user_not_found');

      expect(await repos.deliveries.get(input.key)).toMatchObject({
        status: 'failed',
        lastError: 'platform_rejected: user_not_found',
        sendingAt: '2026-03-02T15:00:01.000Z',
      });
      await expect(repos.deliveries.markSending(input.key, '2026-03-02T15:00:03.000Z')).rejects.toBeInstanceOf(DeliveryNotPendingError);
      // A message found on the platform after all is recorded as sent.
      await repos.deliveries.markSent(input.key, 'msg-found', '2026-03-02T16:00:00.000Z');
      expect((await repos.deliveries.get(input.key))?.status).toBe('sent');
    });

    it('throws NotFoundError when marking a key that was never recorded', async () => {
      const key = uniqueId('missing');
      await expect(repos.deliveries.markSending(key, '2026-03-02T15:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
      await expect(repos.deliveries.markSent(key, 'm', '2026-03-02T15:00:00.000Z')).rejects.toBeInstanceOf(NotFoundError);
      await expect(repos.deliveries.markAttemptFailed(key, 'e')).rejects.toBeInstanceOf(NotFoundError);
      await expect(repos.deliveries.markFailed(key, 'e')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('lists a workspace’s deliveries, optionally by status, and nobody else’s', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const first = newDelivery(a.id, []);
      const second = newDelivery(a.id, []);
      await repos.deliveries.record(first, '2026-03-02T15:00:00.000Z');
      await repos.deliveries.record(second, '2026-03-02T16:00:00.000Z');
      await repos.deliveries.markSending(second.key, '2026-03-02T16:00:01.000Z');
      await repos.deliveries.markSent(second.key, 'msg', '2026-03-02T16:00:02.000Z');

      expect((await repos.deliveries.list(a.id)).map((d) => d.key)).toEqual([first.key, second.key]);
      expect((await repos.deliveries.list(a.id, { status: 'pending' })).map((d) => d.key)).toEqual([first.key]);
      expect((await repos.deliveries.list(a.id, { status: 'sent' })).map((d) => d.key)).toEqual([second.key]);
      expect(await repos.deliveries.list(b.id)).toEqual([]);
    });

    it('lists pending deliveries recorded up to an instant, oldest first, across workspaces', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      // Instants far in the past, so other tests sharing this Postgres do not interleave.
      const older = newDelivery(b.id, []);
      const old = newDelivery(a.id, []);
      const sent = newDelivery(a.id, []);
      const newer = newDelivery(a.id, []);
      await repos.deliveries.record(old, '1990-01-01T00:00:02.000Z');
      await repos.deliveries.record(older, '1990-01-01T00:00:01.000Z');
      await repos.deliveries.record(sent, '1990-01-01T00:00:01.500Z');
      await repos.deliveries.record(newer, '1990-01-01T00:00:03.000Z');
      await repos.deliveries.markSent(sent.key, 'msg', '1990-01-01T00:00:04.000Z');

      const mine = new Set([older.key, old.key, sent.key, newer.key]);
      const pending = await repos.deliveries.listPending('1990-01-01T00:00:02.000Z', 1000);
      expect(pending.filter((d) => mine.has(d.key)).map((d) => d.key)).toEqual([older.key, old.key]);
      const instants = pending.map((d) => d.createdAt);
      expect(instants).toEqual([...instants].sort());

      expect(await repos.deliveries.listPending('1990-01-01T00:00:03.000Z', 1)).toHaveLength(1);
    });
  });

  describe('local clock', () => {
    it('keeps an offset per workspace, including one beyond 32 bits', async () => {
      const workspace = await buildWorkspace(repos);
      const other = await buildWorkspace(repos);
      const offsets: number[] = [];
      for (const ms of [86_400_000, 90 * 86_400_000]) {
        await repos.clock.setOffsetMs(workspace.id, ms);
        offsets.push(await repos.clock.getOffsetMs(workspace.id));
      }
      expect(offsets).toEqual([86_400_000, 7_776_000_000]);
      expect(await repos.clock.getOffsetMs(other.id)).toBe(0);
    });

    it('rounds a fractional offset and refuses one that is not finite', async () => {
      const workspace = await buildWorkspace(repos);
      await repos.clock.setOffsetMs(workspace.id, 1500.4);
      expect(await repos.clock.getOffsetMs(workspace.id)).toBe(1500);
      await expect(repos.clock.setOffsetMs(workspace.id, Number.NaN)).rejects.toBeInstanceOf(RangeError);
      await expect(repos.clock.setOffsetMs(workspace.id, Number.POSITIVE_INFINITY)).rejects.toBeInstanceOf(RangeError);
    });
  });

  describe('local inbox', () => {
    it('keeps messages per member, oldest first, and a repeated key adds nothing', async () => {
      const workspace = await buildWorkspace(repos);
      const [ana, ben] = [await buildMember(repos, workspace.id), await buildMember(repos, workspace.id)];
      const inbox = createLocalInboxStore(database.db);
      const at = '2026-03-02T15:00:00.000Z';

      const group = await inbox.add({ workspaceId: workspace.id, key: uniqueId('intro'), conversation: 'group', memberIds: [ana.id, ben.id], message, at });
      const dmKey = uniqueId('checkin');
      const dm = await inbox.add({ workspaceId: workspace.id, key: dmKey, conversation: 'dm', memberIds: [ana.id], message, at });
      expect(await inbox.add({ workspaceId: workspace.id, key: dmKey, conversation: 'dm', memberIds: [ana.id], message, at })).toBe(dm);

      expect(await inbox.listFor(workspace.id, ana.id)).toEqual([
        { id: group, at, conversation: 'group', memberIds: [ana.id, ben.id], message },
        { id: dm, at, conversation: 'dm', memberIds: [ana.id], message },
      ]);
      expect((await inbox.listFor(workspace.id, ben.id)).map((m) => m.id)).toEqual([group]);
      expect(await inbox.findByKey(workspace.id, dmKey)).toBe(dm);
      expect(await inbox.findByKey(workspace.id, uniqueId('missing'))).toBeNull();
    });

    it('updates a message in its own workspace only', async () => {
      const a = await buildWorkspace(repos);
      const b = await buildWorkspace(repos);
      const member = await buildMember(repos, a.id);
      const inbox = createLocalInboxStore(database.db);
      const key = uniqueId('checkin');
      const id = await inbox.add({ workspaceId: a.id, key, conversation: 'dm', memberIds: [member.id], message, at: '2026-03-02T15:00:00.000Z' });
      const edited: Message = { text: 'Thanks, noted', blocks: [] };

      await expect(inbox.update(b.id, id, edited)).rejects.toBeInstanceOf(NotFoundError);
      expect(await inbox.findByKey(b.id, key)).toBeNull();
      expect(await inbox.listFor(b.id, member.id)).toEqual([]);

      await inbox.update(a.id, id, edited);
      expect((await inbox.listFor(a.id, member.id))[0]?.message).toEqual(edited);
    });
  });

  describe('processed events', () => {
    it('is true the first time an event is seen and false for a repeat', async () => {
      const eventId = uniqueId('Ev');
      expect(await markEventProcessed(database.db, 'slack', eventId)).toBe(true);
      expect(await markEventProcessed(database.db, 'slack', eventId)).toBe(false);
      expect(await markEventProcessed(database.db, 'teams', eventId)).toBe(true);
    });

    // Pruning is database-wide, so it runs only where this suite owns the database.
    it.runIf(kind === 'pglite')('forgets events received before an instant', async () => {
      const eventId = uniqueId('Ev');
      await markEventProcessed(database.db, 'slack', eventId);
      await sql`update processed_events set received_at = '2020-01-01T00:00:00Z' where event_id = ${eventId}`.execute(database.db);
      const recent = uniqueId('Ev');
      await markEventProcessed(database.db, 'slack', recent);

      expect(await pruneProcessedEvents(database.db, '2021-01-01T00:00:00.000Z')).toBe(1);
      expect(await markEventProcessed(database.db, 'slack', eventId)).toBe(true);
      expect(await markEventProcessed(database.db, 'slack', recent)).toBe(false);
    });
  });
});
