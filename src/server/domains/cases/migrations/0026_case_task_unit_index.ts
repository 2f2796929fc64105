import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * "My tasks" asks for a unit's tasks given to no one in particular (`assignee_user_id is null`).
 * The unit index of 0018 also held every task given to a person of the unit, so at 1,000,000
 * tasks that part walked all of a busy unit's open tasks (p95 97 ms for a station officer,
 * measured by bench/cases.bench.ts). With the person in the index before the date, the unit's
 * own tasks are one range, in due order.
 */
export const m0026CaseTaskUnitIndex: Migration = {
  name: '0026_case_task_unit_index',
  async up(db) {
    await db.schema.dropIndex('case_task_unit').execute();
    await db.schema
      .createIndex('case_task_unit')
      .on('case_task')
      .columns(['assignee_unit_id', 'open', 'assignee_user_id', 'due_on'])
      .execute();
  },
};
