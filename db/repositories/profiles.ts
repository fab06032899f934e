// Mentoring profiles: what a member can teach, wants to learn, and how much mentoring they take on.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ProfileRepo } from '../../src/core/mentoring/repository.ts';
import type { MentoringProfile } from '../../src/core/model.ts';
import type { Database, MentoringProfilesTable } from '../schema.ts';
import { RowNotFoundError, rethrowMissingReference } from '../errors.ts';
import { parseStringList, toJson } from '../json.ts';

const columns = ['member_id', 'teaches', 'learns', 'goals', 'capacity', 'cadence', 'opted_in', 'requested_topic'] as const;

type Row = Pick<Selectable<MentoringProfilesTable>, (typeof columns)[number]>;

function toProfile(row: Row): MentoringProfile {
  return {
    memberId: row.member_id,
    teaches: parseStringList(row.teaches),
    learns: parseStringList(row.learns),
    goals: row.goals,
    capacity: row.capacity,
    cadence: row.cadence,
    optedIn: row.opted_in,
    ...(row.requested_topic === null ? {} : { requested: row.requested_topic }),
  };
}

export function createProfileRepo(db: Kysely<Database>): ProfileRepo {
  const inWorkspace = (workspaceId: string) =>
    db.selectFrom('mentoring_profiles').select(columns).where('workspace_id', '=', workspaceId);

  return {
    async get(workspaceId, memberId) {
      const row = await inWorkspace(workspaceId).where('member_id', '=', memberId).executeTakeFirst();
      return row ? toProfile(row) : null;
    },

    async list(workspaceId) {
      const rows = await inWorkspace(workspaceId).orderBy('member_id').execute();
      return rows.map(toProfile);
    },

    /** Throws RowNotFoundError when the member is not in the workspace. */
    async upsert(workspaceId, profile) {
      const key = { workspaceId, memberId: profile.memberId };
      const row = await db
        .insertInto('mentoring_profiles')
        .values({
          workspace_id: workspaceId,
          member_id: profile.memberId,
          teaches: toJson(profile.teaches),
          learns: toJson(profile.learns),
          goals: profile.goals,
          capacity: profile.capacity,
          cadence: profile.cadence,
          opted_in: profile.optedIn,
          requested_topic: profile.requested ?? null,
        })
        .onConflict((oc) =>
          oc
            .column('member_id')
            .doUpdateSet((eb) => ({
              teaches: eb.ref('excluded.teaches'),
              learns: eb.ref('excluded.learns'),
              goals: eb.ref('excluded.goals'),
              capacity: eb.ref('excluded.capacity'),
              cadence: eb.ref('excluded.cadence'),
              opted_in: eb.ref('excluded.opted_in'),
              requested_topic: eb.ref('excluded.requested_topic'),
              updated_at: sql<string>`now()`,
            }))
            // Foreign keys are not re-checked on the conflict path; this keeps other workspaces out.
            .where('mentoring_profiles.workspace_id', '=', workspaceId),
        )
        .returning('member_id')
        .executeTakeFirst()
        .catch((error: unknown) => rethrowMissingReference(error, 'member', key));
      if (!row) throw new RowNotFoundError('member', key);
    },
  };
}
