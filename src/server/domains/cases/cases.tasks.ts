import { randomUUID } from 'node:crypto';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { CaseTask, CaseTaskCreate, CaseTaskStatus, CaseTaskUpdate, MyTask } from '../../../contracts/cases.tasks.contracts.js';
import { jstDay } from '../../../contracts/datetime.js';
import { roleScopes } from '../../../contracts/permissions.contracts.js';
import type { Role } from '../../../contracts/roles.contracts.js';
import { type RequestCtx, systemCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import type { Database } from '../../core/db/db.schema.js';
import { type Tx, withTx } from '../../core/db/db.tx.js';
import { type Deadline, sweepDeadlines } from '../../core/deadlines/deadlines.js';
import type { Principal } from '../../core/http/http.principal.js';
import { type Notice, notifyUnit, notifyUsers } from '../notify/index.js';
import { casesErrors } from './cases.errors.js';
import { mayEditCase, RECORD_TYPE, readableCase, readableCaseRow, type Viewer } from './cases.repository.js';
import { caseEvent } from './cases.timeline.js';

type Caller = Viewer & Pick<Principal, 'permissions'>;
const isOpen = (s: CaseTaskStatus) => s === 'todo' || s === 'doing';
const caseLink = (caseId: string) => `/cases/${caseId}#tasks`;

/** The owning unit (or a prefecture-wide role) with cases.write edits a case's tasks. */
/** Whoever a task is for moves its status: the person, or anyone of the unit when no person is named. */
const isAssignee = (p: Viewer, t: { assignee_user_id: string | null; assignee_unit_id: string }) =>
  t.assignee_user_id === null ? t.assignee_unit_id === p.unitId : t.assignee_user_id === p.userId;

/** A case's task rows with the names a list shows; the caller's need-to-know is the caller's to add. */
function taskQuery(db: Kysely<Database>) {
  return db
    .selectFrom('case_task as t')
    .innerJoin('case_record as k', 'k.id', 't.case_id')
    .innerJoin('unit as au', 'au.id', 't.assignee_unit_id')
    .leftJoin('app_user as a', 'a.id', 't.assignee_user_id')
    .select([
      't.seq',
      't.id',
      't.case_id',
      't.title',
      't.note',
      't.assignee_user_id',
      'a.display_name as assignee_name',
      't.assignee_unit_id',
      'au.name as assignee_unit_name',
      'au.name_en as assignee_unit_name_en',
      't.due_on',
      't.status',
      't.version',
      't.created_at',
      't.completed_at',
      'k.case_no',
      'k.title as case_title',
      'k.owning_unit_id',
    ]);
}
type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>>;

function toTask(r: TaskRow, p: Caller, today: string): CaseTask {
  const status = r.status as CaseTaskStatus;
  const canEdit = mayEditCase(p, r.owning_unit_id);
  return {
    id: r.id,
    caseId: r.case_id,
    title: r.title,
    note: r.note,
    assigneeUserId: r.assignee_user_id,
    assigneeName: r.assignee_name,
    assigneeUnitId: r.assignee_unit_id,
    assigneeUnitName: r.assignee_unit_name,
    assigneeUnitNameEn: r.assignee_unit_name_en,
    dueOn: r.due_on,
    status,
    overdue: isOpen(status) && r.due_on !== null && r.due_on < today,
    version: r.version,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    canEdit,
    canProgress: canEdit || isAssignee(p, r),
  };
}

/** A case's tasks, in the order they were added: one query, whatever their number. */
export async function tasksOfCase(db: Kysely<Database>, p: Caller, caseId: string, now = new Date()): Promise<CaseTask[]> {
  const rows = await taskQuery(db).where('t.case_id', '=', caseId).where(readableCase(p)).orderBy('t.seq').execute();
  const today = jstDay(now);
  return rows.map((r) => toTask(r, p, today));
}

/**
 * "My tasks": the caller's open tasks and their unit's unassigned ones on cases they may read,
 * soonest due first (no due date last). Each part walks its own index, and so do its counts
 * (open, and past due).
 */
export async function myTasks(db: Kysely<Database>, p: Caller, q: { mineOnly: string; limit: number }, now = new Date()) {
  const today = jstDay(now);
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`t.assignee_user_id = ${p.userId}`];
  if (q.mineOnly !== 'true') parts.push(sql<SqlBool>`t.assignee_unit_id = ${p.unitId} and t.assignee_user_id is null`);
  const rows: TaskRow[] = [];
  let overdue = 0;
  let total = 0;
  // One count per part gives both figures; a prefecture-wide reader reads every case, so the
  // count needs no case row at all (at 1,000,000 tasks the join was most of its time).
  const count = async (part: Expression<SqlBool>) => {
    const overdueCase = sql<number>`sum(case when t.due_on < ${today} then 1 else 0 end)`;
    const q =
      p.scope === 'prefecture'
        ? db.selectFrom('case_task as t').select((e) => [e.fn.countAll().as('n'), overdueCase.as('overdue')])
        : db
            .selectFrom('case_task as t')
            .innerJoin('case_record as k', 'k.id', 't.case_id')
            .select((e) => [e.fn.countAll().as('n'), overdueCase.as('overdue')])
            .where(readableCase(p));
    const r = await q.where('t.open', '=', 1).where(part).executeTakeFirstOrThrow();
    return { n: Number(r.n), overdue: Number(r.overdue ?? 0) };
  };
  for (const part of parts) {
    const base = taskQuery(db).where('t.open', '=', 1).where(part).where(readableCase(p));
    rows.push(
      ...(await base
        // Written as the index orders it (PostgreSQL's ascending default, and SQLite since 3.30),
        // so a busy unit's page is read in order and stops at the limit instead of sorting all.
        .orderBy(sql`t.due_on asc nulls last`)
        .orderBy('t.seq')
        .limit(q.limit + 1)
        .execute()),
    );
    const counted = await count(part);
    overdue += counted.overdue;
    total += counted.n;
  }
  const key = (r: TaskRow) => `${r.due_on ?? '9999-99-99'}\u0000${String(r.seq).padStart(12, '0')}`;
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const items: MyTask[] = rows.slice(0, q.limit).map((r) => ({
    ...toTask(r, p, today),
    caseNo: r.case_no,
    caseTitle: r.case_title,
    mine: r.assignee_user_id === p.userId,
  }));
  return { items, overdue, total, truncated: rows.length > q.limit };
}

