// Check-ins: one per member per ISO week, the answers per pair, each member's pause, and when each pair became active.
// Append-only: once released, change the schema in a new migration, never here.
// Migrations take Kysely<any>, not Kysely<Database>: they must keep compiling as the schema moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A member's check-in of one ISO week (of their own zone). Created when it is due (or asked for with
  // `checkin`); whether it was sent is the delivery's business, read through `delivery_key`.
  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (col) => col.notNull())
    .addColumn('iso_week', 'text', (col) => col.notNull().check(sql`iso_week ~ '^[0-9]{4}-W[0-9]{2}$'`))
    // The pairs it asks about (a row each in the message), so the report counts per pair.
    .addColumn('pair_ids', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('delivery_key', 'text', (col) => col.notNull())
    .addColumn('reminder_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    // The first answer; null while unanswered (three unanswered in a row pause the member).
    .addColumn('answered_at', 'timestamptz')
    .addUniqueConstraint('checkins_workspace_member_week_key', ['workspace_id', 'member_id', 'iso_week'])
    .addForeignKeyConstraint('checkins_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('checkins_workspace_week_idx').on('checkins').columns(['workspace_id', 'iso_week']).execute();
  await db.schema.createIndex('checkins_workspace_created_idx').on('checkins').columns(['workspace_id', 'created_at']).execute();

  // One answer per check-in and pair, updated in place when pressed again. `note` and `rating` are
  // private to their author: no report query selects them.
  await db.schema
    .createTable('checkin_answers')
    .addColumn('checkin_id', 'text', (col) => col.notNull().references('checkins.id').onDelete('cascade'))
    .addColumn('pair_id', 'text', (col) => col.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('member_id', 'text', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.check(sql`outcome in ('met', 'not_yet', 'need_help')`))
    .addColumn('rating', 'integer', (col) => col.check(sql`rating between 1 and 5`))
    .addColumn('note', 'text')
    .addColumn('answered_at', 'timestamptz', (col) => col.notNull())
    .addColumn('help_requested_at', 'timestamptz')
    .addPrimaryKeyConstraint('checkin_answers_pkey', ['checkin_id', 'pair_id'])
    .addForeignKeyConstraint('checkin_answers_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('checkin_answers_workspace_pair_idx').on('checkin_answers').columns(['workspace_id', 'pair_id']).execute();

  // A member whose check-ins are paused (three unanswered in a row) and since when; `resumed_at` starts the count again.
  await db.schema
    .createTable('checkin_members')
    .addColumn('member_id', 'text', (col) => col.primaryKey())
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('paused_at', 'timestamptz')
    .addColumn('paused_week', 'text')
    .addColumn('resumed_at', 'timestamptz')
    .addForeignKeyConstraint('checkin_members_member_fk', ['workspace_id', 'member_id'], 'members', ['workspace_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  // When each pair last became active. Kept by the database itself, whoever activates a pair (an
  // accepted intro, a resumed pair): check-ins and nudges count from it.
  await db.schema
    .createTable('pair_activity')
    .addColumn('pair_id', 'text', (col) => col.primaryKey().references('pairs.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (col) => col.notNull())
    .addColumn('activated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`
    create function rounds_pair_activated() returns trigger language plpgsql as $$
    begin
      if new.status = 'active' and (tg_op = 'INSERT' or old.status is distinct from 'active') then
        insert into pair_activity (pair_id, workspace_id, activated_at)
        values (new.id, new.workspace_id, new.updated_at)
        on conflict (pair_id) do update set activated_at = excluded.activated_at;
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger pairs_activated after insert or update of status on pairs
    for each row execute function rounds_pair_activated()`.execute(db);
  await sql`
    insert into pair_activity (pair_id, workspace_id, activated_at)
    select id, workspace_id, updated_at from pairs where status = 'active'`.execute(db);

  // The weekly attention budget counts each member's deliveries of the week.
  await db.schema.createIndex('deliveries_workspace_created_idx').on('deliveries').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deliveries_workspace_created_idx').execute();
  await sql`drop trigger pairs_activated on pairs`.execute(db);
  await sql`drop function rounds_pair_activated()`.execute(db);
  await db.schema.dropTable('pair_activity').execute();
  await db.schema.dropTable('checkin_members').execute();
  await db.schema.dropTable('checkin_answers').execute();
  await db.schema.dropTable('checkins').execute();
}
