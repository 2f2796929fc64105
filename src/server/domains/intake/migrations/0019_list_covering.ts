import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Every list also leaves out records of an import still being staged (`notStaged` on
 * `import_batch`), and its capped count (up to 1,001) read each matching row for that one column:
 * up to a thousand scattered table pages per count, hundreds of milliseconds when they are not in
 * memory (a station's category filter on SQLite, the division's category and month filters on
 * PostgreSQL, at a million records). The list indexes now end with `import_batch`, so the count is
 * answered from the index alone; the page itself still reads its 50 rows. `seq` comes before it,
 * so the index still gives the list's order (time, then 受理番号) and no sort is needed.
 */
export const m0019ListCovering: Migration = {
  name: '0019_list_covering',
  async up(db) {
    const rebuild = async (name: string, columns: string[]) => {
      await db.schema.dropIndex(name).execute();
      await db.schema
        .createIndex(name)
        .on('consultation')
        .columns([...columns, 'import_batch'])
        .execute();
    };
    for (const c of ['category', 'modus', 'status', 'escalation'] as const) {
      const name = c === 'escalation' ? 'consultation_escalation_idx' : `consultation_${c}_received_idx`;
      await rebuild(name, [c, 'received_at', 'seq']);
    }
    await rebuild('consultation_received_idx', ['received_at', 'seq']);
    // A unit's list tests its filters inside this index (0017), so its order is sorted anyway.
    await rebuild('consultation_unit_received_idx', ['owning_unit_id', 'received_at', 'category', 'modus', 'status', 'escalation']);
  },
};