/** The case a task is added to or changed on, readable by the caller; any other id is 404. */
async function caseFor(tx: Tx, p: Caller, caseId: string) {
  const k = await tx.kysely
    .selectFrom('case_record as k')
    .select(['k.id', 'k.case_no', 'k.title', 'k.owning_unit_id', 'k.lead_user_id', 'k.created_at', 'k.modus'])
    .where('k.id', '=', caseId)
    .where(readableCase(p))
    .executeTakeFirst();
  if (!k) throw casesErrors.create('cases.not_found');
  return k;
}
type CaseRow = Awaited<ReturnType<typeof caseFor>>;

/**
 * Who a task is for: a person who may read the case (by their own role and unit, as their list
 * would), or a unit that owns the case or it is shared with; the lead when neither is named.
 */
async function assignee(tx: Tx, k: CaseRow, a: { userId?: string | null; unitId?: string }) {
  const refuse = (path: string, value: string) =>
    casesErrors.create('cases.assignee_cannot_read', undefined, { details: [{ path, message: value }] });
  const userId = a.userId ?? (a.unitId === undefined ? k.lead_user_id : null);
  if (userId) {
    const u = await tx.kysely
      .selectFrom('app_user')
      .select(['id', 'unit_id', 'role'])
      .where('id', '=', userId)
      .where('disabled', '=', 0)
      .executeTakeFirst();
    if (!u) throw refuse('body.assigneeUserId', userId);
    const viewer: Viewer = { scope: roleScopes[u.role as Role] ?? 'none', unitId: u.unit_id, userId: u.id };
    const reads = await tx.kysely
      .selectFrom('case_record as k')
      .select('k.id')
      .where('k.id', '=', k.id)
      .where(readableCase(viewer))
      .executeTakeFirst();
    if (!reads) throw refuse('body.assigneeUserId', userId);
    return { userId: u.id, unitId: u.unit_id };
  }
  const unitId = a.unitId as string;
  if (unitId !== k.owning_unit_id) {
    const shared = await tx.kysely
      .selectFrom('record_share')
      .select('unit_id')
      .where('record_type', '=', RECORD_TYPE)
      .where('record_id', '=', k.id)
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
    if (!shared) throw refuse('body.assigneeUnitId', unitId);
  }
  return { userId: null, unitId };
}

