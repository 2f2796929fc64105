import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * A case's tasks and the checklists each 手口 starts from. "My tasks" walks a person's open
 * tasks by due date (`case_task_user`) and their unit's unassigned ones (`case_task_unit`); the
 * overdue job walks open tasks by due date (`case_task_due`); a case reads its own by `case_id`.
 */
export const m0018CaseTasks: Migration = {
  name: '0018_case_tasks',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('case_task')
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('assignee_user_id', 'text', (c) => c.references('app_user.id'))
      .addColumn('assignee_unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('due_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      // Open (未着手・対応中) or not, kept as a column so "my tasks" and the overdue job walk an index.
      .addColumn('open', 'integer', (c) => c.notNull())
      .addColumn('overdue_notified_on', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addColumn('completed_at', ts)
      .addColumn('completed_by', 'text', (c) => c.references('app_user.id'))
      .execute();
    await db.schema.createIndex('case_task_case').on('case_task').columns(['case_id', 'seq']).execute();
    await db.schema.createIndex('case_task_user').on('case_task').columns(['assignee_user_id', 'open', 'due_on']).execute();
    await db.schema.createIndex('case_task_unit').on('case_task').columns(['assignee_unit_id', 'open', 'due_on']).execute();
    await db.schema.createIndex('case_task_due').on('case_task').columns(['open', 'due_on']).execute();

    // The checklist a 手口 starts from (ランサムウェア: ログ保全依頼, 被害範囲の確認, …); `days` sets
    // each task's due date from the day the checklist is applied.
    await db.schema
      .createTable('case_task_template')
      .addColumn('modus', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('days', 'integer')
      .addPrimaryKeyConstraint('case_task_template_pk', ['modus', 'position'])
      .execute();
  },
};
