// Members: the people of a workspace, their role, team, manager and availability flags.
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { MemberPatch, MemberRepo } from '../../src/core/people/repository.ts';
import type { Member } from '../../src/core/model.ts';
import type { Database, MembersTable } from '../schema.ts';
import { RowNotFoundError, rethrowMissingReference } from '../errors.ts';

const columns = [
  'id',
  'workspace_id',
  'external_id',
  'display_name',
  'role',
  'title',
  'team',
  'manager_id',
  'time_zone',
  'locale',
  'email',
  'start_date',
  'active',
  'snoozed_until',
  'opted_out',
] as const;

type Row = Pick<Selectable<MembersTable>, (typeof columns)[number]>;

function toMember(row: Row): Member {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    externalId: row.external_id,
    displayName: row.display_name,
    role: row.role,
    title: row.title,
    team: row.team,
    managerId: row.manager_id,
    timeZone: row.time_zone,
    locale: row.locale,
    email: row.email,
    startDate: row.start_date,
    active: row.active,
    snoozedUntil: row.snoozed_until,
    optedOut: row.opted_out,
  };
}

// Only the keys present in the patch are written: `undefined` means "leave as is", `null` clears.
function toUpdate(patch: MemberPatch): Updateable<MembersTable> {
  const set: Updateable<MembersTable> = {};
  if (patch.displayName !== undefined) set.display_name = patch.displayName;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.team !== undefined) set.team = patch.team;
  if (patch.managerId !== undefined) set.manager_id = patch.managerId;
  if (patch.timeZone !== undefined) set.time_zone = patch.timeZone;
  if (patch.locale !== undefined) set.locale = patch.locale;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.startDate !== undefined) set.start_date = patch.startDate;
  if (patch.active !== undefined) set.active = patch.active;
  if (patch.snoozedUntil !== undefined) set.snoozed_until = patch.snoozedUntil;
  if (patch.optedOut !== undefined) set.opted_out = patch.optedOut;
  return set;
}

export function createMemberRepo(db: Kysely<Database>): MemberRepo {
  const inWorkspace = (workspaceId: string) =>
    db.selectFrom('members').select(columns).where('workspace_id', '=', workspaceId);

  return {
    async get(workspaceId, id) {
      const row = await inWorkspace(workspaceId).where('id', '=', id).executeTakeFirst();
      return row ? toMember(row) : null;
    },

    async findByExternal(workspaceId, externalId) {
      const row = await inWorkspace(workspaceId).where('external_id', '=', externalId).executeTakeFirst();
      return row ? toMember(row) : null;
    },

    async list(workspaceId, opts) {
      let query = inWorkspace(workspaceId);
      if (!opts?.includeInactive) query = query.where('active', '=', true);
      const rows = await query.orderBy('display_name').orderBy('id').execute();
      return rows.map(toMember);
    },

    /** Active members only: inactive people have left and should not be asked or told anything. */
    async listByRole(workspaceId, roles) {
      if (roles.length === 0) return [];
      const rows = await inWorkspace(workspaceId)
        .where('active', '=', true)
        .where('role', 'in', roles)
        .orderBy('display_name')
        .orderBy('id')
        .execute();
      return rows.map(toMember);
    },

    async create(input) {
      const row = await db
        .insertInto('members')
        .values({
          id: crypto.randomUUID(),
          workspace_id: input.workspaceId,
          external_id: input.externalId,
          display_name: input.displayName,
          role: input.role,
          title: input.title,
          team: input.team,
          manager_id: input.managerId,
          time_zone: input.timeZone,
          locale: input.locale,
          email: input.email,
          start_date: input.startDate,
          active: input.active,
          snoozed_until: input.snoozedUntil,
          opted_out: input.optedOut,
        })
        .returning(columns)
        .executeTakeFirstOrThrow()
        .catch((error: unknown) =>
          rethrowMissingReference(
            error,
            input.managerId ? 'workspace or manager' : 'workspace',
            input.managerId ? { workspaceId: input.workspaceId, managerId: input.managerId } : { workspaceId: input.workspaceId },
          ),
        );
      return toMember(row);
    },

    async update(workspaceId, id, patch) {
      const row = await db
        .updateTable('members')
        .set({ ...toUpdate(patch), updated_at: sql<string>`now()` })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirst()
        .catch((error: unknown) =>
          rethrowMissingReference(error, 'manager', { workspaceId, managerId: String(patch.managerId) }),
        );
      if (!row) throw new RowNotFoundError('member', { workspaceId, id });
      return toMember(row);
    },
  };
}