/** A due date before the case was opened is a typing error, not a plan. */
function assertDue(k: CaseRow, dueOn: string | null | undefined) {
  if (dueOn && dueOn < jstDay(k.created_at)) {
    throw casesErrors.create(
      'cases.task_due_before_open',
      { opened: jstDay(k.created_at) },
      { details: [{ path: 'body.dueOn', message: dueOn }] },
    );
  }
}

/** Tell whoever a task is now for, unless they gave it to themselves. */
async function notifyAssignee(tx: Tx, actor: Viewer, k: CaseRow, to: { userId: string | null; unitId: string }, title: string, now: Date) {
  const notice: Notice = {
    kind: 'cases.task.assigned',
    title: `【捜査事項】${k.case_no} ${title}`,
    body: `事件「${k.title}」の捜査事項が割り当てられました。`,
    en: { title: `[Task] ${k.case_no} ${title}`, body: `A task of the case "${k.title}" was assigned to you.` },
    link: caseLink(k.id),
  };
  if (to.userId) {
    if (to.userId !== actor.userId) await notifyUsers(tx.kysely, [to.userId], notice, now);
  } else if (to.unitId !== actor.unitId) {
    await notifyUnit(tx.kysely, to.unitId, notice, now);
  }
}

async function insertTask(tx: Tx, ctx: RequestCtx, k: CaseRow, t: CaseTaskCreate, now: Date): Promise<string> {
  const to = await assignee(tx, k, { userId: t.assigneeUserId, unitId: t.assigneeUnitId });
  assertDue(k, t.dueOn);
  const id = randomUUID();
  const at = now.toISOString();
  await tx.kysely
    .insertInto('case_task')
    .values({
      id,
      case_id: k.id,
      title: t.title,
      note: t.note,
      assignee_user_id: to.userId,
      assignee_unit_id: to.unitId,
      due_on: t.dueOn,
      status: 'todo',
      open: 1,
      overdue_notified_on: null,
      version: 1,
      created_by: ctx.principal.userId,
      created_at: at,
      updated_at: at,
      completed_at: null,
      completed_by: null,
    })
    .execute();
  await notifyAssignee(tx, ctx.principal, k, to, t.title, now);
  await caseEvent(tx, ctx, k.id, 'taskAdded', { text: t.title }, now);
  await audit(tx, ctx, { action: 'cases.task.create', target: k.id, change: t, detail: { task: id } });
  return id;
}

/** Add a task to a case the caller's unit owns (or any, for a prefecture-wide role). */
export async function addTask(db: Db, ctx: RequestCtx, caseId: string, t: CaseTaskCreate, now = new Date()) {
  return withTx(db, async (tx) => {
    const k = await caseFor(tx, ctx.principal, caseId);
    if (!mayEditCase(ctx.principal, k.owning_unit_id)) throw casesErrors.create('cases.task_edit_forbidden');
    const id = await insertTask(tx, ctx, k, t, now);
    return { id, version: 1 };
  });
}

/**
 * Add the checklist of a 手口 (the case's own unless another is named) as tasks for the lead,
 * each due its template's days from today. All or none: one refused line adds nothing.
 */
export async function applyTemplate(db: Db, ctx: RequestCtx, caseId: string, modus: string | undefined, now = new Date()) {
  return withTx(db, async (tx) => {
    const k = await caseFor(tx, ctx.principal, caseId);
    if (!mayEditCase(ctx.principal, k.owning_unit_id)) throw casesErrors.create('cases.task_edit_forbidden');
    const code = modus ?? k.modus;
    const lines = code
      ? await tx.kysely.selectFrom('case_task_template').selectAll().where('modus', '=', code).orderBy('position').execute()
      : [];
    if (lines.length === 0) throw casesErrors.create('cases.no_task_template', { modus: code ?? '—' });
    const today = Date.parse(`${jstDay(now)}T00:00:00Z`);
    const ids: string[] = [];
    for (const l of lines) {
      const dueOn = l.days === null ? null : new Date(today + l.days * 86_400_000).toISOString().slice(0, 10);
      ids.push(await insertTask(tx, ctx, k, { title: l.title, note: '', dueOn }, now));
    }
    return { ids };
  });
}

