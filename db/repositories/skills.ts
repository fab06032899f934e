// Member skills: who can do which task, at what level, and whether it is their own job.
import type { Kysely } from 'kysely';
import type { SkillRepo } from '../../src/core/coverage/repository.ts';
import type { MemberSkill, SkillLevel } from '../../src/core/model.ts';
import type { Database } from '../schema.ts';
import { RowNotFoundError, rethrowMissingReference } from '../errors.ts';

const columns = ['member_id', 'task_id', 'level', 'own_job'] as const;

function toSkill(row: { member_id: string; task_id: string; level: SkillLevel; own_job: boolean }): MemberSkill {
  return { memberId: row.member_id, taskId: row.task_id, level: row.level, ownJob: row.own_job };
}

export function createSkillRepo(db: Kysely<Database>): SkillRepo {
  return {
    async listForMember(workspaceId, memberId) {
      const rows = await db
        .selectFrom('member_skills')
        .select(columns)
        .where('workspace_id', '=', workspaceId)
        .where('member_id', '=', memberId)
        .orderBy('task_id')
        .execute();
      return rows.map(toSkill);
    },

    async listForWorkspace(workspaceId) {
      const rows = await db
        .selectFrom('member_skills')
        .select(columns)
        .where('workspace_id', '=', workspaceId)
        .orderBy('member_id')
        .orderBy('task_id')
        .execute();
      return rows.map(toSkill);
    },

    /** Throws RowNotFoundError when the member or the task is not in this workspace. */
    async upsert(workspaceId, skill) {
      const key = { workspaceId, memberId: skill.memberId, taskId: skill.taskId };
      const row = await db
        .insertInto('member_skills')
        .values({
          workspace_id: workspaceId,
          member_id: skill.memberId,
          task_id: skill.taskId,
          level: skill.level,
          own_job: skill.ownJob,
        })
        .onConflict((oc) =>
          oc
            .columns(['member_id', 'task_id'])
            .doUpdateSet((eb) => ({ level: eb.ref('excluded.level'), own_job: eb.ref('excluded.own_job') }))
            // The conflicting row's foreign keys are not checked again: without this guard a
            // caller naming another workspace could overwrite that workspace's skill.
            .where('member_skills.workspace_id', '=', workspaceId),
        )
        .returning('member_id')
        .executeTakeFirst()
        .catch((error: unknown) => rethrowMissingReference(error, 'member or task', key));
      if (!row) throw new RowNotFoundError('member or task', key);
    },

    async remove(workspaceId, memberId, taskId) {
      await db
        .deleteFrom('member_skills')
        .where('workspace_id', '=', workspaceId)
        .where('member_id', '=', memberId)
        .where('task_id', '=', taskId)
        .execute();
    },
  };
}
