// Check-ins: a member's weekly check-in, their answers per pair (notes and ratings private), pauses, and pair activity.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Checkin, CheckinAnswer, CheckinMemberState, CheckinOutcome, CheckinParticipation, CheckinRepo, CheckinStatus, DeliveryState } from '../../src/core/checkins/repository.ts';
import { deliveryKey } from '../../src/core/deliveries/kinds.ts';
import type { DeliveryStatus } from '../../src/core/model.ts';
import type { CheckinAnswersTable, CheckinsTable, Database } from '../schema.ts';
import { RowNotFoundError, rethrowMissingReference } from '../errors.ts';
import { parseStringList } from '../json.ts';
import { instant, toIso, toIsoOrNull } from './convert.ts';

const columns = ['id', 'workspace_id', 'member_id', 'iso_week', 'pair_ids', 'delivery_key', 'reminder_key', 'created_at', 'answered_at'] as const;
const answerColumns = ['checkin_id', 'pair_id', 'member_id', 'outcome', 'rating', 'note', 'answered_at', 'help_requested_at'] as const;

type Row = Pick<Selectable<CheckinsTable>, (typeof columns)[number]>;
type AnswerRow = Pick<Selectable<CheckinAnswersTable>, (typeof answerColumns)[number]>;
type StatusRow = Row & {
  delivery_status: DeliveryStatus | null;
  delivery_sent_at: Date | null;
  reminder_status: DeliveryStatus | null;
  reminder_sent_at: Date | null;
};

/** The delivery keys of a member's check-in of a week and of its reminder (globally unique: the member id is a uuid). */
function checkinKeys(memberId: string, isoWeek: string): { deliveryKey: string; reminderKey: string } {
  return { deliveryKey: deliveryKey('checkin', memberId, isoWeek), reminderKey: deliveryKey('checkin_reminder', memberId, isoWeek) };
}

function toCheckin(row: Row): Checkin {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    memberId: row.member_id,
    isoWeek: row.iso_week,
    pairIds: parseStringList(row.pair_ids),
    deliveryKey: row.delivery_key,
    reminderKey: row.reminder_key,
    createdAt: toIso(row.created_at),
    answeredAt: toIsoOrNull(row.answered_at),
  };
}

function state(status: DeliveryStatus | null, sentAt: Date | null): DeliveryState {
  return status === null ? null : { status, sentAt: toIsoOrNull(sentAt) };
}

function toStatus(row: StatusRow): CheckinStatus {
  return {
    ...toCheckin(row),
    delivery: state(row.delivery_status, row.delivery_sent_at),
    reminder: state(row.reminder_status, row.reminder_sent_at),
  };
}

function toAnswer(row: AnswerRow): CheckinAnswer {
  return {
    checkinId: row.checkin_id,
    pairId: row.pair_id,
    memberId: row.member_id,
    outcome: row.outcome,
    rating: row.rating,
    note: row.note,
    answeredAt: toIso(row.answered_at),
    helpRequestedAt: toIsoOrNull(row.help_requested_at),
  };
}