/**
 * Change a task. The owning unit edits everything; whoever the task is for (and who may read the
 * case) moves its status only. The version read must still be current; a refusal changes nothing.
 */
export async function updateTask(db: Db, ctx: RequestCtx, caseId: string, taskId: string, u: CaseTaskUpdate, now = new Date()) {
  const p = ctx.principal;
  return withTx(db, async (tx) => {
    const k = await caseFor(tx, p, caseId);
    const t = await tx.kysely.selectFrom('case_task').selectAll().where('id', '=', taskId).where('case_id', '=', k.id).executeTakeFirst();
    if (!t) throw casesErrors.create('cases.task_not_found');
    const editing = ['title', 'note', 'assigneeUserId', 'assigneeUnitId', 'dueOn'].some((f) => u[f as keyof CaseTaskUpdate] !== undefined);
    const editor = mayEditCase(p, k.owning_unit_id);
    if (editing && !editor) throw casesErrors.create('cases.task_edit_forbidden');
    if (u.status !== undefined && !editor && !isAssignee(p, t)) throw casesErrors.create('cases.task_progress_forbidden');
    if (t.version !== u.version) throw casesErrors.create('cases.task_version_conflict');
    assertDue(k, u.dueOn);
    const reassigned = u.assigneeUserId !== undefined || u.assigneeUnitId !== undefined;
    const to = reassigned
      ? await assignee(tx, k, { userId: u.assigneeUserId ?? null, unitId: u.assigneeUnitId ?? t.assignee_unit_id })
      : null;
    const status = u.status ?? (t.status as CaseTaskStatus);
    const closing = u.status !== undefined && !isOpen(u.status) && isOpen(t.status as CaseTaskStatus);
    const reopening = u.status !== undefined && isOpen(u.status) && !isOpen(t.status as CaseTaskStatus);
    const version = t.version + 1;
    const at = now.toISOString();
    const r = await tx.kysely
      .updateTable('case_task')
      .set({
        ...(u.title !== undefined ? { title: u.title } : {}),
        ...(u.note !== undefined ? { note: u.note } : {}),
        ...(u.dueOn !== undefined ? { due_on: u.dueOn } : {}),
        ...(to ? { assignee_user_id: to.userId, assignee_unit_id: to.unitId } : {}),
        status,
        open: isOpen(status) ? 1 : 0,
        ...(closing ? { completed_at: at, completed_by: p.userId } : {}),
        ...(reopening ? { completed_at: null, completed_by: null } : {}),
        version,
        updated_at: at,
      })
      .where('id', '=', t.id)
      .where('version', '=', t.version)
      .executeTakeFirst();
    // Another transaction changed it between our read and this write (PostgreSQL read committed).
    if (Number(r.numUpdatedRows) !== 1) throw casesErrors.create('cases.task_version_conflict');
    if (to && (to.userId !== t.assignee_user_id || to.unitId !== t.assignee_unit_id)) {
      await notifyAssignee(tx, p, k, to, u.title ?? t.title, now);
    }
    // The lead hears when someone else finishes a task of theirs.
    if (closing && status === 'done' && k.lead_user_id !== p.userId) {
      await notifyUsers(
        tx.kysely,
        [k.lead_user_id],
        {
          kind: 'cases.task.done',
          title: `【完了】${k.case_no} ${t.title}`,
          en: { title: `[Done] ${k.case_no} ${t.title}` },
          link: caseLink(k.id),
        },
        now,
      );
    }
    if (closing && status === 'done') await caseEvent(tx, ctx, k.id, 'taskDone', { text: t.title }, now);
    await audit(tx, ctx, {
      action: 'cases.task.update',
      target: k.id,
      change: u,
      detail: { task: t.id, ...(u.status !== undefined ? { from: t.status, to: u.status } : {}) },
    });
    return { id: t.id, version };
  });
}

/**
 * Open tasks past their due date (JST): whoever a task is for and the case's lead are told once
 * per due date (a task given a new date and missed again is told again).
 */
export function markOverdueTasks(db: Db, now = new Date()): Promise<number> {
  return sweepDeadlines(db, taskDeadline, now);
}

