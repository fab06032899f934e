// Mentoring's records beside the pairs: matching runs and proposals, approvals, reflections, and the pair moves that must be atomic.
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { PairStatus } from '../../src/core/model.ts';
import type { MatchProposal, MatchRun, MentoringRepo, PairApproval, RunUnmatched } from '../../src/core/mentoring/repository.ts';
import type { Database, MatchProposalsTable, MatchRunsTable } from '../schema.ts';
import { rethrowMissingReference } from '../errors.ts';
import { parseStringList, toJson } from '../json.ts';
import { instant, toIso } from './convert.ts';
import { pairColumns, toPair } from './pairs.ts';

const reasonSchema = z.object({
  mentorName: z.string(),
  menteeName: z.string(),
  topics: z.array(z.string()),
  expertTopics: z.array(z.string()),
  goalWords: z.array(z.string()),
  differentTeam: z.boolean(),
  mentorMoreSenior: z.boolean(),
  reverse: z.boolean(),
});

const unmatchedSchema = z.array(
  z.object({
    menteeId: z.string(),
    why: z.enum([
      'not_eligible',
      'no_learning_topics',
      'no_teacher_for_topics',
      'teachers_unavailable',
      'mentors_at_capacity',
      'only_own_manager',
      'recent_pair',
      'introduced_this_week',
      'mentoring_this_run',
    ]),
    blockers: z.array(z.enum(['not_opted_in', 'inactive', 'snoozed', 'out'])).optional(),
  }),
);

const runColumns = ['id', 'workspace_id', 'member_id', 'preview', 'unmatched', 'created_at'] as const;
const proposalColumns = ['id', 'workspace_id', 'run_id', 'position', 'mentor_id', 'mentee_id', 'kind', 'score', 'topics', 'reason', 'status', 'pair_id'] as const;

function toRun(row: Pick<Selectable<MatchRunsTable>, (typeof runColumns)[number]>): MatchRun {
  const unmatched: RunUnmatched[] = unmatchedSchema.parse(row.unmatched).map((u) => (u.blockers ? { ...u, blockers: u.blockers } : { menteeId: u.menteeId, why: u.why }));
  return { id: row.id, workspaceId: row.workspace_id, memberId: row.member_id, preview: row.preview, unmatched, createdAt: toIso(row.created_at) };
}

function toProposal(row: Pick<Selectable<MatchProposalsTable>, (typeof proposalColumns)[number]>): MatchProposal {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    runId: row.run_id,
    position: row.position,
    mentorId: row.mentor_id,
    menteeId: row.mentee_id,
    kind: row.kind,
    score: row.score,
    topics: parseStringList(row.topics),
    reason: reasonSchema.parse(row.reason),
    status: row.status,
    pairId: row.pair_id,
  };
}


