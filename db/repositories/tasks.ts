// Tasks: the jobs of a practice (rooming, phones, billing…) that the skills matrix is about.
import type { Kysely } from 'kysely';
import type { TaskRepo } from '../../src/core/coverage/repository.ts';
import type { Task } from '../../src/core/model.ts';
import type { Database } from '../schema.ts';

const columns = ['id', 'workspace_id', 'key', 'name'] as const;

function toTask(row: { id: string; workspace_id: string; key: string; name: string }): Task {
  return { id: row.id, workspaceId: row.workspace_id, key: row.key, name: row.name };
}

export function createTaskRepo(db: Kysely<Database>): TaskRepo {
  return {
    async list(workspaceId) {
      const rows = await db
        .selectFrom('tasks')
        .select(columns)
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .orderBy('key')
        .execute();
      return rows.map(toTask);
    },

    /** Existing tasks keep their name; the result follows the order of `tasks`. */
    async ensure(workspaceId, tasks) {
      if (tasks.length === 0) return [];
      // A key listed twice counts once, with its first name.
      const unique = tasks.filter((task, index) => tasks.findIndex((other) => other.key === task.key) === index);
      // do nothing (not a no-op update) so a concurrent ensure of the same key cannot fail.
      await db
        .insertInto('tasks')
        .values(unique.map((task) => ({ id: crypto.randomUUID(), workspace_id: workspaceId, key: task.key, name: task.name })))
        .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
        .execute();
      const rows = await db
        .selectFrom('tasks')
        .select(columns)
        .where('workspace_id', '=', workspaceId)
        .where(
          'key',
          'in',
          unique.map((task) => task.key),
        )
        .execute();
      const byKey = new Map(rows.map((row) => [row.key, toTask(row)]));
      return unique.flatMap((task) => byKey.get(task.key) ?? []);
    },

    /** Removing a task also removes everyone's skill in it. */
    async remove(workspaceId, taskId) {
      await db.deleteFrom('tasks').where('workspace_id', '=', workspaceId).where('id', '=', taskId).execute();
    },
  };
}