export function createCheckinRepo(db: Kysely<Database>): CheckinRepo {
  /** Check-ins joined with their delivery and reminder. */
  const withStatus = (workspaceId: string) =>
    db
      .selectFrom('checkins as c')
      .leftJoin('deliveries as d', 'd.key', 'c.delivery_key')
      .leftJoin('deliveries as r', 'r.key', 'c.reminder_key')
      .select(columns.map((c) => `c.${c}` as const))
      .select([
        'd.status as delivery_status',
        'd.sent_at as delivery_sent_at',
        'r.status as reminder_status',
        'r.sent_at as reminder_sent_at',
      ])
      .where('c.workspace_id', '=', workspaceId);

  async function findForWeek(workspaceId: string, memberId: string, isoWeek: string): Promise<Checkin | null> {
    const row = await db
      .selectFrom('checkins')
      .select(columns)
      .where('workspace_id', '=', workspaceId)
      .where('member_id', '=', memberId)
      .where('iso_week', '=', isoWeek)
      .executeTakeFirst();
    return row ? toCheckin(row) : null;
  }

  return {
    /** Throws RowNotFoundError when the member is not in the workspace. */
    async ensure(input, at) {
      const keys = checkinKeys(input.memberId, input.isoWeek);
      const pairIds = JSON.stringify(parseStringList(input.pairIds));
      await db
        .insertInto('checkins')
        .values({
          id: crypto.randomUUID(),
          workspace_id: input.workspaceId,
          member_id: input.memberId,
          iso_week: input.isoWeek,
          pair_ids: pairIds,
          delivery_key: keys.deliveryKey,
          reminder_key: keys.reminderKey,
          created_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['workspace_id', 'member_id', 'iso_week'])
            .doUpdateSet({ pair_ids: pairIds })
            .where('checkins.answered_at', 'is', null),
        )
        .execute()
        .catch((error: unknown) => rethrowMissingReference(error, 'member', { workspaceId: input.workspaceId, memberId: input.memberId }));
      const row = await findForWeek(input.workspaceId, input.memberId, input.isoWeek);
      if (!row) throw new RowNotFoundError('checkin', { workspaceId: input.workspaceId, memberId: input.memberId, isoWeek: input.isoWeek });
      return row;
    },

    async get(workspaceId, id) {
      const row = await db.selectFrom('checkins').select(columns).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return row ? toCheckin(row) : null;
    },

    findForWeek,

    async listForWeeks(workspaceId, isoWeeks) {
      if (isoWeeks.length === 0) return [];
      const rows = await withStatus(workspaceId).where('c.iso_week', 'in', isoWeeks).orderBy('c.created_at').orderBy('c.id').execute();
      return rows.map(toStatus);
    },

    async recentSent(workspaceId, memberIds, perMember) {
      if (memberIds.length === 0) return [];
      const ranked = withStatus(workspaceId)
        .leftJoin('checkin_members as m', 'm.member_id', 'c.member_id')
        .select(sql<number>`row_number() over (partition by c.member_id order by c.iso_week desc)`.as('n'))
        .where('c.member_id', 'in', memberIds)
        // Sent, or answered after `checkin` showed it on demand: either way it reached the member.
        .where((eb) => eb.or([eb('d.status', '=', 'sent'), eb('c.answered_at', 'is not', null)]))
        // A resume starts the count of unanswered check-ins again.
        .where((eb) =>
          eb.or([eb('m.resumed_at', 'is', null), eb(eb.fn.coalesce('d.sent_at', 'c.answered_at'), '>', eb.ref('m.resumed_at'))]),
        );
      const rows = await db
        .selectFrom(ranked.as('t'))
        .selectAll()
        .where('t.n', '<=', perMember)
        .orderBy('t.member_id')
        .orderBy('t.iso_week', 'desc')
        .execute();
      return rows.map(toStatus);
    },

    async saveAnswer(input, at) {
      const values = {
        checkin_id: input.checkinId,
        pair_id: input.pairId,
        workspace_id: input.workspaceId,
        member_id: input.memberId,
        outcome: input.outcome ?? null,
        rating: input.rating ?? null,
        note: input.note ?? null,
        answered_at: at,
      };
      const write = async (trx: Kysely<Database>) => {
        const saved = await trx
          .insertInto('checkin_answers')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['checkin_id', 'pair_id']).doUpdateSet({
              answered_at: at,
              ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
              ...(input.rating !== undefined ? { rating: input.rating } : {}),
              ...(input.note !== undefined ? { note: input.note } : {}),
            }),
          )
          .returning(answerColumns)
          .executeTakeFirstOrThrow()
          .catch((error: unknown) => rethrowMissingReference(error, 'checkin or pair', { checkinId: input.checkinId, pairId: input.pairId }));
        await trx
          .updateTable('checkins')
          .set({ answered_at: at })
          .where('workspace_id', '=', input.workspaceId)
          .where('id', '=', input.checkinId)
          .where('answered_at', 'is', null)
          .execute();
        return saved;
      };
      // Inside a transaction already (withTransaction): join it rather than nest.
      const row = db.isTransaction ? await write(db) : await db.transaction().execute(write);
      return toAnswer(row);
    },

    async listAnswers(workspaceId, checkinId) {
      const rows = await db
        .selectFrom('checkin_answers')
        .select(answerColumns)
        .where('workspace_id', '=', workspaceId)
        .where('checkin_id', '=', checkinId)
        .orderBy('pair_id')
        .execute();
      return rows.map(toAnswer);
    },

    async markHelpRequested(workspaceId, checkinId, pairId, at) {
      const updated = await db
        .updateTable('checkin_answers')
        .set({ help_requested_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('checkin_id', '=', checkinId)
        .where('pair_id', '=', pairId)
        .where('help_requested_at', 'is', null)
        .returning('pair_id')
        .executeTakeFirst();
      return updated !== undefined;
    },

    // Selects no note and no rating: a report cannot show what it never read.
    async participationSince(workspaceId, since) {
      const checkins = await withStatus(workspaceId).where('c.created_at', '>=', instant(since)).orderBy('c.created_at').orderBy('c.id').execute();
      if (checkins.length === 0) return [];
      const answers = await db
        .selectFrom('checkin_answers as a')
        .innerJoin('checkins as c', 'c.id', 'a.checkin_id')
        .select(['a.checkin_id', 'a.pair_id', 'a.outcome'])
        .where('a.workspace_id', '=', workspaceId)
        .where('c.created_at', '>=', instant(since))
        .execute();
      const outcomes = new Map<string, Record<string, CheckinOutcome | null>>();
      for (const a of answers) {
        const byPair = outcomes.get(a.checkin_id) ?? {};
        byPair[a.pair_id] = a.outcome;
        outcomes.set(a.checkin_id, byPair);
      }
      return checkins.map(
        (row): CheckinParticipation => ({
          checkinId: row.id,
          memberId: row.member_id,
          isoWeek: row.iso_week,
          pairIds: parseStringList(row.pair_ids),
          sent: row.delivery_status === 'sent',
          answeredAt: toIsoOrNull(row.answered_at),
          outcomes: outcomes.get(row.id) ?? {},
        }),
      );
    },

    async pairActivity(workspaceId) {
      const [activations, meetings] = await Promise.all([
        db.selectFrom('pair_activity').select(['pair_id', 'activated_at']).where('workspace_id', '=', workspaceId).execute(),
        db
          .selectFrom('checkin_answers')
          .select(['pair_id', (eb) => eb.fn.max('answered_at').as('last_met_at')])
          .where('workspace_id', '=', workspaceId)
          .where('outcome', '=', 'met')
          .groupBy('pair_id')
          .execute(),
      ]);
      const byPair = new Map<string, { activatedAt: string | null; lastMetAt: string | null }>();
      for (const a of activations) byPair.set(a.pair_id, { activatedAt: toIso(a.activated_at), lastMetAt: null });
      for (const m of meetings) {
        const entry = byPair.get(m.pair_id) ?? { activatedAt: null, lastMetAt: null };
        entry.lastMetAt = toIso(new Date(m.last_met_at));
        byPair.set(m.pair_id, entry);
      }
      return [...byPair].map(([pairId, v]) => ({ pairId, ...v }));
    },

    async memberStates(workspaceId) {
      const rows = await db
        .selectFrom('checkin_members')
        .select(['member_id', 'paused_at', 'paused_week', 'resumed_at'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      return rows.map(
        (r): CheckinMemberState => ({
          memberId: r.member_id,
          pausedAt: toIsoOrNull(r.paused_at),
          pausedWeek: r.paused_week,
          resumedAt: toIsoOrNull(r.resumed_at),
        }),
      );
    },

    /** Throws RowNotFoundError when the member is not in the workspace. */
    async pause(workspaceId, memberId, isoWeek, at) {
      await db
        .insertInto('checkin_members')
        .values({ member_id: memberId, workspace_id: workspaceId, paused_at: at, paused_week: isoWeek })
        .onConflict((oc) =>
          oc.column('member_id').doUpdateSet({ paused_at: at, paused_week: isoWeek }).where('checkin_members.paused_at', 'is', null),
        )
        .execute()
        .catch((error: unknown) => rethrowMissingReference(error, 'member', { workspaceId, memberId }));
    },

    async resume(workspaceId, memberId, at) {
      const updated = await db
        .updateTable('checkin_members')
        .set({ paused_at: null, paused_week: null, resumed_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('member_id', '=', memberId)
        .where('paused_at', 'is not', null)
        .returning('member_id')
        .executeTakeFirst();
      return updated !== undefined;
    },
  };
}