export function createMentoringRepo(db: Kysely<Database>): MentoringRepo {
  const proposals = (workspaceId: string) => db.selectFrom('match_proposals').select(proposalColumns).where('workspace_id', '=', workspaceId);

  return {
    /** Throws RowNotFoundError when the manager or someone proposed is not in the workspace. */
    async createRun(run, list) {
      const id = crypto.randomUUID();
      const key = { workspaceId: run.workspaceId, memberId: run.memberId };
      await db
        .updateTable('match_proposals')
        .set({ status: 'stale', decided_at: run.createdAt })
        .where('workspace_id', '=', run.workspaceId)
        .where('status', '=', 'pending')
        .execute();
      const row = await db
        .insertInto('match_runs')
        .values({
          id,
          workspace_id: run.workspaceId,
          member_id: run.memberId,
          preview: run.preview,
          unmatched: JSON.stringify(unmatchedSchema.parse(run.unmatched)),
          created_at: run.createdAt,
        })
        .returning(runColumns)
        .executeTakeFirstOrThrow()
        .catch((error: unknown) => rethrowMissingReference(error, 'workspace or member', key));
      if (list.length === 0) return { run: toRun(row), proposals: [] };
      const rows = await db
        .insertInto('match_proposals')
        .values(
          list.map((p) => ({
            id: crypto.randomUUID(),
            workspace_id: run.workspaceId,
            run_id: id,
            position: p.position,
            mentor_id: p.mentorId,
            mentee_id: p.menteeId,
            kind: p.kind,
            score: p.score,
            topics: toJson(p.topics),
            reason: JSON.stringify(reasonSchema.parse(p.reason)),
          })),
        )
        .returning(proposalColumns)
        .execute()
        .catch((error: unknown) => rethrowMissingReference(error, 'mentor or mentee', key));
      return { run: toRun(row), proposals: rows.map(toProposal).sort((a, b) => a.position - b.position) };
    },

    async getRun(workspaceId, id) {
      const row = await db.selectFrom('match_runs').select(runColumns).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return row ? toRun(row) : null;
    },

    async listProposals(workspaceId, runId) {
      const rows = await proposals(workspaceId).where('run_id', '=', runId).orderBy('position').execute();
      return rows.map(toProposal);
    },

    async getProposal(workspaceId, id) {
      const row = await proposals(workspaceId).where('id', '=', id).executeTakeFirst();
      return row ? toProposal(row) : null;
    },

    async decideProposal(workspaceId, id, status, by, at) {
      const result = await db
        .updateTable('match_proposals')
        .set({ status, decided_by: by, decided_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async linkProposal(workspaceId, id, pairId) {
      await db.updateTable('match_proposals').set({ pair_id: pairId }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    async recordApproval(approval) {
      await db
        .insertInto('pair_approvals')
        .values({
          pair_id: approval.pairId,
          workspace_id: approval.workspaceId,
          source: approval.source,
          approved_by: approval.approvedBy,
          created_at: approval.createdAt,
        })
        .execute()
        .catch((error: unknown) => rethrowMissingReference(error, 'pair', { workspaceId: approval.workspaceId, pairId: approval.pairId }));
    },

    async getApproval(workspaceId, pairId) {
      const row = await db
        .selectFrom('pair_approvals')
        .select(['pair_id', 'workspace_id', 'source', 'approved_by', 'created_at'])
        .where('workspace_id', '=', workspaceId)
        .where('pair_id', '=', pairId)
        .executeTakeFirst();
      if (!row) return null;
      const approval: PairApproval = {
        pairId: row.pair_id,
        workspaceId: row.workspace_id,
        source: row.source,
        approvedBy: row.approved_by,
        createdAt: toIso(row.created_at),
      };
      return approval;
    },

    async matchIntroducedSince(workspaceId, since) {
      const rows = await db
        .selectFrom('pair_approvals')
        .innerJoin('pairs', 'pairs.id', 'pair_approvals.pair_id')
        .select(['pairs.mentor_id', 'pairs.mentee_id'])
        .where('pair_approvals.workspace_id', '=', workspaceId)
        .where('pair_approvals.source', '=', 'match')
        .where('pair_approvals.created_at', '>=', instant(since))
        .execute();
      return [...new Set(rows.flatMap((r) => [r.mentor_id, r.mentee_id]))].sort();
    },

    async answerIntro(workspaceId, pairId, side, accept, at) {
      // One statement, so two people accepting at the same moment still make the pair active exactly once:
      // the second update waits for the first and sees its acceptance.
      const other = side === 'mentor' ? sql.ref<boolean>('mentee_accepted') : sql.ref<boolean>('mentor_accepted');
      const set = accept
        ? {
            ...(side === 'mentor' ? { mentor_accepted: true } : { mentee_accepted: true }),
            status: sql<PairStatus>`case when ${other} then 'active' else status end`,
            updated_at: at,
          }
        : { status: 'declined' as const, updated_at: at };
      const row = await db
        .updateTable('pairs')
        .set(set)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', pairId)
        .where('status', '=', 'proposed')
        .returning(pairColumns)
        .executeTakeFirst();
      return row ? toPair(row) : null;
    },

    async movePair(workspaceId, pairId, from, to, at) {
      if (from.length === 0) return null;
      const row = await db
        .updateTable('pairs')
        .set({ status: to, updated_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', pairId)
        .where('status', 'in', from)
        .returning(pairColumns)
        .executeTakeFirst();
      return row ? toPair(row) : null;
    },

    async saveReflection(workspaceId, reflection, at) {
      await db
        .insertInto('pair_reflections')
        .values({ pair_id: reflection.pairId, member_id: reflection.memberId, workspace_id: workspaceId, text: reflection.text, created_at: at, updated_at: at })
        .onConflict((oc) =>
          oc
            .columns(['pair_id', 'member_id'])
            .doUpdateSet({ text: reflection.text, updated_at: at })
            .where('pair_reflections.workspace_id', '=', workspaceId),
        )
        .execute()
        .catch((error: unknown) => rethrowMissingReference(error, 'pair or member', { workspaceId, pairId: reflection.pairId, memberId: reflection.memberId }));
    },

    async getReflection(workspaceId, pairId, memberId) {
      const row = await db
        .selectFrom('pair_reflections')
        .select(['pair_id', 'member_id', 'text', 'created_at', 'updated_at'])
        .where('workspace_id', '=', workspaceId)
        .where('pair_id', '=', pairId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row
        ? { pairId: row.pair_id, memberId: row.member_id, text: row.text, createdAt: toIso(row.created_at), updatedAt: toIso(row.updated_at) }
        : null;
    },
  };
}
