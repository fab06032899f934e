// Workspaces: one per Slack team, Teams tenant or local practice, with their settings.
import type { Kysely, Selectable } from 'kysely';
import type { WorkspaceRepo } from '../../src/core/repositories.ts';
import type { Platform, Workspace, WorkspaceSettings } from '../../src/core/model.ts';
import type { Database, WorkspacesTable } from '../schema.ts';
import { RowNotFoundError } from '../errors.ts';
import { parseSettings, settingsJson } from '../json.ts';

const columns = ['id', 'platform', 'external_id', 'name', 'time_zone', 'locale', 'settings'] as const;

type Row = Pick<Selectable<WorkspacesTable>, (typeof columns)[number]>;

function toWorkspace(row: Row): Workspace {
  return {
    id: row.id,
    platform: row.platform,
    externalId: row.external_id,
    name: row.name,
    timeZone: row.time_zone,
    locale: row.locale,
    settings: parseSettings(row.settings),
  };
}

export function createWorkspaceRepo(db: Kysely<Database>): WorkspaceRepo {
  return {
    async get(id) {
      const row = await db.selectFrom('workspaces').select(columns).where('id', '=', id).executeTakeFirst();
      return row ? toWorkspace(row) : null;
    },

    async findByExternal(platform: Platform, externalId: string) {
      const row = await db
        .selectFrom('workspaces')
        .select(columns)
        .where('platform', '=', platform)
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      return row ? toWorkspace(row) : null;
    },

    async create(input) {
      const row = await db
        .insertInto('workspaces')
        .values({
          id: crypto.randomUUID(),
          platform: input.platform,
          external_id: input.externalId,
          name: input.name,
          time_zone: input.timeZone,
          locale: input.locale,
          settings: settingsJson(input.settings),
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return toWorkspace(row);
    },

    async updateSettings(id: string, settings: WorkspaceSettings, timeZone?: string) {
      const row = await db
        .updateTable('workspaces')
        .set({ settings: settingsJson(settings), ...(timeZone === undefined ? {} : { time_zone: timeZone }) })
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirst();
      if (!row) throw new RowNotFoundError('workspace', { id });
      return toWorkspace(row);
    },

    async listIds() {
      const rows = await db.selectFrom('workspaces').select('id').orderBy('id').execute();
      return rows.map((row) => row.id);
    },
  };
}