// A task is due by the end of its day in JST; it is told once per due date (a new date is told again).
const untold = (e: ExpressionBuilder<Database, 'case_task'>) =>
  e.or([e('overdue_notified_on', 'is', null), e('overdue_notified_on', '<>', e.ref('due_on'))]);

const taskDeadline: Deadline<{
  id: string;
  title: string;
  due_on: string | null;
  assignee_user_id: string | null;
  assignee_unit_id: string;
  case_id: string;
  case_no: string;
  lead_user_id: string;
}> = {
  due: (db, now) =>
    db.kysely
      .selectFrom('case_task as t')
      .innerJoin('case_record as k', 'k.id', 't.case_id')
      .select(['t.id', 't.title', 't.due_on', 't.assignee_user_id', 't.assignee_unit_id', 'k.id as case_id', 'k.case_no', 'k.lead_user_id'])
      .where('t.open', '=', 1)
      .where('t.due_on', '<', jstDay(now))
      .where((e) => e.or([e('t.overdue_notified_on', 'is', null), e('t.overdue_notified_on', '<>', e.ref('t.due_on'))]))
      .limit(500)
      .execute(),
  claim: (tx, t) =>
    tx.kysely
      .updateTable('case_task')
      .set({ overdue_notified_on: t.due_on })
      .where('id', '=', t.id)
      .where('open', '=', 1)
      .where('due_on', '=', t.due_on)
      .where(untold)
      .executeTakeFirst(),
  async tell(tx, t, now) {
    const notice: Notice = {
      kind: 'cases.task.overdue',
      title: `【期限超過】${t.case_no} ${t.title}`,
      body: `捜査事項の期限（${t.due_on}）を過ぎています。`,
      en: { title: `[Overdue] ${t.case_no} ${t.title}`, body: `The task was due on ${t.due_on}.` },
      link: caseLink(t.case_id),
    };
    if (t.assignee_user_id) await notifyUsers(tx.kysely, [t.assignee_user_id], notice, now);
    else await notifyUnit(tx.kysely, t.assignee_unit_id, notice, now);
    if (t.lead_user_id !== t.assignee_user_id) await notifyUsers(tx.kysely, [t.lead_user_id], notice, now);
    await audit(tx, systemCtx, { action: 'cases.task.overdue', target: t.case_id, detail: { task: t.id, dueOn: t.due_on ?? '' } }, now);
  },
};

/**
 * Whom a task of this case may be given to: the people who may read it (its unit, the units and
 * people it is shared with, prefecture-wide roles) and the units it belongs or is shared to.
 */
export async function assigneeChoices(db: Kysely<Database>, p: Caller, caseId: string) {
  const k = await readableCaseRow(db, p, caseId);
  if (!k) throw casesErrors.create('cases.not_found');
  const shares = await db
    .selectFrom('record_share')
    .select(['unit_id', 'user_id'])
    .where('record_type', '=', RECORD_TYPE)
    .where('record_id', '=', k.id)
    .execute();
  const unitIds = [k.owning_unit_id, ...shares.flatMap((s) => (s.unit_id ? [s.unit_id] : []))];
  const userIds = shares.flatMap((s) => (s.user_id ? [s.user_id] : []));
  const wide = Object.entries(roleScopes).flatMap(([role, scope]) => (scope === 'prefecture' ? [role] : []));
  const people = await db
    .selectFrom('app_user as a')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.display_name', 'a.unit_id', 'u.name as unit_name', 'u.name_en as unit_name_en'])
    .where('a.disabled', '=', 0)
    .where((e) => e.or([e('a.unit_id', 'in', unitIds), e('a.role', 'in', wide), ...(userIds.length ? [e('a.id', 'in', userIds)] : [])]))
    .orderBy('u.code')
    .orderBy('a.display_name')
    .limit(500)
    .execute();
  const units = await db.selectFrom('unit').select(['id', 'name', 'name_en']).where('id', 'in', unitIds).orderBy('code').execute();
  return {
    people: people.map((a) => ({ id: a.id, name: a.display_name, unitId: a.unit_id, unitName: a.unit_name, unitNameEn: a.unit_name_en })),
    units: units.map((u) => ({ id: u.id, name: u.name, nameEn: u.name_en })),
  };
}
