import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Counts of consultations per owning unit, month (UTC), category and 手口, kept by triggers as
 * rows are inserted, changed or deleted. Statistics over a whole prefecture cannot be bounded by
 * an index (every record counts), and counting a million rows took seconds; the tally has a row
 * per unit, month, category and 手口 (thousands, not millions) and is summed instead. Triggers
 * rather than application code, so that no write path — the form, an import, a migration, a
 * hand-made repair — can leave the counts behind the records.
 */
export const m0014IntakeTally: Migration = {
  name: '0014_intake_tally',
  async up(db, d) {
    await db.schema
      .createTable('consultation_tally')
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('modus', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('consultation_tally_pk', ['unit_id', 'month', 'category', 'modus'])
      .execute();
    if (d.engine === 'postgres') {
      await sql`create function consultation_tally_add(u text, m timestamptz, c text, o text, k integer) returns void as $$
        insert into consultation_tally (unit_id, month, category, modus, n)
        values (u, to_char(m at time zone 'UTC', 'YYYY-MM'), c, o, k)
        on conflict (unit_id, month, category, modus) do update set n = consultation_tally.n + excluded.n
      $$ language sql`.execute(db);
      await sql`create function consultation_tally_trg() returns trigger as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') then
            perform consultation_tally_add(old.owning_unit_id, old.received_at, old.category, old.modus, -1);
          end if;
          if tg_op in ('UPDATE', 'INSERT') then
            perform consultation_tally_add(new.owning_unit_id, new.received_at, new.category, new.modus, 1);
          end if;
          return null;
        end $$ language plpgsql`.execute(db);
      await sql`create trigger consultation_tally_ins after insert or delete on consultation
        for each row execute function consultation_tally_trg()`.execute(db);
      await sql`create trigger consultation_tally_upd after update of owning_unit_id, received_at, category, modus on consultation
        for each row when (old.owning_unit_id is distinct from new.owning_unit_id or old.received_at is distinct from new.received_at
          or old.category is distinct from new.category or old.modus is distinct from new.modus)
        execute function consultation_tally_trg()`.execute(db);
      await sql`insert into consultation_tally (unit_id, month, category, modus, n)
        select owning_unit_id, to_char(received_at at time zone 'UTC', 'YYYY-MM'), category, modus, count(*)
        from consultation group by 1, 2, 3, 4`.execute(db);
      return;
    }
    const add = (row: 'new' | 'old', k: number) =>
      sql.raw(`insert into consultation_tally (unit_id, month, category, modus, n)
        values (${row}.owning_unit_id, substr(${row}.received_at, 1, 7), ${row}.category, ${row}.modus, ${k})
        on conflict (unit_id, month, category, modus) do update set n = n + excluded.n;`);
    await sql`create trigger consultation_tally_ins after insert on consultation begin ${add('new', 1)} end`.execute(db);
    await sql`create trigger consultation_tally_del after delete on consultation begin ${add('old', -1)} end`.execute(db);
    await sql`create trigger consultation_tally_upd after update of owning_unit_id, received_at, category, modus on consultation
      when old.owning_unit_id is not new.owning_unit_id or old.received_at is not new.received_at
        or old.category is not new.category or old.modus is not new.modus
      begin ${add('old', -1)} ${add('new', 1)} end`.execute(db);
    await sql`insert into consultation_tally (unit_id, month, category, modus, n)
      select owning_unit_id, substr(received_at, 1, 7), category, modus, count(*) from consultation group by 1, 2, 3, 4`.execute(db);
  },
};
